package org.rehabplan.rules;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.rehabplan.Anchor;
import org.rehabplan.Criterion;
import org.rehabplan.HumanDurations;
import org.rehabplan.Interval;
import org.rehabplan.Plan;
import org.rehabplan.PlannedPhase;
import org.rehabplan.Session;
import org.rehabplan.Timing;
import org.rehabplan.WakingHours;
import org.rehabplan.Window;

/**
 * The built-in schedule rules: everything the {@link org.rehabplan.Scheduler} promises, bundled
 * by {@link #standard()}, and parameterised rules for a team's own policies.
 *
 * <p>In a re-planned plan, sessions that started before {@link Plan#asOf()} are history: they were
 * planned by an earlier version and are kept as they were, so the rules of {@link #standard()}
 * other than {@link #noOverlap()} do not judge them. After a setback a phase occurs more than
 * once; a session belongs to the occurrence of its phase that contains its start ({@link
 * Plan#phaseOf(Session)}).
 */
public final class ScheduleRules {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT);

  private ScheduleRules() {}

  /**
   * Every rule the scheduler promises: {@link #noOverlap()}, {@link #exactSessionLength()},
   * {@link #gapsWithinSpacing()}, {@link #withinWakingHours()}, {@link
   * #insidePhaseAndWindow()}, {@link #criterionOrder()} and {@link #localTimesAsWritten()}.
   *
   * @return the seven rules as one; a plan from {@link org.rehabplan.Scheduler} keeps it
   */
  public static ScheduleRule standard() {
    return allOf(noOverlap(), exactSessionLength(), gapsWithinSpacing(),
        withinWakingHours(), insidePhaseAndWindow(), criterionOrder(), localTimesAsWritten());
  }

  /**
   * A rule that reports the violations of every rule given, in order.
   *
   * @param rules the rules, at least one
   * @return a rule named after all of them, listing their violations in the order given
   * @throws IllegalArgumentException if {@code rules} is empty
   */
  public static ScheduleRule allOf(ScheduleRule... rules) {
    ImmutableList<ScheduleRule> all = ImmutableList.copyOf(rules);
    checkArgument(!all.isEmpty(), "allOf needs at least one rule");
    return all.stream().reduce(ScheduleRule::and).orElseThrow();
  }

  // ------------------------------------------------------------------ what the scheduler promises

  /**
   * Sessions of one intervention never overlap.
   *
   * @return the rule {@code no-overlap}
   */
  public static ScheduleRule noOverlap() {
    String name = "no-overlap";
    return ScheduleRule.of(name, plan -> {
      List<Violation> out = new ArrayList<>();
      for (List<Session> series : byIntervention(plan).values()) {
        for (int i = 1; i < series.size(); i++) {
          Session a = series.get(i - 1);
          Session b = series.get(i);
          if (b.start().isBefore(a.end())) {
            out.add(Violation.of(name, String.format(Locale.ROOT,
                "%s at %s overlaps the one at %s, which lasts until %s", label(a),
                when(plan, b.start()), when(plan, a.start()), when(plan, a.end())), a, b));
          }
        }
      }
      return out;
    });
  }

  /**
   * Every session lasts exactly its timing's session length.
   *
   * @return the rule {@code exact-session-length}
   */
  public static ScheduleRule exactSessionLength() {
    String name = "exact-session-length";
    return ScheduleRule.of(name, plan -> {
      List<Violation> out = new ArrayList<>();
      for (Session s : plan.sessions()) {
        Optional<Duration> length = s.intervention().timing().duration();
        if (plan.isHistory(s)) {
          continue;
        }
        if (length.isEmpty() || !length.get().equals(s.duration())) {
          out.add(Violation.of(name, String.format(Locale.ROOT,
              "%s at %s lasts %s; the protocol asks for %s", label(s), when(plan, s.start()),
              HumanDurations.format(s.duration()),
              length.map(HumanDurations::format).orElse("no timed sessions")), s));
        }
      }
      return out;
    });
  }

  /**
   * Consecutive sessions of a {@link Timing.Repeating} intervention start at least its minimum
   * interval apart, and at most its maximum interval apart while the person is awake (within one
   * waking window, or through the night for series that run day and night).
   *
   * @return the rule {@code gaps-within-interval-range}
   */
  public static ScheduleRule gapsWithinSpacing() {
    String name = "gaps-within-interval-range";
    return ScheduleRule.of(name, plan -> {
      List<Violation> out = new ArrayList<>();
      List<Interval> awake = wakingWindows(plan);
      for (List<Session> series : byIntervention(plan).values()) {
        if (!(series.get(0).intervention().timing() instanceof Timing.Repeating timing)) {
          continue;
        }
        for (int i = 1; i < series.size(); i++) {
          Session a = series.get(i - 1);
          Session b = series.get(i);
          if (plan.isHistory(a)) {
            continue;
          }
          Duration gap = Duration.between(a.start(), b.start());
          boolean sameStretch = timing.wakingHoursOnly()
              ? windowOf(awake, a.start()).equals(windowOf(awake, b.start()))
              : activeBetween(plan, a, b);
          if (gap.compareTo(timing.interval().minimum()) < 0) {
            out.add(Violation.of(name, String.format(Locale.ROOT,
                "%s at %s and %s are %s apart; the protocol asks for at least %s", label(a),
                when(plan, a.start()), when(plan, b.start()), HumanDurations.format(gap),
                HumanDurations.format(timing.interval().minimum())), a, b));
          } else if (sameStretch && gap.compareTo(timing.interval().maximum()) > 0) {
            out.add(Violation.of(name, String.format(Locale.ROOT,
                "%s at %s and %s are %s apart while awake; the protocol asks for at most %s",
                label(a), when(plan, a.start()), when(plan, b.start()), HumanDurations.format(gap),
                HumanDurations.format(timing.interval().maximum())), a, b));
          }
        }
      }
      return out;
    });
  }

  /**
   * Sessions lie wholly inside one waking window, except those whose timing says otherwise: {@link
   * Timing.AtLocalTimes}, repeating series that run day and night, and relative sessions that
   * accompany such sessions.
   *
   * @return the rule {@code within-waking-hours}
   */
  public static ScheduleRule withinWakingHours() {
    String name = "within-waking-hours";
    return ScheduleRule.of(name, plan -> {
      List<Violation> out = new ArrayList<>();
      List<Interval> awake = wakingWindows(plan);
      for (Session s : plan.sessions()) {
        if (plan.isHistory(s) || exemptFromWakingHours(plan, s.intervention().timing())) {
          continue;
        }
        Optional<Interval> window = windowOf(awake, s.start());
        if (window.isEmpty() || !window.get().encloses(s.interval())) {
          out.add(Violation.of(name, String.format(Locale.ROOT,
              "%s at %s–%s is outside waking hours %s", label(s), when(plan, s.start()),
              when(plan, s.end()).substring(11), plan.request().wakingHours()), s));
        }
      }
      return out;
    });
  }

  /**
   * No session starts before the injury, outside its phase's projection, in a phase that does not
   * list its intervention, before its timing's window or ends after it.
   *
   * @return the rule {@code inside-phase-and-window}
   */
  public static ScheduleRule insidePhaseAndWindow() {
    String name = "inside-phase-and-window";
    return ScheduleRule.of(name, plan -> {
      List<Violation> out = new ArrayList<>();
      Instant injury = plan.request().injuredAt().toInstant();
      for (Session s : plan.sessions()) {
        if (plan.isHistory(s)) {
          continue;
        }
        Optional<PlannedPhase> phase = plan.phaseOf(s);
        String problem = null;
        if (s.start().isBefore(injury)) {
          problem = "starts before the injury at " + when(plan, injury);
        } else if (phase.isEmpty()) {
          problem = "starts outside its phase " + s.phase().id();
        } else if (!s.phase().interventionIds().contains(s.intervention().id())) {
          problem = "is in phase " + s.phase().id() + ", which does not list it";
        } else {
          Optional<Window> window = s.intervention().timing().bounds();
          if (window.isPresent()) {
            Instant anchor = window.get().anchor() == Anchor.INJURY ? injury : runStart(plan, s);
            Instant start = anchor.plus(window.get().offset());
            if (s.start().isBefore(start)) {
              problem = "starts before its window opens at " + when(plan, start);
            } else {
              Optional<Instant> close = window.get().maximumExtent().map(start::plus);
              if (close.isPresent() && s.end().isAfter(close.get())) {
                problem = "ends after its window closes at " + when(plan, close.get());
              }
            }
          }
        }
        if (problem != null) {
          out.add(Violation.of(name,
              label(s) + " at " + when(plan, s.start()) + " " + problem, s));
        }
      }
      return out;
    });
  }

  /**
   * A session whose intervention requires a criterion starts no earlier than the end of the phase
   * whose exit gate names that criterion.
   *
   * @return the rule {@code criterion-order}
   */
  public static ScheduleRule criterionOrder() {
    String name = "criterion-order";
    return ScheduleRule.of(name, plan -> {
      List<Violation> out = new ArrayList<>();
      List<PlannedPhase> phases = plan.phases();
      for (Session s : plan.sessions()) {
        if (plan.isHistory(s)) {
          continue;
        }
        int at = plan.phaseOf(s).map(phases::indexOf).orElse(phases.size());
        for (String criterion : s.intervention().requiredCriteria()) {
          PlannedPhase meeting = null;
          for (int j = Math.min(at, phases.size()) - 1; j >= 0 && meeting == null; j--) {
            if (phases.get(j).phase().exitGate().criteria().stream()
                .map(Criterion::id).anyMatch(criterion::equals)) {
              meeting = phases.get(j);
            }
          }
          if (meeting == null || s.start().isBefore(meeting.end())) {
            PlannedPhase m = meeting;
            out.add(Violation.of(name, String.format(Locale.ROOT,
                "%s at %s comes before \"%s\" can be met%s", label(s), when(plan, s.start()),
                criterion, m == null ? "" : " (at the end of " + m.id() + ", "
                    + when(plan, m.end()) + ")"), s));
          }
        }
      }
      return out;
    });
  }

  /**
   * Sessions at given local times start at those times, read as RFC 5545 reads a local time: one
   * that does not exist on the day (a DST gap) is moved later by the gap, an ambiguous one (an
   * overlap) is the first occurrence. No session sits at a local time that does not exist.
   *
   * @return the rule {@code local-times-as-written}
   */
  public static ScheduleRule localTimesAsWritten() {
    String name = "local-times-as-written";
    return ScheduleRule.of(name, plan -> {
      List<Violation> out = new ArrayList<>();
      ZoneId zone = plan.zone();
      for (Session s : plan.sessions()) {
        if (plan.isHistory(s) || !(s.intervention().timing() instanceof Timing.AtLocalTimes timing)) {
          continue;
        }
        LocalDate date = s.start().atZone(zone).toLocalDate();
        boolean matches = false;
        for (LocalDate d : List.of(date, date.minusDays(1))) {
          for (LocalTime time : timing.times()) {
            matches |= ZonedDateTime.of(d, time, zone).toInstant().equals(s.start());
          }
        }
        if (!matches) {
          out.add(Violation.of(name, String.format(Locale.ROOT,
              "%s at %s is not at any of its local times %s", label(s), when(plan, s.start()),
              timing.times()), s));
        }
      }
      return out;
    });
  }

  // ------------------------------------------------------------------ parameterised policies

  /**
   * Consecutive sessions of {@code interventionId} start at least {@code minimum} apart, e.g.
   * "never two ice sessions within 50 minutes".
   *
   * @param interventionId the intervention whose sessions are checked; other interventions are ignored
   * @param minimum the least time between the starts of two consecutive sessions
   * @return the rule {@code minimum-gap(id, minimum)}
   */
  public static ScheduleRule minimumGap(String interventionId, Duration minimum) {
    requireNonNull(interventionId, "interventionId");
    requireNonNull(minimum, "minimum");
    checkArgument(!minimum.isNegative(), "minimum must not be negative: %s", minimum);
    String name = "minimum-gap(" + interventionId + ", " + HumanDurations.format(minimum) + ")";
    return ScheduleRule.of(name, plan -> {
      List<Violation> out = new ArrayList<>();
      List<Session> series = byIntervention(plan).getOrDefault(interventionId, List.of());
      for (int i = 1; i < series.size(); i++) {
        Session a = series.get(i - 1);
        Session b = series.get(i);
        Duration gap = Duration.between(a.start(), b.start());
        if (gap.compareTo(minimum) < 0) {
          out.add(Violation.of(name, String.format(Locale.ROOT,
              "%s at %s and %s are %s apart; the rule asks for at least %s", label(a),
              when(plan, a.start()), when(plan, b.start()), HumanDurations.format(gap),
              HumanDurations.format(minimum)), a, b));
        }
      }
      return out;
    });
  }

  /**
   * No session ends after {@code latest} local time (or starts before {@code earliest}), e.g. "no
   * session after 21:00 for this patient group". Sessions that cross midnight break the rule.
   *
   * @param earliest the earliest local start time allowed
   * @param latest the latest local end time allowed
   * @return the rule {@code within-local-hours(earliest–latest)}
   */
  public static ScheduleRule withinLocalHours(LocalTime earliest, LocalTime latest) {
    requireNonNull(earliest, "earliest");
    requireNonNull(latest, "latest");
    checkArgument(earliest.isBefore(latest), "earliest %s must be before latest %s", earliest,
        latest);
    String name = "within-local-hours(" + earliest + "–" + latest + ")";
    return ScheduleRule.of(name, plan -> {
      List<Violation> out = new ArrayList<>();
      for (Session s : plan.sessions()) {
        ZonedDateTime start = s.start().atZone(plan.zone());
        ZonedDateTime end = s.end().atZone(plan.zone());
        boolean inside = start.toLocalDate().equals(end.minusNanos(1).toLocalDate())
            && !start.toLocalTime().isBefore(earliest)
            && !end.toLocalTime().isAfter(latest) && !end.toLocalTime().equals(LocalTime.MIDNIGHT);
        if (!inside) {
          out.add(Violation.of(name, String.format(Locale.ROOT,
              "%s at %s–%s is outside %s–%s", label(s), when(plan, s.start()),
              when(plan, s.end()).substring(11), earliest, latest), s));
        }
      }
      return out;
    });
  }

  /**
   * No session of {@code laterId} starts before the first session of {@code earlierId} has
   * ended, e.g. "stretching never before the self-check".
   *
   * @param earlierId the intervention whose first session comes first
   * @param laterId the intervention whose sessions wait for it
   * @return the rule {@code first-session-before(earlierId, laterId)}; every session of {@code
   *     laterId} breaks it when {@code earlierId} has none
   */
  public static ScheduleRule firstSessionBefore(String earlierId, String laterId) {
    requireNonNull(earlierId, "earlierId");
    requireNonNull(laterId, "laterId");
    String name = "first-session-before(" + earlierId + ", " + laterId + ")";
    return ScheduleRule.of(name, plan -> {
      List<Violation> out = new ArrayList<>();
      Map<String, List<Session>> by = byIntervention(plan);
      List<Session> earlier = by.getOrDefault(earlierId, List.of());
      for (Session s : by.getOrDefault(laterId, List.of())) {
        if (earlier.isEmpty() || s.start().isBefore(earlier.get(0).end())) {
          out.add(Violation.of(name, String.format(Locale.ROOT, "%s at %s comes before %s",
              label(s), when(plan, s.start()), earlier.isEmpty() ? "any " + earlierId + " session"
                  : label(earlier.get(0)) + " at " + when(plan, earlier.get(0).start())), s));
        }
      }
      return out;
    });
  }

  // ------------------------------------------------------------------ helpers

  private static String label(Session s) {
    return s.intervention().id();
  }

  private static String when(Plan plan, Instant t) {
    return WHEN.format(t.atZone(plan.zone()));
  }

  static Map<String, List<Session>> byIntervention(Plan plan) {
    Map<String, List<Session>> out = new LinkedHashMap<>();
    for (Session s : plan.sessions()) {
      out.computeIfAbsent(s.intervention().id(), k -> new ArrayList<>()).add(s);
    }
    return out;
  }

  /** Every non-empty waking window touching the plan, from {@link WakingHours}. */
  static List<Interval> wakingWindows(Plan plan) {
    ZoneId zone = plan.zone();
    WakingHours hours = plan.request().wakingHours();
    LocalDate last = plan.interval().endExclusive().atZone(zone).toLocalDate().plusDays(1);
    List<Interval> out = new ArrayList<>();
    for (LocalDate d = plan.request().injuredAt().toLocalDate().minusDays(1); !d.isAfter(last);
        d = d.plusDays(1)) {
      Interval w = hours.windowStartingOn(d, zone);
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  static Optional<Interval> windowOf(List<Interval> windows, Instant t) {
    for (Interval w : windows) {
      if (w.contains(t)) {
        return Optional.of(w);
      }
    }
    return Optional.empty();
  }

  private static boolean exemptFromWakingHours(Plan plan, Timing timing) {
    if (timing instanceof Timing.AtLocalTimes
        || (timing instanceof Timing.Repeating r && !r.wakingHoursOnly())) {
      return true;
    }
    if (timing instanceof Timing.Relative relative) {
      for (String target : relative.targets()) {
        Optional<Timing> t = plan.protocol().intervention(target).map(i -> i.timing());
        if (t.isPresent() && exemptFromWakingHours(plan, t.get())) {
          return true;
        }
      }
    }
    return false;
  }

  private static int occurrenceIndex(Plan plan, Session s) {
    return plan.phaseOf(s).map(plan.phases()::indexOf).orElse(-1);
  }

  /** Whether every phase occurrence from a's to b's lists the intervention (one continuous run). */
  private static boolean activeBetween(Plan plan, Session a, Session b) {
    int from = occurrenceIndex(plan, a);
    int to = occurrenceIndex(plan, b);
    if (from < 0 || to < 0) {
      return false;
    }
    for (int i = from; i <= to; i++) {
      if (!plan.phases().get(i).phase().interventionIds().contains(a.intervention().id())) {
        return false;
      }
    }
    return true;
  }

  /** Start of the run of consecutive phase occurrences listing the session's intervention. */
  private static Instant runStart(Plan plan, Session s) {
    List<PlannedPhase> phases = plan.phases();
    int i = Math.max(occurrenceIndex(plan, s), 0);
    while (i > 0 && phases.get(i - 1).phase().interventionIds().contains(s.intervention().id())) {
      i--;
    }
    return phases.get(i).start();
  }
}
