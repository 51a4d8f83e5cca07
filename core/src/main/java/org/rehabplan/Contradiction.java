package org.rehabplan;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Optional;

/**
 * What a check-in must not report together with a {@link Criterion}: a rule that makes a report
 * self-contradictory, such as "pain relieved" with pain with activity of 8/10. A check-in that
 * reports the criterion with a contradicting value is refused with a {@link PlanningException}
 * that says why. Each rule carries its provenance: a threshold no source gives is marked as a
 * {@linkplain Provenance#isChoice() choice}.
 */
public sealed interface Contradiction permits Contradiction.PainWithActivity {

  /**
   * Why {@code checkIn} contradicts the criterion, if it does: the end of a sentence that starts
   * with "the criterion cannot be reported", e.g. {@code "with pain with activity 8/10 (it needs
   * less than 3/10)"}.
   *
   * @param checkIn the check-in that reports the criterion; not null
   * @return the explanation, or empty when the check-in does not contradict the criterion
   */
  Optional<String> explain(CheckIn checkIn);

  /**
   * Where the rule comes from.
   *
   * @return the source or the "our choice" rationale of the threshold
   */
  Provenance provenance();

  /**
   * What contradicts the criterion, e.g. {@code "pain with activity of 3/10 or more"}.
   *
   * @return a noun phrase for a person to read
   */
  String describe();

  /**
   * Contradicted by pain with activity at or above {@code atLeast} (0–10 scale).
   *
   * @param atLeast pain with activity from which the criterion is refused, 1 to 10
   * @param provenance where the threshold comes from
   * @return the contradiction
   * @throws IllegalArgumentException if {@code atLeast} is outside 1–10
   */
  static PainWithActivity painWithActivityAtLeast(int atLeast, Provenance provenance) {
    return new PainWithActivity(atLeast, provenance);
  }

  /**
   * Contradicted by pain with activity at or above a threshold.
   *
   * @param atLeast pain with activity from which the criterion is refused, 1 to 10
   * @param provenance where the threshold comes from
   */
  record PainWithActivity(int atLeast, Provenance provenance) implements Contradiction {
    /**
     * Validates the components.
     *
     * @param atLeast pain with activity from which the criterion is refused, 1 to 10
     * @param provenance where the threshold comes from; not null
     * @throws IllegalArgumentException if {@code atLeast} is outside 1–10
     */
    public PainWithActivity {
      checkArgument(atLeast >= 1 && atLeast <= 10,
          "pain with activity threshold must be between 1 and 10: %s", atLeast);
      requireNonNull(provenance, "provenance");
    }

    @Override
    public String describe() {
      return "pain with activity of " + atLeast + "/10 or more";
    }

    @Override
    public Optional<String> explain(CheckIn checkIn) {
      if (checkIn.painWithActivity() < atLeast) {
        return Optional.empty();
      }
      return Optional.of(String.format(Locale.ROOT,
          "with pain with activity %d/10: it needs pain with activity below %d/10 (%s)",
          checkIn.painWithActivity(), atLeast,
          provenance.isChoice() ? "a choice of the " + provenance.citation()
              : "from " + provenance.citation()));
    }
  }
}
