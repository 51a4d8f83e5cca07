package org.rehabplan.examples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rehabplan.Agenda;
import org.rehabplan.Plan;
import org.rehabplan.PlanRecord;
import org.rehabplan.Protocols;
import org.rehabplan.Session;
import org.rehabplan.json.PlanRecordJson;
import org.rehabplan.json.ProtocolJson;

/**
 * The journal commands as a person types them: what they keep, what they print, and the
 * one-line refusals (exit status 2) that leave the journal as it was.
 */
class JournalCommandsTest {
  private static final ZoneId SYSTEM = ZoneId.of("Asia/Tokyo"); // not the journal's zone
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2027-03-28T08:05:00Z"),
      ZoneOffset.UTC); // 10:05 in Berlin (summer time from that night)

  @TempDir Path dir;

  private record Run(int status, String out, String err) {}

  private Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = RehabplanCli.run(args, new PrintStream(out, true, UTF_8),
        new PrintStream(err, true, UTF_8), CLOCK, SYSTEM, dir);
    return new Run(status, out.toString(UTF_8), err.toString(UTF_8));
  }

  private Run ok(String... args) {
    Run r = run(args);
    assertEquals(0, r.status(), () -> String.join(" ", args) + "\n" + r.err());
    return r;
  }

  /** Exit 2, exactly one line on standard error starting with {@code start}. */
  private static void assertRefused(Run r, String start) {
    assertEquals(2, r.status(), r.err());
    assertTrue(r.err().startsWith("rehabplan: " + start), r.err());
    assertEquals(1, r.err().chars().filter(c -> c == '\n').count(), r.err());
    assertFalse(r.err().contains("Exception") || r.err().contains("internal error"), r.err());
  }

  private void start() {
    ok("start", "--journal", "j.json", "--injured-at", "2027-03-27T18:30", "--zone",
        "Europe/Berlin");
  }

  private PlanRecord record() throws Exception {
    return PlanRecordJson.read(new StringReader(Files.readString(dir.resolve("j.json"), UTF_8)));
  }

  @Test
  void startWritesAJournalWhosePlanIsTheOneShotPlannersAndRefusesToOverwriteIt()
      throws Exception {
    Run r = ok("start", "--journal", "j.json", "--injured-at", "2027-03-27T18:30", "--zone",
        "Europe/Berlin", "--severity", "mild");
    assertTrue(r.out().contains(Agenda.NOTICE.substring(0, 40)), r.out());
    PlanRecord record = record();
    assertEquals(ZoneId.of("Europe/Berlin"), record.plan().zone());
    assertEquals(Protocols.hamstringStrain(), record.protocol());
    byte[] before = Files.readAllBytes(dir.resolve("j.json"));
    assertRefused(run("start", "--journal", "j.json", "--injured-at", "2027-03-27T19:00"),
        "--journal 'j.json': already exists");
    assertArrayEquals(before, Files.readAllBytes(dir.resolve("j.json")));
    ok("start", "--journal", "j.json", "--injured-at", "2027-03-27T19:00", "--zone",
        "Europe/Berlin", "--force");
    assertArrayEquals(before, Files.readAllBytes(dir.resolve("j.json.bak")));
    assertEquals("2027-03-27T19:00", record().request().injuredAt().toLocalDateTime()
        .toString());
  }

  @Test
  void aJournalThatIsNotOneIsRefusedAndLeftAsItIs() throws Exception {
    String protocolJson = run("protocol", "show", "hamstring-strain").out();
    start();
    String journal = Files.readString(dir.resolve("j.json"), UTF_8);
    Map<String, byte[]> damaged = Map.of(
        "empty", new byte[0],
        "truncated", journal.substring(0, journal.length() / 2).getBytes(UTF_8),
        "foreign (a protocol file)", protocolJson.getBytes(UTF_8),
        "not JSON", "hello\n".getBytes(UTF_8),
        "not UTF-8", new byte[] {'{', '"', (byte) 0xff, (byte) 0xfe, '"', '}'});
    for (Map.Entry<String, byte[]> e : damaged.entrySet()) {
      Files.write(dir.resolve("j.json"), e.getValue());
      for (String[] args : List.of(
          new String[] {"today", "--journal", "j.json"},
          new String[] {"check-in", "--journal", "j.json", "2027-03-28T09:00 pain=2/3"},
          new String[] {"done", "--journal", "j.json", "next"},
          new String[] {"export", "--journal", "j.json", "--ics", "x.ics"})) {
        Run r = run(args);
        assertRefused(r, "--journal 'j.json': ");
        assertArrayEquals(e.getValue(), Files.readAllBytes(dir.resolve("j.json")), e.getKey());
        assertFalse(Files.exists(dir.resolve("x.ics")), e.getKey());
      }
    }
    for (String command : List.of("today", "agenda", "check-in", "done", "skip", "export")) {
      List<String> args = new ArrayList<>(List.of(command, "--journal", "missing.json"));
      if (command.equals("check-in")) {
        args.add("2027-03-28T09:00 pain=2/3");
      } else if (command.equals("done") || command.equals("skip")) {
        args.add("next");
      }
      assertRefused(run(args.toArray(String[]::new)), "--journal 'missing.json': no such journal");
    }
    assertFalse(Files.exists(dir.resolve("missing.json.lock"))); // a typo leaves nothing behind
    // One file given for the other: the refusal says what the file is.
    Files.write(dir.resolve("p.json"), protocolJson.getBytes(UTF_8));
    assertRefused(run("today", "--journal", "p.json"), "--journal 'p.json': not a rehabplan"
        + " journal, or damaged (format (line 2, column 13): this is a \"rehabplan-protocol\""
        + " file, not a \"rehabplan-record\" file)");
    Files.writeString(dir.resolve("old.json"), journal, UTF_8);
    assertRefused(run("start", "--journal", "new.json", "--injured-at", "2027-03-27T18:30",
        "--protocol", "old.json"), "--protocol 'old.json': format (line 2, column 13): this is a"
        + " \"rehabplan-record\" file, not a \"rehabplan-protocol\" file");
  }

  @Test
  void badInputIsRefusedInOneLineNamingIt() {
    start();
    assertRefused(run("check-in", "--journal", "j.json", "2027-03-28T09:00 pain=2/4 note=a\tb"),
        "check-in '2027-03-28T09:00 pain=2/4 note=a\\tb'");
    assertRefused(run("check-in", "--journal", "j.json", "2027-03-28T09:00 pain=11/4"),
        "check-in ");
    assertRefused(run("check-in", "--journal", "j.json", "2027-03-29T09:00 pain=1/1"),
        "check-in '2027-03-29T09:00 pain=1/1': "); // after now (the clock)
    assertRefused(run("check-in", "--journal", "j.json", "2027-03-28T09:00 pain=1/1 met=heald"),
        "check-in ");
    assertRefused(run("check-in", "--journal", "j.json"), "check-in: ");
    assertRefused(run("done", "--journal", "j.json", "no/such/1"), "done 'no/such/1': no such");
    assertRefused(run("done", "--journal", "j.json", "next", "--at", "2027-03-28T11:00"),
        "--at '2027-03-28T11:00': is after now");
    assertRefused(run("done", "--journal", "j.json", "next", "--note", "a\u0007b"), "--note ");
    assertRefused(run("today"), "today: --journal is missing");
    assertRefused(run("today", "--journal", "j.json", "--now", "tomorrow"), "--now 'tomorrow'");
    assertRefused(run("agenda", "--journal", "j.json", "--days", "-1"), "--days '-1'");
    assertRefused(run("today", "--journal", "j.json", "--frobnicate"),
        "today: unknown option '--frobnicate'");
    assertRefused(run("start", "--journal", "k.json"), "start: --injured-at is missing");
    assertRefused(run("start", "--journal", "k.json", "--injured-at", "+999999999-12-31T00:00"),
        "--injured-at ");
    assertRefused(run("start", "--journal", "k.json", "--injured-at", "2027-03-29T09:00",
        "--zone", "Europe/Berlin"), "--injured-at '2027-03-29T09:00': is after now");
    assertRefused(run("export", "--journal", "j.json", "--ics", "j.json"),
        "--ics 'j.json': is the journal itself");
    assertRefused(run("protocol", "show", "ankle"), "protocol show 'ankle': no such built-in");
    assertFalse(Files.exists(dir.resolve("k.json")));
  }

  @Test
  void doneAndSkipMarkSessionsOnceAndTodayShowsThem() throws Exception {
    start();
    Plan plan = record().plan();
    List<Session> started = new ArrayList<>();
    for (Session s : plan.sessions()) {
      if (!s.isConditional() && !s.start().isAfter(CLOCK.instant())) {
        started.add(s);
      }
    }
    Session first = started.get(0);
    Session second = started.get(1);
    Run done = ok("done", "--journal", "j.json", "next", "--note", "cold pack ok");
    // The first session was the day before: the time it was marked at carries its date.
    assertTrue(done.out().contains("[" + first.id() + "] as done at Sun 28 Mar 2027 10:05."),
        done.out());
    ok("skip", "--journal", "j.json", "next", "--at", "2027-03-28T09:00");
    PlanRecord record = record();
    assertEquals("done", record.outcomes().outcome(first.id()).orElseThrow().status().name()
        .toLowerCase(java.util.Locale.ROOT));
    assertEquals("skipped", record.outcomes().outcome(second.id()).orElseThrow().status().name()
        .toLowerCase(java.util.Locale.ROOT));
    assertRefused(run("done", "--journal", "j.json", first.id()),
        "done '" + first.id() + "': already marked done");
    Session future = plan.sessions().stream().filter(s -> !s.isConditional()
        && s.start().isAfter(CLOCK.instant())).findFirst().orElseThrow();
    assertRefused(run("done", "--journal", "j.json", future.id()),
        "done '" + future.id() + "': starts ");
    Session gated = plan.sessions().stream().filter(Session::isConditional).findFirst()
        .orElseThrow();
    assertRefused(run("done", "--journal", "j.json", gated.id()),
        "done '" + gated.id() + "': waits until you report ");

    Run today = ok("today", "--journal", "j.json");
    assertTrue(today.out().contains("So far: 1 of " + started.size() + " sessions started done,"
        + " 1 skipped, " + (started.size() - 2) + " not marked."), today.out());
    assertTrue(today.out().contains("  Next:     "), today.out());
    assertTrue(today.out().contains(Agenda.NOTICE.substring(0, 40)), today.out());
    // The first two sessions are on the day before today; the agenda of both days marks them.
    Run agenda = ok("agenda", "--journal", "j.json", "--now", "2027-03-27T23:00", "--days", "2");
    assertTrue(agenda.out().contains("(done 10:05 Sun 28 Mar)"), agenda.out());
    assertTrue(agenda.out().contains("note: cold pack ok"), agenda.out());
    assertTrue(agenda.out().contains("(skipped 09:00 Sun 28 Mar)"), agenda.out());
  }

  @Test
  void exportSaysFirstThenUpdateThenNothingChanged() throws Exception {
    start();
    Run v1 = ok("export", "--journal", "j.json", "--ics", "v1.ics");
    assertTrue(v1.out().contains("first calendar"), v1.out());
    Run again = ok("export", "--journal", "j.json", "--ics", "v1b.ics");
    // Still the first calendar (all SEQUENCE 0): said so, with how to import it, in case the
    // first export was never imported.
    assertTrue(again.out().contains("same calendar as the last export")
        && again.out().contains("first calendar"), again.out());
    assertArrayEquals(Files.readAllBytes(dir.resolve("v1.ics")),
        Files.readAllBytes(dir.resolve("v1b.ics")));
    ok("check-in", "--journal", "j.json", "2027-03-28T10:00 pain=1/2 met=pain-relieved");
    Run v2 = ok("export", "--journal", "j.json", "--ics", "v2.ics", "--sessions-csv", "s.csv");
    assertTrue(v2.out().contains("update of the last calendar") && v2.out().contains("OVER"),
        v2.out());
    assertTrue(Files.readString(dir.resolve("v2.ics"), UTF_8).contains("\r\nSEQUENCE:1\r\n"));
    assertEquals(record().plan().sessions().size() + 1,
        Files.readAllLines(dir.resolve("s.csv"), UTF_8).size());
  }

  /**
   * export records the calendar's state in the journal before writing the file: a first export
   * that failed after that (simulated: the journal has the state, the file is gone) must, on the
   * retry, still be reported as the first calendar to import into a new calendar, not as
   * "nothing changed"; a failed later export's retry still says to import it over the previous.
   */
  @Test
  void exportRetriedAfterAFailedExportStillSaysHowToImport() throws Exception {
    start();
    ok("export", "--journal", "j.json", "--ics", "v1.ics");
    Files.delete(dir.resolve("v1.ics"));
    Run retry = ok("export", "--journal", "j.json", "--ics", "v1.ics");
    assertTrue(retry.out().contains("This is the first calendar of the journal j.json.")
        && retry.out().contains("best into a new calendar of its own"), retry.out());
    assertFalse(retry.out().contains("Nothing changed"), retry.out());
    ok("check-in", "--journal", "j.json", "2027-03-28T10:00 pain=1/2 met=pain-relieved");
    ok("export", "--journal", "j.json", "--ics", "v2.ics");
    Files.delete(dir.resolve("v2.ics"));
    Run retry2 = ok("export", "--journal", "j.json", "--ics", "v2.ics");
    assertTrue(retry2.out().contains("Nothing changed")
        && retry2.out().contains("failed), import v2.ics OVER the calendar exported before it"),
        retry2.out());
    assertFalse(retry2.out().contains("first calendar"), retry2.out());
  }

  @Test
  void protocolShowPrintsTheBuiltInProtocolFile() throws Exception {
    Run r = ok("protocol", "show", "hamstring-strain");
    String resource;
    try (var in = Protocols.class.getResourceAsStream("hamstring-strain.json")) {
      resource = new String(in.readAllBytes(), UTF_8);
    }
    assertEquals(resource, r.out());
    assertEquals(Protocols.hamstringStrain(), ProtocolJson.read(new StringReader(r.out())));
  }

  @Test
  void checkInsStartedAtTheSameMomentAreBothKept() throws Exception {
    start();
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Run>> runs = new ArrayList<>();
      for (String text : List.of("2027-03-28T09:00 pain=3/4 note=first",
          "2027-03-28T09:30 pain=3/5 note=second")) {
        runs.add(pool.submit(() -> {
          go.await();
          return run("check-in", "--journal", "j.json", text);
        }));
      }
      go.countDown();
      for (Future<Run> f : runs) {
        Run r = f.get();
        assertEquals(0, r.status(), r.err());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(2, record().checkIns().size());
  }

  @Test
  void todayCountsASessionStartingNowAsStartedInBothItsLines() throws Exception {
    start();
    Plan plan = record().plan();
    ZoneId zone = plan.zone();
    Session startingNow = plan.sessions().stream().filter(s -> !s.isConditional()
        && s.start().isAfter(CLOCK.instant())).findFirst().orElseThrow();
    Instant now = startingNow.start();
    long started = plan.sessions().stream().filter(s -> !s.isConditional()
        && !s.start().isAfter(now)).count();
    String nowText = now.atZone(zone).toLocalDateTime().toString();
    Run today = ok("today", "--journal", "j.json", "--now", nowText);
    assertTrue(today.out().contains(started + " sessions have started and not been marked"),
        today.out());
    assertTrue(today.out().contains("So far: 0 of " + started + " sessions started done, 0"
        + " skipped, " + started + " not marked."), today.out());
    Run done = ok("done", "--journal", "j.json", startingNow.id(), "--now", nowText);
    assertTrue(done.out().contains("So far: 1 of " + started + " sessions started done,"),
        done.out());
  }

  @Test
  void moreThanOneSessionOrCheckInIsRefusedNotHalfRead() throws Exception {
    start();
    byte[] before = Files.readAllBytes(dir.resolve("j.json"));
    assertRefused(run("done", "--journal", "j.json", "next", "ice/protect/2"),
        "done 'next ice/protect/2': give one session");
    assertRefused(run("skip", "--journal", "j.json", "ice/protect/1", "ice/protect/2"),
        "skip 'ice/protect/1 ice/protect/2': give one session");
    // Unquoted words after the check-in would otherwise be dropped: met= would be lost.
    assertRefused(run("check-in", "--journal", "j.json", "2027-03-28T09:00 pain=1/2",
        "met=pain-relieved"), "check-in '2027-03-28T09:00 pain=1/2 met=pain-relieved': give the"
        + " check-in as one argument in quotes");
    assertArrayEquals(before, Files.readAllBytes(dir.resolve("j.json")));
  }

  @Test
  void theCheckInExampleOfTheHelpIsAccepted() throws Exception {
    start();
    String help = ok("check-in", "--help").out().replaceAll("\\s+", " ");
    assertTrue(help.contains("\"" + JournalCli.CHECK_IN_EXAMPLE + "\""), help);
    ok("check-in", "--journal", "j.json", JournalCli.CHECK_IN_EXAMPLE, "--now",
        "2027-03-30T09:05");
    assertEquals(1, record().checkIns().size());
  }

  @Test
  void everyCommandWithAJournalReadsNowAndRefusesAMalformedOne() throws Exception {
    start();
    byte[] before = Files.readAllBytes(dir.resolve("j.json"));
    for (String[] args : List.of(
        new String[] {"start", "--journal", "k.json", "--injured-at", "2027-03-27T18:30"},
        new String[] {"check-in", "--journal", "j.json", "2027-03-28T09:00 pain=2/3"},
        new String[] {"done", "--journal", "j.json", "next"},
        new String[] {"skip", "--journal", "j.json", "next"},
        new String[] {"today", "--journal", "j.json"},
        new String[] {"agenda", "--journal", "j.json"},
        new String[] {"export", "--journal", "j.json", "--ics", "x.ics"})) {
      List<String> withNow = new ArrayList<>(List.of(args));
      withNow.addAll(List.of("--now", "2027-03-28T25:00"));
      assertRefused(run(withNow.toArray(String[]::new)), "--now '2027-03-28T25:00': ");
    }
    assertArrayEquals(before, Files.readAllBytes(dir.resolve("j.json")));
    assertFalse(Files.exists(dir.resolve("k.json")) || Files.exists(dir.resolve("x.ics")));
  }

  @Test
  void whatARunKilledWhileWritingLeavesBehindDoesNotStopTheNextRun() throws Exception {
    start();
    ok("check-in", "--journal", "j.json", "2027-03-28T09:00 pain=3/4 note=first");
    byte[] journal = Files.readAllBytes(dir.resolve("j.json"));
    // A run killed between writing its temporary file and moving it: the lock file stays (the
    // system let its lock go with the process), and so does a half-written temporary file.
    Files.write(dir.resolve(".j.json.5eed.tmp"), java.util.Arrays.copyOf(journal,
        journal.length / 3));
    assertTrue(Files.exists(dir.resolve("j.json.lock")));
    assertArrayEquals(journal, Files.readAllBytes(dir.resolve("j.json")));
    Run today = ok("today", "--journal", "j.json");
    assertTrue(today.out().contains("Now: Sun 28 Mar 2027 10:05"), today.out());
    ok("check-in", "--journal", "j.json", "2027-03-28T10:00 pain=2/3 note=second");
    assertEquals(List.of("first", "second"), record().checkIns().stream()
        .map(c -> c.note().orElseThrow()).toList());
  }

  @Test
  void theShellCompletionKnowsTheJournalCommandsAndTheirOptions() {
    String script = ok("generate-completion").out();
    assertTrue(script.contains("local commands=\"generate-completion start check-in done skip"
        + " today agenda export protocol\""), script);
    for (String command : List.of("start", "check-in", "done", "skip", "today", "agenda",
        "export")) {
      assertTrue(script.contains("function _picocli_rehabplan_" + command.replace("-", "")),
          command);
    }
    assertTrue(script.contains("--injured-at") && script.contains("--sessions-csv")
        && script.contains("--journal") && script.contains("--days"), script);
  }

  @Test
  void checkInsFromTwoProcessesStartedTogetherAreBothKept() throws Exception {
    start();
    String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Process> processes = new ArrayList<>();
    // This test holds the journal while both programs start, so both find it locked by another
    // process (the case FileLock is for) and wait; a late starter only makes the test weaker.
    try (JournalFile.Locked held =
        JournalFile.of("--journal", "j.json", dir).lock(java.time.Duration.ZERO)) {
      for (String text : List.of("2027-03-28T09:00 pain=3/4 note=first",
          "2027-03-28T09:30 pain=3/5 note=second")) {
        processes.add(new ProcessBuilder(javaCommand, "-cp", System.getProperty("java.class.path"),
            RehabplanCli.class.getName(), "check-in", "--journal", "j.json", text,
            "--now", "2027-03-28T10:05")
            .directory(dir.toFile()).redirectErrorStream(true).start());
      }
      Thread.sleep(500);
    }
    for (Process p : processes) {
      String output = new String(p.getInputStream().readAllBytes(), UTF_8);
      assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), output);
      assertEquals(0, p.exitValue(), output);
    }
    assertEquals(java.util.Set.of("first", "second"), record().checkIns().stream()
        .map(c -> c.note().orElseThrow()).collect(java.util.stream.Collectors.toSet()));
  }

  @Test
  void todaySaysHowManyOutcomesAreForSessionsThePlanNoLongerHas() throws Exception {
    start();
    ok("done", "--journal", "j.json", "next");
    ok("skip", "--journal", "j.json", "next");
    Run before = ok("today", "--journal", "j.json");
    assertFalse(before.out().contains("no longer has"), before.out());
    // An outcome kept from an earlier version of the plan, for a session it no longer has.
    String journal = Files.readString(dir.resolve("j.json"), UTF_8);
    String first = record().outcomes().outcomes().get(0).sessionId();
    Files.writeString(dir.resolve("j.json"), journal.replace("\"session\": \"" + first + "\"",
        "\"session\": \"ice/protect/999\""), UTF_8);
    Run today = ok("today", "--journal", "j.json");
    assertTrue(today.out().contains("  1 outcome is for a session this version of the plan no"
        + " longer has; it stays in the journal."), today.out());
    assertTrue(today.out().contains("So far: 0 of "), today.out());
  }
}
