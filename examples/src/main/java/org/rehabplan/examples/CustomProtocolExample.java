package org.rehabplan.examples;

import static java.time.Duration.ofDays;
import static java.time.Duration.ofMinutes;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.rehabplan.Agenda;
import org.rehabplan.Criterion;
import org.rehabplan.DurationEstimate;
import org.rehabplan.ExitGate;
import org.rehabplan.Intervention;
import org.rehabplan.InterventionKind;
import org.rehabplan.Phase;
import org.rehabplan.Plan;
import org.rehabplan.PlanRequest;
import org.rehabplan.Protocol;
import org.rehabplan.Scheduler;
import org.rehabplan.Severity;
import org.rehabplan.Timing;
import org.rehabplan.Window;

/**
 * A protocol built in code: two phases, sessions at fixed local times and a few times a day, all-day
 * guidance and a criterion that gates the second phase. Plans it for one person and prints the
 * agenda of the first days.
 *
 * <p><b>Example data, not medical advice.</b> The protocol, its timings and its durations are made
 * up to show the API; they come from no clinical source.
 */
public final class CustomProtocolExample {
  private CustomProtocolExample() {}

  /** The example protocol. Example data, not medical advice. */
  public static Protocol protocol() {
    Criterion walksWithoutPain = Criterion.of("walks-without-pain",
        "Can you walk for ten minutes without pain?");
    return Protocol.builder("example-ankle")
        .title("Example ankle protocol (example data, not medical advice)")
        .condition("A made-up ankle protocol that shows how to build one in code.")
        .intervention(Intervention.builder("cool")
            .kind(InterventionKind.ICE)
            .title("Cool the ankle")
            .instructions("Example data: a cold pack for 10 minutes, a towel between pack and skin.")
            .timing(Timing.timesPerDay(3, ofMinutes(10), Window.wholePhase()))
            .build())
        .intervention(Intervention.builder("raise")
            .kind(InterventionKind.ELEVATE)
            .title("Raise the foot when sitting")
            .instructions("Example data: rest the foot on a stool when you sit.")
            .timing(Timing.continuous(Window.wholePhase()))
            .build())
        .intervention(Intervention.builder("circles")
            .kind(InterventionKind.STRETCH)
            .title("Ankle circles")
            .instructions("Example data: slow circles with the foot, ten each way.")
            .timing(Timing.atLocalTimes(List.of(LocalTime.of(8, 0), LocalTime.of(18, 30)),
                ofMinutes(5), Window.wholePhase()))
            .requires("walks-without-pain")
            .build())
        .phase(Phase.builder("settle")
            .name("Settle")
            .goal("Let the ankle calm down.")
            .interventions("cool", "raise")
            .exitGate(ExitGate.after(ofDays(2), walksWithoutPain))
            .durationForAll(DurationEstimate.ofDays(2, 3, 5))
            .build())
        .phase(Phase.builder("move")
            .name("Move")
            .goal("Get the ankle moving again.")
            .interventions("circles")
            .exitGate(ExitGate.afterTime(ofDays(7)))
            .durationForAll(DurationEstimate.ofDays(7, 10, 14))
            .build())
        .build();
  }

  /** The example protocol planned for an injury on a Monday morning in Lisbon. */
  public static Plan plan() {
    return Scheduler.plan(protocol(), PlanRequest.builder()
        .injuredAt(ZonedDateTime.parse("2027-05-03T09:15+01:00[Europe/Lisbon]"))
        .severity(Severity.MILD)
        .build());
  }

  /** Prints the agenda of the plan's first five days. */
  public static void print(Plan plan, PrintStream out) {
    out.print(Agenda.of(plan).days(plan.request().injuredAt().toLocalDate(), 5).text());
    out.println();
    out.println("Example data, not medical advice.");
  }

  /** Runs the example. */
  public static void main(String[] args) {
    print(plan(), System.out);
  }
}
