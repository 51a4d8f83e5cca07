package org.rehabplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.rehabplan.rules.ScheduleRules;
import org.rehabplan.testing.RehabArbitraries;

/**
 * The rules of a schedule, stated as properties over random protocols, every available zone,
 * injury times weighted toward DST transitions, 23:59 and leap days, and random waking windows.
 */
class SchedulerProperties {

  record Case(Protocol protocol, PlanRequest request) {
    Plan plan() {
      return Scheduler.plan(protocol, request);
    }
  }

  @Provide
  Arbitrary<Case> cases() {
    return Combinators.combine(RehabArbitraries.protocols(), RehabArbitraries.requests())
        .as(Case::new);
  }

  // ------------------------------------------------------------------ rules

  @Property(tries = 1000)
  void sameInputsGiveAnEqualPlan(@ForAll("cases") Case c) {
    Plan first = c.plan();
    Plan second = c.plan();
    assertEquals(first, second);
    assertEquals(Agenda.of(first).text(), Agenda.of(second).text());
  }

  @Property(tries = 1000)
  void sessionsOfOneInterventionNeverOverlap(@ForAll("cases") Case c) {
    ScheduleRules.noOverlap().assertKeptBy(c.plan());
  }

  @Property(tries = 1000)
  void sessionsLastExactlyTheirLength(@ForAll("cases") Case c) {
    ScheduleRules.exactSessionLength().assertKeptBy(c.plan());
  }

  @Property(tries = 1000)
  void repeatingGapsStayInsideTheSpacingWhileAwake(@ForAll("cases") Case c) {
    ScheduleRules.gapsWithinSpacing().assertKeptBy(c.plan());
  }

  @Property(tries = 1000)
  void sessionsLieInsideWakingHoursUnlessTheTimingSaysSo(@ForAll("cases") Case c) {
    ScheduleRules.withinWakingHours().assertKeptBy(c.plan());
  }

  @Property(tries = 1000)
  void nothingStartsBeforeItsPhaseItsWindowOrTheInjury(@ForAll("cases") Case c) {
    ScheduleRules.insidePhaseAndWindow().assertKeptBy(c.plan());
  }

  @Property(tries = 1000)
  void criterionGatedSessionsComeAfterThePhaseThatMeetsTheCriterion(@ForAll("cases") Case c) {
    ScheduleRules.criterionOrder().assertKeptBy(c.plan());
  }

  @Property(tries = 1000)
  void localTimesAreHonouredWithRfc5545GapRules(@ForAll("cases") Case c) {
    ScheduleRules.localTimesAsWritten().assertKeptBy(c.plan());
  }

  @Property(tries = 1000)
  void phasesFollowEachOtherWithTheirEstimates(@ForAll("cases") Case c) {
    Plan plan = c.plan();
    ZonedDateTime start = plan.request().injuredAt();
    for (PlannedPhase p : plan.phases()) {
      Duration typical = p.phase().duration(plan.request().severity()).typical();
      assertEquals(start.toInstant(), p.start());
      ZonedDateTime end = start.plusDays(typical.toDays()).plus(typical.minusDays(typical.toDays()));
      assertEquals(end.toInstant(), p.end(), p::toString);
      assertFalse(p.earliest().start().isAfter(p.start()), p::toString);
      assertFalse(p.latest().start().isBefore(p.start()), p::toString);
      start = end;
    }
  }

  @Property(tries = 1000)
  void queriesAgreeWithFilteringAllSessions(
      @ForAll("cases") Case c, @ForAll("hours") int fromHour, @ForAll("hours") int lengthHours) {
    Plan plan = c.plan();
    Instant from = plan.request().injuredAt().toInstant().plus(Duration.ofHours(fromHour));
    Instant to = from.plus(Duration.ofHours(lengthHours));
    assertEquals(plan.sessions().stream()
        .filter(s -> !s.start().isBefore(from) && s.start().isBefore(to)).toList(),
        plan.sessionsBetween(from, to));
    assertEquals(plan.sessions().stream().filter(s -> s.start().isAfter(from)).findFirst(),
        plan.nextSessionAfter(from));
    LocalDate date = from.atZone(plan.zone()).toLocalDate();
    assertEquals(plan.sessions().stream()
        .filter(s -> s.start().atZone(plan.zone()).toLocalDate().equals(date)).toList(),
        plan.sessionsOn(date));
    for (int i = 1; i < plan.sessions().size(); i++) {
      assertTrue(Session.ORDER.compare(
          plan.sessions().get(i - 1), plan.sessions().get(i)) < 0, "sessions sorted, ids unique");
    }
  }

  @Provide
  Arbitrary<Integer> hours() {
    // Edge cases: the bounds only; with the cases' own, more would outnumber the tries.
    return Arbitraries.integers().between(0, 30 * 24).edgeCases(c -> c.includeOnly(0, 30 * 24));
  }

  // ------------------------------------------------------------------ wall-clock times

  @Property(tries = 1000)
  void dailySessionsKeepTheirWallClockTimesAcrossDstChanges(
      @ForAll("perDay") Timing.TimesPerDay timing, @ForAll("dstRequests") PlanRequest request) {
    Protocol protocol = Protocol.builder("daily").title("Daily").condition("Any")
        .intervention(Intervention.builder("daily").title("Daily").instructions("Do it")
            .timing(timing).build())
        .phase(Phase.builder("only").name("Only").goal("Goal").interventions("daily")
            .durationForAll(DurationEstimate.ofDays(10, 10, 10)).build())
        .build();
    Plan plan = Scheduler.plan(protocol, request);
    ZoneId zone = plan.zone();
    WakingHours hours = request.wakingHours();
    Map<LocalDate, List<LocalTime>> byWakingDay = new LinkedHashMap<>();
    for (Session s : plan.sessions()) {
      LocalDate day = wakingDayOf(plan, s.start());
      Interval window = hours.windowStartingOn(day, zone);
      boolean nominal = window.duration().equals(hours.length())
          && zone.getRules().getOffset(window.start())
              .equals(zone.getRules().getOffset(window.endExclusive()));
      if (nominal) {
        byWakingDay.computeIfAbsent(day, d -> new ArrayList<>())
            .add(s.start().atZone(zone).toLocalTime());
      }
    }
    // Full days (not cut by the phase or window) all show the same local times.
    List<List<LocalTime>> full = byWakingDay.values().stream()
        .filter(times -> times.size() == timing.count()).distinct().toList();
    assertTrue(full.size() <= 1, () -> "local times per day " + byWakingDay);
  }

  @Provide
  Arbitrary<Timing.TimesPerDay> perDay() {
    return Combinators.combine(Arbitraries.integers().between(1, 5),
            Arbitraries.integers().between(5, 60).map(java.time.Duration::ofMinutes))
        .as((n, length) -> Timing.timesPerDay(n, length, Window.wholePhase()));
  }

  @Provide
  Arbitrary<PlanRequest> dstRequests() {
    return RehabArbitraries.requests().aroundDstTransitions();
  }

  // ------------------------------------------------------------------ helpers

  /** All waking windows that touch the plan, from the public WakingHours API. */
  static List<Interval> wakingWindows(Plan plan) {
    ZoneId zone = plan.zone();
    LocalDate first = plan.request().injuredAt().toLocalDate().minusDays(1);
    LocalDate last = plan.interval().endExclusive().atZone(zone).toLocalDate().plusDays(1);
    List<Interval> out = new ArrayList<>();
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      Interval w = plan.request().wakingHours().windowStartingOn(d, zone);
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  static LocalDate wakingDayOf(Plan plan, Instant t) {
    ZoneId zone = plan.zone();
    LocalDate date = t.atZone(zone).toLocalDate();
    for (LocalDate d : List.of(date, date.minusDays(1))) {
      if (plan.request().wakingHours().windowStartingOn(d, zone).contains(t)) {
        return d;
      }
    }
    throw new AssertionError(t + " is outside waking hours");
  }

}
