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
    return Combinators.combine(PlanArbitraries.protocols(), PlanArbitraries.requests())
        .as(Case::new);
  }

  // ------------------------------------------------------------------ rules

  @Property(tries = 1000)
  void sameInputsGiveAnEqualPlan(@ForAll("cases") Case c) {
    Plan first = c.plan();
    Plan second = c.plan();
    assertEquals(first, second);
    assertEquals(first.agenda(), second.agenda());
  }

  @Property(tries = 1000)
  void sessionsOfOneInterventionNeverOverlap(@ForAll("cases") Case c) {
    for (List<Session> series : byIntervention(c.plan()).values()) {
      for (int i = 1; i < series.size(); i++) {
        assertFalse(series.get(i).start().isBefore(series.get(i - 1).end()),
            () -> "overlap: " + series);
      }
    }
  }

  @Property(tries = 1000)
  void sessionsLastExactlyTheirLength(@ForAll("cases") Case c) {
    for (Session s : c.plan().sessions()) {
      assertEquals(lengthOf(s.intervention()), s.duration(), s::toString);
    }
  }

  @Property(tries = 1000)
  void repeatingGapsStayInsideTheIntervalRangeWhileAwake(@ForAll("cases") Case c) {
    Plan plan = c.plan();
    List<Interval> awake = wakingWindows(plan);
    for (List<Session> series : byIntervention(plan).values()) {
      if (!(series.get(0).intervention().timing() instanceof Timing.Repeating timing)) {
        continue;
      }
      for (int i = 1; i < series.size(); i++) {
        Session a = series.get(i - 1);
        Session b = series.get(i);
        Duration gap = Duration.between(a.start(), b.start());
        assertTrue(gap.compareTo(timing.interval().minimum()) >= 0, () -> "gap " + a + " → " + b);
        boolean sameStretch = timing.wakingHoursOnly()
            ? windowOf(awake, a.start()).equals(windowOf(awake, b.start()))
            : activeBetween(plan, a, b);
        if (sameStretch) {
          assertTrue(gap.compareTo(timing.interval().maximum()) <= 0,
              () -> "gap while awake " + a + " → " + b);
        }
      }
    }
  }

  @Property(tries = 1000)
  void sessionsLieInsideWakingHoursUnlessTheTimingSaysSo(@ForAll("cases") Case c) {
    Plan plan = c.plan();
    List<Interval> awake = wakingWindows(plan);
    for (Session s : plan.sessions()) {
      Timing t = s.intervention().timing();
      boolean exempt = exemptFromWakingHours(t)
          || (t instanceof Timing.Relative r && r.targets().stream().anyMatch(target ->
              exemptFromWakingHours(plan.protocol().intervention(target).orElseThrow().timing())));
      if (!exempt) {
        Optional<Interval> window = windowOf(awake, s.start());
        assertTrue(window.isPresent(),
            () -> s + " starts outside waking hours " + plan.request().wakingHours());
        assertTrue(window.get().encloses(s.interval()), () -> s + " inside " + window.get());
      }
    }
  }

  @Property(tries = 1000)
  void nothingStartsBeforeItsPhaseItsWindowOrTheInjury(@ForAll("cases") Case c) {
    Plan plan = c.plan();
    Instant injury = plan.request().injuredAt().toInstant();
    for (Session s : plan.sessions()) {
      PlannedPhase phase = plan.phase(s.phase().id()).orElseThrow();
      assertFalse(s.start().isBefore(injury), s::toString);
      assertTrue(phase.projected().contains(s.start()), () -> s + " in " + phase);
      assertTrue(s.phase().interventionIds().contains(s.intervention().id()), s::toString);
      Window window = Protocol.windowOf(s.intervention().timing());
      if (window != null) {
        Instant anchor = window.anchor() == Anchor.INJURY ? injury : runStart(plan, s);
        Instant windowStart = anchor.plus(window.offset());
        assertFalse(s.start().isBefore(windowStart), () -> s + " before its window");
        if (window.maximumExtent() != null) {
          assertFalse(s.end().isAfter(windowStart.plus(window.maximumExtent())),
              () -> s + " after its window");
        }
      }
    }
  }

  @Property(tries = 1000)
  void criterionGatedSessionsComeAfterThePhaseThatMeetsTheCriterion(@ForAll("cases") Case c) {
    Plan plan = c.plan();
    for (Session s : plan.sessions()) {
      for (String criterion : s.intervention().requiredCriteria()) {
        PlannedPhase meeting = plan.phases().stream()
            .filter(p -> p.phase().exitGate().criteria().stream()
                .anyMatch(k -> k.id().equals(criterion)))
            .findFirst().orElseThrow();
        assertFalse(s.start().isBefore(meeting.end()), () -> s + " needs " + criterion);
      }
    }
  }

  @Property(tries = 1000)
  void localTimesAreHonouredWithRfc5545GapRules(@ForAll("cases") Case c) {
    Plan plan = c.plan();
    ZoneId zone = plan.zone();
    for (Session s : plan.sessions()) {
      if (s.intervention().timing() instanceof Timing.AtLocalTimes t) {
        LocalDate date = s.start().atZone(zone).toLocalDate();
        boolean matches = false;
        for (LocalDate d : List.of(date, date.minusDays(1))) {
          for (LocalTime time : t.times()) {
            // RFC 5545 3.3.5: a local time in a gap is read with the offset before the gap.
            matches |= ZonedDateTime.of(d, time, zone).toInstant().equals(s.start());
          }
        }
        assertTrue(matches, () -> s + " at " + s.start().atZone(zone) + " is none of " + t.times());
      }
    }
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
      assertTrue(Scheduler.SESSION_ORDER.compare(
          plan.sessions().get(i - 1), plan.sessions().get(i)) < 0, "sessions sorted, ids unique");
    }
  }

  @Provide
  Arbitrary<Integer> hours() {
    return Arbitraries.integers().between(0, 30 * 24);
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
            PlanArbitraries.minutes(5, 60))
        .as((n, length) -> Timing.timesPerDay(n, length, Window.wholePhase()));
  }

  @Provide
  Arbitrary<PlanRequest> dstRequests() {
    return PlanArbitraries.zones().flatMap(zone -> Combinators.combine(
            PlanArbitraries.injuryTimes(zone), PlanArbitraries.wakingHours())
        .as((injury, waking) -> PlanRequest.builder().injuredAt(injury).wakingHours(waking)
            .build()));
  }

  // ------------------------------------------------------------------ helpers

  /** Timings that say their sessions may lie outside waking hours. */
  static boolean exemptFromWakingHours(Timing t) {
    return t instanceof Timing.AtLocalTimes || (t instanceof Timing.Repeating r && !r.wakingHoursOnly());
  }

  static Map<String, List<Session>> byIntervention(Plan plan) {
    Map<String, List<Session>> out = new LinkedHashMap<>();
    for (Session s : plan.sessions()) {
      out.computeIfAbsent(s.intervention().id(), k -> new ArrayList<>()).add(s);
    }
    return out;
  }

  static Duration lengthOf(Intervention intervention) {
    Timing t = intervention.timing();
    if (t instanceof Timing.Repeating r) {
      return r.sessionLength();
    } else if (t instanceof Timing.TimesPerDay d) {
      return d.sessionLength();
    } else if (t instanceof Timing.AtLocalTimes a) {
      return a.sessionLength();
    } else if (t instanceof Timing.Once o) {
      return o.sessionLength();
    } else if (t instanceof Timing.Relative r) {
      return r.sessionLength();
    }
    throw new AssertionError("no sessions expected for " + intervention);
  }

  /** All waking windows that touch the plan, from the public WakingHours API. */
  static List<Interval> wakingWindows(Plan plan) {
    ZoneId zone = plan.zone();
    LocalDate first = plan.request().injuredAt().toLocalDate().minusDays(1);
    LocalDate last = plan.span().endExclusive().atZone(zone).toLocalDate().plusDays(1);
    List<Interval> out = new ArrayList<>();
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      Interval w = plan.request().wakingHours().windowStartingOn(d, zone);
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  static Optional<Interval> windowOf(List<Interval> windows, Instant t) {
    return windows.stream().filter(w -> w.contains(t)).findFirst();
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

  /** Whether every phase from a's to b's lists the intervention (one continuous run). */
  static boolean activeBetween(Plan plan, Session a, Session b) {
    List<PlannedPhase> phases = plan.phases();
    int from = phases.indexOf(plan.phase(a.phase().id()).orElseThrow());
    int to = phases.indexOf(plan.phase(b.phase().id()).orElseThrow());
    for (int i = from; i <= to; i++) {
      if (!phases.get(i).phase().interventionIds().contains(a.intervention().id())) {
        return false;
      }
    }
    return true;
  }

  /** Start of the run of consecutive phases listing the session's intervention. */
  static Instant runStart(Plan plan, Session s) {
    List<PlannedPhase> phases = plan.phases();
    int i = phases.indexOf(plan.phase(s.phase().id()).orElseThrow());
    while (i > 0 && phases.get(i - 1).phase().interventionIds().contains(s.intervention().id())) {
      i--;
    }
    return phases.get(i).start();
  }
}
