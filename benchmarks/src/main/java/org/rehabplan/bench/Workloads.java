package org.rehabplan.bench;

import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import org.rehabplan.DurationEstimate;
import org.rehabplan.Intervention;
import org.rehabplan.InterventionKind;
import org.rehabplan.Spacing;
import org.rehabplan.Phase;
import org.rehabplan.Plan;
import org.rehabplan.PlanRequest;
import org.rehabplan.Protocol;
import org.rehabplan.Protocols;
import org.rehabplan.Scheduler;
import org.rehabplan.Severity;
import org.rehabplan.Timing;
import org.rehabplan.Window;

/**
 * The workloads of the suite: the built-in hamstring plan at each severity (Berlin, injured the
 * evening before the spring DST change, as in ical-export's golden files) and a synthetic stress
 * protocol of about 300 or 3,000 sessions across both DST changes of 2027.
 */
// Protocol and PlanRequest are immutable values (their Javadoc says so), not annotated @Immutable.
@SuppressWarnings("ImmutableEnumChecker")
public enum Workloads {
  HAMSTRING_MILD(Protocols.hamstringStrain(), Severity.MILD),
  HAMSTRING_MODERATE(Protocols.hamstringStrain(), Severity.MODERATE),
  HAMSTRING_SEVERE(Protocols.hamstringStrain(), Severity.SEVERE),
  STRESS_300(stress(21), Severity.MODERATE),
  STRESS_3000(stress(210), Severity.MODERATE);

  private final Protocol protocol;
  private final PlanRequest request;

  Workloads(Protocol protocol, Severity severity) {
    this.protocol = protocol;
    this.request = PlanRequest.builder()
        .injuredAt(ZonedDateTime.parse("2027-03-27T18:30+01:00[Europe/Berlin]"))
        .severity(severity)
        .wakingHours(LocalTime.of(7, 0), LocalTime.of(22, 0))
        .build();
  }

  public Protocol protocol() {
    return protocol;
  }

  public PlanRequest request() {
    return request;
  }

  public Plan plan() {
    return Scheduler.plan(protocol, request);
  }

  /**
   * A one-phase protocol of {@code days} days with about 14 sessions a day: mobility every 90
   * minutes while awake, exercise twice a day, medication at fixed local times, strengthening on
   * three weekdays with a warm-up before it. Texts hold commas, semicolons, line feeds and
   * non-ASCII letters, so escaping and octet folding are exercised.
   */
  static Protocol stress(int days) {
    return Protocol.builder("stress-" + days)
        .title("Stress protocol — " + days + " days")
        .condition("Synthetic workload for the benchmarks; not a treatment.")
        .intervention(Intervention.builder("mobility")
            .kind(InterventionKind.STRETCH)
            .title("Mobility; knee, hip, ankle")
            .instructions("Move each joint slowly through its range, 10 times; stop if it hurts."
                + "\nBewegen Sie jedes Gelenk langsam – zehnmal, ohne Schmerz.")
            .timing(Timing.every(ofMinutes(10),
                Spacing.between(ofHours(1), ofHours(2)).preferring(ofMinutes(90)),
                Window.wholePhase()))
            .build())
        .intervention(Intervention.builder("exercise")
            .kind(InterventionKind.STRENGTHEN)
            .title("Exercise, twice a day")
            .instructions("Light exercise for 20 minutes: bridges, curls; rest between sets.")
            .timing(Timing.timesPerDay(2, ofMinutes(20), Window.wholePhase()))
            .build())
        .intervention(Intervention.builder("medicate")
            .kind(InterventionKind.MEDICATE)
            .title("Tablet")
            .instructions("Take one tablet with water, as prescribed.")
            .timing(Timing.atLocalTimes(List.of(LocalTime.of(8, 0), LocalTime.of(20, 0)),
                ofMinutes(5), Window.wholePhase()))
            .build())
        .intervention(Intervention.builder("strengthen")
            .kind(InterventionKind.STRENGTHEN)
            .title("Strengthening")
            .instructions("Strengthening exercise, adding a little more as it stays pain-free.")
            .timing(Timing.timesPerDay(1, ofMinutes(30), Window.wholePhase())
                .onDays(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY)))
            .build())
        .intervention(Intervention.builder("warm-up")
            .kind(InterventionKind.WARM_UP)
            .title("Warm up first")
            .instructions("Walk for about 10 minutes.")
            .timing(Timing.relativeTo(List.of("strengthen"), ofMinutes(-10), ofMinutes(10)))
            .build())
        .phase(Phase.builder("only")
            .name("Train")
            .goal("Keep moving; build strength.")
            .interventions("mobility", "exercise", "medicate", "strengthen", "warm-up")
            .durationForAll(DurationEstimate.ofDays(days, days, days))
            .build())
        .build();
  }
}
