package org.rehabplan;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedSet;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When an intervention happens. A sealed sum type whose vocabulary follows HL7 FHIR {@code
 * Timing.repeat} (duration, frequency and period with a maximum, bounds, time of day, offset):
 *
 * <ul>
 *   <li>{@link Repeating}: sessions of a fixed length at an interval within a range, inside a
 *       window ("15 min, once every 1–2 h, for at least 6 h and up to 2 days");
 *   <li>{@link TimesPerDay}: N sessions a day spread across waking hours, optionally on some days
 *       of the week;
 *   <li>{@link AtLocalTimes}: sessions at given local times of day, optionally on some days;
 *   <li>{@link Continuous}: guidance that holds over a span, shown as all-day guidance;
 *   <li>{@link Once}: a single session at an offset, such as a self-check;
 *   <li>{@link Relative}: a session placed relative to each session of other interventions ("warm
 *       up 10 minutes before each exercise session");
 *   <li>{@link AsNeeded}: no fixed times, with an optional minimum spacing and daily maximum.
 * </ul>
 *
 * <p>Every variant is an immutable record whose compact constructor is its single validating
 * funnel. Session lengths are between one minute and {@link #MAX_SESSION_LENGTH}.
 */
public sealed interface Timing permits Timing.WithSessions, Timing.WithWindow, Timing.AsNeeded {

  /** The longest single session any timing may ask for. */
  Duration MAX_SESSION_LENGTH = Duration.ofHours(12);

  /**
   * Whether this timing produces dated sessions (as opposed to guidance spans or as-needed use):
   * true exactly for the {@link WithSessions} variants.
   *
   * @return true for {@link Repeating}, {@link TimesPerDay}, {@link AtLocalTimes}, {@link Once}
   *     and {@link Relative}
   */
  default boolean schedulesSessions() {
    return false;
  }

  /**
   * A short English description of the timing, e.g. {@code 15 min every 1 h–2 h}.
   *
   * @return one line, the same in every locale
   */
  String describe();

  /**
   * The window the timing applies in (FHIR {@code bounds}): present exactly for the {@link
   * WithWindow} variants ({@link Repeating}, {@link TimesPerDay}, {@link AtLocalTimes} and {@link
   * Continuous}).
   *
   * @return the window, or empty for {@link Once}, {@link Relative} and {@link AsNeeded}
   */
  default Optional<Window> bounds() {
    return Optional.empty();
  }

  /**
   * The length of each session (FHIR {@code duration}): present exactly for the {@link
   * WithSessions} variants.
   *
   * @return the session length, or empty for {@link Continuous} and {@link AsNeeded}
   */
  default Optional<Duration> duration() {
    return Optional.empty();
  }

  /**
   * Calls the {@code visitor} method for this variant: Java 17's way to handle every variant with
   * the compiler checking that none is forgotten (there is no pattern-matching switch before Java
   * 21). The scheduler handles timings this way, so a new variant does not compile until it is
   * planned.
   *
   * @param <R> what the visitor returns
   * @param visitor one method per variant
   * @return what the visitor's method returned
   */
  <R> R accept(Visitor<R> visitor);

  /**
   * One method per variant, called by {@link Timing#accept}. Adding a variant to {@code Timing}
   * adds a method here, which breaks the build wherever a visitor does not handle it.
   *
   * @param <R> what the visit returns
   */
  interface Visitor<R> {
    /**
     * Handles a {@link Repeating} timing.
     *
     * @param timing the timing
     * @return the result of the visit
     */
    R repeating(Repeating timing);

    /**
     * Handles a {@link TimesPerDay} timing.
     *
     * @param timing the timing
     * @return the result of the visit
     */
    R timesPerDay(TimesPerDay timing);

    /**
     * Handles an {@link AtLocalTimes} timing.
     *
     * @param timing the timing
     * @return the result of the visit
     */
    R atLocalTimes(AtLocalTimes timing);

    /**
     * Handles a {@link Continuous} timing.
     *
     * @param timing the timing
     * @return the result of the visit
     */
    R continuous(Continuous timing);

    /**
     * Handles a {@link Once} timing.
     *
     * @param timing the timing
     * @return the result of the visit
     */
    R once(Once timing);

    /**
     * Handles a {@link Relative} timing.
     *
     * @param timing the timing
     * @return the result of the visit
     */
    R relative(Relative timing);

    /**
     * Handles an {@link AsNeeded} timing.
     *
     * @param timing the timing
     * @return the result of the visit
     */
    R asNeeded(AsNeeded timing);
  }

  /**
   * A timing that produces dated sessions of a fixed length: {@link Repeating}, {@link
   * TimesPerDay}, {@link AtLocalTimes}, {@link Once} and {@link Relative}.
   */
  sealed interface WithSessions extends Timing
      permits Repeating, TimesPerDay, AtLocalTimes, Once, Relative {
    /**
     * How long each session lasts.
     *
     * @return the session length, between one minute and {@link #MAX_SESSION_LENGTH}
     */
    Duration sessionLength();

    @Override
    default boolean schedulesSessions() {
      return true;
    }

    @Override
    default Optional<Duration> duration() {
      return Optional.of(sessionLength());
    }
  }

  /**
   * A timing that applies inside a {@link Window}: {@link Repeating}, {@link TimesPerDay}, {@link
   * AtLocalTimes} and {@link Continuous}.
   */
  sealed interface WithWindow extends Timing
      permits Repeating, TimesPerDay, AtLocalTimes, Continuous {
    /**
     * When the timing applies.
     *
     * @return the window, clipped by the scheduler to the phases the intervention is active in
     */
    Window window();

    @Override
    default Optional<Window> bounds() {
      return Optional.of(window());
    }
  }

  // ---------------------------------------------------------------- factories

  /**
   * Sessions of {@code sessionLength} at {@code interval}, inside {@code window}, while awake
   * (parameters in the order of {@link Repeating}'s components).
   *
   * @param sessionLength how long each session lasts
   * @param interval the allowed and preferred gaps between session starts
   * @param window when the sessions happen
   * @return the timing
   */
  static Repeating every(Duration sessionLength, Spacing interval, Window window) {
    return new Repeating(sessionLength, interval, window, true);
  }

  /**
   * {@code count} sessions a day spread across waking hours, every day, inside {@code window}.
   *
   * @param count sessions per day, 1 to 24
   * @param sessionLength how long each session lasts, positive and at most {@link
   *     #MAX_SESSION_LENGTH}; all {@code count} together shorter than a day
   * @param window when the sessions happen
   * @return the timing, on all seven days of the week
   * @throws IllegalArgumentException if a value is out of range
   */
  static TimesPerDay timesPerDay(int count, Duration sessionLength, Window window) {
    return new TimesPerDay(count, sessionLength, EnumSet.allOf(DayOfWeek.class), window);
  }

  /**
   * Sessions at the given local {@code times} every day, inside {@code window}.
   *
   * @param times the local start times in any order, not empty; sorted and duplicates dropped
   * @param sessionLength how long each session lasts; consecutive times (also across midnight) at
   *     least this far apart
   * @param window when the sessions happen
   * @return the timing, on all seven days of the week
   * @throws NullPointerException if {@code times} holds a null
   * @throws IllegalArgumentException if {@code times} is empty or two sessions would overlap
   */
  static AtLocalTimes atLocalTimes(
      Collection<LocalTime> times, Duration sessionLength, Window window) {
    return new AtLocalTimes(
        ImmutableSortedSet.copyOf(Checks.checkNoNulls(times, "times")).asList(), sessionLength,
        EnumSet.allOf(DayOfWeek.class), window);
  }

  /**
   * Guidance that holds throughout {@code window}.
   *
   * @param window the span of time the guidance holds in
   * @return the timing
   */
  static Continuous continuous(Window window) {
    return new Continuous(window);
  }

  /**
   * A single session of {@code sessionLength} at {@code offset} after {@code anchor}.
   *
   * @param anchor what the offset is measured from
   * @param offset from the anchor to the session's start, zero or positive
   * @param sessionLength how long the session lasts, positive and at most {@link
   *     #MAX_SESSION_LENGTH}
   * @return the timing
   * @throws IllegalArgumentException if {@code offset} is negative or the length out of range
   */
  static Once once(Anchor anchor, Duration offset, Duration sessionLength) {
    return new Once(anchor, offset, sessionLength);
  }

  /**
   * A session of {@code sessionLength} starting {@code offset} from the start of each session of
   * the {@code targets} interventions (negative: before it).
   *
   * @param targets ids of the interventions whose sessions it accompanies; not empty
   * @param offset from each target session's start to this session's start, within ±1 day
   * @param sessionLength how long the session lasts, positive and at most {@link
   *     #MAX_SESSION_LENGTH}
   * @return the timing
   * @throws IllegalArgumentException if {@code targets} is empty or holds a malformed id, or a
   *     duration is out of range
   */
  static Relative relativeTo(Collection<String> targets, Duration offset, Duration sessionLength) {
    return new Relative(ImmutableSet.copyOf(Checks.checkNoNulls(targets, "targets")), offset,
        sessionLength);
  }

  /**
   * As needed, with no fixed spacing or daily maximum stated (follow the label or a clinician).
   *
   * @return the timing, without minimum spacing or daily maximum
   */
  static AsNeeded asNeeded() {
    return new AsNeeded(Optional.empty(), OptionalInt.empty());
  }

  /**
   * As needed, at least {@code minimumSpacing} apart and at most {@code maximumPerDay} a day.
   *
   * @param minimumSpacing the least time between two uses, positive
   * @param maximumPerDay the most uses a day, at least 1
   * @return the timing
   * @throws IllegalArgumentException if {@code minimumSpacing} is not positive or {@code
   *     maximumPerDay} is below 1
   */
  static AsNeeded asNeeded(Duration minimumSpacing, int maximumPerDay) {
    return new AsNeeded(Optional.of(requireNonNull(minimumSpacing, "minimumSpacing")),
        OptionalInt.of(maximumPerDay));
  }

  // ---------------------------------------------------------------- variants

  /**
   * Sessions of a fixed length, planned at the preferred interval of a range, inside a window.
   * While {@code wakingHoursOnly}, sessions lie wholly inside waking hours and the series restarts
   * at each wake-up; otherwise it runs through the night.
   *
   * @param sessionLength how long each session lasts; not longer than the minimum interval
   * @param interval the allowed and preferred gaps between session starts
   * @param window when the sessions happen
   * @param wakingHoursOnly whether sessions are confined to waking hours
   */
  record Repeating(
      Duration sessionLength, Spacing interval, Window window, boolean wakingHoursOnly)
      implements WithSessions, WithWindow {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.repeating(this);
    }

    /**
     * Validates the components.
     *
     * @param sessionLength how long each session lasts, positive, at most {@link
     *     #MAX_SESSION_LENGTH} and not longer than the minimum interval
     * @param interval the allowed and preferred gaps between session starts
     * @param window when the sessions happen
     * @param wakingHoursOnly whether sessions are confined to waking hours
     * @throws IllegalArgumentException if the session length is out of range
     */
    public Repeating {
      checkSessionLength(sessionLength);
      requireNonNull(interval, "interval");
      requireNonNull(window, "window");
      checkArgument(
          sessionLength.compareTo(interval.minimum()) <= 0,
          "sessionLength %s must not be longer than the minimum interval %s",
          sessionLength,
          interval.minimum());
    }

    /**
     * Returns a copy with the given waking-hours rule; this instance is unaffected.
     *
     * @param wakingHoursOnly true to keep sessions inside waking hours, false to run day and night
     * @return the copy
     */
    public Repeating withWakingHoursOnly(boolean wakingHoursOnly) {
      return new Repeating(sessionLength, interval, window, wakingHoursOnly);
    }

    @Override
    public String describe() {
      String every = interval.minimum().equals(interval.maximum())
          ? HumanDurations.format(interval.minimum())
          : HumanDurations.format(interval.minimum()) + "–" + HumanDurations.format(
              interval.maximum());
      return HumanDurations.format(sessionLength) + " at a time, once every " + every
          + describeWindow(window) + (wakingHoursOnly ? ", while awake" : ", day and night");
    }
  }

  /**
   * {@code count} sessions a day, spread evenly across waking hours (each in the middle of an equal
   * share of the waking day, rounded down to 5 minutes), on the given days of the week.
   *
   * @param count sessions per day, 1 to 24
   * @param sessionLength how long each session lasts
   * @param days the days of the week (of the waking day's start) with sessions; not empty
   * @param window when the sessions happen
   */
  record TimesPerDay(int count, Duration sessionLength, Set<DayOfWeek> days, Window window)
      implements WithSessions, WithWindow {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.timesPerDay(this);
    }

    /**
     * Validates the components and copies the days.
     *
     * @param count sessions per day, 1 to 24
     * @param sessionLength how long each session lasts; {@code count} of them shorter than a day
     * @param days the days of the week (of the waking day's start) with sessions; not empty
     * @param window when the sessions happen
     * @throws IllegalArgumentException if a value is out of range or {@code days} is empty
     */
    public TimesPerDay {
      checkArgument(count >= 1 && count <= 24, "count must be between 1 and 24: %s", count);
      checkSessionLength(sessionLength);
      days = checkDays(days);
      requireNonNull(window, "window");
      checkArgument(
          sessionLength.multipliedBy(count).compareTo(Duration.ofHours(24)) < 0,
          "count × sessionLength must be shorter than a day: %s sessions of %s do not fit",
          count,
          sessionLength);
    }

    /**
     * Returns a copy restricted to {@code days}; this instance is unaffected.
     *
     * @param days the days of the week with sessions; not empty, no nulls
     * @return the copy
     * @throws IllegalArgumentException if {@code days} is empty
     */
    public TimesPerDay onDays(Collection<DayOfWeek> days) {
      return new TimesPerDay(count, sessionLength, Set.copyOf(Checks.checkNoNulls(days, "days")),
          window);
    }

    @Override
    public String describe() {
      return HumanDurations.format(sessionLength) + ", " + (count == 1 ? "once" : count + " times")
          + " a day" + describeDays(days) + describeWindow(window);
    }
  }

  /**
   * Sessions at given local times of day, on the given days of the week. The times are honoured as
   * given, even outside the person's waking hours; a time that does not exist on a day (a DST gap)
   * is moved later by the length of the gap, as RFC 5545 and {@code java.time} do.
   *
   * @param times the local start times, sorted and distinct, not empty; consecutive times (also
   *     across midnight) at least {@code sessionLength} apart
   * @param sessionLength how long each session lasts
   * @param days the days of the week with sessions; not empty
   * @param window when the sessions happen
   */
  record AtLocalTimes(
      List<LocalTime> times, Duration sessionLength, Set<DayOfWeek> days, Window window)
      implements WithSessions, WithWindow {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.atLocalTimes(this);
    }

    /**
     * Validates the components and copies the collections.
     *
     * @param times the local start times, sorted and distinct, not empty; consecutive times (also
     *     across midnight) at least {@code sessionLength} apart
     * @param sessionLength how long each session lasts
     * @param days the days of the week with sessions; not empty
     * @param window when the sessions happen
     * @throws IllegalArgumentException if {@code times} is empty, unsorted or too close together,
     *     or {@code days} is empty
     */
    public AtLocalTimes {
      Checks.checkNoNulls(times, "times");
      checkSessionLength(sessionLength);
      days = checkDays(days);
      requireNonNull(window, "window");
      times = List.copyOf(times);
      checkArgument(!times.isEmpty(), "times must not be empty");
      for (int i = 0; i + 1 < times.size(); i++) {
        checkArgument(
            times.get(i).isBefore(times.get(i + 1)), "times must be sorted and distinct: %s", times);
      }
      for (int i = 0; i < times.size(); i++) {
        LocalTime t = times.get(i);
        LocalTime next = times.get((i + 1) % times.size());
        long gapMinutes = java.time.temporal.ChronoUnit.MINUTES.between(t, next);
        if (gapMinutes <= 0) {
          gapMinutes += 24 * 60;
        }
        checkArgument(
            Duration.ofMinutes(gapMinutes).compareTo(sessionLength) >= 0,
            "times must be at least sessionLength apart: sessions of %s at %s and %s would overlap",
            sessionLength,
            t,
            next);
      }
    }

    /**
     * Returns a copy restricted to {@code days}; this instance is unaffected.
     *
     * @param days the days of the week with sessions; not empty, no nulls
     * @return the copy
     * @throws IllegalArgumentException if {@code days} is empty
     */
    public AtLocalTimes onDays(Collection<DayOfWeek> days) {
      return new AtLocalTimes(times, sessionLength, Set.copyOf(Checks.checkNoNulls(days, "days")),
          window);
    }

    @Override
    public String describe() {
      return HumanDurations.format(sessionLength) + " at "
          + times.stream().map(LocalTime::toString).collect(Collectors.joining(", "))
          + describeDays(days) + describeWindow(window);
    }
  }

  /**
   * Guidance that holds over a span of time ("avoid painful activities", "elevate the leg when
   * resting, first few days"), shown as all-day guidance rather than timed sessions.
   *
   * @param window the span
   */
  record Continuous(Window window) implements WithWindow {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.continuous(this);
    }

    /**
     * Validates the component.
     *
     * @param window the span
     */
    public Continuous {
      requireNonNull(window, "window");
    }

    @Override
    public String describe() {
      return "throughout" + describeWindow(window);
    }
  }

  /**
   * A single session at an offset from an anchor, moved to the next waking moment when it would
   * fall outside waking hours.
   *
   * @param anchor what the offset is measured from
   * @param offset from the anchor, zero or positive
   * @param sessionLength how long the session lasts
   */
  record Once(Anchor anchor, Duration offset, Duration sessionLength) implements WithSessions {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.once(this);
    }

    /**
     * Validates the components.
     *
     * @param anchor what the offset is measured from
     * @param offset from the anchor, zero or positive
     * @param sessionLength how long the session lasts, positive and at most {@link
     *     #MAX_SESSION_LENGTH}
     * @throws IllegalArgumentException if {@code offset} is negative or the length out of range
     */
    public Once {
      requireNonNull(anchor, "anchor");
      Checks.checkNotNegative(offset, "offset");
      checkSessionLength(sessionLength);
    }

    @Override
    public String describe() {
      return HumanDurations.format(sessionLength) + ", once, "
          + HumanDurations.format(offset) + " after the " + anchorName(anchor);
    }
  }

  /**
   * A session placed relative to each session of other interventions active in the same phase:
   * it starts {@code offset} from the target session's start (negative: before it). The scheduler
   * keeps room for it, so target sessions start late enough (and end early enough) for it to fit
   * in waking hours and in the phase.
   *
   * @param targets ids of the interventions whose sessions it accompanies; not empty
   * @param offset from the target session's start to this session's start, within ±1 day
   * @param sessionLength how long the session lasts
   */
  record Relative(Set<String> targets, Duration offset, Duration sessionLength)
      implements WithSessions {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.relative(this);
    }

    /**
     * Validates the components and copies the targets.
     *
     * @param targets ids of the interventions whose sessions it accompanies; not empty
     * @param offset from the target session's start to this session's start, within ±1 day
     * @param sessionLength how long the session lasts
     * @throws IllegalArgumentException if {@code targets} is empty or holds a malformed id, or a
     *     duration is out of range
     */
    public Relative {
      requireNonNull(targets, "targets");
      requireNonNull(offset, "offset");
      requireNonNull(sessionLength, "sessionLength");
      targets = ImmutableSet.copyOf(Checks.checkNoNulls(targets, "targets"));
      checkArgument(!targets.isEmpty(), "targets must not be empty");
      targets.forEach(t -> Checks.checkId(t, "target intervention id"));
      checkArgument(
          offset.compareTo(Duration.ofDays(-1)) >= 0 && offset.compareTo(Duration.ofDays(1)) <= 0,
          "offset must be within ±1 day: %s", offset);
      checkSessionLength(sessionLength);
    }

    /**
     * How long before the target's start this session begins.
     *
     * @return {@code -offset} for a negative offset, zero otherwise
     */
    public Duration lead() {
      return offset.isNegative() ? offset.negated() : Duration.ZERO;
    }

    /**
     * How far past a target's start this session ends.
     *
     * @return {@code offset + sessionLength}, or zero if the session ends before the target starts
     */
    public Duration reach() {
      Duration end = offset.plus(sessionLength);
      return end.isNegative() ? Duration.ZERO : end;
    }

    @Override
    public String describe() {
      String when = offset.isNegative()
          ? HumanDurations.format(offset.negated()) + " before"
          : HumanDurations.format(offset) + " after the start of";
      return HumanDurations.format(sessionLength) + ", " + when + " each session of "
          + String.join(", ", targets);
    }
  }

  /**
   * Used as needed, with no fixed times; the guidance appears with the phase.
   *
   * @param minimumSpacing the least time between uses, if the protocol states one
   * @param maximumPerDay the most uses a day, if the protocol states one
   */
  record AsNeeded(Optional<Duration> minimumSpacing, OptionalInt maximumPerDay) implements Timing {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.asNeeded(this);
    }

    /**
     * Validates the components.
     *
     * @param minimumSpacing the least time between uses, if the protocol states one; positive
     * @param maximumPerDay the most uses a day, if the protocol states one; at least 1
     * @throws IllegalArgumentException if a stated value is out of range
     */
    public AsNeeded {
      requireNonNull(minimumSpacing, "minimumSpacing");
      requireNonNull(maximumPerDay, "maximumPerDay");
      minimumSpacing.ifPresent(d -> Checks.checkPositive(d, "minimumSpacing"));
      maximumPerDay.ifPresent(
          n -> checkArgument(n >= 1, "maximumPerDay must be positive: %s", n));
    }

    @Override
    public String describe() {
      return "as needed"
          + minimumSpacing.map(d -> ", at least " + HumanDurations.format(d) + " apart").orElse("")
          + (maximumPerDay.isPresent() ? ", at most " + maximumPerDay.getAsInt() + " a day" : "");
    }
  }

  // ---------------------------------------------------------------- shared checks

  private static void checkSessionLength(Duration sessionLength) {
    Checks.checkPositive(sessionLength, "sessionLength");
    checkArgument(
        sessionLength.compareTo(Duration.ofMinutes(1)) >= 0
            && sessionLength.compareTo(MAX_SESSION_LENGTH) <= 0,
        "sessionLength must be between 1 min and %s: %s",
        MAX_SESSION_LENGTH,
        sessionLength);
  }

  private static Set<DayOfWeek> checkDays(Set<DayOfWeek> days) {
    Checks.checkNoNulls(days, "days");
    checkArgument(!days.isEmpty(), "days must not be empty");
    return ImmutableSet.copyOf(EnumSet.copyOf(days));
  }

  private static String describeDays(Set<DayOfWeek> days) {
    if (days.size() == 7) {
      return "";
    }
    return " on " + days.stream()
        .map(d -> d.name().charAt(0) + d.name().substring(1, 3).toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(", "));
  }

  private static String describeWindow(Window window) {
    return ", " + window;
  }

  private static String anchorName(Anchor anchor) {
    return anchor == Anchor.INJURY ? "injury" : "phase start";
  }
}
