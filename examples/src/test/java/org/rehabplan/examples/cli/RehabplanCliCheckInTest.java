package org.rehabplan.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rehabplan.CheckIn;
import org.rehabplan.Plan;
import org.rehabplan.PlanRequest;
import org.rehabplan.ProgressLog;
import org.rehabplan.Protocols;
import org.rehabplan.Scheduler;
import org.rehabplan.ical.IcalExporter;

/** Check-ins on the command line and in a file, and re-planning at --now. */
class RehabplanCliCheckInTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2027-04-02T08:00:00Z"),
      ZoneOffset.UTC);

  @TempDir Path dir;

  private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

  private int run(String... args) {
    return RehabplanCli.run(args, new PrintStream(outBytes, true, StandardCharsets.UTF_8),
        new PrintStream(errBytes, true, StandardCharsets.UTF_8), CLOCK, BERLIN, dir);
  }

  private String out() {
    return outBytes.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return errBytes.toString(StandardCharsets.UTF_8);
  }

  private static Instant berlin(String local) {
    return ZonedDateTime.of(java.time.LocalDateTime.parse(local), BERLIN).toInstant();
  }

  private static Plan first() {
    return Scheduler.plan(Protocols.hamstringStrain(), PlanRequest.builder()
        .injuredAt(ZonedDateTime.of(java.time.LocalDateTime.parse("2027-03-27T18:30"), BERLIN))
        .build());
  }

  private static Plan replanned() {
    return Scheduler.replan(first(), ProgressLog.of(
            CheckIn.of(berlin("2027-03-30T09:00"), 1, 2, List.of("pain-relieved"))),
        berlin("2027-03-30T09:05"));
  }

  @Test
  void aCheckInReplansAndTheCalendarIsTheReplannedOne() throws IOException {
    assertEquals(0, run("--injured-at", "2027-03-27T18:30",
        "--check-in", "2027-03-30T09:00 pain=1/2 met=pain-relieved", "--now", "2027-03-30T09:05"),
        err());
    assertTrue(out().contains("Re-planned Tue 30 Mar 2027 09:05 from 1 check-in(s) (version 2)\n"
        + "  Now in: Restore\n"
        + "  Reported met: pain-relieved\n"
        + "  pain-relieved reported met: Restore begins 2027-03-30 09:00\n"), out());
    assertTrue(out().contains("  Changed since version 1: "), out());
    assertTrue(out().contains("\n110 sessions, 47 calendar events (plus 4 cancelled), reminders"
        + " 10 min before each session.\n"), out());
    // The calendar is the re-planned one, as an update of the first version's calendar.
    String ics = Files.readString(dir.resolve("hamstring-plan.ics"), StandardCharsets.UTF_8);
    assertEquals(IcalExporter.builder().build().update(replanned(), first()).text(), ics);
    assertTrue(ics.contains("\r\nSEQUENCE:1\r\n"), "moved events have SEQUENCE 1");
    assertTrue(ics.contains("\r\nSTATUS:CANCELLED\r\n"), "the remaining pain checks are cancelled");
    assertTrue(ics.contains("\r\nDTSTAMP:20270330T070500Z\r\n"), "stamped at --now");
  }

  @Test
  void theCalendarAlwaysUpdatesTheFirstVersionWithTheSameOptions() throws IOException {
    assertEquals(0, run("--injured-at", "2027-03-27T18:30", "--expanded", "--no-alarms",
        "--calendar-name", "Mein Plan", "--ics", "-",
        "--check-in", "2027-03-30T09:00 pain=1/2 met=pain-relieved", "--now", "2027-03-30T09:05"),
        err());
    IcalExporter exporter = IcalExporter.builder().oneEventPerSession(true).noAlarms()
        .calendarName("Mein Plan").build();
    assertEquals(exporter.update(replanned(), first()).text(), out());
    assertTrue(err().contains("\n110 sessions, 120 calendar events (plus 3 cancelled), no"
        + " reminders.\n"), err());
  }

  @Test
  void withoutCheckInsTheCalendarIsThePlainExport() throws IOException {
    assertEquals(0, run("--injured-at", "2027-03-27T18:30"), err());
    assertEquals(IcalExporter.builder().build().export(first()).text(),
        Files.readString(dir.resolve("hamstring-plan.ics"), StandardCharsets.UTF_8));
  }

  @Test
  void checkInsComeFromAFileWithComments() throws IOException {
    Files.writeString(dir.resolve("log.txt"), "# my check-ins\n\n"
        + "2027-03-30T09:00 pain=1/2 met=pain-relieved  # felt better\n");
    assertEquals(0, run("--injured-at", "2027-03-27T18:30", "--check-ins", "log.txt",
        "--now", "2027-03-30T09:05"), err());
    assertEquals(IcalExporter.builder().build().update(replanned(), first()).text(),
        Files.readString(dir.resolve("hamstring-plan.ics"), StandardCharsets.UTF_8));
  }

  @Test
  void aTooLongNoteIsRefusedInOneShortLine() {
    String note = "x".repeat(3000);
    assertEquals(2, run("--injured-at", "2027-03-27T18:30", "--now", "2027-03-30T09:05",
        "--check-in", "2027-03-30T09:00 pain=2/4 note=" + note));
    assertTrue(err().contains("3000 characters"), err());
    assertTrue(err().length() < 400 && err().indexOf('\n') == err().length() - 1, err());
  }

  @Test
  void malformedCheckInsNameTheLineAndTheProblem() throws IOException {
    Files.writeString(dir.resolve("log.txt"), "2027-03-30T09:00 pain=2/4\n2027-03-31 pain=1/1\n");
    assertEquals(2, run("--injured-at", "2027-03-27T18:30", "--check-ins", "log.txt"));
    assertEquals("rehabplan: --check-ins 'log.txt' line 2: \"2027-03-31\" is not a local"
        + " date-time like 2027-03-30T09:00\n", err());
    assertFalse(Files.exists(dir.resolve("hamstring-plan.ics")), "nothing written");
  }

  @Test
  void badCheckInsOnTheCommandLineExitWithStatus2() {
    assertEquals(2, run("--check-in", "2027-03-30T09:00 met=healed"));
    assertEquals("rehabplan: --check-in '2027-03-30T09:00 met=healed': pain=REST/ACTIVITY is"
        + " missing, e.g. pain=2/4\n", err());
  }

  @Test
  void aCheckInAfterNowIsRejected() {
    assertEquals(2, run("--injured-at", "2027-03-27T18:30",
        "--check-in", "2027-03-31T09:00 pain=1/1", "--now", "2027-03-30T09:05"));
    assertEquals("rehabplan: --check-in and --now 2027-03-30T09:05: the check-in at 2027-03-31"
        + " 09:00 is after now (2027-03-30 09:05)\n", err());
  }

  @Test
  void wakingHoursTooShortForTheProtocolExitWithStatus2AndOneLine() throws IOException {
    assertEquals(2, run("--injured-at", "2027-03-27T18:30", "--wake", "07:00", "--sleep", "07:30"));
    String err = err();
    assertTrue(err.startsWith("rehabplan: --wake 07:00 --sleep 07:30: intervention "), err);
    assertTrue(err.endsWith(", but waking hours 07:00–07:30 last only 30 min\n"), err);
    assertEquals(1, err.chars().filter(c -> c == '\n').count(), err);
    assertEquals("", out());
    assertFalse(Files.exists(dir.resolve("hamstring-plan.ics")), "nothing written");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      check-in before the injury | 2027-03-27T18:00 pain=1/1 | 2027-03-30T09:00 | rehabplan: --check-in and --now 2027-03-30T09:00: the check-in at 2027-03-27 18:00 is before the injury (2027-03-27 18:30)
      now before the injury      | 2027-03-27T18:00 pain=1/1 | 2027-03-27T17:00 | rehabplan: --check-in and --now 2027-03-27T17:00: now (2027-03-27 17:00) is before the injury (2027-03-27 18:30)
      check-in after now         | 2027-03-31T09:00 pain=1/1 | 2027-03-30T09:05 | rehabplan: --check-in and --now 2027-03-30T09:05: the check-in at 2027-03-31 09:00 is after now (2027-03-30 09:05)
      """)
  void checkInsTheLibraryRejectsExitWithStatus2AndOneLine(
      String name, String checkIn, String now, String expected) {
    assertEquals(2, run("--injured-at", "2027-03-27T18:30", "--check-in", checkIn, "--now", now),
        name);
    assertEquals(expected + "\n", err());
    assertEquals("", out());
    assertFalse(Files.exists(dir.resolve("hamstring-plan.ics")), "nothing written");
  }

  @Test
  void twoCheckInsAtOneMomentExitWithStatus2AndOneLine() {
    assertEquals(2, run("--injured-at", "2027-03-27T18:30", "--check-in",
        "2027-03-30T09:00 pain=1/1", "--check-in", "2027-03-30T09:00 pain=2/2", "--now",
        "2027-03-30T10:00"));
    assertEquals("rehabplan: --check-in and --now 2027-03-30T10:00: two check-ins at the same"
        + " instant 2027-03-30T07:00:00Z\n", err());
  }

  @Test
  void parsesEveryPartOfACheckIn() {
    CheckInLine line = CheckInLine.parse(
        "2027-03-30T09:00 pain=2/4 met=pain-relieved,healed note=Stairs still hurt, a bit");
    assertEquals(java.time.LocalDateTime.parse("2027-03-30T09:00"), line.at());
    assertEquals(2, line.painAtRest());
    assertEquals(4, line.painWithActivity());
    assertEquals(java.util.Set.of("pain-relieved", "healed"), line.met());
    assertEquals("Stairs still hurt, a bit", line.note());
  }
}
