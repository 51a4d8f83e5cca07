package org.rehabplan;

import static java.time.Duration.ofDays;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Maps every instruction of the source article to the protocol element that carries it, and
 * checks that plans honour it, for every severity in several zones and around DST changes.
 */
class HamstringProtocolTest {
  private static final Protocol PROTOCOL = Protocols.hamstringStrain();

  static Stream<Arguments> plans() {
    List<Arguments> out = new ArrayList<>();
    List<String> injuries = List.of(
        "2027-03-27T18:30+01:00[Europe/Berlin]", // evening before spring forward
        "2027-11-06T23:59-04:00[America/New_York]", // minutes before fall back
        "2028-02-29T06:00+05:45[Asia/Kathmandu]", // leap day, 45-minute offset
        "2027-04-03T21:50+11:00[Australia/Lord_Howe]", // 30-minute DST change
        "2027-06-15T12:00Z[UTC]");
    for (String injury : injuries) {
      for (Severity severity : Severity.values()) {
        for (WakingHours waking : List.of(WakingHours.DEFAULT,
            WakingHours.of(LocalTime.of(15, 0), LocalTime.of(7, 0)))) {
          out.add(Arguments.of(Scheduler.plan(PROTOCOL, PlanRequest.builder()
              .injuredAt(ZonedDateTime.parse(injury)).severity(severity).wakingHours(waking)
              .build())));
        }
      }
    }
    return out.stream();
  }

  private static Intervention intervention(String id) {
    return PROTOCOL.intervention(id).orElseThrow();
  }

  private static List<Session> sessionsOf(Plan plan, String interventionId) {
    return plan.sessions().stream()
        .filter(s -> s.intervention().id().equals(interventionId)).toList();
  }

  private static String text(String id) {
    Intervention i = intervention(id);
    return (i.title() + " " + i.instructions()).toLowerCase(Locale.ROOT);
  }

  // ------------------------------------------------ ice: 15 min, every 1-2 h, 6 h to 2 days, towel

  @Test
  void iceIsCarriedByARepeatingTiming() {
    Intervention ice = intervention("ice");
    assertEquals(InterventionKind.ICE, ice.kind());
    Timing.Repeating timing = assertInstanceOf(Timing.Repeating.class, ice.timing());
    assertEquals(ofMinutes(15), timing.sessionLength());
    assertEquals(ofHours(1), timing.interval().minimum());
    assertEquals(ofHours(2), timing.interval().maximum());
    assertEquals(Anchor.INJURY, timing.window().anchor());
    assertEquals(ofHours(6), timing.window().minimumExtent());
    assertEquals(java.util.Optional.of(ofDays(2)), timing.window().maximumExtent());
    assertTrue(text("ice").contains("towel"), "towel between pack and skin");
    assertTrue(text("ice").contains("15 minutes"));
  }

  @ParameterizedTest
  @MethodSource("plans")
  void planIcesFifteenMinutesEveryOneToTwoHoursForUpToTwoDays(Plan plan) {
    List<Session> ice = sessionsOf(plan, "ice");
    Instant injury = plan.request().injuredAt().toInstant();
    assertFalse(ice.isEmpty());
    for (Session s : ice) {
      assertEquals(ofMinutes(15), s.duration());
      assertFalse(s.start().isBefore(injury));
      assertFalse(s.end().isAfter(injury.plus(ofDays(2))), () -> s + " after 2 days");
    }
    // In the first 6 hours, wherever a session fits while awake, no 2 hours pass without one.
    Instant sixHours = injury.plus(ofHours(6));
    for (Interval w : SchedulerProperties.wakingWindows(plan)) {
      Instant from = w.start().isAfter(injury) ? w.start() : injury;
      Instant lastFit = w.endExclusive().minus(ofMinutes(15));
      Instant to = lastFit.isBefore(sixHours) ? lastFit : sixHours;
      if (from.isAfter(to)) {
        continue;
      }
      List<Instant> marks = new ArrayList<>();
      marks.add(from);
      ice.stream().map(Session::start).filter(t -> !t.isBefore(from) && !t.isAfter(to))
          .forEach(marks::add);
      marks.add(to);
      for (int k = 1; k < marks.size(); k++) {
        Instant a = marks.get(k - 1);
        Instant b = marks.get(k);
        assertFalse(Duration.between(a, b).compareTo(ofHours(2)) > 0,
            () -> "no ice between " + a.atZone(plan.zone()) + " and " + b.atZone(plan.zone()));
      }
    }
  }

  // ------------------------------------------------ elevate: when resting, first few days only

  @ParameterizedTest
  @MethodSource("plans")
  void planElevatesOnlyInTheFirstFewDays(Plan plan) {
    assertEquals(InterventionKind.ELEVATE, intervention("elevate").kind());
    assertTrue(text("elevate").contains("pillow or a chair"));
    assertTrue(text("elevate").contains("rest"));
    List<GuidanceSpan> spans = plan.guidanceSpans().stream()
        .filter(s -> s.intervention().id().equals("elevate")).toList();
    assertFalse(spans.isEmpty());
    Instant injury = plan.request().injuredAt().toInstant();
    for (GuidanceSpan s : spans) {
      assertEquals(injury, s.interval().start());
      assertFalse(s.interval().endExclusive().isAfter(injury.plus(ofDays(3))));
    }
  }

  // ------------------------------------------------ wrap; avoid painful activity until improved

  @ParameterizedTest
  @MethodSource("plans")
  void planWrapsAndAvoidsPainfulActivityUntilPainIsRelieved(Plan plan) {
    assertEquals(InterventionKind.COMPRESS, intervention("wrap").kind());
    assertTrue(text("wrap").contains("elastic bandage"));
    assertEquals(InterventionKind.REST, intervention("avoid-pain").kind());
    assertTrue(text("avoid-pain").contains("do not hurt"), "other pain-free activity allowed");
    PlannedPhase protect = plan.phase("protect").orElseThrow();
    assertTrue(protect.phase().exitGate().criteria().stream()
        .anyMatch(c -> c.id().equals("pain-relieved")));
    for (String id : List.of("wrap", "avoid-pain")) {
      GuidanceSpan span = plan.guidanceSpans().stream().filter(s -> s.intervention().id().equals(id))
          .findFirst().orElseThrow();
      assertEquals(protect.projected(), span.interval(), id + " spans the protect phase");
    }
  }

  // ------------------------------------------------ pain medication: as needed, no invented doses

  @ParameterizedTest
  @MethodSource("plans")
  void painMedicationIsAsNeededWithoutInventedDoses(Plan plan) {
    Intervention meds = intervention("pain-relief");
    assertEquals(InterventionKind.MEDICATE, meds.kind());
    assertEquals(Timing.asNeeded(), meds.timing(), "no spacing or daily maximum invented");
    assertTrue(text("pain-relief").contains("acetaminophen"));
    assertTrue(text("pain-relief").contains("ibuprofen"));
    assertTrue(text("pain-relief").contains("prescribe"));
    assertFalse(Pattern.compile("\\d\\s*(mg|g|ml|tablet|pill)").matcher(text("pain-relief")).find(),
        "no dose");
    assertTrue(sessionsOf(plan, "pain-relief").isEmpty());
  }

  // ------------------------------------------------ stretch and exercise after pain relieved

  @ParameterizedTest
  @MethodSource("plans")
  void stretchingAndExerciseComeOnlyAfterPainIsRelieved(Plan plan) {
    Instant protectEnd = plan.phase("protect").orElseThrow().end();
    for (String id : List.of("gentle-stretch", "gentle-exercise", "strengthen")) {
      assertEquals(Set.of("pain-relieved"), intervention(id).requiredCriteria());
      assertFalse(sessionsOf(plan, id).isEmpty(), id);
      for (Session s : sessionsOf(plan, id)) {
        assertFalse(s.start().isBefore(protectEnd), () -> s + " before pain is relieved");
      }
    }
    assertTrue(text("gentle-stretch").contains("gently"));
    assertTrue(text("gentle-stretch").contains("stiff"));
  }

  // ------------------------------------------------ no sport until healed; warm up first

  @ParameterizedTest
  @MethodSource("plans")
  void sportComesOnlyOnceHealedAndAfterAWarmUp(Plan plan) {
    assertEquals(Set.of("healed"), intervention("return-to-sport").requiredCriteria());
    PlannedPhase strengthen = plan.phase("strengthen").orElseThrow();
    assertTrue(strengthen.phase().exitGate().criteria().stream()
        .anyMatch(c -> c.id().equals("healed")));
    List<Session> sport = sessionsOf(plan, "return-to-sport");
    assertFalse(sport.isEmpty());
    for (Session s : sport) {
      assertFalse(s.start().isBefore(strengthen.end()), () -> s + " before healed");
    }
    Set<Instant> warmUpEnds = new HashSet<>();
    for (Session w : sessionsOf(plan, "warm-up")) {
      assertEquals(ofMinutes(10), w.duration());
      warmUpEnds.add(w.end());
    }
    for (String id : List.of("gentle-exercise", "strengthen", "return-to-sport")) {
      for (Session s : sessionsOf(plan, id)) {
        assertTrue(warmUpEnds.contains(s.start()), () -> s + " has no warm-up right before it");
      }
    }
    assertTrue(text("warm-up").contains("walk"));
  }

  // ------------------------------------------------ see a clinician; healing time by severity

  @Test
  void clinicianAndImagingGuidanceIsThere() {
    Intervention see = intervention("see-clinician");
    assertEquals(InterventionKind.ASSESS, see.kind());
    assertInstanceOf(Timing.AsNeeded.class, see.timing());
    assertTrue(text("see-clinician").contains("ultrasound"));
    assertTrue(text("see-clinician").contains("mri"));
  }

  @Test
  void severitySetsTheProjectedHealingTimeFromWeeksToMonths() {
    ZonedDateTime injury = ZonedDateTime.parse("2027-06-01T09:00Z[UTC]");
    List<Duration> totals = new ArrayList<>();
    for (Severity severity : Severity.values()) {
      Plan plan = Scheduler.plan(PROTOCOL,
          PlanRequest.builder().injuredAt(injury).severity(severity).build());
      totals.add(Duration.between(injury.toInstant(),
          plan.phase("return-to-sport").orElseThrow().start()));
    }
    // Ekstrand et al. 2012: mean days to return to play by grade 1, 2, 3.
    assertEquals(List.of(ofDays(17), ofDays(22), ofDays(73)), totals);
  }

  // ------------------------------------------------ provenance and own words

  @Test
  void everyInterventionCitesTheArticleAndEveryChoiceIsMarked() {
    for (Intervention i : PROTOCOL.interventions()) {
      assertTrue(i.provenance().stream().anyMatch(p -> p.kind() == Provenance.Kind.SOURCE
          && p.citation().equals(Protocols.HAMSTRING_ARTICLE)), i.id());
    }
    for (Phase phase : PROTOCOL.phases()) {
      for (DurationEstimate estimate : phase.durations().values()) {
        assertTrue(estimate.provenance().stream().anyMatch(Provenance::isChoice), phase.id());
      }
    }
    assertTrue(PROTOCOL.provenance().stream()
        .anyMatch(p -> p.citation().equals(Protocols.EKSTRAND_2012)));
  }

  @Test
  void instructionsAreInOwnWordsNotCopiedFromTheArticle() throws IOException {
    String article;
    try (InputStream in = HamstringProtocolTest.class.getResourceAsStream(
        "hamstring-injury-article.txt")) {
      article = normalise(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    assertTrue(article.contains("place a cold pack on the area for 15 minutes at a time"));
    for (Intervention i : PROTOCOL.interventions()) {
      List<String> words = List.of(normalise(i.instructions()).split(" "));
      for (int k = 0; k + 8 <= words.size(); k++) {
        String run = String.join(" ", words.subList(k, k + 8));
        assertFalse(article.contains(run), () -> i.id() + " copies the article: \"" + run + "\"");
      }
    }
  }

  private static String normalise(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
  }
}
