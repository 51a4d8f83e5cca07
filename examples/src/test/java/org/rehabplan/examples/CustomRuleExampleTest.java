package org.rehabplan.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.rehabplan.Plan;
import org.rehabplan.Severity;
import org.rehabplan.rules.ScheduleRule;
import org.rehabplan.rules.ScheduleRules;
import org.rehabplan.rules.Violation;
import org.rehabplan.testing.Counterexamples;
import org.rehabplan.testing.RehabArbitraries;

/**
 * How a team states its own schedule rules and checks them against thousands of generated plans.
 * Example data, not medical advice.
 */
class CustomRuleExampleTest {

  /** A rule the team wants: never two ice sessions within 50 minutes. It holds. */
  @Property(tries = 300)
  void neverTwoIceSessionsWithin50Minutes(@ForAll("hamstringPlans") Plan plan) {
    ScheduleRules.minimumGap("ice", Duration.ofMinutes(50)).assertKeptBy(plan);
  }

  /** The scheduler's own promises hold for every generated plan, too. */
  @Property(tries = 300)
  void everyPlanKeepsTheStandardRules(@ForAll Plan plan) {
    ScheduleRules.standard().assertKeptBy(plan);
  }

  @Provide
  Arbitrary<Plan> hamstringPlans() {
    return RehabArbitraries.plans()
        .protocols(net.jqwik.api.Arbitraries.just(org.rehabplan.Protocols.hamstringStrain()))
        .requests(RehabArbitraries.requests().aroundDstTransitions()
            .severities(Severity.MILD, Severity.MODERATE));
  }

  /**
   * A deliberately wrong team rule: "nothing is planned after 21:00". Waking hours are 07:00–22:00
   * by default, so the generators find a plan that breaks it, and shrink it to a simple one: UTC,
   * injured at midnight on 1 January 2020, one phase with one intervention.
   */
  @Example
  void aWrongRuleIsCaughtAndShrunkToASimpleCounterexample() {
    ScheduleRule nothingAfter21 = ScheduleRule.of("nothing-after-21", plan -> ScheduleRules
        .withinLocalHours(LocalTime.MIN, LocalTime.of(21, 0)).check(plan));
    Plan counterexample = Counterexamples.find(RehabArbitraries.plans(),
        plan -> nothingAfter21.check(plan).isEmpty(), 42, 10_000).orElseThrow();

    assertEquals("2020-01-01T00:00Z", counterexample.request().injuredAt().toString());
    assertEquals(1, counterexample.protocol().phases().size());
    assertEquals(1, counterexample.protocol().interventions().size());
    List<String> violations =
        nothingAfter21.check(counterexample).stream().map(Violation::toString).toList();
    // The simplest plan that breaks the rule: the default waking hours (07:00–22:00) and one
    // 5-minute exercise every 20 minutes while awake, for the one day the phase lasts.
    assertEquals("07:00–22:00", counterexample.request().wakingHours().toString());
    assertEquals("5 min at a time, once every 20 min, from the injury to the end of the phase,"
            + " while awake",
        counterexample.protocol().interventions().get(0).timing().describe());
    assertEquals(List.of(
            "within-local-hours(00:00–21:00): i0 at 2020-01-01 21:00–21:05 is outside 00:00–21:00",
            "within-local-hours(00:00–21:00): i0 at 2020-01-01 21:20–21:25 is outside 00:00–21:00",
            "within-local-hours(00:00–21:00): i0 at 2020-01-01 21:40–21:45 is outside"
                + " 00:00–21:00"),
        violations);
  }
}
