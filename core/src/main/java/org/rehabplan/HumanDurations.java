package org.rehabplan;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/** Formats durations for people: {@code 15 min}, {@code 1 h 30 min}, {@code 2 d}. Locale-free. */
public final class HumanDurations {
  private HumanDurations() {}

  /**
   * Formats {@code duration} in days, hours and minutes, dropping zero parts; seconds are ignored.
   * A duration under one minute formats as {@code 0 min}. Negative durations get a leading minus.
   *
   * @param duration the duration to format; not null
   * @return e.g. {@code 1 d 2 h 30 min}; the same text in every locale
   */
  public static String format(Duration duration) {
    requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      // negated() overflows for the most negative duration; one nanosecond less formats the same
      return "-" + format(
          duration.toSeconds() == Long.MIN_VALUE ? duration.plusNanos(1).negated()
              : duration.negated());
    }
    long minutes = duration.toMinutes();
    long days = minutes / (24 * 60);
    long hours = minutes / 60 % 24;
    long mins = minutes % 60;
    StringBuilder out = new StringBuilder();
    if (days > 0) {
      out.append(days).append(" d");
    }
    if (hours > 0) {
      out.append(out.length() > 0 ? " " : "").append(hours).append(" h");
    }
    if (mins > 0 || out.length() == 0) {
      out.append(out.length() > 0 ? " " : "").append(mins).append(" min");
    }
    return out.toString();
  }
}
