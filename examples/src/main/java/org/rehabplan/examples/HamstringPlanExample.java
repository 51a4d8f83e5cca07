package org.rehabplan.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.rehabplan.Agenda;
import org.rehabplan.Plan;
import org.rehabplan.PlanRequest;
import org.rehabplan.Protocol;
import org.rehabplan.Protocols;
import org.rehabplan.Scheduler;
import org.rehabplan.Session;
import org.rehabplan.Severity;
import org.rehabplan.ical.IcalExporter;

/**
 * The README code sample, runnable: plans the built-in hamstring-strain protocol for an injury on
 * the evening before the European DST change, prints the agenda, and exports the plan as an
 * iCalendar file ({@code hamstring-example.ics} in the current folder, or the path given as the
 * first argument).
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
    out.print(Agenda.of(plan).days(plan.request().injuredAt().toLocalDate(), 3).text());
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

  /** The plan as the text of an {@code .ics} file, with the exporter the README shows. */
  public static String export(Plan plan) {
    // README export sample: begin
    IcalExporter exporter = IcalExporter.builder()
        .calendarName("Hamstring rehab")
        .alarmMinutesBefore(10)
        .build();
    String ics = exporter.export(plan).text();
    // README export sample: end
    return ics;
  }

  /** Runs the example: prints the agenda and writes the calendar file. */
  public static void main(String[] args) throws IOException {
    Plan plan = plan();
    print(plan, System.out);
    Path file = Path.of(args.length > 0 ? args[0] : "hamstring-example.ics");
    Files.writeString(file, export(plan), StandardCharsets.UTF_8);
    System.out.println("Wrote " + file + ": import it into a calendar app.");
  }
}
