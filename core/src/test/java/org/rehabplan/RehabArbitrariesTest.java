package org.rehabplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.rehabplan.rules.ScheduleRules;
import org.rehabplan.testing.Counterexamples;
import org.rehabplan.testing.RehabArbitraries;
import org.rehabplan.testing.RequestArbitrary;

/** The generators shipped in org.rehabplan.testing: provider, configuration, edge cases, shrinking. */
class RehabArbitrariesTest {

  @Property(tries = 200)
  void forAllPlanWorksThroughTheRegisteredProvider(@ForAll Plan plan) {
    ScheduleRules.standard().assertKeptBy(plan);
  }

  @Property(tries = 200) // request and protocol have 8 x 13 edge-case combinations
  void forAllRequestAndProtocolWorkToo(@ForAll PlanRequest request, @ForAll Protocol protocol) {
    assertFalse(Scheduler.plan(protocol, request).phases().isEmpty());
  }

  @Example
  void configuringMethodsReturnCopies() {
    RequestArbitrary all = RehabArbitraries.requests();
    RequestArbitrary utc = all.zones(ZoneOffset.UTC).severities(Severity.SEVERE);
    assertNotSame(all, utc);
    List<PlanRequest> fromUtc = utc.sampleStream().limit(200).toList();
    assertTrue(fromUtc.stream().allMatch(r -> r.zone().equals(ZoneOffset.UTC)
        && r.severity() == Severity.SEVERE));
    List<PlanRequest> fromAll = all.sampleStream().limit(200).toList();
    assertTrue(fromAll.stream().map(PlanRequest::zone).distinct().count() > 20,
        "the original still ranges over all zones");
    assertThrows(IllegalArgumentException.class, () -> all.zones(List.of()));
    assertThrows(IllegalArgumentException.class, () -> all.years(2030, 2020));
  }

  @Example
  void aroundDstTransitionsStaysNearATransition() {
    for (PlanRequest r : RehabArbitraries.requests().zones(ZoneId.of("Europe/Berlin"),
        ZoneId.of("Australia/Sydney")).aroundDstTransitions().sampleStream().limit(300).toList()) {
      ZonedDateTime injury = r.injuredAt();
      ZoneOffsetTransition next = r.zone().getRules().nextTransition(injury.toInstant());
      ZoneOffsetTransition previous = r.zone().getRules().previousTransition(
          injury.toInstant().plusNanos(1));
      Duration untilNext = Duration.between(injury.toInstant(), next.getInstant());
      Duration sincePrevious = Duration.between(previous.getInstant(), injury.toInstant());
      assertTrue(untilNext.compareTo(Duration.ofDays(3)) <= 0
              || sincePrevious.compareTo(Duration.ofDays(1)) <= 0,
          () -> injury + " vs " + previous + " and " + next);
    }
  }

  @Example
  void edgeCasesAreWeightedIn() {
    List<PlanRequest> sample = RehabArbitraries.requests().sampleStream().limit(3000).toList();
    assertTrue(sample.stream().anyMatch(r -> r.zone().getId().equals("Australia/Lord_Howe")));
    assertTrue(sample.stream().anyMatch(r -> r.zone().getId().equals("Asia/Kathmandu")));
    assertTrue(sample.stream().anyMatch(r -> r.zone().getId().equals("Pacific/Chatham")));
    assertTrue(sample.stream().anyMatch(r -> r.injuredAt().toLocalTime()
        .equals(LocalTime.of(23, 59))));
    assertTrue(sample.stream().anyMatch(r -> r.injuredAt().getMonth() == Month.FEBRUARY
        && r.injuredAt().getDayOfMonth() == 29));
    assertTrue(sample.stream().anyMatch(r -> r.injuredAt().getMonth() == Month.DECEMBER
        && r.injuredAt().getDayOfMonth() == 31));
    assertTrue(sample.stream().anyMatch(r -> r.wakingHours().crossesMidnight()));
    assertTrue(sample.stream().anyMatch(RehabArbitrariesTest::minutesBeforeATransition),
        "injuries minutes before a DST change");
  }

  private static boolean minutesBeforeATransition(PlanRequest r) {
    ZoneOffsetTransition next = r.zone().getRules().nextTransition(r.injuredAt().toInstant());
    return next != null && Duration.between(r.injuredAt().toInstant(), next.getInstant())
        .compareTo(Duration.ofHours(3)) <= 0;
  }

  @Example
  void aFailingRuleShrinksToASimpleCounterexample() {
    // A wrong rule: "no session ends after 21:00". The default waking hours run to 22:00.
    Plan shrunk = Counterexamples.find(RehabArbitraries.plans(),
        plan -> ScheduleRules.withinLocalHours(LocalTime.MIN, LocalTime.of(21, 0))
            .check(plan).isEmpty(), 42, 10_000).orElseThrow();
    assertEquals(ZoneOffset.UTC, shrunk.zone());
    assertEquals(ZonedDateTime.of(LocalDate.of(2020, 1, 1), LocalTime.MIDNIGHT, ZoneOffset.UTC),
        shrunk.request().injuredAt());
    assertEquals(1, shrunk.protocol().phases().size());
    assertEquals(1, shrunk.protocol().interventions().size());
  }

}
