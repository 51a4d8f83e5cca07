package org.rehabplan;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;

/**
 * A named condition a person reports as met, such as {@code pain-relieved} or {@code healed}.
 * Phases end when their criteria are met; interventions may require a criterion before they start.
 * A criterion may state what contradicts it: a check-in that reports it together with a
 * contradicting value is refused (see {@link Contradiction}).
 *
 * @param id the criterion's id, lower-case kebab-case
 * @param question the question a person answers to report it, e.g. "Is the pain relieved?"
 * @param contradictions what a check-in must not report together with this criterion; copied,
 *     may be empty
 */
public record Criterion(String id, String question, List<Contradiction> contradictions) {
  /**
   * Validates the components and copies the contradictions.
   *
   * @param id the criterion's id, lower-case kebab-case
   * @param question the question a person answers to report it; not blank, within the title
   *     length limit
   * @param contradictions what a check-in must not report together with this criterion; not
   *     null, may be empty
   * @throws IllegalArgumentException if the id or the question is malformed
   */
  public Criterion {
    Checks.checkId(id, "criterion id");
    Checks.checkText(question, "question", Limits.MAX_TITLE_LENGTH);
    contradictions = ImmutableList.copyOf(requireNonNull(contradictions, "contradictions"));
  }

  /**
   * A criterion that nothing contradicts.
   *
   * @param id the criterion's id, lower-case kebab-case
   * @param question the question a person answers to report it
   */
  public Criterion(String id, String question) {
    this(id, question, ImmutableList.of());
  }

  /**
   * A criterion with the given id and question, which nothing contradicts.
   *
   * @param id the criterion's id, lower-case kebab-case
   * @param question the question a person answers to report it
   * @return the criterion
   * @throws IllegalArgumentException if the id or the question is malformed
   */
  public static Criterion of(String id, String question) {
    return new Criterion(id, question);
  }

  /**
   * Returns a copy that is also contradicted by {@code contradiction}. This instance is immutable
   * and unaffected by this method call.
   *
   * @param contradiction the contradiction to add after the existing ones; not null
   * @return a criterion with the same id and question and one more contradiction
   */
  public Criterion contradictedBy(Contradiction contradiction) {
    requireNonNull(contradiction, "contradiction");
    return new Criterion(id, question,
        ImmutableList.<Contradiction>builder().addAll(contradictions).add(contradiction).build());
  }

  /**
   * Why {@code checkIn} cannot report this criterion, if one of its contradictions applies: a
   * sentence naming the check-in's value and the rule.
   *
   * @param checkIn a check-in that reports this criterion as met; not null
   * @return the first applying contradiction's sentence, or empty when none applies
   */
  public Optional<String> contradictionIn(CheckIn checkIn) {
    requireNonNull(checkIn, "checkIn");
    for (Contradiction c : contradictions) {
      Optional<String> why = c.explain(checkIn);
      if (why.isPresent()) {
        return Optional.of("\"" + id + "\" cannot be reported " + why.get());
      }
    }
    return Optional.empty();
  }
}
