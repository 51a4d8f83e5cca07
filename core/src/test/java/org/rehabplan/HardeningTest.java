package org.rehabplan;

import static java.time.Duration.ofDays;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The findings of issue 14, one worked case each: overflow, unbounded setbacks, years a calendar
 * cannot hold, unbounded text, quadratic placement and lone surrogates.
 */
class HardeningTest {
  private static final Duration HUGE = ofSeconds(Long.MAX_VALUE, 999_999_999);
  private static final Duration MOST_NEGATIVE = ofSeconds(Long.MIN_VALUE);

  private static IllegalArgumentException rejects(String expectedInMessage, Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().contains(expectedInMessage),
        () -> "message \"" + e.getMessage() + "\" should contain \"" + expectedInMessage + "\"");
    return e;
  }

  private static Protocol single(Timing timing, int days) {
    return Protocol.builder("single").title("Single").condition("Any")
        .intervention(Intervention.builder("it").title("It").instructions("Do it").timing(timing)
            .build())
        .phase(Phase.builder("only").name("Only").goal("Goal").interventions("it")
            .durationForAll(DurationEstimate.ofDays(days, days, days)).build())
        .build();
  }

  private static PlanRequest request(String injury) {
    return PlanRequest.builder().injuredAt(ZonedDateTime.parse(injury)).build();
  }

  // ------------------------------------------------------------------ 1. overflow

  @Test
  void extremeDurationsAreRefusedByNameNotOverflowed() {
    rejects("minimum interval must be at most 7320 d", () -> Spacing.between(HUGE, HUGE));
    rejects("maximum interval must be at most", () -> Spacing.between(ofHours(1), HUGE));
    rejects("offset must be at most", () -> new Window(Anchor.INJURY, HUGE, ofSeconds(1),
        Optional.empty()));
    rejects("offset must be at most", () -> Timing.once(Anchor.INJURY, HUGE, ofMinutes(5)));
    rejects("maximumExtent must be at most", () -> Window.afterInjury(ofHours(1), HUGE));
    rejects("minimumExtent must be at most", () -> Window.firstOfPhase(HUGE));
    rejects("offset must be within ±1 day", () -> Timing.relativeTo(Set.of("it"), MOST_NEGATIVE,
        ofMinutes(5)));
    rejects("latest must be at most 366 d (plans are bounded): 9223372036854775807 d",
        () -> DurationEstimate.ofDays(1, 1,
        Long.MAX_VALUE));
    rejects("earliest must be positive: -9223372036854775808 d", () -> DurationEstimate.ofDays(
        Long.MIN_VALUE, 1, 1));
    rejects("minimumTime must be at most", () -> ExitGate.afterTime(HUGE));
    rejects("minimumSpacing must be at most", () -> Timing.asNeeded(HUGE, 1));
    rejects("duration", () -> Interval.of(Instant.MAX, ofSeconds(1)));
    rejects("interval text must be two ISO-8601 instants",
        () -> Interval.parse("2027-01-01T00:00:00Z/tomorrow"));
    assertEquals("-106751991167300 d 15 h 30 min", HumanDurations.format(MOST_NEGATIVE));
  }

  @Test
  void theDurationLimitIsTheLongestAProtocolCanRun() {
    assertEquals(DurationEstimate.MAX_PHASE_DURATION.multipliedBy(Protocol.MAX_PHASES),
        Limits.MAX_DURATION);
  }

  @Test
  void theLongestStatedDurationsStillPlan() {
    Protocol p = single(Timing.continuous(new Window(Anchor.INJURY, Duration.ZERO, Duration.ZERO,
        Optional.of(Limits.MAX_DURATION))), 3);
    Plan plan = Scheduler.plan(p, request("2027-01-01T10:00Z"));
    assertEquals(1, plan.guidanceSpans().size());
  }

  // ------------------------------------------------------------------ 2. setbacks

  @Test
  void setbackRulesAreBoundedAndTheMessageBlamesTheRule() {
    rejects("setback minimumTime must be at most 366 d (PT8784H): PT87840H",
        () -> SetbackRule.hold(5, ofDays(3660)));
    rejects("setback minimumTime must be at most 366 d",
        () -> SetbackRule.hold(5, ofDays(36_600)));
    rejects("setback minimumTime must be at most", () -> SetbackRule.hold(5, HUGE));
    rejects("setback minimumTime must be at most", () -> SetbackRule.backToPrevious(5, HUGE));
    assertEquals(SetbackRule.MAX_MINIMUM_TIME,
        SetbackRule.hold(5, SetbackRule.MAX_MINIMUM_TIME).minimumTime());
  }

  @Test
  void theLongestHoldEndsTheHeldPhaseAtMostItsMinimumTimeAfterTheCheckIn() {
    Protocol hamstring = Protocols.hamstringStrain();
    Protocol.Builder b = Protocol.builder(hamstring.id()).title(hamstring.title())
        .condition(hamstring.condition());
    hamstring.interventions().forEach(b::intervention);
    for (Phase phase : hamstring.phases()) {
      b.phase(phase.toBuilder().setback(SetbackRule.hold(5, SetbackRule.MAX_MINIMUM_TIME))
          .build());
    }
    Protocol held = b.build();
    PlanRequest req = request("2027-03-27T18:30+01:00[Europe/Berlin]");
    Instant checkIn = req.injuredAt().toInstant().plus(ofHours(20));
    Plan replanned = Scheduler.replan(Scheduler.plan(held, req),
        ProgressLog.of(CheckIn.of(checkIn, 3, 8, Set.of())), checkIn);
    Instant heldUntil = replanned.phases().get(0).end();
    assertTrue(!heldUntil.isAfter(checkIn.plus(SetbackRule.MAX_MINIMUM_TIME).plus(ofHours(1))),
        () -> "held until " + heldUntil);
    assertTrue(replanned.sessions().size() < Scheduler.MAX_SESSIONS);
  }

  // ------------------------------------------------------------------ 3. years

  @Test
  void injuriesOutsideTheSupportedYearsAreRefusedAsThePersonsInput() {
    for (String injury : List.of("9999-12-20T12:00Z", "-0001-06-01T00:00Z",
        "0001-01-01T00:00+00:53:28[Europe/Berlin]", "1899-12-31T23:59Z", "2201-01-01T00:00Z")) {
      PlanningException e = assertThrows(PlanningException.class, () -> request(injury));
      assertTrue(e.getMessage().startsWith(
          "injuredAt must lie in the years 1900 to 2200 (the supported range): "), e.getMessage());
    }
    // The range is the local date's: 1900-01-01 00:00 in Berlin is still 1899 in UTC.
    assertDoesNotThrow(() -> Scheduler.plan(Protocols.hamstringStrain(),
        request("1900-01-01T00:00+01:00[Europe/Berlin]")));
    Plan last = Scheduler.plan(Protocols.hamstringStrain(), request("2200-12-31T23:59Z")
        .withSeverity(Severity.SEVERE));
    assertTrue(last.interval().endExclusive().isBefore(Instant.parse("2223-01-01T00:00:00Z")));
  }

  @Test
  void aReplanMomentOutsideTheSupportedYearsIsRefused() {
    Plan plan = Scheduler.plan(Protocols.hamstringStrain(), request("2027-01-01T10:00Z"));
    PlanningException e = assertThrows(PlanningException.class,
        () -> Scheduler.replan(plan, ProgressLog.empty(), Instant.MAX));
    assertTrue(e.getMessage().startsWith("now must lie in the years 1900 to 2200"),
        e.getMessage());
  }

  @Test
  void queriesAndAgendasAtTheEndsOfTimeAnswerOrNameTheArgument() {
    Plan plan = Scheduler.plan(Protocols.hamstringStrain(), request("2027-01-01T10:00Z"));
    assertEquals(List.of(), plan.sessionsOn(java.time.LocalDate.MAX));
    assertEquals(List.of(), plan.sessionsOn(java.time.LocalDate.MIN));
    assertEquals(Optional.empty(), plan.nextSessionAfter(Instant.MAX));
    rejects("days must end by 2223-01-01", () -> Agenda.of(plan)
        .days(java.time.LocalDate.of(2027, 1, 1), Integer.MAX_VALUE));
    rejects("from must lie in the days plans reach", () -> Agenda.of(plan)
        .days(java.time.LocalDate.MAX, 1));
  }

  // ------------------------------------------------------------------ 4. text

  @Test
  void textsAreBoundedAtTheirDocumentedLimits() {
    String title = "t".repeat(Limits.MAX_TITLE_LENGTH);
    String instructions = "i".repeat(Limits.MAX_INSTRUCTIONS_LENGTH);
    Intervention ok = Intervention.builder("it").title(title).instructions(instructions)
        .timing(Timing.asNeeded()).build();
    assertEquals(title, ok.title());
    rejects("title must be at most 200 characters, but has 201", () -> ok.toBuilder()
        .title(title + "t").build());
    rejects("instructions must be at most 10000 characters, but has 10001", () -> ok.toBuilder()
        .instructions(instructions + "i").build());
    rejects("note must be at most 2000 characters, but has 2001",
        () -> CheckIn.of(Instant.EPOCH, 0, 0, Set.of()).withNote("n".repeat(2001)));
    rejects("goal must be at most 10000 characters", () -> Phase.builder("p").name("P")
        .goal("g".repeat(10_001)).durationForAll(DurationEstimate.ofDays(1, 1, 1)).build());
    rejects("name must be at most 200 characters", () -> Phase.builder("p").name("n".repeat(201))
        .goal("G").durationForAll(DurationEstimate.ofDays(1, 1, 1)).build());
    rejects("at most 64 characters", () -> Intervention.builder("a".repeat(65)));
  }

  @Test
  void messagesQuoteOnlyTheStartOfALongText() {
    String megabyte = "x".repeat(1_000_000);
    IllegalArgumentException e = rejects("(1000000 characters)", () -> Intervention.builder("it")
        .title(megabyte).instructions("Do it").timing(Timing.asNeeded()).build());
    assertTrue(e.getMessage().length() < 200, () -> e.getMessage().length() + " characters");
    IllegalArgumentException id = rejects("(100000 characters)",
        () -> Phase.builder("A".repeat(100_000)));
    assertTrue(id.getMessage().length() < 250, () -> id.getMessage().length() + " characters");
  }

  // ------------------------------------------------------------------ 5. placement

  /**
   * The case: 4,000 interventions once a day in one 10-day phase (40,000 sessions) took
   * 118 s with the old rescan of three days of taken time at every step. This is a guard against
   * that hang (a bound 100 times the time it now takes), not a measurement: benchmarks/RESULTS.md
   * has the JMH figures.
   */
  @Test
  void thousandsOfDailyInterventionsPlanWithoutRescanningTakenTime() {
    Protocol.Builder b = Protocol.builder("many").title("Many").condition("Any");
    String[] ids = new String[4000];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = "i" + i;
      b.intervention(Intervention.builder(ids[i]).title("T").instructions("I")
          .timing(Timing.timesPerDay(1, ofMinutes(1), Window.wholePhase())).build());
    }
    Protocol many = b.phase(Phase.builder("only").name("Only").goal("Goal").interventions(ids)
        .durationForAll(DurationEstimate.ofDays(10, 10, 10)).build()).build();
    Plan plan = assertTimeoutPreemptively(Duration.ofSeconds(60),
        () -> Scheduler.plan(many, request("2027-01-04T06:00Z")));
    assertEquals(40_000, plan.sessions().size());
  }

  // ------------------------------------------------------------------ 6. surrogates

  @Test
  void loneSurrogatesAreRefusedAndPairsAccepted() {
    rejects("title must not contain a lone surrogate (found U+D83D at index 3)",
        () -> Protocol.builder("p").title("Ice\uD83D").condition("C").build());
    rejects("note must not contain a lone surrogate (found U+DCAA at index 0)",
        () -> CheckIn.of(Instant.EPOCH, 0, 0, Set.of()).withNote("\uDCAA strong"));
    rejects("question must not contain a lone surrogate",
        () -> Criterion.of("c", "Pain \uDCAA\uD83D gone?"));
    assertEquals("Strong \uD83D\uDCAA",
        Criterion.of("c", "Strong \uD83D\uDCAA").question());
  }
}
