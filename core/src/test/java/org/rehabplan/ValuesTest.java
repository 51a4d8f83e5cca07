package org.rehabplan;

import static java.time.Duration.ZERO;
import static java.time.Duration.ofDays;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.testing.EqualsTester;
import com.google.common.testing.NullPointerTester;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Equality, hashing, null-hostility, copying and with-ers of the value types. */
class ValuesTest {
  private static final Instant T0 = Instant.parse("2027-03-27T17:30:00Z");

  @Test
  void intervalsAreHalfOpenValues() {
    Interval a = Interval.of(T0, ofHours(1));
    new EqualsTester()
        .addEqualityGroup(a, Interval.of(T0, T0.plus(ofHours(1))), Interval.parse(a.toString()))
        .addEqualityGroup(Interval.of(T0, ofHours(2)))
        .addEqualityGroup(Interval.of(T0.plusSeconds(1), ofHours(1)))
        .testEquals();
    assertEquals("2027-03-27T17:30:00Z/2027-03-27T18:30:00Z", a.toString());
    assertTrue(a.contains(T0));
    assertFalse(a.contains(a.endExclusive()));
    assertFalse(a.overlaps(Interval.of(a.endExclusive(), ofHours(1))));
    assertTrue(a.overlaps(Interval.of(a.endExclusive().minusNanos(1), ofHours(1))));
    assertTrue(Interval.of(T0, ZERO).isEmpty());
    Interval later = a.withStart(T0.plus(ofMinutes(30)));
    assertEquals(ofMinutes(30), later.duration());
    assertEquals(ofHours(1), a.duration(), "with-ers leave the original unchanged");
  }

  @Test
  void timingVariantsAreValues() {
    Spacing range = Spacing.between(ofHours(1), ofHours(2));
    assertEquals(ofMinutes(90), range.preferred());
    new EqualsTester()
        .addEqualityGroup(
            Timing.every(ofMinutes(15), range, Window.afterInjury(ofHours(6), ofDays(2))),
            new Timing.Repeating(ofMinutes(15), range, Window.afterInjury(ofHours(6), ofDays(2)),
                true))
        .addEqualityGroup(
            Timing.every(ofMinutes(15), range, Window.afterInjury(ofHours(6), ofDays(2)))
                .withWakingHoursOnly(false))
        .addEqualityGroup(Timing.timesPerDay(2, ofMinutes(10), Window.wholePhase()))
        .addEqualityGroup(Timing.timesPerDay(2, ofMinutes(10), Window.wholePhase())
            .onDays(List.of(DayOfWeek.MONDAY)))
        .addEqualityGroup(
            Timing.atLocalTimes(List.of(LocalTime.of(9, 0), LocalTime.NOON), ofMinutes(5),
                Window.wholePhase()),
            Timing.atLocalTimes(List.of(LocalTime.NOON, LocalTime.of(9, 0)), ofMinutes(5),
                Window.wholePhase()))
        .addEqualityGroup(Timing.continuous(Window.wholePhase()))
        .addEqualityGroup(Timing.once(Anchor.PHASE_START, ofDays(2), ofMinutes(5)))
        .addEqualityGroup(Timing.relativeTo(List.of("run"), ofMinutes(-10), ofMinutes(10)))
        .addEqualityGroup(Timing.asNeeded())
        .addEqualityGroup(Timing.asNeeded(ofHours(4), 3))
        .testEquals();
  }

  @Test
  void collectionsAreCopiedOnTheWayIn() {
    List<LocalTime> times = new ArrayList<>(List.of(LocalTime.of(9, 0)));
    Timing.AtLocalTimes timing = Timing.atLocalTimes(times, ofMinutes(5), Window.wholePhase());
    times.add(LocalTime.NOON);
    assertEquals(List.of(LocalTime.of(9, 0)), timing.times());
    EnumSet<DayOfWeek> days = EnumSet.of(DayOfWeek.MONDAY);
    Timing.TimesPerDay perDay = Timing.timesPerDay(1, ofMinutes(5), Window.wholePhase())
        .onDays(days);
    days.add(DayOfWeek.TUESDAY);
    assertEquals(EnumSet.of(DayOfWeek.MONDAY), perDay.days());
    assertThrows(UnsupportedOperationException.class, () -> perDay.days().clear());
    assertThrows(UnsupportedOperationException.class,
        () -> Protocols.hamstringStrain().phases().clear());
  }

  @Test
  void modelTypesAreValuesAndCopiesViaBuildersAreEqual() {
    Protocol protocol = Protocols.hamstringStrain();
    Intervention ice = protocol.intervention("ice").orElseThrow();
    Phase protect = protocol.phase("protect").orElseThrow();
    new EqualsTester()
        .addEqualityGroup(ice, ice.toBuilder().build())
        .addEqualityGroup(ice.toBuilder().title("Ice it").build())
        .addEqualityGroup(ice.toBuilder().kind(InterventionKind.OTHER).build())
        .testEquals();
    new EqualsTester()
        .addEqualityGroup(protect, protect.toBuilder().build())
        .addEqualityGroup(protect.toBuilder().name("Shield").build())
        .addEqualityGroup(protect.toBuilder().exitGate(ExitGate.afterTime(ofDays(1))).build())
        .testEquals();
    assertNotSame(ice, ice.toBuilder().build());
  }

  @Test
  void requestsAndPlansAreValues() {
    ZonedDateTime injury = ZonedDateTime.parse("2027-03-27T18:30+01:00[Europe/Berlin]");
    PlanRequest request = PlanRequest.builder().injuredAt(injury).build();
    assertEquals(Severity.MODERATE, request.severity());
    assertEquals(WakingHours.DEFAULT, request.wakingHours());
    PlanRequest severe = request.withSeverity(Severity.SEVERE);
    assertEquals(Severity.MODERATE, request.severity(), "with-ers leave the original unchanged");
    new EqualsTester()
        .addEqualityGroup(request, request.toBuilder().build(),
            PlanRequest.builder().injuredAt(injury).severity(Severity.MODERATE)
                .wakingHours(LocalTime.of(7, 0), LocalTime.of(22, 0)).build())
        .addEqualityGroup(severe)
        .addEqualityGroup(request.withWakingHours(WakingHours.of(LocalTime.of(15, 0),
            LocalTime.of(7, 0))))
        .addEqualityGroup(PlanRequest.builder()
            .injuredAt(injury.withZoneSameInstant(ZoneId.of("Europe/Paris"))).build())
        .testEquals();
    Protocol protocol = Protocols.hamstringStrain();
    new EqualsTester()
        .addEqualityGroup(Scheduler.plan(protocol, request), Scheduler.plan(protocol, request))
        .addEqualityGroup(Scheduler.plan(protocol, severe))
        .testEquals();
  }

  @Test
  void wakingHoursMayCrossMidnight() {
    WakingHours night = WakingHours.of(LocalTime.of(15, 0), LocalTime.of(7, 0));
    assertTrue(night.crossesMidnight());
    assertEquals(ofHours(16), night.length());
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    // The night of the spring DST change is one hour shorter.
    Interval window = night.windowStartingOn(LocalDate.of(2027, 3, 27), berlin);
    assertEquals(Instant.parse("2027-03-27T14:00:00Z"), window.start());
    assertEquals(Instant.parse("2027-03-28T05:00:00Z"), window.endExclusive());
    assertEquals(ofHours(15), window.duration());
  }

  @Test
  void publicApiRejectsNullsNamingTheArgument() {
    NullPointerTester tester = new NullPointerTester()
        .setDefault(java.time.Duration.class, ofMinutes(5))
        .setDefault(Window.class, Window.wholePhase())
        .setDefault(Spacing.class, Spacing.exactly(ofHours(1)))
        .setDefault(Instant.class, T0)
        .setDefault(ZonedDateTime.class, T0.atZone(ZoneId.of("UTC")))
        .setDefault(Protocol.class, Protocols.hamstringStrain())
        .setDefault(PlanRequest.class,
            PlanRequest.builder().injuredAt(T0.atZone(ZoneId.of("UTC"))).build())
        .setDefault(Criterion.class, Criterion.of("c", "C?"))
        .setDefault(String.class, "an-id")
        .setDefault(int.class, 1)
        .setDefault(DurationEstimate.class, DurationEstimate.ofDays(1, 2, 3))
        .setDefault(ExitGate.class, ExitGate.afterTime(ZERO))
        .setDefault(Timing.class, Timing.asNeeded())
        .setDefault(Intervention.class, Protocols.hamstringStrain().interventions().get(0))
        .setDefault(Phase.class, Protocols.hamstringStrain().phases().get(0))
        .setDefault(ProgressLog.class, ProgressLog.empty())
        .setDefault(SetbackRule.class, SetbackRule.hold(7, java.time.Duration.ofDays(1)))
        .setDefault(CheckIn.class, CheckIn.of(T0, 0, 0, List.of()))
        .setDefault(Plan.class, Scheduler.plan(Protocols.hamstringStrain(),
            PlanRequest.builder().injuredAt(T0.atZone(ZoneId.of("UTC"))).build()));
    for (Class<?> type : List.of(Interval.class, Timing.class, Window.class, Spacing.class,
        ExitGate.class, Criterion.class, Provenance.class, WakingHours.class,
        DurationEstimate.class, HumanDurations.class, Scheduler.class, Protocols.class,
        CheckIn.class, ProgressLog.class, SetbackRule.class, PlanDiff.class)) {
      tester.testAllPublicStaticMethods(type);
    }
    tester.testAllPublicInstanceMethods(Interval.of(T0, ofHours(1)));
    tester.testAllPublicInstanceMethods(Protocols.hamstringStrain());
    tester.testAllPublicInstanceMethods(Scheduler.plan(Protocols.hamstringStrain(),
        PlanRequest.builder().injuredAt(T0.atZone(ZoneId.of("UTC"))).build()));
    tester.testAllPublicInstanceMethods(PlanRequest.builder());
    tester.testAllPublicInstanceMethods(Intervention.builder("x"));
    tester.testAllPublicInstanceMethods(Phase.builder("x"));
    tester.testAllPublicInstanceMethods(Protocol.builder("x"));
  }

}
