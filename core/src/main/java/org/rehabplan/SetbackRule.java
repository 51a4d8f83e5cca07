package org.rehabplan;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * What a phase does when a check-in reports too much pain with activity after the phase began:
 * send the person back to the previous phase, or hold them in the current one, for at least a
 * stated time. Either way the phase's exit criteria must be reported met again afterwards.
 *
 * @param painWithActivityAtLeast the threshold, 1 to 10: a check-in with pain with activity at or
 *     above it triggers the rule
 * @param action what happens
 * @param minimumTime how long the person stays (in the previous phase, or held) at least; positive
 *     and at most {@link #MAX_MINIMUM_TIME}
 */
public record SetbackRule(int painWithActivityAtLeast, Action action, Duration minimumTime) {

  /** What a setback does. */
  public enum Action {
    /** Back to the previous phase (the first phase holds instead). */
    BACK_TO_PREVIOUS,
    /** Stay in the current phase. */
    HOLD
  }

  /**
   * The longest a setback may last: {@link DurationEstimate#MAX_PHASE_DURATION}, as long as a phase
   * may be expected to take. It keeps every re-planned plan bounded: a setback never adds more than
   * this to the time-line after the check-in that triggered it.
   */
  public static final Duration MAX_MINIMUM_TIME = DurationEstimate.MAX_PHASE_DURATION;

  /**
   * Validates the components.
   *
   * @param painWithActivityAtLeast the pain-with-activity score (1–10) from which a check-in
   *     triggers the rule
   * @param action where the person goes
   * @param minimumTime how long the person stays there at least; positive, at most {@link
   *     #MAX_MINIMUM_TIME}
   * @throws IllegalArgumentException if the score is outside 1–10 or {@code minimumTime} is out of
   *     range
   */
  public SetbackRule {
    checkArgument(painWithActivityAtLeast >= 1 && painWithActivityAtLeast <= 10,
        "painWithActivityAtLeast must be between 1 and 10: %s", painWithActivityAtLeast);
    requireNonNull(action, "action");
    requireNonNull(minimumTime, "setback minimumTime");
    Checks.checkAtMost(minimumTime, "setback minimumTime", MAX_MINIMUM_TIME);
    Checks.checkPositive(minimumTime, "setback minimumTime");
  }

  /**
   * Back to the previous phase for at least {@code minimumTime} when pain reaches {@code pain}.
   *
   * @param pain the pain-with-activity score (1–10) from which a check-in triggers the rule
   * @param minimumTime how long the person stays in the previous phase at least; positive, at
   *     most {@link #MAX_MINIMUM_TIME}
   * @return the rule
   * @throws IllegalArgumentException if a value is out of range
   */
  public static SetbackRule backToPrevious(int pain, Duration minimumTime) {
    return new SetbackRule(pain, Action.BACK_TO_PREVIOUS, minimumTime);
  }

  /**
   * Hold the current phase for at least {@code minimumTime} when pain reaches {@code pain}.
   *
   * @param pain the pain-with-activity score (1–10) from which a check-in triggers the rule
   * @param minimumTime how long the person stays in the phase at least; positive, at most {@link
   *     #MAX_MINIMUM_TIME}
   * @return the rule
   * @throws IllegalArgumentException if a value is out of range
   */
  public static SetbackRule hold(int pain, Duration minimumTime) {
    return new SetbackRule(pain, Action.HOLD, minimumTime);
  }

  /**
   * Whether {@code checkIn} triggers this rule.
   *
   * @param checkIn the check-in
   * @return true when its pain with activity is at least {@link #painWithActivityAtLeast()}
   */
  public boolean triggeredBy(CheckIn checkIn) {
    return checkIn.painWithActivity() >= painWithActivityAtLeast;
  }
}
