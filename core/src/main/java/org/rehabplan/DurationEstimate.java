package org.rehabplan;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * How long a phase is expected to take: earliest, typical and latest, with the provenance of the
 * figures.
 *
 * @param earliest the shortest expected time, positive
 * @param typical the usual time, at least {@code earliest}
 * @param latest the longest expected time, at least {@code typical}
 * @param provenance where the figures come from; may be empty only for protocols built in code
 */
public record DurationEstimate(
    Duration earliest, Duration typical, Duration latest, List<Provenance> provenance) {

  /** The longest a single phase may be expected to take; bounds every plan. */
  public static final Duration MAX_PHASE_DURATION = Duration.ofDays(366);

  /**
   * Validates the components: {@code 0 < earliest <= typical <= latest <= 366 days}.
   *
   * @param earliest the shortest expected time, positive
   * @param typical the usual time, at least {@code earliest}
   * @param latest the longest expected time, at least {@code typical}, at most {@link
   *     #MAX_PHASE_DURATION}
   * @param provenance where the figures come from; not null, no null elements; copied
   * @throws IllegalArgumentException if the figures are not positive, out of order or too long
   */
  public DurationEstimate {
    Checks.checkPositive(earliest, "earliest");
    Checks.checkPositive(typical, "typical");
    Checks.checkPositive(latest, "latest");
    checkArgument(
        earliest.compareTo(typical) <= 0 && typical.compareTo(latest) <= 0,
        "duration estimate must satisfy earliest <= typical <= latest: %s, %s, %s",
        earliest,
        typical,
        latest);
    checkArgument(
        latest.compareTo(MAX_PHASE_DURATION) <= 0,
        "latest must be at most %s (plans are bounded): %s",
        HumanDurations.format(MAX_PHASE_DURATION),
        HumanDurations.format(latest));
    provenance = List.copyOf(Checks.checkNoNulls(provenance, "provenance"));
  }

  /**
   * An estimate in whole days, with its provenance.
   *
   * @param earliest the shortest expected time in days, 1 to 366
   * @param typical the usual time in days, at least {@code earliest}
   * @param latest the longest expected time in days, at least {@code typical}, at most 366
   * @param provenance where the figures come from; no null elements
   * @return the estimate
   * @throws IllegalArgumentException if a figure is out of range or out of order
   */
  public static DurationEstimate ofDays(
      long earliest, long typical, long latest, Provenance... provenance) {
    Checks.checkNoNulls(provenance, "provenance");
    return new DurationEstimate(
        days(earliest, "earliest"), days(typical, "typical"), days(latest, "latest"),
        List.of(provenance));
  }

  /** {@code days} as a duration, refused (before it could overflow) when out of range. */
  private static Duration days(long days, String name) {
    checkArgument(days > 0, "%s must be positive: %s d", name, days);
    checkArgument(days <= MAX_PHASE_DURATION.toDays(), "%s must be at most %s (plans are bounded):"
        + " %s d", name, HumanDurations.format(MAX_PHASE_DURATION), days);
    return Duration.ofDays(days);
  }

  /**
   * The same figure for earliest, typical and latest.
   *
   * @param duration the expected time, positive, at most {@link #MAX_PHASE_DURATION}
   * @param provenance where the figure comes from; no null elements
   * @return the estimate
   * @throws IllegalArgumentException if the duration is not positive or too long
   */
  public static DurationEstimate exactly(Duration duration, Provenance... provenance) {
    return new DurationEstimate(duration, duration, duration,
        List.of(Checks.checkNoNulls(provenance, "provenance")));
  }
}
