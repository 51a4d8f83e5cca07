package org.rehabplan;

import static java.time.Duration.ZERO;
import static java.time.Duration.ofDays;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every factory and builder rejects bad input at the boundary, naming the rule and the value. */
class BadInputTest {

  private static void rejects(String expectedInMessage, Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().contains(expectedInMessage),
        () -> "message \"" + e.getMessage() + "\" should contain \"" + expectedInMessage + "\"");
  }

  private static void rejectsInput(String expectedInMessage, Executable call) {
    PlanningException e = assertThrows(PlanningException.class, call);
    assertTrue(e.getMessage().contains(expectedInMessage),
        () -> "message \"" + e.getMessage() + "\" should contain \"" + expectedInMessage + "\"");
  }

  private static void rejectsNull(String argument, Executable call) {
    NullPointerException e = assertThrows(NullPointerException.class, call);
    assertTrue(argument.equals(e.getMessage()),
        () -> "message \"" + e.getMessage() + "\" should name \"" + argument + "\"");
  }

  // ------------------------------------------------------------------ lengths and intervals

  @Test
  void zeroOrNegativeLengthsAreRejected() {
    rejects("sessionLength must be positive: PT0S",
        () -> Timing.timesPerDay(1, ZERO, Window.wholePhase()));
    rejects("sessionLength must be positive: PT-5M",
        () -> Timing.once(Anchor.INJURY, ZERO, ofMinutes(-5)));
    rejects("sessionLength must be between 1 min and PT12H: PT13H",
        () -> Timing.once(Anchor.INJURY, ZERO, ofHours(13)));
    rejects("minimum interval must be positive: PT0S",
        () -> Spacing.between(ZERO, ofHours(1)));
    rejects("earliest must be positive: PT0S",
        () -> DurationEstimate.exactly(ZERO));
    rejects("offset must not be negative: PT-1H",
        () -> new Window(Anchor.INJURY, ofHours(-1), ZERO, java.util.Optional.empty()));
  }

  @Test
  void invertedSpacingIsRejected() {
    rejects("interval range must not be inverted: minimum PT2H is longer than maximum PT1H",
        () -> Spacing.between(ofHours(2), ofHours(1)));
    rejects("preferred interval PT3H must lie within [PT1H, PT2H]",
        () -> Spacing.between(ofHours(1), ofHours(2)).preferring(ofHours(3)));
  }

  @Test
  void sessionLongerThanItsIntervalIsRejected() {
    rejects("sessionLength PT1H30M must not be longer than the minimum interval PT1H",
        () -> Timing.every(ofMinutes(90), Spacing.between(ofHours(1), ofHours(2)),
            Window.wholePhase()));
  }

  @Test
  void windowThatEndsBeforeItStartsIsRejected() {
    rejects("window must not end before it starts: maximumExtent PT6H is shorter than"
            + " minimumExtent PT48H",
        () -> Window.afterInjury(ofHours(48), ofHours(6)));
    rejects("end must be on or after start: 2027-01-02T00:00:00Z/2027-01-01T00:00:00Z",
        () -> Interval.of(Instant.parse("2027-01-02T00:00:00Z"),
            Instant.parse("2027-01-01T00:00:00Z")));
    rejects("duration estimate must satisfy earliest <= typical <= latest: PT48H, PT24H, PT72H",
        () -> new DurationEstimate(ofDays(2), ofDays(1), ofDays(3), List.of()));
  }

  @Test
  void emptyWakingWindowIsRejected() {
    rejects("waking window must not be empty: wake 07:00 equals sleep 07:00",
        () -> PlanRequest.builder().wakingHours(LocalTime.of(7, 0), LocalTime.of(7, 0)));
  }

  @Test
  void overlappingLocalTimesAreRejected() {
    rejects("times must be at least sessionLength apart: sessions of PT1H at 08:00 and 08:30"
            + " would overlap",
        () -> Timing.atLocalTimes(List.of(LocalTime.of(8, 0), LocalTime.of(8, 30)), ofHours(1),
            Window.wholePhase()));
    rejects("times must not be empty",
        () -> Timing.atLocalTimes(List.of(), ofMinutes(5), Window.wholePhase()));
  }

  @Test
  void badCountsAndDaysAreRejected() {
    rejects("count must be between 1 and 24: 0",
        () -> Timing.timesPerDay(0, ofMinutes(5), Window.wholePhase()));
    rejects("days must not be empty",
        () -> Timing.timesPerDay(1, ofMinutes(5), Window.wholePhase()).onDays(List.of()));
    rejects("maximumPerDay must be positive: 0", () -> Timing.asNeeded(ofHours(4), 0));
  }

  // ------------------------------------------------------------------ ids and texts

  @Test
  void malformedIdsAndTextsAreRejected() {
    rejects("intervention id must be lower-case kebab-case", () -> Intervention.builder("Ice"));
    rejects("\"Ice\"", () -> Intervention.builder("Ice"));
    rejects("phase id must be lower-case kebab-case", () -> Phase.builder("a--b"));
    rejects("criterion id must be lower-case kebab-case", () -> Criterion.of("", "Q?"));
    rejects("title must not be blank", () -> Intervention.builder("ice").title(" ")
        .instructions("x").timing(Timing.asNeeded()).build());
    rejects("instructions must not contain control characters (found U+0007 at index 3)",
        () -> Intervention.builder("ice").title("Ice").instructions("Ice\u0007")
            .timing(Timing.asNeeded()).build());
  }

  // ------------------------------------------------------------------ protocol references

  private static Intervention intervention(String id, Timing timing, String... requires) {
    return Intervention.builder(id).title(id).instructions("Do " + id).timing(timing)
        .requires(requires).build();
  }

  private static Phase.Builder phase(String id, String... interventions) {
    return Phase.builder(id).name(id).goal("Goal of " + id).interventions(interventions)
        .durationForAll(DurationEstimate.ofDays(3, 4, 5));
  }

  private static final Timing DAILY = Timing.timesPerDay(1, ofMinutes(10), Window.wholePhase());

  @Test
  void duplicateIdsAreRejected() {
    rejects("duplicate intervention id: ice", () -> Protocol.builder("p")
        .intervention(intervention("ice", DAILY)).intervention(intervention("ice", DAILY)));
    rejects("duplicate phase id: one", () -> Protocol.builder("p")
        .phase(phase("one").build()).phase(phase("one").build()));
    rejects("phase one lists an intervention twice: [ice, ice]",
        () -> phase("one", "ice", "ice").build());
    Criterion healed = Criterion.of("healed", "Healed?");
    rejects("criterion \"healed\" ends both phase one and phase two",
        () -> Protocol.builder("p").title("P").condition("C")
            .intervention(intervention("ice", DAILY))
            .phase(phase("one", "ice").exitGate(ExitGate.after(ZERO, healed)).build())
            .phase(phase("two").exitGate(ExitGate.after(ZERO, healed)).build())
            .build());
  }

  @Test
  void undefinedReferencesAreRejected() {
    rejects("phase one references intervention \"icee\", which is not defined; defined: [ice]",
        () -> Protocol.builder("p").title("P").condition("C")
            .intervention(intervention("ice", DAILY))
            .phase(phase("one", "ice", "icee").build()).build());
    rejects("intervention ice is defined but no phase lists it",
        () -> Protocol.builder("p").title("P").condition("C")
            .intervention(intervention("ice", DAILY))
            .phase(phase("one").build()).build());
    rejects("intervention warm-up is timed relative to \"run\", which is not defined",
        () -> Protocol.builder("p").title("P").condition("C")
            .intervention(intervention("warm-up",
                Timing.relativeTo(List.of("run"), ofMinutes(-10), ofMinutes(10))))
            .phase(phase("one", "warm-up").build()).build());
    rejects("intervention warm-up is timed relative to rest, which has no sessions of its own",
        () -> Protocol.builder("p").title("P").condition("C")
            .intervention(intervention("rest", Timing.continuous(Window.wholePhase())))
            .intervention(intervention("warm-up",
                Timing.relativeTo(List.of("rest"), ofMinutes(-10), ofMinutes(10))))
            .phase(phase("one", "rest", "warm-up").build()).build());
    rejects("protocol p needs at least one phase",
        () -> Protocol.builder("p").title("P").condition("C").build());
  }

  @Test
  void criterionNoPhaseCanMeetIsRejected() {
    rejects("intervention stretch requires criterion \"pain-relieved\", which no phase can meet",
        () -> Protocol.builder("p").title("P").condition("C")
            .intervention(intervention("stretch", DAILY, "pain-relieved"))
            .phase(phase("one", "stretch").build()).build());
    Criterion relieved = Criterion.of("pain-relieved", "Relieved?");
    rejects("intervention stretch requires criterion \"pain-relieved\", which is met only when"
            + " phase one ends, but it is active in phase one",
        () -> Protocol.builder("p").title("P").condition("C")
            .intervention(intervention("stretch", DAILY, "pain-relieved"))
            .phase(phase("one", "stretch").exitGate(ExitGate.after(ZERO, relieved)).build())
            .build());
  }

  @Test
  void gateLongerThanTheEarliestEstimateIsRejected() {
    rejects("phase one: exit gate minimum PT240H is longer than the earliest MILD estimate PT72H",
        () -> phase("one").exitGate(ExitGate.afterTime(ofDays(10))).build());
    rejects("phase one has no duration estimate for MODERATE",
        () -> Phase.builder("one").name("One").goal("G")
            .duration(Severity.MILD, DurationEstimate.ofDays(1, 1, 1)).build());
  }

  @Test
  void minimumExtentThatCannotFitIsRejected() {
    rejects("intervention ice needs PT240H from the injury, but at MILD its phases may end after"
            + " PT72H",
        () -> Protocol.builder("p").title("P").condition("C")
            .intervention(intervention("ice", Timing.every(
                ofMinutes(15), Spacing.between(ofHours(1), ofHours(2)),
                Window.afterInjury(ofDays(10), ofDays(12)))))
            .phase(phase("one", "ice").build()).build());
  }

  // ------------------------------------------------------------------ planning

  private static final ZonedDateTime INJURY =
      ZonedDateTime.parse("2027-03-27T18:30+01:00[Europe/Berlin]");

  @Test
  void wakingHoursTooShortForADailyPatternAreRejected() {
    Protocol protocol = Protocol.builder("p").title("P").condition("C")
        .intervention(intervention("stretch", Timing.timesPerDay(4, ofHours(1),
            Window.wholePhase())))
        .phase(phase("one", "stretch").build()).build();
    rejectsInput("intervention stretch needs 4 h a day (4 × 1 h, with room for accompanying"
            + " sessions), but waking hours 07:00–10:00 last only 3 h",
        () -> Scheduler.plan(protocol, PlanRequest.builder().injuredAt(INJURY)
            .wakingHours(LocalTime.of(7, 0), LocalTime.of(10, 0)).build()));
  }

  @Test
  void aProtocolThatWouldExpandWithoutBoundIsRejected() {
    Protocol.Builder b = Protocol.builder("p").title("P").condition("C")
        .intervention(intervention("tap", new Timing.Repeating(ofMinutes(1),
            Spacing.exactly(ofMinutes(1)), Window.wholePhase(), false)));
    for (int i = 0; i < Protocol.MAX_PHASES; i++) {
      b.phase(Phase.builder("p" + i).name("P").goal("G").interventions("tap")
          .durationForAll(DurationEstimate.ofDays(366, 366, 366)).build());
    }
    Protocol protocol = b.build();
    rejectsInput("protocol p would produce more than 100000 sessions, the most one plan may hold",
        () -> Scheduler.plan(protocol, PlanRequest.builder().injuredAt(INJURY).build()));
    rejects("latest must be at most 366 d (plans are bounded): 367 d",
        () -> DurationEstimate.ofDays(1, 1, 367));
    Protocol.Builder tooMany = Protocol.builder("p").title("P").condition("C")
        .intervention(intervention("tap", DAILY));
    for (int i = 0; i <= Protocol.MAX_PHASES; i++) {
      tooMany.phase(phase("p" + i, "tap").build());
    }
    rejects("protocol p has 21 phases; at most 20 are allowed", tooMany::build);
  }

  @Test
  void missingArgumentsAreNamed() {
    rejectsNull("protocol", () -> Scheduler.plan(null, PlanRequest.builder().injuredAt(INJURY)
        .build()));
    rejectsNull("request", () -> Scheduler.plan(Protocols.hamstringStrain(), null));
    rejectsNull("injuredAt", () -> PlanRequest.builder().injuredAt(null));
    rejectsNull("severity", () -> PlanRequest.builder().severity(null));
    rejects("injuredAt is required", () -> PlanRequest.builder().build());
    rejectsNull("zone", () -> WakingHours.DEFAULT.windowStartingOn(INJURY.toLocalDate(), null));
  }
}
