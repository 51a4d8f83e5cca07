package org.rehabplan.ical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.validate.ValidationResult;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import net.jqwik.api.Tuple;
import org.rehabplan.CheckIn;
import org.rehabplan.Interval;
import org.rehabplan.Plan;
import org.rehabplan.ProgressLog;
import org.rehabplan.Protocols;
import org.rehabplan.Scheduler;
import org.rehabplan.Session;
import org.rehabplan.testing.RehabArbitraries;

/**
 * The calendar update rules over random plans ({@link RandomPlans} and {@link RehabArbitraries}),
 * random check-in logs ({@link RehabArbitraries#checkInLogs}) and moments of re-planning: a client
 * that imported the first export and then the update, keeping per UID the event with the highest
 * SEQUENCE and dropping cancelled ones, sees exactly the re-planned sessions, read with iCal4j and
 * with biweekly. {@value #TRIES} tries per property.
 */
class UpdatePropertyTest {
  static final int TRIES = 200;

  private static final List<IcalExporter> EXPORTERS = List.of(
      IcalExporter.builder().build(),
      IcalExporter.builder().oneEventPerSession(true).noAlarms().build(),
      IcalExporter.builder().privacyMode(true).alarmMinutesBefore(30).build());

  /** A plan, a check-in log, a moment of re-planning after its check-ins, an exporter. */
  record Case(Plan v1, ProgressLog log, Instant now, IcalExporter exporter) {
    Plan v2() {
      return Scheduler.replan(v1, log, now);
    }

    /**
     * A chain of three versions: v1; v2 re-planned from the first half of the check-ins, at the
     * first check-in after them; v3 re-planned from v2 with all of them, at {@code now}.
     */
    List<Plan> chain() {
      List<CheckIn> all = log.checkIns();
      int k = all.size() / 2;
      Instant middle = k < all.size() ? all.get(k).at() : now;
      Plan second = Scheduler.replan(v1, ProgressLog.of(all.subList(0, k)), middle);
      return List.of(v1, second, Scheduler.replan(second, log, now));
    }

    @Override
    public String toString() {
      return v1 + " " + v1.request() + ", " + log.checkIns() + ", now " + now + ", " + exporter;
    }
  }

  @Provide
  Arbitrary<Case> cases() {
    // The hamstring protocol has criteria and setback rules: phase changes and setbacks.
    Arbitrary<Plan> plans = Arbitraries.frequencyOf(
        Tuple.of(1, RandomPlans.plans()), Tuple.of(1, RehabArbitraries.plans()),
        Tuple.of(1, hamstringPlans()));
    Arbitrary<Case> random = plans.flatMap(plan -> Combinators.combine(
            RehabArbitraries.checkInLogs(plan), Arbitraries.longs().between(0, 4 * 24 * 60),
            Arbitraries.of(EXPORTERS))
        .as((log, minutesLater, exporter) -> {
          Instant last = log.isEmpty() ? plan.request().injuredAt().toInstant()
              : log.checkIns().get(log.checkIns().size() - 1).at();
          return new Case(plan, log, last.plus(Duration.ofMinutes(minutesLater)), exporter);
        }));
    // No edge cases: combinations of the plans', logs' and offsets' would outnumber the tries;
    // core's properties cover the generators' edge cases, these properties random updates.
    return Arbitraries.frequencyOf(Tuple.of(3, random), Tuple.of(1, setbacks()))
        .edgeCases(c -> c.none());
  }

  private static Arbitrary<Plan> hamstringPlans() {
    return RehabArbitraries.plans().protocols(Arbitraries.just(Protocols.hamstringStrain()));
  }

  /**
   * Hamstring plans with pain relieved after 2 to 5 days, then a painful check-in up to 3 days
   * later (a setback in Restore), re-planned up to a day after it: series cut short and split.
   */
  private static Arbitrary<Case> setbacks() {
    return hamstringPlans().flatMap(plan -> Combinators.combine(
            Arbitraries.integers().between(2 * 24 * 60, 5 * 24 * 60),
            Arbitraries.integers().between(1, 3 * 24 * 60),
            Arbitraries.integers().between(6, 10),
            Arbitraries.integers().between(0, 24 * 60),
            Arbitraries.of(EXPORTERS))
        .as((relievedAfter, painAfter, pain, nowAfter, exporter) -> {
          Instant relieved = plan.request().injuredAt().toInstant()
              .plus(Duration.ofMinutes(relievedAfter));
          Instant painful = relieved.plus(Duration.ofMinutes(painAfter));
          ProgressLog log = ProgressLog.of(
              CheckIn.of(relieved, 1, 2, List.of("pain-relieved")),
              CheckIn.of(painful, 3, pain, List.of()));
          return new Case(plan, log, painful.plus(Duration.ofMinutes(nowAfter)), exporter);
        }));
  }

  @Property(tries = TRIES)
  @StatisticsReport(onFailureOnly = true) // the coverage checks below still fail the property
  void aClientThatAppliesTheUpdateSeesExactlyTheNewSessions(@ForAll("cases") Case c) {
    Plan v2 = c.v2();
    String first = c.exporter().export(c.v1()).text();
    String update = c.exporter().update(v2, c.v1()).text();
    assertClientSees(v2, List.of(first, update), window(c.v1(), v2), c);
    // Not vacuous: updates with cancelled events, changed events and setbacks occur.
    Statistics.label("cancelled events").collect(update.contains("\r\nSTATUS:CANCELLED\r\n"));
    Statistics.label("changed events").collect(update.contains("\r\nSEQUENCE:1\r\n"));
    Statistics.label("phase repeated").collect(
        v2.phases().stream().map(p -> p.id()).distinct().count() < v2.phases().size());
    Statistics.label("cancelled events").coverage(
        cov -> cov.check(true).percentage(p -> p >= 2));
    Statistics.label("changed events").coverage(cov -> cov.check(true).percentage(p -> p >= 20));
    Statistics.label("phase repeated").coverage(cov -> cov.check(true).percentage(p -> p >= 5));
  }

  @Property(tries = TRIES)
  void unchangedEventsKeepUidAndSequenceChangedOnesGoUpCancelledOnesStay(
      @ForAll("cases") Case c) {
    Plan v2 = c.v2();
    Map<String, UpdateFiles.Event> before = UpdateFiles.events(c.exporter().export(c.v1()).text());
    Map<String, UpdateFiles.Event> after = UpdateFiles.events(c.exporter().update(v2, c.v1()).text());
    Map<String, UpdateFiles.Event> plain = UpdateFiles.events(c.exporter().export(v2).text());
    for (UpdateFiles.Event was : before.values()) {
      UpdateFiles.Event now = after.get(was.uid());
      assertTrue(now != null, () -> "event " + was.uid() + " vanished instead of being cancelled");
      if (!plain.containsKey(was.uid())) {
        assertTrue(now.cancelled(), () -> now + " is not in the new version: cancelled");
        assertEquals(1, now.sequence(), () -> now.toString());
      } else if (was.content().equals(now.content())) {
        assertEquals(0, now.sequence(), () -> "unchanged " + now);
      } else {
        assertEquals(1, now.sequence(), () -> "changed " + was + "\n -> " + now);
      }
    }
    for (UpdateFiles.Event e : plain.values()) {
      UpdateFiles.Event written = after.get(e.uid());
      assertEquals(e.content(), written.content(), "the update's events are the plan's");
      if (!before.containsKey(e.uid())) {
        assertEquals(0, written.sequence(), () -> "new " + written);
      }
    }
    assertEquals(before.size() + plain.keySet().stream().filter(u -> !before.containsKey(u))
        .count(), after.size(), "the update holds the new version's events and the cancelled ones");
  }

  @Property(tries = TRIES)
  void updatesValidateAreDeterministicAndWrittenAsIcal4jRendersThem(@ForAll("cases") Case c) {
    Plan v2 = c.v2();
    byte[] update = c.exporter().update(v2, c.v1()).bytes();
    Rfc5545.assertWellFormed(update);
    ValidationResult result = c.exporter().update(v2, c.v1()).toCalendar().validate();
    assertFalse(result.hasErrors(), () -> result + "\n" + c);
    assertEquals(Folding.fold(c.exporter().update(v2, c.v1()).toCalendar().toString()),
        new String(update, java.nio.charset.StandardCharsets.UTF_8));
    // The same update again, and an update of the file just written by the same version: the
    // same bytes.
    assertEquals(new String(update, java.nio.charset.StandardCharsets.UTF_8),
        c.exporter().update(v2, c.v1()).text());
    assertEquals(new String(update, java.nio.charset.StandardCharsets.UTF_8),
        c.exporter().update(v2, update).text());
  }

  @Property(tries = TRIES)
  void anEmptyLogCancelsNothingAndKeepsEverySessionsSequence(@ForAll("cases") Case c) {
    Plan same = Scheduler.replan(c.v1(), ProgressLog.empty(), c.now());
    String update = c.exporter().update(same, c.v1()).text();
    Map<String, UpdateFiles.Event> events = UpdateFiles.events(update);
    for (UpdateFiles.Event e : events.values()) {
      assertFalse(e.cancelled(), () -> "cancelled " + e);
      if (e.content().contains(CalendarAssembler.ITEM_PROPERTY + ":session")) {
        assertEquals(0, e.sequence(), () -> "session event " + e);
      }
    }
    assertEquals(UpdateFiles.events(c.exporter().export(c.v1()).text()).keySet(), events.keySet());
    // Re-exporting the same version gives the plain export, byte for byte.
    assertEquals(c.exporter().export(c.v1()).text(), c.exporter().update(c.v1(), c.v1()).text());
  }

  // No fixed seed. The seeds once reported failing (Asia/Kamchatka, -5160311796016242435 and
  // -1066269861153314740) pass with this code, alone and after the module's other tests; the
  // iCal4j bug found (a weekly week with a DST gap) is pinned in JerseyCaseTest.
  @Property(tries = TRIES)
  void aChainOfUpdatesNeverLowersASequenceAndEveryClientCatchesUp(@ForAll("cases") Case c) {
    // v2 from the check-ins up to some moment, v3 from all of them.
    List<Plan> versions = c.chain();
    Plan v2 = versions.get(1);
    Plan v3 = versions.get(2);
    IcalExporter exporter = c.exporter();
    String f1 = exporter.export(c.v1()).text();
    byte[] f2 = exporter.update(v2, exporter.export(c.v1()).bytes()).bytes();
    String f3 = exporter.update(v3, f2).text();
    String f2s = new String(f2, java.nio.charset.StandardCharsets.UTF_8);
    for (String f : List.of(f1, f2s, f3)) {
      OutlookRules.assertClean(f); // every exporter here writes a portable form
    }
    List<Map<String, UpdateFiles.Event>> chain = List.of(
        UpdateFiles.events(f1), UpdateFiles.events(f2s), UpdateFiles.events(f3));
    for (int i = 1; i < chain.size(); i++) {
      for (UpdateFiles.Event was : chain.get(i - 1).values()) {
        UpdateFiles.Event now = chain.get(i).get(was.uid());
        assertTrue(now != null && now.sequence() >= was.sequence(),
            () -> was + "\n -> " + now);
        assertTrue(now.sequence() == was.sequence() || !now.content().equals(was.content())
            || was.cancelled() != now.cancelled(), () -> "raised without a change: " + now);
      }
    }
    // The window holds every version's sessions: v2 may reach further than v1 and v3 (a seed
    // where it did, 2198541167737390044, cut v2's last day off the iCal4j expansion).
    Interval window = window(c.v1(), v2, v3);
    assertClientSees(v3, List.of(f1, f2s, f3), window, c);
    assertClientSees(v3, List.of(f1, f3), window, c); // missed the second version
    assertClientSees(v2, List.of(f1, f2s), window, c);
  }

  /**
   * A window holding every session of the given versions of a plan, with two days to spare on
   * each side (also used by the examples module's whole-course test).
   */
  static Interval window(Plan first, Plan... later) {
    Instant last = first.interval().endExclusive();
    List<Plan> all = new java.util.ArrayList<>(List.of(later));
    all.add(first);
    for (Plan p : all) {
      for (Session s : p.sessions()) {
        last = s.end().isAfter(last) ? s.end() : last;
      }
      last = p.interval().endExclusive().isAfter(last) ? p.interval().endExclusive() : last;
    }
    return Interval.of(first.interval().start().minus(Duration.ofDays(2)),
        last.plus(Duration.ofDays(2)));
  }

  private static void assertClientSees(Plan plan, List<String> files, Interval window, Case c) {
    List<Interval> expected = Expansions.expected(plan);
    List<Interval> ical4j = Expansions.ical4jAfterUpdates(files, window);
    assertTrue(expected.equals(ical4j), () -> "iCal4j: " + Diff.of(expected, ical4j) + "\n" + c
        + "\n" + files.get(files.size() - 1));
    List<Interval> biweekly = Expansions.biweeklyAfterUpdates(files);
    assertTrue(expected.equals(biweekly), () -> "biweekly: " + Diff.of(expected, biweekly) + "\n"
        + c + "\n" + files.get(files.size() - 1));
  }
}
