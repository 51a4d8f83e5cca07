package org.rehabplan;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * How many sessions were due in a range, and how many of them the person reported done or
 * skipped.
 *
 * @param due the firm sessions starting in the range, zero or more
 * @param done how many of them were reported done
 * @param skipped how many of them were reported skipped
 */
public record Adherence(int due, int done, int skipped) {
  /**
   * Validates the counts: {@code 0 <= done + skipped <= due}.
   *
   * @param due the firm sessions starting in the range
   * @param done how many were reported done
   * @param skipped how many were reported skipped
   * @throws IllegalArgumentException if the counts break the rule
   */
  public Adherence {
    checkArgument(due >= 0 && done >= 0 && skipped >= 0 && done + skipped <= due,
        "adherence counts must satisfy 0 <= done + skipped <= due: %s, %s, %s", due, done,
        skipped);
  }

  /**
   * Returns how many due sessions have no outcome.
   *
   * @return {@code due - done - skipped}
   */
  public int unmarked() {
    return due - done - skipped;
  }

  /**
   * Returns the share of due sessions done, in percent, rounded down.
   *
   * @return 0 to 100; 100 when nothing was due
   */
  public int percentDone() {
    return due == 0 ? 100 : (int) (100L * done / due);
  }
}
