package org.rehabplan.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rehabplan.Plan;
import org.rehabplan.Severity;
import org.rehabplan.ical.IcalExporter;

class HamstringPlanExampleTest {
  @Test
  void readmeSamplePlansTheHamstringProtocol() {
    Plan plan = HamstringPlanExample.plan();
    assertEquals("hamstring-strain", plan.protocol().id());
    assertEquals(Severity.MODERATE, plan.request().severity());
    assertEquals(ZonedDateTime.parse("2027-03-27T18:30+01:00[Europe/Berlin]"),
        plan.request().injuredAt());
    assertFalse(plan.sessions().isEmpty());
  }

  @Test
  void printsTheAgendaAndTheFirstDay() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    HamstringPlanExample.print(HamstringPlanExample.plan(),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(out.startsWith("Hamstring strain, moderate\n"), out);
    assertTrue(out.contains("\nSat 27 Mar 2027\n"), out);
    assertTrue(out.contains("\n  18:30-18:45  Ice the back of the thigh  [Protect]\n"), out);
    assertTrue(out.contains("  ice/protect/1  2027-03-27T18:30+01:00[Europe/Berlin]  ICE  protect"),
        out);
    assertTrue(out.endsWith("Educational content, not medical advice.\n"), out);
  }

  @Test
  void exportsThePlanAsACalendar() {
    String ics = HamstringPlanExample.export(HamstringPlanExample.plan());
    assertTrue(ics.startsWith("BEGIN:VCALENDAR\r\n"), ics);
    assertTrue(ics.contains("X-WR-CALNAME:Hamstring rehab\r\n"), ics);
    assertTrue(ics.contains("TRIGGER:-PT10M\r\n"), ics);
    assertEquals(IcalExporter.builder().calendarName("Hamstring rehab").build()
        .export(HamstringPlanExample.plan()).text(), ics);
  }

  @Test
  void mainWritesTheCalendarFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("example.ics");
    PrintStream stdout = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      HamstringPlanExample.main(new String[] {file.toString()});
    } finally {
      System.setOut(stdout);
    }
    assertEquals(HamstringPlanExample.export(HamstringPlanExample.plan()),
        Files.readString(file, StandardCharsets.UTF_8));
    assertTrue(bytes.toString(StandardCharsets.UTF_8).endsWith("Wrote " + file
        + ": import it into a calendar app." + System.lineSeparator()));
  }
}
