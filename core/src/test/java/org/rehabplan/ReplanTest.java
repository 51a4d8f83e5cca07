package org.rehabplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rehabplan.rules.ScheduleRules;

/** Worked re-planning examples on the hamstring protocol (injured Sat 27 March 2027, Berlin). */
class ReplanTest {
  private static final Plan V1 = Scheduler.plan(Protocols.hamstringStrain(), PlanRequest.builder()
      .injuredAt(ZonedDateTime.parse("2027-03-27T18:30+01:00[Europe/Berlin]")).build());

  private static Instant at(String local) {
    return ZonedDateTime.parse(local + "+02:00[Europe/Berlin]").toInstant();
  }

  @Test
  void painRelievedEarlyStartsRestoreAtTheCheckIn() {
    // Pain relieved on Tue 30 March 09:00, after the 2-day minimum (Mon 29 18:30).
    CheckIn relieved = CheckIn.of(at("2027-03-30T09:00"), 1, 2, List.of("pain-relieved"));
    Plan v2 = Scheduler.replan(V1, ProgressLog.of(relieved), at("2027-03-30T09:05"));
    assertEquals(2, v2.version());
    assertEquals(at("2027-03-30T09:00"), v2.phase("restore").orElseThrow().start());
    assertFalse(v2.phase("restore").orElseThrow().isTentative(), "restore is under way");
    assertTrue(v2.phase("return-to-sport").orElseThrow().isTentative(), "still waits on healed");
    assertEquals(List.of("pain-relieved reported met: Restore begins 2027-03-30 09:00"),
        v2.adjustments().stream().map(Adjustment::reason).toList());
    // Stretching now starts on Tue 30 March instead of Thu 1 April.
    Session firstStretch = v2.sessions().stream()
        .filter(s -> s.intervention().id().equals("gentle-stretch")).findFirst().orElseThrow();
    assertEquals(at("2027-03-30T10:40"), firstStretch.start());
    assertEquals("gentle-stretch/restore/1", firstStretch.id());
    PlanDiff diff = PlanDiff.between(V1, v2);
    assertTrue(diff.moved().stream().anyMatch(m -> m.after().id().equals(firstStretch.id())));
    assertTrue(diff.cancelled().stream().allMatch(s -> !s.start().isBefore(at("2027-03-30T09:05"))));
    ScheduleRules.standard().assertKeptBy(v2);
    String progress = Agenda.of(v2).since(V1).progress().orElseThrow();
    assertTrue(progress.startsWith("Re-planned Tue 30 Mar 2027 09:05 from 1 check-in(s)"
        + " (version 2)\n  Now in: Restore\n  Reported met: pain-relieved\n"
        + "  pain-relieved reported met: Restore begins 2027-03-30 09:00\n"
        + "  Changed since version 1: "), progress);
    assertTrue(Agenda.of(V1).progress().isEmpty());
  }

  @Test
  void painReportedBeforeTheMinimumTimeWaitsForIt() {
    CheckIn relieved = CheckIn.of(at("2027-03-28T20:00"), 0, 1, List.of("pain-relieved"));
    Plan v2 = Scheduler.replan(V1, ProgressLog.of(relieved), at("2027-03-28T20:00"));
    assertEquals(at("2027-03-29T18:30"), v2.phase("restore").orElseThrow().start());
  }

  @Test
  void tooMuchPainInRestoreSendsThePersonBackToProtect() {
    ProgressLog log = ProgressLog.of(
        CheckIn.of(at("2027-03-30T09:00"), 1, 2, List.of("pain-relieved")),
        CheckIn.of(at("2027-03-31T12:00"), 3, 7, List.of()).withNote("Sharp pain when jogging"));
    Plan v2 = Scheduler.replan(V1, log, at("2027-03-31T12:00"));
    List<String> phases = v2.phases().stream().map(PlannedPhase::id).toList();
    assertEquals(List.of("protect", "restore", "protect", "restore", "strengthen",
        "return-to-sport"), phases);
    assertEquals("Check-in 2027-03-31 12:00: pain with activity 7/10 (setback at 6): back to"
        + " Protect for at least 2 d", v2.adjustments().get(1).reason());
    // Back in protect, waiting on pain-relieved again: restore is projected from the 2 days.
    PlannedPhase protectAgain = v2.phases().get(2);
    assertEquals(at("2027-03-31T12:00"), protectAgain.start());
    assertTrue(v2.phases().get(3).isTentative());
    assertTrue(v2.sessions().stream().anyMatch(s -> s.id().equals("check-pain/protect/3")),
        "self-checks continue in the second protect occurrence");
    ScheduleRules.standard().assertKeptBy(v2);
  }

  @Test
  void checkInsAreValidatedAtTheBoundary() {
    CheckIn later = CheckIn.of(at("2027-03-30T09:00"), 1, 2, List.of());
    IllegalArgumentException e = assertThrows(PlanningException.class,
        () -> Scheduler.replan(V1, ProgressLog.of(later), at("2027-03-29T09:00")));
    assertEquals("the check-in at 2027-03-30 09:00 is after now (2027-03-29 09:00)",
        e.getMessage());
    CheckIn beforeInjury = CheckIn.of(Instant.parse("2027-03-27T17:00:00Z"), 1, 2, List.of());
    e = assertThrows(PlanningException.class,
        () -> Scheduler.replan(V1, ProgressLog.of(beforeInjury), at("2027-03-29T09:00")));
    assertEquals("the check-in at 2027-03-27 18:00 is before the injury (2027-03-27 18:30)",
        e.getMessage());
    e = assertThrows(PlanningException.class,
        () -> Scheduler.replan(V1, ProgressLog.empty(), Instant.parse("2027-03-27T17:00:00Z")));
    assertEquals("now (2027-03-27 18:00) is before the injury (2027-03-27 18:30)", e.getMessage());
    e = assertThrows(PlanningException.class, () -> ProgressLog.of(later, later));
    assertEquals("two check-ins at the same instant 2027-03-30T07:00:00Z", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> CheckIn.of(at("2027-03-30T09:00"), 11, 2, List.of()));
    assertEquals("painAtRest must be between 0 and 10: 11", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> CheckIn.of(at("2027-03-30T09:00"), 1, 2, List.of("Pain relieved")));
    assertTrue(e.getMessage().startsWith("criterion id must be lower-case kebab-case"));
  }
}
