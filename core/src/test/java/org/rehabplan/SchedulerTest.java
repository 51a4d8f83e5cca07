package org.rehabplan;

import static java.time.Duration.ofDays;
import static java.time.Duration.ofMinutes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** Worked examples of the scheduler's rules on known DST changes and unusual zones. */
class SchedulerTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private static Protocol single(Timing timing, int days) {
    return Protocol.builder("single").title("Single").condition("Any")
        .intervention(Intervention.builder("it").title("It").instructions("Do it").timing(timing)
            .build())
        .phase(Phase.builder("only").name("Only").goal("Goal").interventions("it")
            .durationForAll(DurationEstimate.ofDays(days, days, days)).build())
        .build();
  }

  private static List<LocalTime> localStarts(Plan plan, LocalDate date) {
    return plan.sessionsOn(date).stream()
        .map(s -> s.start().atZone(plan.zone()).toLocalTime()).toList();
  }

  @Test
  void icingRestartsAtWakeUpAndKeepsLocalTimesAcrossTheSpringDstNight() {
    Plan plan = Scheduler.plan(Protocols.hamstringStrain(), PlanRequest.builder()
        .injuredAt(ZonedDateTime.parse("2027-03-27T18:30+01:00[Europe/Berlin]")).build());
    List<LocalTime> ice = List.of(LocalTime.of(7, 0), LocalTime.of(8, 30), LocalTime.of(10, 0),
        LocalTime.of(11, 30), LocalTime.of(13, 0), LocalTime.of(14, 30), LocalTime.of(16, 0),
        LocalTime.of(17, 30), LocalTime.of(19, 0), LocalTime.of(20, 30));
    // Sunday 28 March 2027 is the day clocks go forward in Europe: the day is 23 hours long.
    assertEquals(ice, localStarts(plan, LocalDate.of(2027, 3, 28)));
    assertEquals(List.of(LocalTime.of(18, 30), LocalTime.of(20, 0), LocalTime.of(21, 30)),
        localStarts(plan, LocalDate.of(2027, 3, 27)));
    // The phase boundary keeps its wall-clock time: 4 local days after 18:30 is 18:30.
    assertEquals(ZonedDateTime.parse("2027-03-31T18:30+02:00[Europe/Berlin]").toInstant(),
        plan.phase("protect").orElseThrow().end());
  }

  @Test
  void dailySessionsKeepTheirWallClockTimesOverTheAutumnChange() {
    Plan plan = Scheduler.plan(single(Timing.timesPerDay(3, ofMinutes(20),
        Window.wholePhase()), 6), PlanRequest.builder()
        .injuredAt(ZonedDateTime.parse("2027-10-29T06:00+02:00[Europe/Berlin]")).build());
    // 07:00–22:00 in three equal parts of 5 h, each session in the middle of its part.
    List<LocalTime> expected = List.of(LocalTime.of(9, 20), LocalTime.of(14, 20),
        LocalTime.of(19, 20));
    for (LocalDate d = LocalDate.of(2027, 10, 29); d.isBefore(LocalDate.of(2027, 11, 4));
        d = d.plusDays(1)) {
      assertEquals(expected, localStarts(plan, d), d.toString());
    }
  }

  @Test
  void aLocalTimeInAGapMovesLaterByTheGapAndAnOverlapTakesTheFirstOccurrence() {
    Timing at0230 = Timing.atLocalTimes(List.of(LocalTime.of(2, 30)), ofMinutes(10),
        Window.wholePhase());
    Plan spring = Scheduler.plan(single(at0230, 3), PlanRequest.builder()
        .injuredAt(ZonedDateTime.parse("2027-03-27T00:00+01:00[Europe/Berlin]")).build());
    assertEquals(ZonedDateTime.parse("2027-03-28T03:30+02:00[Europe/Berlin]").toInstant(),
        spring.sessionsOn(LocalDate.of(2027, 3, 28)).get(0).start());
    Timing at0130 = Timing.atLocalTimes(List.of(LocalTime.of(1, 30)), ofMinutes(10),
        Window.wholePhase());
    Plan autumn = Scheduler.plan(single(at0130, 3), PlanRequest.builder()
        .injuredAt(ZonedDateTime.parse("2027-11-06T00:00-04:00[America/New_York]")).build());
    assertEquals(Instant.parse("2027-11-07T05:30:00Z"), // 01:30 EDT, the first 01:30
        autumn.sessionsOn(LocalDate.of(2027, 11, 7)).get(0).start());
  }

  @Test
  void nightShiftWakingHoursCrossMidnight() {
    Plan plan = Scheduler.plan(Protocols.hamstringStrain(), PlanRequest.builder()
        .injuredAt(ZonedDateTime.parse("2027-03-27T18:30+01:00[Europe/Berlin]"))
        .wakingHours(LocalTime.of(15, 0), LocalTime.of(7, 0)).build());
    for (Session s : plan.sessions()) {
      LocalTime start = s.start().atZone(BERLIN).toLocalTime();
      LocalTime end = s.end().atZone(BERLIN).toLocalTime();
      assertTrue(!start.isBefore(LocalTime.of(15, 0)) || start.isBefore(LocalTime.of(7, 0)),
          s::toString);
      assertTrue(!end.isAfter(LocalTime.of(7, 0)) || !end.isBefore(LocalTime.of(15, 0)),
          s::toString);
    }
    // Icing goes on past midnight, as the person is awake.
    assertEquals(List.of(LocalTime.of(0, 30), LocalTime.of(3, 0), LocalTime.of(4, 30),
            LocalTime.of(6, 0)),
        localStarts(plan, LocalDate.of(2027, 3, 28)).stream()
            .filter(t -> t.isBefore(LocalTime.of(7, 0))).toList(),
        "18:30, 20:00, 21:30, 23:00, 00:30, then 02:00 does not exist: 03:00 is 90 minutes on");
  }

  @Test
  void halfHourDstChangesOnLordHowe() {
    Plan plan = Scheduler.plan(single(Timing.atLocalTimes(List.of(LocalTime.of(9, 0)),
        ofMinutes(30), Window.wholePhase()), 3), PlanRequest.builder()
        .injuredAt(ZonedDateTime.parse("2027-04-03T12:00+11:00[Australia/Lord_Howe]")).build());
    // Clocks go back 30 minutes at 02:00 on 4 April 2027: +11:00 before, +10:30 after.
    assertEquals(List.of(
            Instant.parse("2027-04-03T22:30:00Z"), Instant.parse("2027-04-04T22:30:00Z"),
            Instant.parse("2027-04-05T22:30:00Z")),
        plan.sessions().stream().map(Session::start).toList());
  }

  @Test
  void planDoesNotDependOnTheDefaultZoneOrLocale() {
    PlanRequest request = PlanRequest.builder()
        .injuredAt(ZonedDateTime.parse("2027-03-27T18:30+01:00[Europe/Berlin]")).build();
    TimeZone zone = TimeZone.getDefault();
    Locale locale = Locale.getDefault();
    Plan reference = Scheduler.plan(Protocols.hamstringStrain(), request);
    try {
      for (String id : List.of("America/Los_Angeles", "Asia/Tokyo", "UTC")) {
        TimeZone.setDefault(TimeZone.getTimeZone(id));
        Locale.setDefault(Locale.forLanguageTag(id.startsWith("Asia") ? "ar-SA" : "de-DE"));
        Plan plan = Scheduler.plan(Protocols.hamstringStrain(), request);
        assertEquals(reference, plan);
        assertEquals(Agenda.of(reference).text(), Agenda.of(plan).text());
      }
    } finally {
      TimeZone.setDefault(zone);
      Locale.setDefault(locale);
    }
  }

  @Test
  void agendaIsReadableAndLocaleFree() {
    Plan plan = Scheduler.plan(Protocols.hamstringStrain(), PlanRequest.builder()
        .injuredAt(ZonedDateTime.parse("2027-03-27T18:30+01:00[Europe/Berlin]")).build());
    String agenda = Agenda.of(plan).days(LocalDate.of(2027, 3, 27), 1).text();
    for (String line : List.of(
        "Hamstring strain, moderate\n",
        "Injured Sat 27 Mar 2027 18:30 (Europe/Berlin), awake 07:00 to 22:00\n",
        "  Protect         Sat 27 Mar - Wed 31 Mar",
        "  Restore         Wed 31 Mar - Tue 6 Apr",
        "                  starts once pain-relieved\n",
        "  Strengthen      Tue 6 Apr - Sun 18 Apr",
        "  Return to sport Sun 18 Apr - Sun 25 Apr",
        "                  starts once healed\n",
        "Sat 27 Mar 2027\n",
        "  all day      Raise the leg when resting\n",
        "  all day      Avoid activities that hurt\n",
        "  all day      Support the thigh with a wrap\n",
        "  18:30-18:45  Ice the back of the thigh  [Protect]\n",
        "  20:00-20:15  Ice the back of the thigh  [Protect]\n",
        "  21:30-21:45  Ice the back of the thigh  [Protect]\n")) {
      assertTrue(agenda.contains(line), () -> "no \"" + line + "\" in\n" + agenda);
    }
    assertFalse(agenda.contains("Sun 28 Mar"), agenda);
    assertFalse(agenda.contains("Re-planned"), "a first plan has no progress section");
    // Elevation is 3 days of elapsed time: across the DST change that ends at 19:30 local.
    assertEquals(ofDays(3), plan.guidanceSpans().get(0).interval().duration());
  }

  @Test
  void dailySessionsOfDifferentInterventionsDoNotCollideWhereTheDayHasRoom() {
    Plan plan = Scheduler.plan(Protocols.hamstringStrain(), PlanRequest.builder()
        .injuredAt(ZonedDateTime.parse("2027-03-27T18:30+01:00[Europe/Berlin]")).build());
    List<Session> daily = plan.sessions().stream()
        .filter(s -> !s.intervention().id().equals("ice")).toList();
    for (int i = 1; i < daily.size(); i++) {
      assertTrue(!daily.get(i).start().isBefore(daily.get(i - 1).end()),
          daily.get(i - 1) + " and " + daily.get(i));
    }
  }
}
