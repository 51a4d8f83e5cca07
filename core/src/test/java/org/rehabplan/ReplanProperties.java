package org.rehabplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.rehabplan.rules.ScheduleRules;
import org.rehabplan.testing.RehabArbitraries;

/** The rules of re-planning, over random plans, check-in logs and moments of re-planning. */
class ReplanProperties {
  static final int TRIES = 500;

  record Case(Plan plan, ProgressLog log, Instant now) {
    Plan replanned() {
      return Scheduler.replan(plan, log, now);
    }
  }

  @Provide
  Arbitrary<Case> cases() {
    return RehabArbitraries.plans().flatMap(plan -> Combinators.combine(
            RehabArbitraries.checkInLogs(plan),
            Arbitraries.longs().between(0, 4 * 24 * 60).edgeCases(c -> c.includeOnly(0L)))
        .as((log, minutesLater) -> {
          Instant last = log.isEmpty() ? plan.request().injuredAt().toInstant()
              : log.checkIns().get(log.checkIns().size() - 1).at();
          return new Case(plan, log, last.plus(Duration.ofMinutes(minutesLater)));
        }));
  }

  private static List<Session> startingFrom(Plan plan, Instant t) {
    return plan.sessions().stream().filter(s -> !s.start().isBefore(t)).toList();
  }

  private static List<Session> before(Plan plan, Instant t) {
    return plan.sessions().stream().filter(s -> s.start().isBefore(t)).toList();
  }

  @Property(tries = TRIES)
  void anEmptyLogChangesNothingInTheFuture(@ForAll("cases") Case c) {
    Plan replanned = Scheduler.replan(c.plan(), ProgressLog.empty(), c.now());
    assertEquals(startingFrom(c.plan(), c.now()), startingFrom(replanned, c.now()));
    assertTrue(PlanDiff.between(c.plan(), replanned).isEmpty());
    assertEquals(c.plan().version() + 1, replanned.version());
  }

  @Property(tries = TRIES)
  void historyNeverChanges(@ForAll("cases") Case c) {
    assertEquals(before(c.plan(), c.now()), before(c.replanned(), c.now()));
  }

  @Property(tries = TRIES)
  void replanningTwiceWithTheSameLogIsIdempotent(@ForAll("cases") Case c) {
    Plan once = c.replanned();
    Plan twice = Scheduler.replan(once, c.log(), c.now());
    assertEquals(once.sessions(), twice.sessions());
    assertEquals(once.phases(), twice.phases());
    assertEquals(once.adjustments(), twice.adjustments());
  }

  @Property(tries = TRIES)
  void criterionGatedPhasesBeginOnlyAfterACheckInReportedTheCriterion(@ForAll("cases") Case c) {
    Plan plan = c.replanned();
    List<PlannedPhase> phases = plan.phases();
    for (int i = 0; i + 1 < phases.size(); i++) {
      PlannedPhase ended = phases.get(i);
      PlannedPhase next = phases.get(i + 1);
      if (!ended.phase().exitGate().hasCriteria() || next.isTentative()) {
        continue; // a time-only gate, or a projection that still waits on the criteria
      }
      // An actual change: the gate opened through check-ins, or a setback cut the phase short.
      boolean setBack = plan.adjustments().stream().anyMatch(a ->
          a.kind() == Adjustment.Kind.SET_BACK && a.at().equals(ended.end()));
      if (setBack) {
        continue;
      }
      for (Criterion criterion : ended.phase().exitGate().criteria()) {
        assertTrue(c.log().checkIns().stream().anyMatch(k -> !k.at().isBefore(ended.start())
                && !k.at().isAfter(ended.end()) && k.criteriaMet().contains(criterion.id())),
            () -> ended + " ended without a check-in reporting " + criterion.id());
      }
    }
    for (Session s : plan.sessions()) {
      if (plan.isHistory(s)) {
        continue;
      }
      for (String criterion : s.intervention().requiredCriteria()) {
        boolean reported = c.log().checkIns().stream()
            .anyMatch(k -> k.criteriaMet().contains(criterion) && !k.at().isAfter(s.start()));
        // A projection that still waits on criteria: at or after the first tentative phase.
        int firstTentative = 0;
        while (firstTentative < phases.size() && !phases.get(firstTentative).isTentative()) {
          firstTentative++;
        }
        int limit = firstTentative;
        boolean projected = plan.phaseOf(s).map(phases::indexOf).map(i -> i >= limit)
            .orElse(false);
        assertTrue(reported || projected,
            () -> s + " needs " + criterion + ", reported by no check-in before it");
      }
    }
  }

  @Property(tries = TRIES)
  void everyScheduleRuleHoldsAfterAnySequenceOfCheckIns(@ForAll("cases") Case c) {
    Plan plan = c.plan();
    ProgressLog log = ProgressLog.empty();
    for (CheckIn checkIn : c.log().checkIns()) {
      log = log.append(checkIn);
      Plan next = Scheduler.replan(plan, log, checkIn.at());
      assertEquals(before(plan, checkIn.at()), before(next, checkIn.at()), "history");
      ScheduleRules.standard().assertKeptBy(next);
      plan = next;
    }
    ScheduleRules.standard().assertKeptBy(Scheduler.replan(plan, c.log(), c.now()));
  }
}
