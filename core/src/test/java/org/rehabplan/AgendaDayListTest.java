package org.rehabplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The agenda's day list: past and current sessions marked, night-shift waking periods kept. */
class AgendaDayListTest {
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
  private static final DateTimeFormatter HEADING =
      DateTimeFormatter.ofPattern("EEE d MMM uuuu", Locale.ENGLISH);

  private static Plan plan(String injuredAt, String zone, WakingHours awake) {
    return Scheduler.plan(Protocols.hamstringStrain(), PlanRequest.builder()
        .injuredAt(ZonedDateTime.of(LocalDateTime.parse(injuredAt), ZoneId.of(zone)))
        .wakingHours(awake).build());
  }

  /** The lines under the heading of {@code date}, up to the next blank line. */
  private static List<String> block(String sessions, LocalDate date) {
    List<String> lines = List.of(sessions.split("\n", -1));
    int at = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(HEADING.format(date))) {
        at = i;
      }
    }
    assertTrue(at >= 0, "no heading for " + date + " in\n" + sessions);
    List<String> out = new ArrayList<>();
    for (int i = at + 1; i < lines.size() && !lines.get(i).isEmpty(); i++) {
      out.add(lines.get(i));
    }
    return out;
  }

  @Test
  void aNightShiftWakingPeriodStaysUnderTheEveningsDate() {
    WakingHours night = WakingHours.of(LocalTime.of(21, 0), LocalTime.of(5, 45));
    Plan plan = plan("2027-03-10T22:00", "UTC", night);
    String sessions = Agenda.of(plan).days(LocalDate.of(2027, 3, 10), 5).sessions();
    ZoneId utc = ZoneId.of("UTC");
    for (LocalDate day = LocalDate.of(2027, 3, 11); day.isBefore(LocalDate.of(2027, 3, 14));
        day = day.plusDays(1)) {
      LocalDate date = day;
      // Every firm session of the waking period from date 21:00 to the next day 05:45 is listed
      // under date: those after midnight below an "after midnight" line; none under the next date.
      Instant wake = date.atTime(21, 0).atZone(utc).toInstant();
      Instant nextWake = wake.plus(Duration.ofDays(1));
      List<String> block = block(sessions, date);
      String marker = "  after midnight (" + DateTimeFormatter.ofPattern("EEE d MMM",
          Locale.ENGLISH).format(date.plusDays(1)) + "):";
      int afterMidnight = 0;
      for (Session s : plan.sessionsBetween(wake, nextWake)) {
        if (s.isConditional()) {
          continue;
        }
        ZonedDateTime start = s.start().atZone(utc);
        boolean nextDay = start.toLocalDate().isAfter(date);
        String time = "  " + HH_MM.format(start) + "-" + HH_MM.format(s.end().atZone(utc));
        int at = block.indexOf(block.stream().filter(l -> l.startsWith(time)
            && l.contains(s.intervention().title())).findFirst().orElseThrow(
                () -> new AssertionError(s + " not under " + date + ":\n"
                    + String.join("\n", block))));
        // Those after midnight come after the marker line, the evening's before it.
        int markerAt = block.indexOf(marker);
        if (nextDay) {
          afterMidnight++;
          assertTrue(markerAt >= 0 && markerAt < at, s + " not after " + marker);
          assertFalse(block(sessions, date.plusDays(1)).stream().takeWhile(
              l -> !l.startsWith("  after midnight")).anyMatch(l -> l.startsWith(time)),
              s + " under the next date");
        } else {
          assertTrue(markerAt < 0 || at < markerAt, s + " after " + marker);
        }
      }
      assertTrue(afterMidnight > 0, "the night shift has sessions after midnight on " + date);
    }
  }

  @Test
  void dayTimeHoursStillGroupByCalendarDate() {
    Plan plan = plan("2027-03-27T18:30", "Europe/Berlin", WakingHours.DEFAULT);
    LocalDate day = LocalDate.of(2027, 3, 29);
    List<String> block = block(Agenda.of(plan).days(day, 1).sessions(), day);
    for (Session s : plan.sessionsOn(day)) {
      if (!s.isConditional()) {
        String time = HH_MM.format(s.start().atZone(plan.zone())) + "-";
        assertTrue(block.stream().anyMatch(l -> l.startsWith("  " + time)), s.toString());
      }
    }
  }

  @Test
  void sessionsOverAreMarkedPastAndTheOneUnderWayNow() {
    Plan plan = plan("2027-03-27T18:30", "Europe/Berlin", WakingHours.DEFAULT);
    LocalDate day = LocalDate.of(2027, 3, 29);
    List<Session> firm = plan.sessionsOn(day).stream().filter(s -> !s.isConditional()).toList();
    assertTrue(firm.size() >= 3, firm.toString());
    Session current = firm.get(firm.size() / 2);
    Instant now = current.start().plus(Duration.ofMinutes(1));
    assertTrue(current.end().isAfter(now));
    List<String> block = block(Agenda.of(plan).days(day, 1).now(now).sessions(), day);
    for (Session s : firm) {
      String head = "  " + HH_MM.format(s.start().atZone(plan.zone())) + "-"
          + HH_MM.format(s.end().atZone(plan.zone()));
      String line = block.stream().filter(l -> l.startsWith(head)
          && l.contains(s.intervention().title())).findFirst().orElseThrow();
      String expected = !s.end().isAfter(now) ? "  (past)" : s == current ? "  (now)" : "]";
      assertTrue(line.endsWith(expected), line + " should end with " + expected);
    }
    String without = Agenda.of(plan).days(day, 1).sessions();
    assertFalse(without.contains("(past)") || without.contains("(now)"), without);
    assertEquals(without, Agenda.of(plan).days(day, 1).now(Instant.parse("2027-01-01T00:00:00Z"))
        .sessions());
  }
}
