package org.rehabplan;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How far apart the starts of consecutive sessions may be: at least {@code minimum}, at most {@code
 * maximum}, planned at {@code preferred}. "Once every 1–2 hours" is {@code between(1 h, 2 h)}.
 *
 * @param minimum the shortest allowed gap between session starts, positive
 * @param preferred the gap the scheduler plans, within {@code [minimum, maximum]}
 * @param maximum the longest allowed gap while awake, at least {@code minimum}
 */
public record Spacing(Duration minimum, Duration preferred, Duration maximum) {

  /**
   * Validates the components.
   *
   * @param minimum the shortest allowed gap between session starts, positive
   * @param preferred the gap the scheduler plans, within {@code [minimum, maximum]}
   * @param maximum the longest allowed gap while awake, at least {@code minimum}
   * @throws IllegalArgumentException if a gap is zero or negative, or the three are out of order
   */
  public Spacing {
    Checks.checkPositive(minimum, "minimum interval");
    Checks.checkPositive(preferred, "preferred interval");
    Checks.checkPositive(maximum, "maximum interval");
    checkArgument(
        minimum.compareTo(maximum) <= 0,
        "interval range must not be inverted: minimum %s is longer than maximum %s",
        minimum,
        maximum);
    checkArgument(
        minimum.compareTo(preferred) <= 0 && preferred.compareTo(maximum) <= 0,
        "preferred interval %s must lie within [%s, %s]",
        preferred,
        minimum,
        maximum);
  }

  /**
   * Gaps from {@code minimum} to {@code maximum}, planned at their midpoint; choose another planned
   * gap with {@link #preferring(Duration)}.
   *
   * @param minimum the shortest allowed gap, positive
   * @param maximum the longest allowed gap, at least {@code minimum}
   * @return the spacing
   */
  public static Spacing between(Duration minimum, Duration maximum) {
    // Checked before the sum, which could otherwise overflow.
    Checks.checkPositive(minimum, "minimum interval");
    Checks.checkPositive(maximum, "maximum interval");
    return new Spacing(minimum, minimum.plus(maximum).dividedBy(2), maximum);
  }

  /**
   * Returns a copy planned at {@code preferred}. This instance is immutable and unaffected by this
   * method call.
   *
   * @param preferred the gap to plan, within {@code [minimum, maximum]}
   * @return the spacing
   */
  public Spacing preferring(Duration preferred) {
    return new Spacing(minimum, preferred, maximum);
  }

  /**
   * Exactly {@code interval} apart.
   *
   * @param interval the gap between session starts, positive
   * @return a spacing whose minimum, preferred and maximum gaps are all {@code interval}
   * @throws IllegalArgumentException if {@code interval} is zero or negative
   */
  public static Spacing exactly(Duration interval) {
    return new Spacing(interval, interval, interval);
  }

  /**
   * Whether {@code gap} lies within {@code [minimum, maximum]}.
   *
   * @param gap a gap between two session starts
   * @return true when {@code gap} is allowed, both ends included
   */
  public boolean contains(Duration gap) {
    return minimum.compareTo(gap) <= 0 && gap.compareTo(maximum) <= 0;
  }
}
