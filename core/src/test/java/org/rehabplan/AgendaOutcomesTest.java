package org.rehabplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The agenda's day list marks exactly the sessions that have an outcome, with its local time. */
class AgendaOutcomesTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final LocalDate DAY = LocalDate.of(2027, 3, 28); // the day DST starts in Berlin

  private static Plan plan() {
    return Scheduler.plan(Protocols.hamstringStrain(), PlanRequest.builder()
        .injuredAt(ZonedDateTime.of(LocalDateTime.parse("2027-03-27T18:30"), BERLIN)).build());
  }

  /** The firm sessions listed under {@link #DAY}. */
  private static List<Session> firmSessionsOfTheDay(Plan plan) {
    List<Session> out = new ArrayList<>();
    for (Session s : plan.sessionsBetween(DAY.atStartOfDay(BERLIN).toInstant(),
        DAY.plusDays(1).atStartOfDay(BERLIN).toInstant())) {
      if (!s.isConditional()) {
        out.add(s);
      }
    }
    return out;
  }

  @Test
  void aDoneSessionShowsItsTimeAndNoteAndASkippedOneItsTime() {
    Plan plan = plan();
    List<Session> day = firmSessionsOfTheDay(plan);
    Session first = day.get(0);
    Session second = day.get(1);
    OutcomeLog log = OutcomeLog.empty()
        .with(SessionOutcome.done(first.id(), first.start().plusSeconds(600))
            .withNote("felt cold"))
        .with(SessionOutcome.skipped(second.id(), second.end().plusSeconds(60)));
    String text = Agenda.of(plan).days(DAY, 1).outcomes(log).sessions();
    String firstTime = first.start().plusSeconds(600).atZone(BERLIN).toLocalTime().toString();
    String secondTime = second.end().plusSeconds(60).atZone(BERLIN).toLocalTime().toString();
    assertTrue(text.contains("(done " + firstTime + ")\n"), text);
    assertTrue(text.contains("note: felt cold\n"), text);
    assertTrue(text.contains("(skipped " + secondTime + ")\n"), text);
  }

  @Property(tries = 50)
  void exactlyTheSessionsWithAnOutcomeAreMarked(
      @ForAll @IntRange(min = 0, max = 1023) int doneBits,
      @ForAll @IntRange(min = 0, max = 1023) int skippedBits) {
    Plan plan = plan();
    List<Session> day = firmSessionsOfTheDay(plan);
    OutcomeLog log = OutcomeLog.empty();
    int done = 0;
    int skipped = 0;
    for (int i = 0; i < day.size() && i < 10; i++) {
      Session s = day.get(i);
      if ((doneBits & (1 << i)) != 0) {
        log = log.with(SessionOutcome.done(s.id(), s.end()));
        done++;
      } else if ((skippedBits & (1 << i)) != 0) {
        log = log.with(SessionOutcome.skipped(s.id(), s.end()));
        skipped++;
      }
    }
    String text = Agenda.of(plan).days(DAY, 1).now(day.get(day.size() - 1).end())
        .outcomes(log).sessions();
    assertEquals(done, count(text, "(done "), text);
    assertEquals(skipped, count(text, "(skipped "), text);
    // Every other firm session of the day is over at that moment, so it is marked past.
    assertEquals(day.size() - done - skipped, count(text, "(past)"), text);
    for (SessionOutcome o : log.outcomes()) {
      Session s = day.stream().filter(x -> x.id().equals(o.sessionId())).findFirst().orElseThrow();
      String line = text.lines().filter(l -> l.contains(s.intervention().title())
          && l.startsWith("  " + s.start().atZone(BERLIN).toLocalTime())).findFirst()
          .orElseThrow(() -> new AssertionError("no line for " + s + " in\n" + text));
      assertTrue(line.contains(o.status() == SessionOutcome.Status.DONE ? "(done " : "(skipped "),
          line);
    }
  }

  @Test
  void adherenceIsCountedWithinThePlanWhateverTheMomentGiven() {
    Plan plan = plan();
    Session first = firmSessionsOfTheDay(plan).get(0);
    OutcomeLog log = OutcomeLog.empty().with(SessionOutcome.done(first.id(), first.end()));
    String before = Agenda.of(plan).now(java.time.Instant.MIN).outcomes(log).adherence()
        .orElseThrow();
    assertTrue(before.startsWith("So far: sessions started before Sat 27 Mar 2027 18:30\n"),
        before);
    assertEquals(List.of("0", "0", "0", "0", "-"), cells(before, "All sessions"), before);
    String after = Agenda.of(plan).now(java.time.Instant.MAX).outcomes(log).adherence()
        .orElseThrow();
    long firm = plan.sessions().stream().filter(s -> !s.isConditional()).count();
    assertEquals(List.of("1", "0", String.valueOf(firm - 1), String.valueOf(firm),
        String.valueOf(100 / firm)), cells(after, "All sessions"), after);
  }

  /** The numbers of the adherence row labelled {@code label}. */
  private static List<String> cells(String adherence, String label) {
    String row = adherence.lines().filter(l -> l.startsWith("  " + label + " ")).findFirst()
        .orElseThrow(() -> new AssertionError("no row " + label + " in\n" + adherence));
    return List.of(row.substring(2 + label.length()).trim().split(" +"));
  }

  private static int count(String text, String what) {
    int n = 0;
    for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }
}
