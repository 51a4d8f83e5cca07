package org.rehabplan.examples;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.rehabplan.Plan;
import org.rehabplan.PlanRequest;
import org.rehabplan.Protocol;
import org.rehabplan.Protocols;
import org.rehabplan.Scheduler;
import org.rehabplan.Session;
import org.rehabplan.Severity;

/**
 * The README code sample, runnable: plans the built-in hamstring-strain protocol for an injury on
 * the evening before the European DST change, and prints the agenda.
 *
 * <p>Educational content, not medical advice.
 */
public final class HamstringPlanExample {
  private HamstringPlanExample() {}

  /** Plans the README sample and returns the plan. */
  public static Plan plan() {
    // README sample: begin
    Protocol protocol = Protocols.hamstringStrain();
    PlanRequest request = PlanRequest.builder()
        .injuredAt(ZonedDateTime.parse("2027-03-27T18:30+01:00[Europe/Berlin]"))
        .severity(Severity.MODERATE)
        .wakingHours(LocalTime.of(7, 0), LocalTime.of(22, 0))
        .build();
    Plan plan = Scheduler.plan(protocol, request);
    // README sample: end
    return plan;
  }

  /** Writes the first days of the plan's agenda, then one line per session of the first day. */
  public static void print(Plan plan, PrintStream out) {
    out.print(plan.agenda(plan.request().injuredAt().toLocalDate(), 3));
    out.println();
    out.println(plan.sessions().size() + " sessions in " + plan.phases().size() + " phases;"
        + " first day in detail:");
    for (Session s : plan.sessionsOn(plan.request().injuredAt().toLocalDate())) {
      out.println("  " + s.id() + "  " + s.startIn(plan.zone()) + "  "
          + s.intervention().kind() + "  " + s.phase().id());
    }
    out.println();
    out.println("Educational content, not medical advice.");
  }

  /** Runs the example. */
  public static void main(String[] args) {
    print(plan(), System.out);
  }
}
