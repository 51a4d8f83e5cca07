package org.rehabplan.ical;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.model.Calendar;
import org.junit.jupiter.api.Test;
import org.rehabplan.CheckIn;
import org.rehabplan.Plan;
import org.rehabplan.PlanRequest;
import org.rehabplan.ProgressLog;
import org.rehabplan.Protocols;
import org.rehabplan.Scheduler;

/**
 * Calendar updates on the hamstring plan in Berlin (injured Sat 27 March 2027 18:30): pain
 * relieved on Tue 30 March 09:00 (version 2), then too much pain on Wed 31 March 12:00, a setback
 * to Protect (version 3).
 */
class CalendarUpdateTest {
  private static final IcalExporter EXPORTER =
      IcalExporter.builder().calendarName("Hamstring rehab").build();
  private static final Plan V1 = GoldenFileTest.berlin();
  private static final CheckIn RELIEVED =
      CheckIn.of(at("2027-03-30T09:00"), 1, 2, List.of("pain-relieved"));
  private static final Plan V2 =
      Scheduler.replan(V1, ProgressLog.of(RELIEVED), at("2027-03-30T09:05"));
  private static final Plan V3 = Scheduler.replan(V2, ProgressLog.of(RELIEVED,
      CheckIn.of(at("2027-03-31T12:00"), 3, 7, List.of())), at("2027-03-31T12:00"));

  private static Instant at(String local) {
    return ZonedDateTime.parse(local + "+02:00[Europe/Berlin]").toInstant();
  }

  private static String eventWith(String ics, String line) {
    int at = ics.indexOf("\r\n" + line + "\r\n");
    assertTrue(at >= 0, () -> "no line " + line + " in\n" + ics);
    int begin = ics.lastIndexOf("BEGIN:VEVENT\r\n", at);
    int end = ics.indexOf("END:VEVENT\r\n", at);
    return ics.substring(begin, end + "END:VEVENT\r\n".length());
  }

  private static String uid(String event) {
    int at = event.indexOf("UID:");
    return event.substring(at, event.indexOf("\r\n", at));
  }

  @Test
  void painRelievedMovesTheStretchingSeriesAndCancelsTheRemainingSelfChecks() {
    String v1 = EXPORTER.export(V1).text();
    String v2 = EXPORTER.update(V2, V1).text();
    // Stretching was to begin Thu 1 April; with Restore under way it begins Tue 30 March, under
    // the same UID with SEQUENCE 1.
    String before = eventWith(v1, "DTSTART;TZID=Europe/Berlin:20270401T104000");
    String after = eventWith(v2, "DTSTART;TZID=Europe/Berlin:20270330T104000");
    assertEquals(uid(before), uid(after));
    assertEquals("UID:6a3e673ada87d38b3d40dde563c174fd@rehabplan", uid(after));
    assertTrue(after.startsWith("BEGIN:VEVENT\r\n"
        + "UID:6a3e673ada87d38b3d40dde563c174fd@rehabplan\r\n"
        + "DTSTAMP:20270330T070500Z\r\n" // the moment of re-planning
        + "SEQUENCE:1\r\n"
        + "DTSTART;TZID=Europe/Berlin:20270330T104000\r\n"
        + "DTEND;TZID=Europe/Berlin:20270330T105000\r\n"
        + "RRULE:FREQ=DAILY;UNTIL=20270404T084000Z\r\n"
        + "SUMMARY:Gentle hamstring stretch\r\n"), after);
    // The daily "is the pain relieved?" checks of 30 March to 1 April (Protect's latest estimate)
    // are over: cancelled, with the
    // times and rule they had, so clients can match them.
    String cancelled = eventWith(v2, "STATUS:CANCELLED");
    assertEquals("BEGIN:VEVENT\r\n"
        + "UID:73650798b0bc3ade5785e2b3788bcc06@rehabplan\r\n"
        + "DTSTAMP:20270330T070500Z\r\n"
        + "SEQUENCE:1\r\n"
        + "DTSTART;TZID=Europe/Berlin:20270330T142500\r\n"
        + "DTEND;TZID=Europe/Berlin:20270330T143000\r\n"
        + "RRULE:FREQ=DAILY;UNTIL=20270401T122500Z\r\n"
        + "SUMMARY:Self-check: is the pain relieved?\r\n"
        + "STATUS:CANCELLED\r\n"
        + "X-REHABPLAN-ITEM:session\r\n"
        + "END:VEVENT\r\n", cancelled);
    assertTrue(v1.contains(uid(cancelled) + "\r\n"), "it was in the first export");
    // The icing of the first days is history: unchanged, no SEQUENCE (0).
    String ice = eventWith(v2, "DTSTART;TZID=Europe/Berlin:20270327T183000");
    assertFalse(ice.contains("SEQUENCE"), ice);
    assertEquals(uid(eventWith(v1, "DTSTART;TZID=Europe/Berlin:20270327T183000")), uid(ice));
    // The client's view is version 2, whichever library reads the files.
    assertEquals(Expansions.expected(V2), Expansions.biweeklyAfterUpdates(List.of(v1, v2)));
    assertFalse(EXPORTER.update(V2, V1).toCalendar().validate().hasErrors());
  }

  @Test
  void anEventThatChangesTwiceGoesFromSequence0To1To2() {
    byte[] v1 = EXPORTER.export(V1).bytes();
    byte[] v2 = EXPORTER.update(V2, v1).bytes();
    String v3 = EXPORTER.update(V3, v2).text();
    // Restore: tentative from Wed 31 March in version 1, under way from Tue 30 March in version
    // 2, cut short by the setback on Wed 31 March in version 3.
    Map<String, UpdateFiles.Event> e1 = UpdateFiles.events(new String(v1, UTF_8));
    Map<String, UpdateFiles.Event> e2 = UpdateFiles.events(new String(v2, UTF_8));
    Map<String, UpdateFiles.Event> e3 = UpdateFiles.events(v3);
    String restore = uid(eventWith(new String(v1, UTF_8), "SUMMARY:Restore phase")).substring(4);
    assertEquals(0, e1.get(restore).sequence());
    assertEquals(1, e2.get(restore).sequence());
    assertEquals(2, e3.get(restore).sequence());
    assertTrue(e3.get(restore).content().contains("DTEND;VALUE=DATE:20270401"),
        e3.get(restore).toString());
    // The second Protect and Restore are new events of their own.
    assertEquals(2, v3.split("SUMMARY:Protect phase\r\n", -1).length - 1);
    // The "is the pain relieved?" checks cancelled in version 2 are back in Protect: the same
    // UID, no longer cancelled, SEQUENCE 2.
    String selfCheck = uid(eventWith(new String(v2, UTF_8), "STATUS:CANCELLED")).substring(4);
    assertTrue(e2.get(selfCheck).cancelled());
    assertEquals(2, e3.get(selfCheck).sequence());
    assertFalse(e3.get(selfCheck).cancelled(), e3.get(selfCheck).toString());
    assertTrue(e3.get(selfCheck).content().contains("SUMMARY:Self-check: is the pain relieved?"));
    // SEQUENCE never goes down; the client that saw every file, or only the first, sees v3.
    for (UpdateFiles.Event e : e2.values()) {
      assertTrue(e3.get(e.uid()).sequence() >= e.sequence(), e.toString());
    }
    String v2s = new String(v2, UTF_8);
    String v1s = new String(v1, UTF_8);
    assertEquals(Expansions.expected(V3),
        Expansions.biweeklyAfterUpdates(List.of(v1s, v2s, v3)));
    assertEquals(Expansions.expected(V3), Expansions.biweeklyAfterUpdates(List.of(v1s, v3)));
  }

  @Test
  void reExportingWithAnEmptyLogChangesNothing() {
    Plan same = Scheduler.replan(V1, ProgressLog.empty(), V1.request().injuredAt().toInstant());
    String update = EXPORTER.update(same, V1).text();
    assertFalse(update.contains("SEQUENCE:"), "SEQUENCE 0 everywhere (the default)");
    assertFalse(update.contains("STATUS:CANCELLED"));
    assertEquals(EXPORTER.export(same).text(), update, "the plain export, byte for byte");
    assertEquals(UpdateFiles.events(EXPORTER.export(V1).text()).keySet(),
        UpdateFiles.events(update).keySet());
    assertArrayEquals(EXPORTER.export(V1).bytes(), EXPORTER.update(V1, V1).bytes());
    assertArrayEquals(EXPORTER.export(V1).bytes(), EXPORTER.update(V1, EXPORTER.export(V1).bytes()).bytes());
  }

  @Test
  void allFormsOfTheUpdateAgree() throws IOException {
    byte[] bytes = EXPORTER.update(V2, V1).bytes();
    assertEquals(new String(bytes, UTF_8), EXPORTER.update(V2, V1).text());
    assertArrayEquals(bytes, EXPORTER.update(V2, EXPORTER.export(V1).bytes()).bytes());
    assertEquals(new String(bytes, UTF_8), EXPORTER.update(V2, EXPORTER.export(V1).bytes()).text());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    EXPORTER.update(V2, V1).writeTo(out);
    assertArrayEquals(bytes, out.toByteArray());
    out.reset();
    EXPORTER.update(V2, EXPORTER.export(V1).bytes()).writeTo(out);
    assertArrayEquals(bytes, out.toByteArray());
    Calendar calendar = EXPORTER.update(V2, EXPORTER.export(V1).bytes()).toCalendar();
    assertEquals(new String(bytes, UTF_8), Folding.fold(calendar.toString()));
    assertEquals(calendar, EXPORTER.update(V2, V1).toCalendar());
  }

  @Test
  void otherOptionsStillGiveACorrectUpdateAndPrivacyModeWritesNoTitleOfACancelledEvent() {
    IcalExporter privacy = EXPORTER.toBuilder().privacyMode(true).build();
    String v1 = EXPORTER.export(V1).text();
    String v2 = privacy.update(V2, EXPORTER.export(V1).bytes()).text();
    String cancelled = eventWith(v2, "STATUS:CANCELLED");
    assertFalse(cancelled.contains("SUMMARY"), cancelled);
    assertFalse(v2.contains("Self-check"), "no personal text in privacy mode");
    assertEquals(Expansions.expected(V2), Expansions.biweeklyAfterUpdates(List.of(v1, v2)));
    IcalExporter oneEach = EXPORTER.toBuilder().oneEventPerSession(true).build();
    String each = oneEach.update(V2, EXPORTER.export(V1).bytes()).text();
    assertEquals(Expansions.expected(V2), Expansions.biweeklyAfterUpdates(List.of(v1, each)));
  }

  @Test
  void theNewVersionIsCheckedToBeOfTheSamePlan() {
    Plan other = Scheduler.plan(Protocols.hamstringStrain(), PlanRequest.builder()
        .injuredAt(ZonedDateTime.parse("2027-03-27T18:31+01:00[Europe/Berlin]")).build());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EXPORTER.update(V2, other).bytes());
    assertTrue(e.getMessage().startsWith("previous is not a version of the same plan"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> EXPORTER.update(V2, "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".getBytes(UTF_8)).bytes());
    assertEquals("previous export is not a complete calendar written by rehabplan's ical-export",
        e.getMessage());
    Plan newYork = GoldenFileTest.newYork();
    e = assertThrows(IllegalArgumentException.class,
        () -> EXPORTER.update(V2, EXPORTER.export(newYork).bytes()).bytes());
    assertTrue(e.getMessage().startsWith("previous export is of another time zone than"
        + " Europe/Berlin: DTSTART;TZID=America/New_York:"), e.getMessage());
  }

  @Test
  void conditionalSessionsAreTentativeWithoutAlarmsUntilTheReportingCheckInMakesThemFirm() {
    String v1 = EXPORTER.export(V1).text().replace("\r\n ", "");
    String v2 = EXPORTER.update(V2, V1).text().replace("\r\n ", "");
    // Before pain relief is reported: stretching is a projection, not an appointment.
    String before = eventWith(v1, "DTSTART;TZID=Europe/Berlin:20270401T104000");
    assertTrue(before.contains("\r\nSTATUS:TENTATIVE\r\n"), before);
    assertFalse(before.contains("BEGIN:VALARM"), before);
    assertTrue(before.contains("\r\nDESCRIPTION:Only once you report pain relieved in a"
        + " check-in\\; until then this time is a projection\\, not yet due. Has the pain in the"), before);
    // Every session of Restore and later phases is tentative, every Protect session firm.
    for (String event : v1.split("BEGIN:VEVENT")) {
      if (event.contains("X-REHABPLAN-ITEM:session")) {
        boolean protect = event.contains("CATEGORIES:Protect,");
        assertEquals(!protect, event.contains("STATUS:TENTATIVE"), event);
        assertEquals(protect, event.contains("BEGIN:VALARM"), event);
      }
    }
    // After the check-in that reports it: firm, under the same UID, SEQUENCE raised, alarm added.
    String after = eventWith(v2, "DTSTART;TZID=Europe/Berlin:20270330T104000");
    assertEquals(uid(before), uid(after));
    assertTrue(after.contains("\r\nSEQUENCE:1\r\n"), after);
    assertTrue(after.contains("\r\nSTATUS:CONFIRMED\r\n"), after);
    assertTrue(after.contains("BEGIN:VALARM"), after);
    assertFalse(after.contains("Only once you report"), after);
    // Return to sport still waits on "healed".
    String sport = eventWith(v2, "SUMMARY:Return to sport\\, step by step");
    assertTrue(sport.contains("STATUS:TENTATIVE") && !sport.contains("BEGIN:VALARM"), sport);
    assertTrue(sport.contains("DESCRIPTION:Only once you report healed in a check-in"), sport);
  }

  @Test
  void theCalendarAndEveryPhaseEventCarryTheNotice() {
    String v1 = EXPORTER.export(V1).text().replace("\r\n ", "");
    String calendar = v1.substring(0, v1.indexOf("BEGIN:VEVENT"));
    assertTrue(calendar.contains("\r\nX-WR-CALDESC:") && calendar.contains(
        "Educational content\\, not medical advice."), calendar);
    int phases = 0;
    for (String event : v1.split("BEGIN:VEVENT")) {
      if (event.contains("X-REHABPLAN-ITEM:phase")) {
        phases++;
        assertTrue(event.contains("Educational content\\, not medical advice"), event);
      }
    }
    assertEquals(V1.phases().size(), phases);
  }
}
