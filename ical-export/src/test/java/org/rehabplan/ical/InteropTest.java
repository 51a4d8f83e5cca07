package org.rehabplan.ical;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;
import org.rehabplan.Interval;
import org.rehabplan.Plan;
import org.rehabplan.PlanRequest;
import org.rehabplan.Protocols;
import org.rehabplan.Scheduler;
import org.rehabplan.Severity;
import org.rehabplan.testing.RehabArbitraries;

/**
 * The clients' own parsers expand the exported files to exactly the plan's sessions: Mozilla
 * ical.js (npm {@code ical.js}, pinned by {@code src/test/interop/package-lock.json}, run with
 * Node.js), Python icalendar + dateutil and libical 3 (GObject bindings), each through a small
 * script in {@code src/test/interop}; and the {@link OutlookRules} checker passes on every file.
 * For chains of updates each parser plays a client that imported every file in order. Shrinking
 * is off (each step would run the parsers again): a failure names its case and keeps its files
 * in {@code target/interop}.
 *
 * <p>Runs only in the Maven profile {@code interop} (README, "Interoperability tests"), which
 * sets the system property {@code interop.dir}, after {@code npm ci} in {@code src/test/interop} and with Debian's {@code
 * python3-icalendar}, {@code python3-dateutil}, {@code python3-gi} and {@code gir1.2-ical-3.0}
 * installed for {@code /usr/bin/python3} (or the interpreter named by {@code interop.python}).
 */
class InteropTest {
  static final int TRIES = 120;

  private static final List<String> PARSERS = List.of("icaljs", "dateutil", "libical");
  private static final AtomicInteger CASES = new AtomicInteger();

  @Provide
  Arbitrary<UpdatePropertyTest.Case> chains() {
    return new UpdatePropertyTest().cases();
  }

  @Provide
  Arbitrary<Plan> plans() {
    return Arbitraries.frequencyOf(Tuple.of(2, RehabArbitraries.plans()),
        Tuple.of(1, RandomPlans.plans()),
        Tuple.of(1, RehabArbitraries.plans().protocols(Arbitraries.just(
            Protocols.hamstringStrain()))));
  }

  @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
  void everyParserExpandsAPlanToExactlyItsSessions(@ForAll("plans") Plan plan) {
    IcalExporter exporter = IcalExporter.builder().build();
    check(plan, List.of(exporter.export(plan).text()), plan.request().toString());
  }

  @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
  void everyParserFollowsAChainOfUpdatesToTheLastVersion(
      @ForAll("chains") UpdatePropertyTest.Case c) {
    List<Plan> versions = c.chain();
    Plan v2 = versions.get(1);
    Plan v3 = versions.get(2);
    IcalExporter exporter = c.exporter();
    IcsFile f1 = exporter.export(c.v1());
    IcsFile f2 = exporter.update(v2, f1.bytes());
    IcsFile f3 = exporter.update(v3, f2.bytes());
    check(v3, List.of(f1.text(), f2.text(), f3.text()), c.toString());
    check(v3, List.of(f1.text(), f3.text()), "missed the second version: " + c);
  }

  /** The case that made an iCal4j-based property fail at random (see {@link Expansions}). */
  @Example
  void jerseyNightShift() {
    check(JerseyCaseTest.plan(), List.of(IcalExporter.builder().build()
        .export(JerseyCaseTest.plan()).text()), "Jersey");
  }

  @Example
  void theHamstringPlanInZonesWhereClientsDisagreeMost() {
    for (String zone : List.of("Europe/Berlin", "America/New_York", "Australia/Lord_Howe",
        "Pacific/Chatham", "Asia/Kathmandu", "America/St_Johns", "Australia/Sydney",
        "Europe/London", "America/Sao_Paulo", "Asia/Tehran")) {
      for (String injured : List.of("2027-03-27T18:30", "2027-10-30T21:15", "2027-04-03T22:00",
          "2027-09-25T06:00")) {
        for (LocalTime[] waking : List.of(new LocalTime[] {LocalTime.of(7, 0), LocalTime.of(22, 0)},
            new LocalTime[] {LocalTime.of(21, 0), LocalTime.of(5, 45)})) {
          Plan plan = Scheduler.plan(Protocols.hamstringStrain(), PlanRequest.builder()
              .injuredAt(ZonedDateTime.of(java.time.LocalDateTime.parse(injured),
                  ZoneId.of(zone)))
              .severity(Severity.MODERATE).wakingHours(waking[0], waking[1]).build());
          check(plan, List.of(IcalExporter.builder().build().export(plan).text()),
              plan.request().toString());
        }
      }
    }
  }

  // ------------------------------------------------------------------ running the parsers

  static void check(Plan plan, List<String> files, String description) {
    for (String f : files) {
      OutlookRules.assertClean(f);
    }
    String interopDir = System.getProperty("interop.dir");
    assertTrue(interopDir != null, "run with the Maven profile interop (sets interop.dir)");
    Path root = Path.of(interopDir, "run-" + CASES.incrementAndGet());
    Path dir = root.resolve("case");
    try {
      Files.createDirectories(dir);
      for (int i = 0; i < files.size(); i++) {
        Files.writeString(dir.resolve((i + 1) + ".ics"), files.get(i), UTF_8);
      }
      List<Interval> expected = Expansions.expected(plan);
      Files.writeString(dir.resolve("expected.json"), json(expected), UTF_8);
      Path scripts = Path.of(System.getProperty("interop.scripts", "src/test/interop"))
          .toAbsolutePath();
      assertTrue(Files.isDirectory(scripts.resolve("node_modules/ical.js")),
          () -> "ical.js is not installed: run npm ci in " + scripts);
      String python = System.getProperty("interop.python", "/usr/bin/python3");
      run(scripts, List.of(System.getProperty("interop.node", "node"),
          scripts.resolve("expand-icaljs.mjs").toString(), root.toString()));
      run(scripts, List.of(python, scripts.resolve("expand-dateutil.py").toString(),
          root.toString()));
      run(scripts, List.of(python, scripts.resolve("expand-libical.py").toString(),
          root.toString()));
      List<String> failures = new ArrayList<>();
      List<long[]> want = pairs(json(expected));
      for (String parser : PARSERS) {
        String result = Files.readString(dir.resolve(parser + ".json"), UTF_8);
        if (!result.trim().startsWith("[")) {
          failures.add(parser + " failed: " + result);
          continue;
        }
        String difference = difference(want, pairs(result));
        if (!difference.isEmpty() && parser.equals("libical")) {
          // libical's own zone data for a TZID it knows may differ from the file's VTIMEZONE
          // (see expand-libical.py): accepted only if libical expands the file's zones exactly.
          String own = Files.readString(dir.resolve("libical-file-zones.json"), UTF_8);
          if (own.trim().startsWith("[") && difference(want, pairs(own)).isEmpty()) {
            Statistics.label("libical's own zone data differs").collect(true);
            continue;
          }
        }
        if (!difference.isEmpty()) {
          failures.add(parser + ": " + difference);
        }
      }
      assertTrue(failures.isEmpty(), () -> String.join("\n", failures) + "\n" + description
          + "\nfiles in " + dir + "\n" + files.get(files.size() - 1));
      deleteTree(root); // kept only when a parser disagrees
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void run(Path scripts, List<String> command) throws IOException {
    Process p = new ProcessBuilder(command).directory(scripts.toFile())
        .redirectErrorStream(true).start();
    String output;
    try {
      output = new String(p.getInputStream().readAllBytes(), UTF_8);
      if (!p.waitFor(5, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new AssertionError("timed out: " + command);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted: " + command, e);
    }
    assertTrue(p.exitValue() == 0, () -> command + " exited " + p.exitValue() + ":\n" + output);
  }

  private static String json(List<Interval> intervals) {
    StringBuilder b = new StringBuilder("[");
    for (Interval i : intervals) {
      if (b.length() > 1) {
        b.append(',');
      }
      b.append('[').append(i.start().getEpochSecond()).append(',')
          .append(i.endExclusive().getEpochSecond()).append(']');
    }
    return b.append(']').toString();
  }

  private static final Pattern PAIR = Pattern.compile("\\[\\s*(-?\\d+)\\s*,\\s*(-?\\d+)\\s*\\]");

  /** The [start, end] epoch-second pairs of a JSON result. */
  private static List<long[]> pairs(String json) {
    List<long[]> out = new ArrayList<>();
    Matcher m = PAIR.matcher(json);
    while (m.find()) {
      out.add(new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))});
    }
    return out;
  }

  /** What differs, as instants: up to five pairs missing and five unexpected; empty if none. */
  private static String difference(List<long[]> want, List<long[]> got) {
    List<String> w = want.stream().map(InteropTest::pair).toList();
    List<String> g = got.stream().map(InteropTest::pair).toList();
    if (w.equals(g)) {
      return "";
    }
    List<String> missing = w.stream().filter(x -> !g.contains(x)).limit(5).toList();
    List<String> unexpected = g.stream().filter(x -> !w.contains(x)).limit(5).toList();
    return "expected " + w.size() + ", got " + g.size() + "; missing " + missing
        + "; unexpected " + unexpected;
  }

  private static String pair(long[] p) {
    return Instant.ofEpochSecond(p[0]) + "/" + Instant.ofEpochSecond(p[1]);
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
