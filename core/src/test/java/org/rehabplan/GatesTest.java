package org.rehabplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The findings of the gates issue, on the Berlin hamstring plan a patient tried. */
class GatesTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Protocol HAMSTRING = Protocols.hamstringStrain();

  private static Plan plan(Severity severity) {
    return Scheduler.plan(HAMSTRING, PlanRequest.builder()
        .injuredAt(ZonedDateTime.parse("2027-03-27T18:30+01:00[Europe/Berlin]"))
        .severity(severity).build());
  }

  private static Instant at(String local) {
    return LocalDateTime.parse(local).atZone(BERLIN).toInstant();
  }

  private static List<LocalDate> days(Plan plan, String interventionId) {
    return plan.sessions().stream().filter(s -> s.intervention().id().equals(interventionId))
        .map(s -> s.start().atZone(BERLIN).toLocalDate()).toList();
  }

  @Test
  void returnToSportAndRestoreSessionsAreConditionalUntilReported() {
    Plan plan = plan(Severity.MODERATE);
    Session sport = plan.sessions().stream()
        .filter(s -> s.intervention().id().equals("return-to-sport")).findFirst().orElseThrow();
    assertTrue(sport.isConditional());
    assertEquals(List.of("pain-relieved", "healed"),
        sport.awaitedCriteria().stream().map(Criterion::id).toList());
    assertEquals("pain-relieved", sport.condition().orElseThrow().id());
    for (Session s : plan.sessions()) {
      assertEquals(!s.phase().id().equals("protect"), s.isConditional(), s::toString);
    }
  }

  @Test
  void theMildSelfCheckRepeatsDailyUntilTheLatestEstimate() {
    Plan plan = plan(Severity.MILD);
    // Protect: typical 3 days (to Tue 30 Mar 18:30), latest 4 days (to Wed 31 Mar 18:30).
    assertEquals(List.of(LocalDate.of(2027, 3, 30), LocalDate.of(2027, 3, 31)),
        days(plan, "check-pain"));
    Session wednesday = plan.sessions().stream()
        .filter(s -> s.id().equals("check-pain/protect/2")).findFirst().orElseThrow();
    assertFalse(wednesday.isConditional(), "asked while pain relief is not reported");
    assertEquals("protect", plan.phaseOf(wednesday).orElseThrow().id());
    // Reported on Tuesday: Wednesday's self-check is gone.
    Plan v2 = Scheduler.replan(plan, ProgressLog.of(
        CheckIn.of(at("2027-03-30T15:00"), 1, 1, List.of("pain-relieved"))),
        at("2027-03-30T15:00"));
    assertEquals(List.of(LocalDate.of(2027, 3, 30)), days(v2, "check-pain"));
  }

  @Test
  void typosOfCriteriaAreRefusedListingTheProtocolsCriteria() {
    Plan plan = plan(Severity.MODERATE);
    for (String typo : List.of("painrelieved", "pain-releived")) {
      PlanningException e = assertThrows(PlanningException.class, () -> Scheduler.replan(plan,
          ProgressLog.of(CheckIn.of(at("2027-03-30T09:00"), 2, 2, List.of(typo))),
          at("2027-03-30T09:05")));
      assertEquals("check-in 2027-03-30 09:00 reports criterion \"" + typo + "\", which protocol"
          + " hamstring-strain does not have; its criteria: pain-relieved, healed", e.getMessage());
    }
  }

  @Test
  void painRelievedWithHighActivityPainAndHealedWithPainAreRefused() {
    Plan plan = plan(Severity.MODERATE);
    PlanningException e = assertThrows(PlanningException.class, () -> Scheduler.replan(plan,
        ProgressLog.of(CheckIn.of(at("2027-03-30T09:00"), 8, 9, List.of("pain-relieved"))),
        at("2027-03-30T09:05")));
    assertEquals("check-in 2027-03-30 09:00: \"pain-relieved\" cannot be reported with pain with"
        + " activity 9/10: it needs pain with activity below 3/10 (a choice of the rehabplan"
        + " authors)", e.getMessage());
    e = assertThrows(PlanningException.class, () -> Scheduler.replan(plan,
        ProgressLog.of(CheckIn.of(at("2027-04-06T09:00"), 3, 5, List.of("healed"))),
        at("2027-04-06T09:05")));
    assertTrue(e.getMessage().contains("\"healed\" cannot be reported with pain with activity"
        + " 5/10: it needs pain with activity below 1/10"), e.getMessage());
  }

  @Test
  void nowInSaysWhatThePersonWaitsFor() {
    Plan plan = plan(Severity.MODERATE);
    // Day 5: Protect's typical projection ended on day 4, but pain relief was not reported.
    Plan v2 = Scheduler.replan(plan, ProgressLog.of(
        CheckIn.of(at("2027-04-01T09:00"), 2, 4, List.of())), at("2027-04-01T09:05"));
    assertEquals("restore", v2.phaseAt(at("2027-04-01T09:05")).orElseThrow().id(),
        "the typical projection alone would say Restore");
    assertEquals("protect", v2.currentPhase(at("2027-04-01T09:05")).orElseThrow().id());
    assertEquals(List.of("pain-relieved"),
        v2.waitingFor(at("2027-04-01T09:05")).stream().map(Criterion::id).toList());
  }

  @Test
  void severeAlwaysAndHighEarlyPainAddTheReferralAdvice() {
    assertEquals(List.of("Severity severe: " + HAMSTRING.referral().orElseThrow().alwaysAdvice()),
        plan(Severity.SEVERE).referralReasons());
    Plan moderate = plan(Severity.MODERATE);
    assertEquals(List.of(), moderate.referralReasons());
    Plan v2 = Scheduler.replan(moderate, ProgressLog.of(
        CheckIn.of(at("2027-03-28T10:00"), 9, 10, List.of())), at("2027-03-28T10:05"));
    assertEquals(List.of("Check-in 2027-03-28 10:00, pain 9/10 at rest and 10/10 with activity: "
        + HAMSTRING.referral().orElseThrow().painAdvice()), v2.referralReasons());
    // The referral item itself is firm, on the day of the injury, at every severity.
    for (Severity severity : Severity.values()) {
      Session item = plan(severity).sessions().stream()
          .filter(s -> s.intervention().id().equals("see-clinician")).findFirst().orElseThrow();
      assertFalse(item.isConditional());
      assertEquals(LocalDate.of(2027, 3, 27), item.start().atZone(BERLIN).toLocalDate());
    }
  }

  @Test
  void theSetbackThresholdIsTheOneTheExerciseTextsTell() {
    for (Phase phase : HAMSTRING.phases()) {
      if (phase.setback().isEmpty()) {
        continue;
      }
      int threshold = phase.setback().get().painWithActivityAtLeast();
      for (String id : phase.interventionIds()) {
        Intervention i = HAMSTRING.intervention(id).orElseThrow();
        if (i.kind() == InterventionKind.STRETCH || i.kind() == InterventionKind.STRENGTHEN
            || i.kind() == InterventionKind.RETURN_TO_SPORT) {
          assertTrue(i.instructions().contains("If pain with activity reaches " + threshold
              + " out of 10 or more"), () -> id + " does not tell the setback threshold");
          assertFalse(i.instructions().contains("never hurt"), id);
        }
      }
    }
    // Pain with activity 5/10 in Restore now sets the person back.
    Plan plan = plan(Severity.MODERATE);
    Plan v2 = Scheduler.replan(plan, ProgressLog.of(
        CheckIn.of(at("2027-03-31T19:00"), 0, 1, List.of("pain-relieved")),
        CheckIn.of(at("2027-04-01T12:00"), 2, 5, List.of())), at("2027-04-01T12:00"));
    assertEquals(Adjustment.Kind.SET_BACK, v2.adjustments().get(1).kind());
  }
}
