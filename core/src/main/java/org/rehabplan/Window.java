package org.rehabplan;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

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
 *     positive; empty for as long as the phase lasts
 */
public record Window(
    Anchor anchor, Duration offset, Duration minimumExtent, Optional<Duration> maximumExtent) {

  /**
   * Validates the components.
   *
   * @param anchor what the window is measured from
   * @param offset from the anchor to the window's start, zero or positive
   * @param minimumExtent how long the window lasts at least, zero or positive
   * @param maximumExtent how long the window lasts at most, positive and at least {@code
   *     minimumExtent}; empty for as long as the phase lasts
   * @throws IllegalArgumentException if a duration is negative, the maximum is zero or shorter than
   *     the minimum
   */
  public Window {
    requireNonNull(anchor, "anchor");
    Checks.checkNotNegative(offset, "offset");
    Checks.checkNotNegative(minimumExtent, "minimumExtent");
    requireNonNull(maximumExtent, "maximumExtent");
    maximumExtent.ifPresent(max -> {
      Checks.checkPositive(max, "maximumExtent");
      checkArgument(
          minimumExtent.compareTo(max) <= 0,
          "window must not end before it starts: maximumExtent %s is shorter than minimumExtent %s",
          max,
          minimumExtent);
    });
  }

  /**
   * The whole of the phase (or run of phases) the intervention is active in.
   *
   * @return a window from the phase start, no offset, no minimum, no maximum extent
   */
  public static Window wholePhase() {
    return new Window(Anchor.PHASE_START, Duration.ZERO, Duration.ZERO, Optional.empty());
  }

  /**
   * From the injury for at least {@code minimumExtent} and at most {@code maximumExtent}.
   *
   * @param minimumExtent how long after the injury the window lasts at least, zero or positive
   * @param maximumExtent how long after the injury it lasts at most, at least {@code minimumExtent}
   * @return the window, anchored at the injury with no offset
   * @throws IllegalArgumentException if the extents are negative, zero (maximum) or inverted
   */
  public static Window afterInjury(Duration minimumExtent, Duration maximumExtent) {
    return new Window(Anchor.INJURY, Duration.ZERO, minimumExtent,
        Optional.of(requireNonNull(maximumExtent, "maximumExtent")));
  }

  /**
   * From the start of the phase for exactly {@code extent}.
   *
   * @param extent how long the window lasts, positive
   * @return the window, whose minimum and maximum extent are both {@code extent}
   * @throws IllegalArgumentException if {@code extent} is zero or negative
   */
  public static Window firstOfPhase(Duration extent) {
    return new Window(Anchor.PHASE_START, Duration.ZERO, extent,
        Optional.of(requireNonNull(extent, "extent")));
  }

  /**
   * Returns a copy starting {@code offset} after the anchor. This instance is immutable and
   * unaffected by this method call.
   *
   * @param offset from the anchor to the window's start, zero or positive
   * @return the copy, with the same anchor and extents
   * @throws IllegalArgumentException if {@code offset} is negative
   */
  public Window withOffset(Duration offset) {
    return new Window(anchor, offset, minimumExtent, maximumExtent);
  }

  /**
   * The least time from the anchor that the window must reach.
   *
   * @return {@code offset + minimumExtent}
   */
  public Duration minimumEnd() {
    return offset.plus(minimumExtent);
  }

  /**
   * The window in words, e.g. {@code from the injury for at least 6 h and up to 2 days}, {@code
   * from 3 days after the phase start to the end of the phase} or {@code for the whole phase}.
   */
  @Override
  public String toString() {
    String from = offset.isZero()
        ? "from the " + anchorName()
        : "from " + HumanDurations.format(offset) + " after the " + anchorName();
    return maximumExtent
        .map(max -> minimumExtent.equals(max)
            ? from + " for " + HumanDurations.format(max)
            : from + " for at least " + HumanDurations.format(minimumExtent)
                + " and up to " + HumanDurations.format(max))
        .orElse(anchor == Anchor.PHASE_START && offset.isZero()
            ? "for the whole phase" : from + " to the end of the phase");
  }

  private String anchorName() {
    return anchor == Anchor.INJURY ? "injury" : "phase start";
  }
}
