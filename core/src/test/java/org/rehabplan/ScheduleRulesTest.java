package org.rehabplan;

import static java.time.Duration.ofMinutes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.rehabplan.rules.ScheduleRule;
import org.rehabplan.rules.ScheduleRules;
import org.rehabplan.rules.Violation;

/**
 * Each rule catches its breach: plans from the scheduler are doctored (one session moved or
 * stretched, through the package-private constructors) and every rule must report exactly that.
 */
class ScheduleRulesTest {
  private static final Plan PLAN = Scheduler.plan(Protocols.hamstringStrain(),
      PlanRequest.builder()
          .injuredAt(ZonedDateTime.parse("2027-03-27T18:30+01:00[Europe/Berlin]")).build());

  /** The plan with the session {@code id} replaced by {@code change} applied to it. */
  private static Plan doctored(Plan plan, String id, UnaryOperator<Interval> change) {
    List<Session> sessions = new ArrayList<>();
    boolean found = false;
    for (Session s : plan.sessions()) {
      if (s.id().equals(id)) {
        sessions.add(new Session(s.id(), s.intervention(), s.phase(), change.apply(s.interval())));
        found = true;
      } else {
        sessions.add(s);
      }
    }
    assertTrue(found, id);
    return new Plan(plan.protocol(), plan.request(), plan.phases(), sessions, plan.guidanceSpans(),
        plan.milestones(), plan.version(), plan.asOf().orElse(null), plan.progress(),
        plan.adjustments());
  }

  private static UnaryOperator<Interval> shift(Duration by) {
    return i -> Interval.of(i.start().plus(by), i.endExclusive().plus(by));
  }

  private static List<String> messages(ScheduleRule rule, Plan plan) {
    return rule.check(plan).stream().map(Violation::toString).toList();
  }

  @Test
  void theSchedulersOwnPlanKeepsEveryStandardRule() {
    assertEquals(List.of(), ScheduleRules.standard().check(PLAN));
  }

  @Test
  void overlapIsCaught() {
    // ice/protect/1 is 18:30–18:45, ice/protect/2 20:00–20:15; move the second to 18:40.
    Plan plan = doctored(PLAN, "ice/protect/2", shift(ofMinutes(-80)));
    assertEquals(List.of("no-overlap: ice at 2027-03-27 18:40 overlaps the one at"
            + " 2027-03-27 18:30, which lasts until 2027-03-27 18:45"),
        messages(ScheduleRules.noOverlap(), plan));
  }

  @Test
  void gapsOutsideTheSpacingAreCaught() {
    Plan tooClose = doctored(PLAN, "ice/protect/2", shift(ofMinutes(-50)));
    assertEquals(List.of("gaps-within-interval-range: ice at 2027-03-27 18:30 and"
            + " 2027-03-27 19:10 are 40 min apart; the protocol asks for at least 1 h",
            "gaps-within-interval-range: ice at 2027-03-27 19:10 and 2027-03-27 21:30 are"
            + " 2 h 20 min apart while awake; the protocol asks for at most 2 h"),
        messages(ScheduleRules.gapsWithinSpacing(), tooClose));
    Plan tooFar = doctored(PLAN, "ice/protect/2", shift(ofMinutes(40)));
    assertEquals(List.of("gaps-within-interval-range: ice at 2027-03-27 18:30 and"
            + " 2027-03-27 20:40 are 2 h 10 min apart while awake; the protocol asks for at most"
            + " 2 h",
            "gaps-within-interval-range: ice at 2027-03-27 20:40 and 2027-03-27 21:30 are"
            + " 50 min apart; the protocol asks for at least 1 h"),
        messages(ScheduleRules.gapsWithinSpacing(), tooFar));
  }

  @Test
  void wrongLengthIsCaught() {
    Plan plan = doctored(PLAN, "ice/protect/1",
        i -> Interval.of(i.start(), i.endExclusive().plus(ofMinutes(5))));
    assertEquals(List.of("exact-session-length: ice at 2027-03-27 18:30 lasts 20 min; the"
            + " protocol asks for 15 min"),
        messages(ScheduleRules.exactSessionLength(), plan));
  }

  @Test
  void sessionsAtNightAreCaught() {
    Plan plan = doctored(PLAN, "ice/protect/3", shift(ofMinutes(30))); // 21:30 → 22:00
    assertEquals(List.of("within-waking-hours: ice at 2027-03-27 22:00–22:15 is outside waking"
            + " hours 07:00–22:00"),
        messages(ScheduleRules.withinWakingHours(), plan));
  }

  @Test
  void sessionsBeforeTheInjuryOrOutsideTheirWindowAreCaught() {
    Plan early = doctored(PLAN, "ice/protect/1", shift(ofMinutes(-60)));
    assertEquals(List.of("inside-phase-and-window: ice at 2027-03-27 17:30 starts before the"
            + " injury at 2027-03-27 18:30"),
        messages(ScheduleRules.insidePhaseAndWindow(), early));
    Session lastIce = PLAN.sessions().stream().filter(s -> s.intervention().id().equals("ice"))
        .reduce((a, b) -> b).orElseThrow();
    Plan late = doctored(PLAN, lastIce.id(), shift(ofMinutes(60)));
    assertEquals(List.of("inside-phase-and-window: ice at 2027-03-29 20:00 ends after its window"
            + " closes at 2027-03-29 19:30"),
        messages(ScheduleRules.insidePhaseAndWindow(), late));
  }

  @Test
  void sessionsBeforeTheirCriterionAreCaught() {
    // The first gentle stretch moves back into the protect phase, before pain can be relieved.
    Plan plan = doctored(PLAN, "gentle-stretch/restore/1", shift(Duration.ofDays(-1)));
    List<String> messages = messages(ScheduleRules.criterionOrder(), plan);
    assertEquals(List.of("criterion-order: gentle-stretch at 2027-03-31 10:40 comes before"
            + " \"pain-relieved\" can be met (at the end of protect, 2027-03-31 18:30)"),
        messages);
  }

  @Test
  void sessionsOffTheirLocalTimesAreCaught() {
    Protocol protocol = Protocol.builder("p").title("P").condition("C")
        .intervention(Intervention.builder("pill").title("Pill").instructions("Take it")
            .timing(Timing.atLocalTimes(List.of(LocalTime.of(8, 0)), ofMinutes(5),
                Window.wholePhase())).build())
        .phase(Phase.builder("one").name("One").goal("G").interventions("pill")
            .durationForAll(DurationEstimate.ofDays(2, 2, 2)).build())
        .build();
    Plan plan = Scheduler.plan(protocol, PLAN.request());
    assertEquals(List.of(), ScheduleRules.localTimesAsWritten().check(plan));
    // A session written as 08:00 in standard time, one hour off after the clocks change.
    Plan wrong = doctored(plan, "pill/one/1", shift(Duration.ofHours(1)));
    assertEquals(List.of("local-times-as-written: pill at 2027-03-28 09:00 is not at any of its"
            + " local times [08:00]"),
        messages(ScheduleRules.localTimesAsWritten(), wrong));
  }

  @Test
  void parameterisedPoliciesReportInPlainWords() {
    assertEquals("minimum-gap(ice, 2 h): ice at 2027-03-27 18:30 and 2027-03-27 20:00 are"
            + " 1 h 30 min apart; the rule asks for at least 2 h",
        messages(ScheduleRules.minimumGap("ice", Duration.ofHours(2)), PLAN).get(0));
    assertEquals("within-local-hours(08:00–21:00): ice at 2027-03-27 21:30–21:45 is outside"
            + " 08:00–21:00",
        messages(ScheduleRules.withinLocalHours(LocalTime.of(8, 0), LocalTime.of(21, 0)), PLAN)
            .get(0));
    assertEquals(List.of(), ScheduleRules.firstSessionBefore("check-pain", "gentle-stretch")
        .check(PLAN));
    assertEquals("first-session-before(gentle-stretch, check-pain): check-pain at"
            + " 2027-03-30 14:25 comes before gentle-stretch at 2027-04-01 10:40",
        messages(ScheduleRules.firstSessionBefore("gentle-stretch", "check-pain"), PLAN).get(0));
  }

  @Test
  void rulesComposeAndAssert() {
    ScheduleRule both = ScheduleRules.noOverlap().and(ScheduleRules.minimumGap("ice",
        Duration.ofHours(2)));
    assertEquals("no-overlap and minimum-gap(ice, 2 h)", both.name());
    assertEquals(messages(ScheduleRules.minimumGap("ice", Duration.ofHours(2)), PLAN),
        messages(both, PLAN));
    AssertionError e = assertThrows(AssertionError.class, () -> both.assertKeptBy(PLAN));
    assertTrue(e.getMessage().contains("violation(s) in Plan[hamstring-strain"), e.getMessage());
    ScheduleRules.standard().assertKeptBy(PLAN);
  }
}
