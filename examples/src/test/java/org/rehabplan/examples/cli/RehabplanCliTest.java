package org.rehabplan.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rehabplan.Plan;
import org.rehabplan.PlanRequest;
import org.rehabplan.Protocols;
import org.rehabplan.Scheduler;
import org.rehabplan.Session;
import org.rehabplan.Severity;
import org.rehabplan.WakingHours;
import org.rehabplan.ical.IcalExporter;

/** The planner end to end through {@link RehabplanCli#run}, with a fixed clock and zone. */
class RehabplanCliTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  /** Sunday 28 March 2027, 11:05 in Berlin: the morning after the injury, after the DST change. */
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2027-03-28T09:05:00Z"),
      ZoneOffset.UTC);
  private static final String[] BERLIN_INJURY = {"--injured-at", "2027-03-27T18:30"};

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

  private static Plan plan(String injuredAt, ZoneId zone, Severity severity, WakingHours awake) {
    return Scheduler.plan(Protocols.hamstringStrain(), PlanRequest.builder()
        .injuredAt(ZonedDateTime.of(java.time.LocalDateTime.parse(injuredAt), zone))
        .severity(severity).wakingHours(awake).build());
  }

  private static Plan berlinPlan() {
    return plan("2027-03-27T18:30", BERLIN, Severity.MODERATE, WakingHours.DEFAULT);
  }

  private List<String> filesInDir() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void writesTheCalendarOfTheSamePlanAndPrintsTheAgenda() throws IOException {
    assertEquals(0, run(BERLIN_INJURY), err());
    assertEquals("", err());
    assertEquals(List.of("hamstring-plan.ics"), filesInDir());
    assertEquals(IcalExporter.builder().build().export(berlinPlan()).text(),
        Files.readString(dir.resolve("hamstring-plan.ics"), StandardCharsets.UTF_8));

    String out = out();
    assertTrue(out.startsWith("""
        Hamstring strain, moderate
        Injured Sat 27 Mar 2027 18:30 (Europe/Berlin), awake 07:00 to 22:00

        Phase timeline (# typical, - earliest start to latest end; one column = 1 day)
                          |wk 1  |wk 2  |wk 3  |wk 4  |wk 5  |wk 6  |wk 7
          Protect         #####-
          Restore            -#######-----
          Strengthen            ----#############-----------
          Return to sport            -----------########------------------

                          typical                   earliest start  latest end
          Protect         Sat 27 Mar - Wed 31 Mar   Sat 27 Mar      Thu 1 Apr
          Restore         Wed 31 Mar - Tue 6 Apr    Tue 30 Mar      Sun 11 Apr
                          starts once pain-relieved
          Strengthen      Tue 6 Apr - Sun 18 Apr    Fri 2 Apr       Thu 29 Apr
          Return to sport Sun 18 Apr - Sun 25 Apr   Wed 7 Apr       Thu 13 May
                          starts once healed

        Typical dates use the average time back to sport of professional footballers
        with an injury of your grade; earliest and latest are that average minus and
        plus one standard deviation, so about one person in three falls outside them.
        Healing also depends on your age and health, which this plan does not model,
        and phases that wait on your check-ins start only when you report them.

        Sessions from today, times in Europe/Berlin:

        Sun 28 Mar 2027 (today)
          all day      Raise the leg when resting
                       Whenever you sit or lie down to rest, prop the injured leg up
        """), out);
    // Today (the clock's date), then two more days; the first session of the day comes with its
    // instructions, later ones without. At 11:05 the morning's sessions are over.
    assertTrue(out.contains("""
          07:00-07:15  Ice the back of the thigh  [Protect]  (past)
                       Put a cold pack on the painful area for 15 minutes, then take
        """), out);
    assertTrue(out.contains("  08:30-08:45  Ice the back of the thigh  [Protect]  (past)\n"), out);
    assertTrue(out.contains("  11:30-11:45  Ice the back of the thigh  [Protect]\n"), out);
    assertTrue(out.contains("\nMon 29 Mar 2027\n"), out);
    assertTrue(out.contains("\nTue 30 Mar 2027\n"), out);
    assertFalse(out.contains("Sat 27 Mar 2027\n"), out);
    assertFalse(out.contains("Wed 31 Mar 2027\n"), out);
    // The daily self-check starts on day 2 of the protect phase, in the middle of waking hours.
    assertTrue(out.contains("\nTue 30 Mar 2027\n  all day      Raise the leg when resting\n"
        + "  all day      Avoid activities that hurt\n  all day      Support the thigh with a wrap\n"
        + "  14:25-14:30  Self-check: is the pain relieved?  [Protect]\n"
        + "               Take a moment to notice the injured thigh."), out);
    assertTrue(out.contains("\n111 sessions, 50 calendar events, reminders 10 min before each"
        + " session.\nWrote " + dir.resolve("hamstring-plan.ics") + ".\n"), out);
    assertTrue(out.contains("Google Calendar  on a computer: Settings > Import & export > Import."
        + " Google\n                   ignores the reminders in imported files"), out);
    assertTrue(out.contains("  Apple Calendar   Mac: File > Import."), out);
    assertTrue(out.contains("  Outlook          File > Open & Export > Import/Export"), out);
    for (String line : out.split("\n")) {
      assertTrue(line.length() <= 80, line);
    }
    assertTrue(out.endsWith("Educational content, not medical advice: this plan restates general\n"
        + "patient-education material and does not replace a clinician's assessment.\n"), out);
  }

  @Test
  void sameInputsGiveTheSameOutput() throws IOException {
    assertEquals(0, run(BERLIN_INJURY));
    byte[] first = Files.readAllBytes(dir.resolve("hamstring-plan.ics"));
    String firstOut = out();
    outBytes.reset();
    assertEquals(0, run(BERLIN_INJURY));
    assertArrayEquals(first, Files.readAllBytes(dir.resolve("hamstring-plan.ics")));
    assertEquals(firstOut, out());
  }

  @Test
  void defaultsAreInjuredNowToTheMinuteInTheSystemZone() throws IOException {
    Clock clock = Clock.fixed(Instant.parse("2027-03-28T09:05:42.5Z"), ZoneOffset.UTC);
    ZoneId tokyo = ZoneId.of("Asia/Tokyo");
    int status = RehabplanCli.run(new String[0],
        new PrintStream(outBytes, true, StandardCharsets.UTF_8),
        new PrintStream(errBytes, true, StandardCharsets.UTF_8), clock, tokyo, dir);
    assertEquals(0, status, err());
    Plan expected = plan("2027-03-28T18:05", tokyo, Severity.MODERATE, WakingHours.DEFAULT);
    assertEquals(IcalExporter.builder().build().export(expected).text(),
        Files.readString(dir.resolve("hamstring-plan.ics")));
    assertTrue(out().startsWith("Hamstring strain, moderate\nInjured Sun 28 Mar 2027 18:05"
        + " (Asia/Tokyo), awake 07:00 to 22:00\n"), out());
    assertTrue(out().contains("\nSessions from today, times in Asia/Tokyo:\n\nSun 28 Mar 2027"
        + " (today)\n"), out());
    // Injured now: the first session is under way.
    assertTrue(out().contains("  18:05-18:20  Ice the back of the thigh  [Protect]  (now)\n"),
        out());
  }

  @Test
  void everyExportOptionReachesTheCalendar() throws IOException {
    assertEquals(0, run("--injured-at", "2027-06-01T08:00", "--zone", "America/New_York",
        "--severity", "mild", "--wake", "15:00", "--sleep", "07:00", "--ics", "night.ics",
        "--expanded", "--alarm-minutes", "30", "--calendar-name", "Night shift rehab"), err());
    Plan plan = plan("2027-06-01T08:00", ZoneId.of("America/New_York"), Severity.MILD,
        WakingHours.of(LocalTime.of(15, 0), LocalTime.of(7, 0)));
    String expected = IcalExporter.builder().oneEventPerSession(true).alarmMinutesBefore(30)
        .calendarName("Night shift rehab").build().export(plan).text();
    assertEquals(expected, Files.readString(dir.resolve("night.ics")));
    assertTrue(out().contains("awake 15:00 to 07:00"), out());
    long events = expected.lines().filter("BEGIN:VEVENT"::equals).count();
    assertTrue(events > plan.sessions().size());
    assertTrue(out().contains("\n" + plan.sessions().size() + " sessions, " + events
        + " calendar events, reminders 30 min before each session.\n"), out());
    assertTrue(expected.contains("X-WR-CALNAME:Night shift rehab\r\n"), expected);
  }

  @Test
  void noAlarms() throws IOException {
    assertEquals(0, run("--injured-at", "2027-03-27T18:30", "--no-alarms"), err());
    String ics = Files.readString(dir.resolve("hamstring-plan.ics"));
    assertEquals(IcalExporter.builder().noAlarms().build().export(berlinPlan()).text(), ics);
    assertFalse(ics.contains("BEGIN:VALARM"));
    assertTrue(out().contains("calendar events, no reminders."), out());
  }

  @Test
  void sessionsCsvHasAHeaderAndOneLinePerSessionAtThePlansTimes() throws IOException {
    assertEquals(0, run("--injured-at", "2027-03-27T18:30", "--sessions-csv", "sessions.csv"),
        err());
    assertEquals(List.of("hamstring-plan.ics", "sessions.csv"), filesInDir());
    String csv = Files.readString(dir.resolve("sessions.csv"), StandardCharsets.UTF_8);
    assertTrue(csv.endsWith("\r\n"));
    List<String> lines = List.of(csv.split("\r\n"));
    assertEquals("session_id,intervention_id,kind,phase_id,start,end,title", lines.get(0));
    List<Session> sessions = berlinPlan().sessions();
    assertEquals(sessions.size() + 1, lines.size());
    for (int i = 0; i < sessions.size(); i++) {
      Session s = sessions.get(i);
      // The first six fields are ids and times, never quoted; the title is the rest.
      String[] f = lines.get(i + 1).split(",", 7);
      assertEquals(7, f.length, lines.get(i + 1));
      String title = f[6].startsWith("\"")
          ? f[6].substring(1, f[6].length() - 1).replace("\"\"", "\"") : f[6];
      assertEquals(s.intervention().title(), title);
      assertEquals(s.id(), f[0]);
      assertEquals(s.intervention().id(), f[1]);
      assertEquals(s.intervention().kind().name(), f[2]);
      assertEquals(s.phase().id(), f[3]);
      assertEquals(s.start(), OffsetDateTime.parse(f[4]).toInstant());
      assertEquals(s.end(), OffsetDateTime.parse(f[5]).toInstant());
      assertEquals(s.start().atZone(BERLIN).getOffset(), OffsetDateTime.parse(f[4]).getOffset());
    }
    // Across the DST change: the offset follows the zone.
    assertTrue(lines.get(1).startsWith("ice/protect/1,ice,ICE,protect,2027-03-27T18:30:00+01:00,"
        + "2027-03-27T18:45:00+01:00,"), lines.get(1));
    assertTrue(csv.contains(",2027-03-28T07:00:00+02:00,2027-03-28T07:15:00+02:00,"), csv);
    assertTrue(out().contains("Wrote " + dir.resolve("sessions.csv")
        + " (one line per session).\n"), out());
  }

  @Test
  void icsToStandardOutputPutsTheReportOnStandardError() throws IOException {
    assertEquals(0, run("--injured-at", "2027-03-27T18:30", "--ics", "-"));
    assertEquals(IcalExporter.builder().build().export(berlinPlan()).text(), out());
    assertTrue(err().startsWith("Hamstring strain, moderate\n"), err());
    assertFalse(err().contains("Wrote"), err());
    assertTrue(err().contains("To import the calendar file,"), err());
    assertEquals(List.of(), filesInDir());
  }

  @Test
  void csvToStandardOutput() throws IOException {
    assertEquals(0, run("--injured-at", "2027-03-27T18:30", "--sessions-csv", "-"));
    assertEquals(SessionsCsv.of(berlinPlan()), out());
    assertTrue(err().startsWith("Hamstring strain, moderate\n"), err());
    assertEquals(List.of("hamstring-plan.ics"), filesInDir());
  }

  @Test
  void overwritesAnExistingFileWholeAndLeavesNoTemporaryFiles() throws IOException {
    Files.writeString(dir.resolve("hamstring-plan.ics"), "old content that is longer ".repeat(
        2000));
    assertEquals(0, run(BERLIN_INJURY), err());
    assertEquals(IcalExporter.builder().build().export(berlinPlan()).text(),
        Files.readString(dir.resolve("hamstring-plan.ics")));
    assertEquals(List.of("hamstring-plan.ics"), filesInDir());
  }

  @Test
  void helpListsTheOptionsAndWritesNothing() throws IOException {
    assertEquals(0, run("--help"));
    assertEquals(CliOptions.usage(), out());
    assertTrue(out().contains("  --injured-at DATE-TIME    when the injury happened"), out());
    assertTrue(out().contains("  --sessions-csv FILE"), out());
    assertTrue(out().contains("  -h, --help"), out());
    assertEquals("", err());
    assertEquals(List.of(), filesInDir());
  }

  @Test
  void aBadArgumentIsOneLineOnStandardErrorAndStatus2() throws IOException {
    assertEquals(2, run("--zone", "Mars/Olympus"));
    assertEquals("rehabplan: --zone 'Mars/Olympus': unknown time zone; use a region such as"
        + " Europe/Berlin or an offset such as +02:00\n", err().replace("\r\n", "\n"));
    assertEquals("", out());
    assertEquals(List.of(), filesInDir());
  }

  @Test
  void unknownSeverityAndUnparsableTimeAreRejected() throws IOException {
    assertEquals(2, run("--severity", "grade-2"));
    assertEquals(2, run("--sleep", "10pm"));
    assertEquals("rehabplan: --severity 'grade-2': unknown severity; use mild, moderate or severe\n"
        + "rehabplan: --sleep '10pm': not a time of day like 07:00 or 22:30\n", err());
    assertEquals(List.of(), filesInDir());
  }

  @Test
  void anIcsPathInAMissingFolderIsRejectedBeforePlanning() throws IOException {
    assertEquals(2, run("--ics", "no/such/folder/plan.ics"));
    assertEquals("rehabplan: --ics 'no/such/folder/plan.ics': folder "
        + dir.resolve("no/such/folder") + " does not exist\n", err());
    assertEquals("", out());
    assertEquals(List.of(), filesInDir());
  }

  @Test
  void anIcsPathUnderAFileOrOnAFolderIsRejected() throws IOException {
    Files.writeString(dir.resolve("notes.txt"), "keep me");
    Files.createDirectory(dir.resolve("folder"));
    assertEquals(2, run("--ics", "notes.txt/plan.ics"));
    assertEquals(2, run("--ics", "folder"));
    assertEquals("rehabplan: --ics 'notes.txt/plan.ics': folder " + dir.resolve("notes.txt")
        + " does not exist\nrehabplan: --ics 'folder': is a folder, not a file\n", err());
    assertEquals("keep me", Files.readString(dir.resolve("notes.txt")));
    assertEquals(List.of("folder", "notes.txt"), filesInDir());
  }

  @Test
  void aBadCsvPathLeavesTheExistingCalendarUntouched() throws IOException {
    Files.writeString(dir.resolve("hamstring-plan.ics"), "yesterday's plan");
    assertEquals(2, run("--injured-at", "2027-03-27T18:30", "--sessions-csv", "missing/s.csv"));
    assertEquals("rehabplan: --sessions-csv 'missing/s.csv': folder " + dir.resolve("missing")
        + " does not exist\n", err());
    assertEquals("yesterday's plan", Files.readString(dir.resolve("hamstring-plan.ics")));
    assertEquals(List.of("hamstring-plan.ics"), filesInDir());
  }

  @Test
  void theCsvMustNotOverwriteTheCalendar() throws IOException {
    assertEquals(2, run("--ics", "plan.ics", "--sessions-csv", "./plan.ics"));
    assertEquals("rehabplan: --sessions-csv './plan.ics': is the same file as --ics\n", err());
    assertEquals(List.of(), filesInDir());
  }

  @Test
  void aFailedWriteLeavesNoFileBehind() throws IOException, UsageException {
    Path folder = Files.createDirectory(dir.resolve("gone"));
    OutputFile file = OutputFile.checked("--ics", "gone/plan.ics", dir);
    Files.delete(folder);
    UsageException e = assertThrows(UsageException.class,
        () -> file.write("BEGIN:VCALENDAR".getBytes(StandardCharsets.UTF_8)));
    assertTrue(e.getMessage().startsWith("--ics 'gone/plan.ics': could not write the file (no such"
        + " file: "), e.getMessage());
    assertEquals(List.of(), filesInDir());
  }

  @Test
  void aPlanInThePastShowsItsFirstDays() {
    assertEquals(0, run("--injured-at", "2020-01-06T10:00", "--zone", "UTC", "--days", "1"),
        err());
    assertTrue(out().contains("\nSessions of the first days (the plan ended on 2020-02-"), out());
    assertTrue(out().contains("\nMon 6 Jan 2020\n"), out());
    assertFalse(out().contains("(today)"), out());
  }

  @Test
  void severePlansScaleTheChart() {
    assertEquals(0, run("--injured-at", "2027-03-27T18:30", "--severity", "severe"), err());
    assertTrue(out().contains("one column = 3 days)\n"), out());
    for (String line : out().split("\n")) {
      assertTrue(line.length() <= 80, line);
    }
  }
}
