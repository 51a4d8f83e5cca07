package org.rehabplan;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * When a timing applies: from {@code anchor + offset} for between {@code minimumExtent} and {@code
 * maximumExtent}, always clipped to the phases the intervention is active in. The window is
 * half-open: {@code [anchor + offset, anchor + offset + maximumExtent)}.
 *
 * <p>The minimum extent is what the protocol insists on ("at least the first 6 hours"), the maximum
 * what it allows ("up to 2 days"). The scheduler plans across the maximum extent; a protocol is
 * rejected when a phase may end before the minimum extent is reached, so the minimum always holds.
 * An absent maximum extent means "as long as the phase lasts".
 *
 * @param anchor what the window is measured from
 * @param offset from the anchor to the window's start, zero or positive
 * @param minimumExtent how long the window lasts at least, zero or positive
 * @param maximumExtent how long the window lasts at most, at least {@code minimumExtent} and
 *     positive; {@code null} for the whole phase
 */
public record Window(
    Anchor anchor, Duration offset, Duration minimumExtent, @Nullable Duration maximumExtent) {

  /** Validates the components. */
  public Window {
    requireNonNull(anchor, "anchor");
    Checks.checkNotNegative(offset, "offset");
    Checks.checkNotNegative(minimumExtent, "minimumExtent");
    if (maximumExtent != null) {
      Checks.checkPositive(maximumExtent, "maximumExtent");
      checkArgument(
          minimumExtent.compareTo(maximumExtent) <= 0,
          "window must not end before it starts: maximumExtent %s is shorter than minimumExtent %s",
          maximumExtent,
          minimumExtent);
    }
  }

  /** The whole of the phase (or run of phases) the intervention is active in. */
  public static Window wholePhase() {
    return new Window(Anchor.PHASE_START, Duration.ZERO, Duration.ZERO, null);
  }

  /** From the injury for at least {@code minimumExtent} and at most {@code maximumExtent}. */
  public static Window afterInjury(Duration minimumExtent, Duration maximumExtent) {
    return new Window(Anchor.INJURY, Duration.ZERO, minimumExtent, requireNonNull(maximumExtent,
        "maximumExtent"));
  }

  /** From the start of the phase for exactly {@code extent}. */
  public static Window firstOfPhase(Duration extent) {
    return new Window(Anchor.PHASE_START, Duration.ZERO, extent, requireNonNull(extent, "extent"));
  }

  /** The maximum extent, or empty when the window lasts as long as the phase. */
  public Optional<Duration> maximum() {
    return Optional.ofNullable(maximumExtent);
  }

  /**
   * Returns a copy starting {@code offset} after the anchor. This instance is immutable and
   * unaffected by this method call.
   */
  public Window withOffset(Duration offset) {
    return new Window(anchor, offset, minimumExtent, maximumExtent);
  }

  /** The least time from the anchor that the window must reach: {@code offset + minimumExtent}. */
  public Duration minimumEnd() {
    return offset.plus(minimumExtent);
  }

  @Override
  public String toString() {
    return "from " + anchor.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
        + (offset.isZero() ? "" : " + " + offset)
        + (maximumExtent == null ? ", whole phase" : ", " + minimumExtent + " to " + maximumExtent);
  }
}
