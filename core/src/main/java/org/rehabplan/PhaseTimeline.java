package org.rehabplan;

import com.google.common.collect.ImmutableSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The phase time-line of a plan: when each phase occurrence begins and ends. For a first plan the
 * phases are projected one after the other from the injury ({@link #project}); for a re-plan the
 * check-ins decide the past and the rest is projected ({@link #fromCheckIns}). Depends on values
 * only.
 */
final class PhaseTimeline {
  /** More phase changes than any real check-in log produces; guards against a runaway loop. */
  static final int MAX_PHASE_CHANGES = 10_000;

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT);

  /** Phase occurrences, and the changes the check-ins made to the projection. */
  record Result(List<PlannedPhase> occurrences, List<Adjustment> adjustments) {}

  private final List<Phase> phases;
  private final PlanRequest request;
  private final ZoneId zone;
  private final List<CheckIn> checkIns;
  private final Instant now;
  private final List<PlannedPhase> occurrences = new ArrayList<>();
  private final List<Adjustment> adjustments = new ArrayList<>();

  private PhaseTimeline(Protocol protocol, PlanRequest request, ProgressLog log, Instant now) {
    this.phases = protocol.phases();
    this.request = request;
    this.zone = request.zone();
    this.checkIns = log.checkIns();
    this.now = now;
  }

  /** The phases of a first plan, each projected once from the injury. */
  static List<PlannedPhase> fromInjury(Protocol protocol, PlanRequest request) {
    Instant injury = request.injuredAt().toInstant();
    return project(protocol.phases(), request, injury, injury, injury, ImmutableSet.of());
  }

  /**
   * Phase occurrences from the injury: actual where the check-ins in {@code log} (all at or before
   * {@code now}) decided, projected after.
   */
  static Result fromCheckIns(Protocol protocol, PlanRequest request, ProgressLog log, Instant now) {
    PhaseTimeline t = new PhaseTimeline(protocol, request, log, now);
    t.build();
    return new Result(List.copyOf(t.occurrences), List.copyOf(t.adjustments));
  }

  /**
   * Projects {@code phases} one after the other from the given starts, each lasting its estimate
   * at the request's severity.
   */
  static List<PlannedPhase> project(
      List<Phase> phases, PlanRequest request, Instant typicalStart, Instant earliestStart,
      Instant latestStart, Set<Criterion> entryCriteria) {
    ZoneId zone = request.zone();
    List<PlannedPhase> out = new ArrayList<>();
    Instant typical = typicalStart;
    Instant earliest = earliestStart;
    Instant latest = latestStart;
    Set<Criterion> entry = entryCriteria;
    for (Phase phase : phases) {
      DurationEstimate d = phase.duration(request.severity());
      Instant typicalEnd = after(typical, d.typical(), zone);
      Instant earliestEnd = after(earliest, d.earliest(), zone);
      Instant latestEnd = after(latest, d.latest(), zone);
      out.add(new PlannedPhase(
          phase,
          Interval.of(typical, typicalEnd),
          Interval.of(earliest, earliestEnd),
          Interval.of(latest, latestEnd),
          entry));
      typical = typicalEnd;
      earliest = earliestEnd;
      latest = latestEnd;
      entry = phase.exitGate().criteria();
    }
    return out;
  }

  /**
   * {@code start + duration}, counting whole days in local days (so a phase of 4 days that starts
   * at 18:30 ends at 18:30 local time, across DST changes) and the rest as elapsed time.
   */
  static Instant after(Instant start, Duration duration, ZoneId zone) {
    long days = duration.toDays();
    return start.atZone(zone).plusDays(days).toInstant().plus(duration.minusDays(days));
  }

  /** The moments each phase occurrence after the first is projected to begin. */
  static List<Milestone> milestones(List<PlannedPhase> occurrences) {
    List<Milestone> out = new ArrayList<>();
    for (int i = 1; i < occurrences.size(); i++) {
      PlannedPhase p = occurrences.get(i);
      String id = "start/" + p.id();
      for (int k = 1; k < i; k++) {
        if (occurrences.get(k).id().equals(p.id())) {
          id = "start/" + p.id() + "/" + (k + 1);
        }
      }
      out.add(new Milestone(
          id, p.phase(), p.start(), p.earliest().start(), p.latest().start(), p.entryCriteria()));
    }
    return out;
  }

  /** Phase occurrences from the injury: actual where check-ins decided, projected after. */
  private void build() {
    Instant start = request.injuredAt().toInstant();
    Instant earliestStart = start;
    Instant latestStart = start;
    Set<Criterion> entry = ImmutableSet.of();
    @Nullable Duration minimumOverride = null;
    int i = 0;
    int k = 0;
    int guard = 0;
    while (i < phases.size()) {
      if (guard++ >= MAX_PHASE_CHANGES) {
        throw new PlanningException("the check-ins change phase more than " + MAX_PHASE_CHANGES
            + " times; re-plan from fewer check-ins");
      }
      Phase phase = phases.get(i);
      ExitGate gate = phase.exitGate();
      DurationEstimate d = phase.duration(request.severity());
      Instant minEnd = after(start,
          minimumOverride != null ? minimumOverride : gate.minimumTime());
      minimumOverride = null;
      Instant typicalEnd = after(start, d.typical());
      Set<String> met = new HashSet<>();
      Instant end = null;
      boolean setBack = false;
      for (; k < checkIns.size(); k++) {
        CheckIn c = checkIns.get(k);
        if (c.at().isBefore(start)) {
          continue;
        }
        if (!gate.hasCriteria() && !c.at().isBefore(max(typicalEnd, minEnd))) {
          break; // the phase ended on time before this check-in
        }
        Optional<SetbackRule> rule = phase.setback();
        if (rule.isPresent() && rule.get().triggeredBy(c)) {
          if (rule.get().action() == SetbackRule.Action.BACK_TO_PREVIOUS && i > 0) {
            occurrences.add(actual(phase, start, c.at(), entry));
            Phase back = phases.get(i - 1);
            adjustments.add(new Adjustment(c.at(), Adjustment.Kind.SET_BACK, back.id(),
                String.format(Locale.ROOT, "Check-in %s: pain with activity %d/10 (setback at %d):"
                    + " back to %s for at least %s", when(c.at()), c.painWithActivity(),
                    rule.get().painWithActivityAtLeast(), back.name(),
                    HumanDurations.format(rule.get().minimumTime()))));
            i--;
            entry = ImmutableSet.of(); // an actual change: nothing pending
            start = c.at();
            earliestStart = start;
            latestStart = start;
            minimumOverride = rule.get().minimumTime();
            k++;
            setBack = true;
            break;
          }
          Instant held = c.at().plus(rule.get().minimumTime());
          minEnd = max(minEnd, held);
          met.clear();
          adjustments.add(new Adjustment(c.at(), Adjustment.Kind.HELD, phase.id(),
              String.format(Locale.ROOT, "Check-in %s: pain with activity %d/10 (setback at %d):"
                  + " staying in %s until at least %s", when(c.at()), c.painWithActivity(),
                  rule.get().painWithActivityAtLeast(), phase.name(), when(held))));
          continue;
        }
        met.addAll(c.criteriaMet());
        if (gate.hasCriteria() && metAll(gate, met)) {
          end = max(c.at(), minEnd);
          k++;
          break;
        }
      }
      if (setBack) {
        continue;
      }
      if (end == null && gate.hasCriteria()) {
        // Still open: project it, and every later phase from it.
        Instant projectedEnd = max(typicalEnd, minEnd);
        occurrences.add(new PlannedPhase(phase, Interval.of(start, projectedEnd),
            Interval.of(earliestStart, max(after(earliestStart, d.earliest()), minEnd)),
            Interval.of(latestStart, max(after(latestStart, d.latest()), minEnd)), entry));
        PlannedPhase open = occurrences.get(occurrences.size() - 1);
        occurrences.addAll(project(phases.subList(i + 1, phases.size()), request,
            open.end(), open.earliest().endExclusive(), open.latest().endExclusive(),
            gate.criteria()));
        return;
      }
      if (end == null) {
        end = max(typicalEnd, minEnd);
        Instant earliestEnd = max(after(earliestStart, d.earliest()), minEnd);
        Instant latestEnd = max(after(latestStart, d.latest()), minEnd);
        if (!end.isAfter(now)) {
          occurrences.add(actual(phase, start, end, entry));
          earliestStart = end;
          latestStart = end;
        } else {
          occurrences.add(new PlannedPhase(phase, Interval.of(start, end),
              Interval.of(earliestStart, earliestEnd), Interval.of(latestStart, latestEnd),
              entry));
          earliestStart = earliestEnd;
          latestStart = latestEnd;
        }
      } else {
        occurrences.add(actual(phase, start, end, entry));
        earliestStart = end;
        latestStart = end;
        if (i + 1 < phases.size()) {
          adjustments.add(new Adjustment(end, Adjustment.Kind.ADVANCED, phases.get(i + 1).id(),
              String.format(Locale.ROOT, "%s reported met: %s begins %s",
                  String.join(" and ", gate.criteria().stream().map(Criterion::id).toList()),
                  phases.get(i + 1).name(), when(end))));
        }
      }
      entry = ImmutableSet.of(); // an actual change: the gate opened (or had no criteria)
      start = end;
      i++;
    }
  }

  private static PlannedPhase actual(Phase phase, Instant start, Instant end, Set<Criterion> entry) {
    Interval interval = Interval.of(start, end);
    return new PlannedPhase(phase, interval, interval, interval, entry);
  }

  private static boolean metAll(ExitGate gate, Set<String> met) {
    for (Criterion c : gate.criteria()) {
      if (!met.contains(c.id())) {
        return false;
      }
    }
    return true;
  }

  private Instant after(Instant start, Duration duration) {
    return after(start, duration, zone);
  }

  private String when(Instant t) {
    return WHEN.format(t.atZone(zone));
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
