package org.rehabplan.ical;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rehabplan.Plan;
import org.rehabplan.PlanRecord;
import org.rehabplan.examples.cli.RehabplanCli;
import org.rehabplan.json.PlanRecordJson;

/**
 * A whole course through the {@code rehabplan} command, as a person types it: start, export
 * (v1), a check-in, export (v2), a session done and one skipped, a check-in with a setback,
 * export (v3). Each step runs the command's entry point with an explicit {@code --now}.
 */
record CliCourse(String zone, String injuredAt, String wake, String sleep, String checkIn,
    String setback, List<String> nows) {
  /** The courses the tests run: a day worker in Berlin around the spring DST change, and a
   * night-shift worker in New York around its spring DST change. */
  static List<CliCourse> all() {
    return List.of(
        new CliCourse("Europe/Berlin", "2027-03-27T18:30", "07:00", "22:00",
            "2027-03-30T09:00 pain=1/2 met=pain-relieved",
            "2027-04-02T09:00 pain=5/7 note=hurt again while running",
            List.of("2027-03-28T09:00", "2027-03-28T09:01", "2027-03-30T09:05",
                "2027-03-30T09:06", "2027-03-30T10:20", "2027-03-30T11:50",
                "2027-04-02T09:05", "2027-04-02T09:06")),
        new CliCourse("America/New_York", "2027-03-13T22:00", "21:00", "05:45",
            "2027-03-16T23:00 pain=1/1 met=pain-relieved",
            "2027-03-19T23:30 pain=6/8",
            List.of("2027-03-13T22:30", "2027-03-13T22:31", "2027-03-16T23:05",
                "2027-03-16T23:06", "2027-03-17T01:00", "2027-03-17T03:00",
                "2027-03-19T23:35", "2027-03-19T23:36")));
  }

  /** The three calendar files, and the journal's plan after the last step. */
  record Result(List<String> files, Plan plan, Plan first) {}

  /** Runs the course in {@code dir}. */
  Result run(Path dir) {
    step(dir, "start", "--journal", "j.json", "--injured-at", injuredAt, "--zone", zone,
        "--wake", wake, "--sleep", sleep, "--now", nows.get(0));
    Plan first = plan(dir);
    step(dir, "export", "--journal", "j.json", "--ics", "v1.ics", "--now", nows.get(1));
    step(dir, "check-in", "--journal", "j.json", checkIn, "--now", nows.get(2));
    step(dir, "export", "--journal", "j.json", "--ics", "v2.ics", "--now", nows.get(3));
    step(dir, "done", "--journal", "j.json", "next", "--now", nows.get(4), "--note", "ok");
    step(dir, "skip", "--journal", "j.json", "next", "--now", nows.get(5));
    step(dir, "check-in", "--journal", "j.json", setback, "--now", nows.get(6));
    step(dir, "export", "--journal", "j.json", "--ics", "v3.ics", "--now", nows.get(7));
    List<String> files = new ArrayList<>();
    for (String f : List.of("v1.ics", "v2.ics", "v3.ics")) {
      try {
        files.add(Files.readString(dir.resolve(f), UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new Result(files, plan(dir), first);
  }

  private static void step(Path dir, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    // The clock is never read: every step passes --now.
    int status = RehabplanCli.run(args, new PrintStream(out, true, UTF_8),
        new PrintStream(err, true, UTF_8), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC),
        ZoneId.of("UTC"), dir);
    assertEquals(0, status, () -> String.join(" ", args) + "\n" + err.toString(UTF_8));
  }

  private static Plan plan(Path dir) {
    return record(dir).plan();
  }

  /** Along the chain, no UID's SEQUENCE ever goes down, and no UID disappears. */
  static void assertSequencesNeverDecrease(List<String> files) {
    for (int i = 1; i < files.size(); i++) {
      Map<String, UpdateFiles.Event> before = UpdateFiles.events(files.get(i - 1));
      Map<String, UpdateFiles.Event> after = UpdateFiles.events(files.get(i));
      for (UpdateFiles.Event was : before.values()) {
        UpdateFiles.Event now = after.get(was.uid());
        int version = i + 1;
        assertTrue(now != null, () -> "v" + version + " lost " + was);
        assertTrue(now.sequence() >= was.sequence(), () -> "v" + version + ": " + was + "\n -> "
            + now);
        assertTrue(now.sequence() > was.sequence() || (now.content().equals(was.content())
            && now.cancelled() == was.cancelled()), () -> "v" + version
            + " changed an event without raising its SEQUENCE: " + was + "\n -> " + now);
      }
    }
  }

  static PlanRecord record(Path dir) {
    try {
      return PlanRecordJson.read(dir.resolve("j.json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
