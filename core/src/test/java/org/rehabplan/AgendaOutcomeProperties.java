package org.rehabplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.Provide;
import org.rehabplan.testing.RehabArbitraries;

/**
 * The agenda's outcome marks and adherence over random plans (random protocols, zones, DST days,
 * night shifts) and random outcome logs: every listed session with an outcome is marked with its
 * status and local time, no other session is; the adherence totals count the firm sessions
 * started so far; outcomes of sessions the plan no longer has are counted, not lost; the text does
 * not depend on the order the outcomes were recorded in.
 *
 * <p>Without combined edge cases: the plans' own, with the logs' and the moments', outnumber the
 * tries (jqwik would print a message on each run).
 */
@PropertyDefaults(edgeCases = EdgeCasesMode.NONE)
class AgendaOutcomeProperties {
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
  private static final Pattern MARK =
      Pattern.compile("\\((done|skipped) \\d\\d:\\d\\d( [A-Z][a-z]{2} \\d{1,2} [A-Z][a-z]{2})?\\)");

  /** A random outcome for a session chosen by {@code pick} (a share of the plan's sessions). */
  record Draw(double pick, boolean done, long minutesAfterStart, Optional<String> note) {}

  record Case(Plan plan, List<SessionOutcome> outcomes, int gone, Instant now) {}

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<Draw> draws = Combinators.combine(
        Arbitraries.doubles().between(0, 1), Arbitraries.of(true, false),
        Arbitraries.longs().between(-60, 3 * 24 * 60),
        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12).optional())
        .as(Draw::new);
    return RehabArbitraries.plans().flatMap(plan -> Combinators.combine(
            draws.list().ofMaxSize(40), Arbitraries.integers().between(0, 2),
            Arbitraries.doubles().between(0, 1.2))
        .as((list, gone, when) -> {
          List<Session> sessions = plan.sessions();
          List<SessionOutcome> outcomes = new ArrayList<>();
          java.util.Set<String> used = new java.util.HashSet<>();
          for (Draw d : list) {
            if (sessions.isEmpty()) {
              break;
            }
            Session s = sessions.get((int) Math.min(sessions.size() - 1,
                (long) (d.pick() * sessions.size())));
            if (!used.add(s.id())) {
              continue;
            }
            Instant at = s.start().plus(Duration.ofMinutes(d.minutesAfterStart()));
            SessionOutcome o = d.done() ? SessionOutcome.done(s.id(), at)
                : SessionOutcome.skipped(s.id(), at);
            outcomes.add(d.note().map(o::withNote).orElse(o));
          }
          // Outcomes of sessions a re-plan dropped: ids this plan does not have.
          Instant start = plan.interval().start();
          for (int i = 0; i < gone; i++) {
            outcomes.add(SessionOutcome.done("dropped/session/" + i, start.plusSeconds(60L * i)));
          }
          long span = Duration.between(start, plan.interval().endExclusive()).toMinutes();
          return new Case(plan, outcomes, gone,
              start.plus(Duration.ofMinutes((long) (when * span))));
        }));
  }

  private static Agenda agenda(Case c, OutcomeLog log) {
    return Agenda.of(c.plan()).now(c.now()).outcomes(log);
  }

  @Property(tries = 150)
  void exactlyTheSessionsWithAnOutcomeAreMarkedWithTheirLocalTime(@ForAll("cases") Case c) {
    Plan plan = c.plan();
    String sessions = agenda(c, OutcomeLog.of(c.outcomes())).sessions();
    List<String> expected = new ArrayList<>();
    for (SessionOutcome o : c.outcomes()) {
      Optional<Session> session = plan.sessions().stream()
          .filter(s -> s.id().equals(o.sessionId())).findFirst();
      if (session.isEmpty()) {
        continue;
      }
      ZonedDateTime at = o.at().atZone(plan.zone());
      LocalDate day = session.get().start().atZone(plan.zone()).toLocalDate();
      expected.add("(" + (o.status() == SessionOutcome.Status.DONE ? "done" : "skipped") + " "
          + HH_MM.format(at) + (at.toLocalDate().equals(day) ? "" : " " + DAY.format(at)) + ")");
      o.note().ifPresent(n -> assertTrue(sessions.contains("note: " + n + "\n"), n));
    }
    List<String> actual = new ArrayList<>();
    Matcher m = MARK.matcher(sessions);
    while (m.find()) {
      actual.add(m.group());
    }
    Collections.sort(expected);
    Collections.sort(actual);
    assertEquals(expected, actual, sessions);
  }

  @Property(tries = 150)
  void adherenceCountsTheFirmSessionsStartedSoFarAndKeepsDroppedOutcomes(
      @ForAll("cases") Case c) {
    Plan plan = c.plan();
    OutcomeLog log = OutcomeLog.of(c.outcomes());
    String text = agenda(c, log).adherence().orElseThrow();
    int due = 0;
    int done = 0;
    int skipped = 0;
    for (Session s : plan.sessions()) {
      if (s.isConditional() || s.start().isBefore(plan.interval().start())
          || !s.start().isBefore(c.now())) {
        continue;
      }
      due++;
      Optional<SessionOutcome> o = log.outcome(s.id());
      done += o.filter(x -> x.status() == SessionOutcome.Status.DONE).isPresent() ? 1 : 0;
      skipped += o.filter(x -> x.status() == SessionOutcome.Status.SKIPPED).isPresent() ? 1 : 0;
    }
    String all = text.lines().filter(l -> l.startsWith("  All sessions ")).findFirst()
        .orElseThrow(() -> new AssertionError(text));
    List<String> cells = List.of(all.substring("  All sessions".length()).trim().split(" +"));
    assertEquals(List.of(String.valueOf(done), String.valueOf(skipped),
        String.valueOf(due - done - skipped), String.valueOf(due),
        due == 0 ? "-" : String.valueOf(100L * done / due)), cells, text);
    // The table's columns line up: every row as long as the header.
    List<String> table = text.lines().skip(1)
        .takeWhile(l -> !l.startsWith("  " + c.gone() + " outcome")).toList();
    for (String row : table) {
      assertEquals(table.get(0).length(), row.length(), text);
    }
    if (c.gone() == 0) {
      assertFalse(text.contains("no longer has"), text);
    } else {
      assertTrue(text.contains("\n  " + c.gone() + (c.gone() == 1 ? " outcome is for a session"
          : " outcomes are for sessions")
          + " this version of the plan no longer has"), text);
    }
  }

  @Property(tries = 100)
  void theTextDoesNotDependOnTheOrderOutcomesWereRecordedIn(@ForAll("cases") Case c) {
    List<SessionOutcome> reversed = new ArrayList<>(c.outcomes());
    Collections.reverse(reversed);
    String text = agenda(c, OutcomeLog.of(c.outcomes())).text();
    assertEquals(text, agenda(c, OutcomeLog.of(reversed)).text());
    assertEquals(text, agenda(c, OutcomeLog.of(c.outcomes())).text());
  }
}
