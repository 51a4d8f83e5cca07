package org.rehabplan;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSortedSet;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * What a person reports at one moment: pain at rest and with activity (0–10), the criteria they
 * report as met (e.g. {@code pain-relieved}), and optional free text.
 *
 * @param at when the check-in was made
 * @param painAtRest pain at rest, 0 (none) to 10 (worst)
 * @param painWithActivity pain with activity, 0 to 10
 * @param criteriaMet ids of the criteria reported as met, sorted
 * @param note free text, if the person wrote any: not blank, no control characters other than
 *     line feed
 */
public record CheckIn(
    Instant at,
    int painAtRest,
    int painWithActivity,
    Set<String> criteriaMet,
    Optional<String> note) {

  /**
   * Validates and copies the components.
   *
   * @param at when the check-in was made; not null
   * @param painAtRest pain at rest, 0 (none) to 10 (worst)
   * @param painWithActivity pain with activity, 0 to 10
   * @param criteriaMet ids of the criteria reported as met; not null, no null elements, each a
   *     valid criterion id; copied into a sorted set
   * @param note free text, if any; not null (use {@link Optional#empty()}), not blank, within
   *     the note length limit
   * @throws IllegalArgumentException if a pain is outside 0–10, an id or the note is malformed
   * @throws NullPointerException if a component or an element is null
   */
  public CheckIn {
    requireNonNull(at, "at");
    checkPain(painAtRest, "painAtRest");
    checkPain(painWithActivity, "painWithActivity");
    requireNonNull(criteriaMet, "criteriaMet");
    criteriaMet = ImmutableSortedSet.copyOf(Checks.checkNoNulls(criteriaMet, "criteriaMet"));
    criteriaMet.forEach(c -> Checks.checkId(c, "criterion id"));
    requireNonNull(note, "note");
    note.ifPresent(n -> Checks.checkText(n, "note", Limits.MAX_NOTE_LENGTH));
  }

  /**
   * A check-in without a note.
   *
   * @param at when the check-in was made; not null
   * @param painAtRest pain at rest, 0 (none) to 10 (worst)
   * @param painWithActivity pain with activity, 0 to 10
   * @param criteriaMet ids of the criteria reported as met, in any order; not null, no nulls
   * @return the check-in, validated as by the canonical constructor
   */
  public static CheckIn of(
      Instant at, int painAtRest, int painWithActivity, Collection<String> criteriaMet) {
    return new CheckIn(at, painAtRest, painWithActivity,
        Set.copyOf(Checks.checkNoNulls(criteriaMet, "criteriaMet")), Optional.empty());
  }

  /**
   * Returns a copy with the given note. This instance is immutable and unaffected by this method
   * call.
   *
   * @param note the free text; not null, not blank, within the note length limit
   * @return a check-in equal to this one except for the note
   * @throws IllegalArgumentException if the note is blank, too long or has control characters
   */
  public CheckIn withNote(String note) {
    return new CheckIn(at, painAtRest, painWithActivity, criteriaMet,
        Optional.of(requireNonNull(note, "note")));
  }

  private static void checkPain(int pain, String name) {
    checkArgument(pain >= 0 && pain <= 10, "%s must be between 0 and 10: %s", name, pain);
  }
}
