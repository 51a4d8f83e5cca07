package org.rehabplan;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * The part of each day a person is awake, in local time: {@code [wake, sleep)}. A window whose
 * sleep time is earlier than its wake time crosses midnight (a night-shift worker who wakes at
 * 15:00 and sleeps at 07:00); equal times are rejected as an empty window.
 *
 * <p>On a given date the window starts at {@code wake} on that date and ends at {@code sleep} on
 * the same date, or on the next date when the window crosses midnight. Local times that fall in a
 * DST gap are moved later by the length of the gap; in an overlap the earlier offset is used (the
 * rules of {@link ZonedDateTime#of} and of RFC 5545).
 *
 * @param wake when the person wakes, local time
 * @param sleep when the person goes to sleep, local time; not equal to {@code wake}
 */
public record WakingHours(LocalTime wake, LocalTime sleep) {

  /** 07:00 to 22:00, the default: a choice of rehabplan, not a clinical figure. */
  public static final WakingHours DEFAULT = new WakingHours(LocalTime.of(7, 0), LocalTime.of(22, 0));

  /**
   * Validates the components.
   *
   * @param wake when the person gets up, local time
   * @param sleep when the person goes to sleep; before {@code wake} when the window crosses
   *     midnight
   * @throws IllegalArgumentException if {@code wake} equals {@code sleep}
   */
  public WakingHours {
    requireNonNull(wake, "wake");
    requireNonNull(sleep, "sleep");
    checkArgument(!wake.equals(sleep), "waking window must not be empty: wake %s equals sleep %s",
        wake, sleep);
  }

  /**
   * The window {@code [wake, sleep)}.
   *
   * @param wake when the person gets up, local time
   * @param sleep when the person goes to sleep; before {@code wake} when the window crosses
   *     midnight
   * @return the waking hours
   * @throws IllegalArgumentException if {@code wake} equals {@code sleep}
   */
  public static WakingHours of(LocalTime wake, LocalTime sleep) {
    return new WakingHours(wake, sleep);
  }

  /**
   * Parses the {@code wake–sleep} form written by {@link #toString()}, such as {@code 07:00–22:00}
   * (an en dash; a hyphen-minus is accepted too), with times in ISO form ({@code HH:MM} or {@code
   * HH:MM:SS}).
   *
   * @param text the waking hours as a person or a file wrote them
   * @return the waking hours
   * @throws PlanningException if the text is not of that form, or the window is empty
   */
  public static WakingHours parse(CharSequence text) {
    requireNonNull(text, "text");
    String s = text.toString().strip();
    int dash = s.indexOf('–');
    if (dash < 0) {
      dash = s.indexOf('-');
    }
    if (dash <= 0) {
      throw new PlanningException(
          "waking hours must be written wake–sleep, like 07:00–22:00: \"" + s + "\"");
    }
    LocalTime wake;
    LocalTime sleep;
    try {
      wake = LocalTime.parse(s.substring(0, dash).strip());
      sleep = LocalTime.parse(s.substring(dash + 1).strip());
    } catch (DateTimeParseException e) {
      throw new PlanningException(
          "waking hours must be written wake–sleep, like 07:00–22:00: \"" + s + "\"", e);
    }
    if (wake.equals(sleep)) {
      throw new PlanningException(
          "waking hours must not be empty: wake " + wake + " equals sleep " + sleep);
    }
    return new WakingHours(wake, sleep);
  }

  /**
   * Whether the window crosses midnight.
   *
   * @return true when {@code sleep} is before {@code wake}, e.g. a night shift's 20:00–12:00
   */
  public boolean crossesMidnight() {
    return sleep.isBefore(wake);
  }

  /**
   * The nominal length of the window (ignoring DST changes).
   *
   * @return from {@code wake} to {@code sleep}, positive and shorter than 24 hours
   */
  public Duration length() {
    Duration d = Duration.between(wake, sleep);
    return d.isNegative() ? d.plusDays(1) : d;
  }

  /**
   * The waking window that starts on {@code date} in {@code zone}, as instants. It may be shorter
   * or longer than {@link #length()} on a DST change, and empty or inverted local times are
   * resolved as described on the class.
   *
   * @param date the local date of the wake-up
   * @param zone the person's zone
   * @return the window {@code [wake, sleep)} as instants; empty when a DST change leaves no time
   */
  public Interval windowStartingOn(LocalDate date, ZoneId zone) {
    requireNonNull(date, "date");
    requireNonNull(zone, "zone");
    ZonedDateTime start = ZonedDateTime.of(date, wake, zone);
    ZonedDateTime end = ZonedDateTime.of(crossesMidnight() ? date.plusDays(1) : date, sleep, zone);
    return end.isAfter(start)
        ? Interval.of(start.toInstant(), end.toInstant())
        : Interval.of(start.toInstant(), start.toInstant());
  }

  /** {@code wake–sleep} with an en dash, e.g. {@code 07:00–22:00}; read back by {@link #parse}. */
  @Override
  public String toString() {
    return wake + "–" + sleep;
  }
}
