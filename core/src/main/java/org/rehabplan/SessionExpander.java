package org.rehabplan;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Expands the interventions of a protocol into sessions and guidance spans over given phase
 * occurrences, and numbers the sessions: the session half of {@link Scheduler#plan} and {@link
 * Scheduler#replan}. Enforces the session cap. Not thread-safe; one instance per planning run.
 */
final class SessionExpander {
  /** The most sessions one plan may hold. */
  static final int MAX_SESSIONS = 100_000;
  private static final long ROUNDING_NANOS = Duration.ofMinutes(5).toNanos();

  /** A session before ids are assigned; {@code phaseIndex} indexes the phase occurrences. */
  record Draft(Intervention intervention, int phaseIndex, Interval interval) {}

  private final Protocol protocol;
  private final PlanRequest request;
  private final ZoneId zone;
  private final Instant injury;
  private final List<Phase> phases = new ArrayList<>();
  private final List<PlannedPhase> planned;
  private final Map<String, Duration> lead = new HashMap<>();
  private final Map<String, Duration> trail = new HashMap<>();
  private final List<Draft> drafts = new ArrayList<>();
  private final List<GuidanceSpan> spans = new ArrayList<>();
  /** Time taken by sessions placed so far (with room for their relatives): start to end. */
  private final TakenTime busy = new TakenTime();
  private @Nullable WakingDays waking;

  /**
   * A planning run over the given phase occurrences, in order: normally each phase of the protocol
   * once ({@link PhaseTimeline#fromInjury}), but a re-plan may repeat a phase after a setback.
   */
  SessionExpander(Protocol protocol, PlanRequest request, List<PlannedPhase> occurrences) {
    this.protocol = protocol;
    this.request = request;
    this.zone = request.zone();
    this.injury = request.injuredAt().toInstant();
    this.planned = List.copyOf(occurrences);
    for (PlannedPhase p : planned) {
      phases.add(p.phase());
    }
  }

  /** The sessions (without ids, no two of one intervention overlapping) and the spans. */
  record Expansion(List<Draft> drafts, List<GuidanceSpan> spans) {}

  Expansion expand() {
    Instant end = planned.get(planned.size() - 1).end();
    waking = new WakingDays(
        request.wakingHours(), zone,
        request.injuredAt().toLocalDate().minusDays(1),
        end.atZone(zone).toLocalDate().plusDays(1));
    reserveRoomForRelatives();
    Set<Intervention> relatives = new LinkedHashSet<>();
    for (Intervention intervention : protocol.interventions()) {
      for (List<Integer> run : PhaseRuns.runs(phases, intervention.id())) {
        expand(intervention, run, relatives);
      }
    }
    List<Draft> independent = withoutOverlaps(drafts);
    List<Draft> all = new ArrayList<>(independent);
    for (Intervention relative : relatives) {
      all.addAll(withoutOverlaps(placeRelative(relative, independent)));
    }
    return new Expansion(all, sortedSpans());
  }

  /** The phase of a draft. */
  Phase phaseOf(Draft draft) {
    return phases.get(draft.phaseIndex());
  }

  // ------------------------------------------------------------------ phase lookup

  /** Index of the phase whose typical projection contains {@code t}, or -1. */
  private int phaseIndexAt(Instant t) {
    for (int i = 0; i < planned.size(); i++) {
      if (planned.get(i).projected().contains(t)) {
        return i;
      }
    }
    return -1;
  }

  private int phaseIndexAt(Instant t, List<Integer> run) {
    for (int i : run) {
      if (planned.get(i).projected().contains(t)) {
        return i;
      }
    }
    return run.get(run.size() - 1);
  }

  private Interval runInterval(List<Integer> run) {
    return Interval.of(
        planned.get(run.get(0)).start(), planned.get(run.get(run.size() - 1)).end());
  }

  // ------------------------------------------------------------------ room for relatives

  private void reserveRoomForRelatives() {
    for (Intervention intervention : protocol.interventions()) {
      if (intervention.timing() instanceof Timing.Relative relative) {
        for (String target : relative.targets()) {
          Duration targetLength = sessionLength(protocol.intervention(target).orElseThrow());
          Duration after = relative.reach().minus(targetLength);
          lead.merge(target, relative.lead(), SessionExpander::max);
          trail.merge(target, after.isNegative() ? Duration.ZERO : after, SessionExpander::max);
        }
      }
    }
  }

  private static Duration sessionLength(Intervention intervention) {
    return intervention.timing().duration().orElse(Duration.ZERO);
  }

  private Duration leadOf(Intervention i) {
    return lead.getOrDefault(i.id(), Duration.ZERO);
  }

  private Duration trailOf(Intervention i) {
    return trail.getOrDefault(i.id(), Duration.ZERO);
  }

  // ------------------------------------------------------------------ expansion

  /**
   * Expands one run of consecutive phases of {@code intervention}; a relative timing is only
   * noted in {@code relatives}, to be placed once its targets are.
   */
  private void expand(Intervention intervention, List<Integer> run, Set<Intervention> relatives) {
    Interval runInterval = runInterval(run);
    intervention.timing().accept(new Timing.Visitor<Void>() {
      @Override
      public Void repeating(Timing.Repeating timing) {
        clip(timing.window(), runInterval).ifPresent(
            w -> expandRepeating(intervention, timing, run, w));
        return null;
      }

      @Override
      public Void timesPerDay(Timing.TimesPerDay timing) {
        clip(timing.window(), runInterval).ifPresent(
            w -> expandTimesPerDay(intervention, timing, run, w));
        return null;
      }

      @Override
      public Void atLocalTimes(Timing.AtLocalTimes timing) {
        clip(timing.window(), runInterval).ifPresent(
            w -> expandAtLocalTimes(intervention, timing, run, w));
        return null;
      }

      @Override
      public Void continuous(Timing.Continuous timing) {
        clip(timing.window(), runInterval).ifPresent(w -> addSpans(intervention, run, w));
        return null;
      }

      @Override
      public Void once(Timing.Once timing) {
        expandOnce(intervention, timing, run, runInterval);
        return null;
      }

      @Override
      public Void relative(Timing.Relative timing) {
        relatives.add(intervention);
        return null;
      }

      @Override
      public Void asNeeded(Timing.AsNeeded timing) {
        return null; // guidance only: no sessions
      }
    });
  }

  /** The part of {@code window} inside the run of phases, if it is not empty. */
  private Optional<Interval> clip(Window window, Interval run) {
    Instant anchor = window.anchor() == Anchor.INJURY ? injury : run.start();
    Instant start = anchor.plus(window.offset());
    Instant end = window.maximumExtent().map(start::plus).orElse(run.endExclusive());
    return run.intersection(Interval.of(start, max(start, end))).filter(i -> !i.isEmpty());
  }

  private void expandRepeating(
      Intervention intervention, Timing.Repeating timing, List<Integer> run, Interval w) {
    Duration length = timing.sessionLength();
    Duration before = leadOf(intervention);
    Duration after = trailOf(intervention);
    if (timing.wakingHoursOnly()) {
      checkFitsWakingDay(intervention, 1, length.plus(before).plus(after));
    }
    Instant t = w.start().plus(before);
    while (true) {
      if (timing.wakingHoursOnly()) {
        Instant fitting = firstWakingFit(t, before, length.plus(after));
        if (fitting == null) {
          return;
        }
        t = fitting;
      }
      if (t.plus(length).plus(after).isAfter(w.endExclusive())) {
        return;
      }
      add(intervention, run, Interval.of(t, length));
      t = t.plus(timing.interval().preferred());
    }
  }

  /**
   * The first instant at or after {@code t} such that {@code [s - before, s + rest)} lies in one
   * waking window; null if none does.
   */
  private @Nullable Instant firstWakingFit(Instant t, Duration before, Duration rest) {
    WakingDays days = waking();
    for (int k = days.firstEndingAfter(t); k < days.size(); k++) {
      Interval window = days.window(k);
      Instant s = max(t, window.start().plus(before));
      if (!s.plus(rest).isAfter(window.endExclusive())) {
        return s;
      }
    }
    return null;
  }

  private void expandTimesPerDay(
      Intervention intervention, Timing.TimesPerDay timing, List<Integer> run, Interval w) {
    Duration before = leadOf(intervention);
    Duration length = timing.sessionLength();
    Duration block = before.plus(length).plus(trailOf(intervention));
    checkFitsWakingDay(intervention, timing.count(), block);
    WakingDays days = waking();
    for (int k = days.firstEndingAfter(w.start()); k < days.size(); k++) {
      Interval window = days.window(k);
      if (!window.start().isBefore(w.endExclusive())) {
        break;
      }
      if (!timing.days().contains(days.date(k).getDayOfWeek())) {
        continue;
      }
      // In nanoseconds (a waking window is at most a day): Duration.dividedBy works in BigDecimal.
      long slot = window.duration().toNanos() / timing.count();
      long spare = slot - block.toNanos();
      Instant limit = min(w.endExclusive(), window.endExclusive());
      for (int i = 0; i < timing.count(); i++) {
        long offset = slot * i;
        if (spare >= 0) {
          offset += spare / 2;
        }
        Instant blockStart = window.start().plusNanos(offset - offset % ROUNDING_NANOS);
        if (blockStart.isBefore(w.start()) || blockStart.plus(block).isAfter(limit)) {
          continue;
        }
        Instant free = firstFree(blockStart, block, limit);
        add(intervention, run, Interval.of((free == null ? blockStart : free).plus(before), length));
      }
    }
  }

  private void expandAtLocalTimes(
      Intervention intervention, Timing.AtLocalTimes timing, List<Integer> run, Interval w) {
    Duration before = leadOf(intervention);
    Duration after = trailOf(intervention);
    Duration length = timing.sessionLength();
    LocalDate first = w.start().atZone(zone).toLocalDate().minusDays(1);
    LocalDate last = w.endExclusive().atZone(zone).toLocalDate();
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      if (!timing.days().contains(d.getDayOfWeek())) {
        continue;
      }
      for (LocalTime time : timing.times()) {
        Instant s = ZonedDateTime.of(d, time, zone).toInstant();
        if (!s.minus(before).isBefore(w.start())
            && !s.plus(length).plus(after).isAfter(w.endExclusive())) {
          add(intervention, run, Interval.of(s, length));
        }
      }
    }
  }

  private void expandOnce(
      Intervention intervention, Timing.Once timing, List<Integer> run, Interval runInterval) {
    Instant anchor = timing.anchor() == Anchor.INJURY ? injury : runInterval.start();
    Duration before = leadOf(intervention);
    Duration rest = timing.sessionLength().plus(trailOf(intervention));
    Instant t = max(anchor.plus(timing.offset()), runInterval.start().plus(before));
    Instant s = firstWakingFit(t, before, rest);
    if (s != null && !s.plus(rest).isAfter(runInterval.endExclusive())) {
      Interval window = waking().window(waking().firstEndingAfter(s));
      Instant free = firstFree(
          s.minus(before), before.plus(rest), min(window.endExclusive(), runInterval.endExclusive()));
      add(intervention, run,
          Interval.of(free == null ? s : free.plus(before), timing.sessionLength()));
    }
  }

  private void addSpans(Intervention intervention, List<Integer> run, Interval w) {
    for (int i : run) {
      PlannedPhase p = planned.get(i);
      p.projected().intersection(w).filter(span -> !span.isEmpty()).ifPresent(
          span -> spans.add(new GuidanceSpan(
              intervention.id() + "/" + p.id(), intervention, p.phase(), span)));
    }
  }

  private List<Draft> placeRelative(Intervention relative, List<Draft> independent) {
    Timing.Relative timing = (Timing.Relative) relative.timing();
    List<Draft> out = new ArrayList<>();
    for (Draft target : independent) {
      if (!timing.targets().contains(target.intervention().id())
          || !phases.get(target.phaseIndex()).interventionIds().contains(relative.id())) {
        continue;
      }
      Instant s = target.interval().start().plus(timing.offset());
      int phase = phaseIndexAt(s);
      if (phase >= 0 && phases.get(phase).interventionIds().contains(relative.id())) {
        out.add(new Draft(relative, phase, Interval.of(s, timing.sessionLength())));
      }
    }
    return out;
  }

  private void add(Intervention intervention, List<Integer> run, Interval session) {
    if (drafts.size() >= MAX_SESSIONS) {
      throw new PlanningException(String.format(Locale.ROOT,
          "protocol %s would produce more than %d sessions, the most one plan may hold",
          protocol.id(), MAX_SESSIONS));
    }
    drafts.add(new Draft(intervention, phaseIndexAt(session.start(), run), session));
    Instant start = session.start().minus(leadOf(intervention));
    Instant end = session.endExclusive().plus(trailOf(intervention));
    busy.take(start, end);
  }

  /**
   * The first start at or after {@code start} where a block of {@code length} overlaps no busy
   * time and ends by {@code limit}; null if there is none. Keeps daily sessions of different
   * interventions from being planned at the same time where the day has room.
   */
  private @Nullable Instant firstFree(Instant start, Duration length, Instant limit) {
    return busy.firstFree(start, length, limit);
  }

  private void checkFitsWakingDay(Intervention intervention, int count, Duration block) {
    Duration awake = request.wakingHours().length();
    if (block.multipliedBy(count).compareTo(awake) > 0) {
      throw new PlanningException(String.format(Locale.ROOT,
          "intervention %s needs %s a day (%s × %s, with room for accompanying sessions), but"
              + " waking hours %s last only %s",
          intervention.id(), HumanDurations.format(block.multipliedBy(count)), count,
          HumanDurations.format(block), request.wakingHours(), HumanDurations.format(awake)));
    }
  }

  // ------------------------------------------------------------------ finishing

  /** Per intervention, in start order, drops any session that overlaps the one kept before it. */
  private static List<Draft> withoutOverlaps(List<Draft> drafts) {
    List<Draft> sorted = new ArrayList<>(drafts);
    sorted.sort(Comparator.comparing((Draft d) -> d.intervention().id())
        .thenComparing(d -> d.interval().start()));
    List<Draft> out = new ArrayList<>(sorted.size());
    Draft previous = null;
    for (Draft d : sorted) {
      if (previous != null
          && previous.intervention().id().equals(d.intervention().id())
          && previous.interval().endExclusive().isAfter(d.interval().start())) {
        continue;
      }
      out.add(d);
      previous = d;
    }
    return out;
  }

  /**
   * Gives each draft the id {@code interventionId/phaseId/n}, numbering each (intervention, phase)
   * in start order after the highest ordinal already used (given per prefix, updated in place).
   */
  List<Session> assignIds(List<Draft> all, Map<String, Integer> usedOrdinals) {
    List<Draft> sorted = new ArrayList<>(all);
    sorted.sort(Comparator.comparing((Draft d) -> d.intervention().id())
        .thenComparing(d -> d.interval().start()));
    List<Session> sessions = new ArrayList<>(sorted.size());
    String prefix = "";
    Draft previous = null;
    for (Draft d : sorted) {
      Phase phase = phases.get(d.phaseIndex());
      if (previous == null || !phases.get(previous.phaseIndex()).id().equals(phase.id())
          || !previous.intervention().id().equals(d.intervention().id())) {
        prefix = d.intervention().id() + "/" + phase.id() + "/"; // built once per run of ids
      }
      previous = d;
      int n = usedOrdinals.merge(prefix, 1, Integer::sum);
      sessions.add(new Session(prefix + n, d.intervention(), phase, d.interval()));
    }
    return sessions;
  }

  private List<GuidanceSpan> sortedSpans() {
    List<GuidanceSpan> sorted = new ArrayList<>(spans);
    sorted.sort(Comparator.comparing(GuidanceSpan::interval).thenComparing(GuidanceSpan::id));
    return sorted;
  }

  // ------------------------------------------------------------------ helpers

  private WakingDays waking() {
    WakingDays w = waking;
    if (w == null) {
      throw new IllegalStateException("waking days not computed");
    }
    return w;
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
