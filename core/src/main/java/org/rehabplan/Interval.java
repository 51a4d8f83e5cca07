package org.rehabplan;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A half-open span of time {@code [start, endExclusive)} on the time-line. Empty intervals ({@code
 * start == endExclusive}) are allowed; inverted ones are not.
 *
 * @param start the first instant inside the interval
 * @param endExclusive the first instant after the interval, not before {@code start}
 */
public record Interval(Instant start, Instant endExclusive) implements Comparable<Interval> {

  /**
   * Validates the components.
   *
   * @param start the first instant inside the interval
   * @param endExclusive the first instant after the interval, not before {@code start}
   * @throws NullPointerException if either is null
   * @throws IllegalArgumentException if {@code endExclusive} is before {@code start}
   */
  public Interval {
    requireNonNull(start, "start");
    requireNonNull(endExclusive, "endExclusive");
    checkArgument(
        !endExclusive.isBefore(start),
        "end must be on or after start: %s/%s",
        start,
        endExclusive);
  }

  /**
   * The interval {@code [startInclusive, endExclusive)}.
   *
   * @param startInclusive the first instant inside the interval
   * @param endExclusive the first instant after it, not before {@code startInclusive}
   * @return the interval; empty when the two instants are equal
   * @throws IllegalArgumentException if {@code endExclusive} is before {@code startInclusive}
   */
  public static Interval of(Instant startInclusive, Instant endExclusive) {
    return new Interval(startInclusive, endExclusive);
  }

  /**
   * The interval {@code [startInclusive, startInclusive + duration)}.
   *
   * @param startInclusive the first instant inside the interval
   * @param duration the interval's length, zero or positive
   * @return the interval
   * @throws IllegalArgumentException if {@code duration} is negative or the end would lie past
   *     {@link Instant#MAX}
   */
  public static Interval of(Instant startInclusive, Duration duration) {
    requireNonNull(startInclusive, "startInclusive");
    requireNonNull(duration, "duration");
    checkArgument(!duration.isNegative(), "duration must not be negative: %s", duration);
    Instant end;
    try {
      end = startInclusive.plus(duration);
    } catch (DateTimeException | ArithmeticException e) {
      throw new IllegalArgumentException(
          "duration " + duration + " from " + startInclusive + " ends past Instant.MAX", e);
    }
    return new Interval(startInclusive, end);
  }

  /**
   * Parses the {@code start/end} form written by {@link #toString()}.
   *
   * @param text two ISO-8601 instants separated by a slash, e.g. {@code
   *     2026-03-01T08:00:00Z/2026-03-01T09:00:00Z}
   * @return the interval
   * @throws IllegalArgumentException if {@code text} is not two ISO-8601 instants, start not after
   *     end, separated by a slash
   */
  public static Interval parse(CharSequence text) {
    requireNonNull(text, "text");
    String s = text.toString();
    int slash = s.indexOf('/');
    checkArgument(slash > 0, "interval text must be written start/end: %s", Checks.quote(s));
    try {
      return of(Instant.parse(s.substring(0, slash)), Instant.parse(s.substring(slash + 1)));
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "interval text must be two ISO-8601 instants start/end: " + Checks.quote(s), e);
    }
  }

  /**
   * The length of the interval.
   *
   * @return {@code endExclusive - start}, zero for an empty interval
   */
  public Duration duration() {
    return Duration.between(start, endExclusive);
  }

  /**
   * Whether the interval is empty.
   *
   * @return true when {@code start} equals {@code endExclusive}, so no instant lies inside
   */
  public boolean isEmpty() {
    return start.equals(endExclusive);
  }

  /**
   * Whether {@code instant} lies in {@code [start, endExclusive)}.
   *
   * @param instant the instant to test
   * @return true from {@code start} on and before {@code endExclusive}; never for an empty interval
   */
  public boolean contains(Instant instant) {
    return !instant.isBefore(start) && instant.isBefore(endExclusive);
  }

  /**
   * Whether {@code other} lies wholly inside this interval.
   *
   * @param other the interval to test
   * @return true when {@code other} starts no earlier and ends no later than this one (an empty
   *     {@code other} at either end counts as inside)
   */
  public boolean encloses(Interval other) {
    return !other.start.isBefore(start) && !other.endExclusive.isAfter(endExclusive);
  }

  /**
   * Whether the two intervals share at least one instant.
   *
   * @param other the interval to test
   * @return true when some instant lies in both; false when they only touch ({@code end ==
   *     other.start}) or either is empty
   */
  public boolean overlaps(Interval other) {
    return start.isBefore(other.endExclusive) && other.start.isBefore(endExclusive)
        && !isEmpty() && !other.isEmpty();
  }

  /**
   * The instants in both intervals: {@code [max(starts), min(ends))}. Empty (no interval) when they
   * are disjoint; an empty interval when they only touch, or one of them is empty inside the other.
   *
   * @param other the other interval
   * @return the common part, if the intervals meet
   */
  public Optional<Interval> intersection(Interval other) {
    requireNonNull(other, "other");
    Instant s = start.isAfter(other.start) ? start : other.start;
    Instant e = endExclusive.isBefore(other.endExclusive) ? endExclusive : other.endExclusive;
    return s.isAfter(e) ? Optional.empty() : Optional.of(new Interval(s, e));
  }

  /**
   * Returns a copy with the given start. This instance is immutable and unaffected by this method
   * call.
   *
   * @param start the new first instant, not after {@code endExclusive}
   * @return the copy
   * @throws IllegalArgumentException if {@code start} is after {@code endExclusive}
   */
  public Interval withStart(Instant start) {
    return new Interval(start, endExclusive);
  }

  /**
   * Returns a copy with the given exclusive end. This instance is immutable and unaffected by this
   * method call.
   *
   * @param endExclusive the new first instant after the interval, not before {@code start}
   * @return the copy
   * @throws IllegalArgumentException if {@code endExclusive} is before {@code start}
   */
  public Interval withEndExclusive(Instant endExclusive) {
    return new Interval(start, endExclusive);
  }

  /** Orders by start, then by end. */
  @Override
  public int compareTo(Interval other) {
    int c = start.compareTo(other.start);
    return c != 0 ? c : endExclusive.compareTo(other.endExclusive);
  }

  /** {@code start/endExclusive} in ISO-8601, readable by {@link #parse(CharSequence)}. */
  @Override
  public String toString() {
    return start + "/" + endExclusive;
  }
}
