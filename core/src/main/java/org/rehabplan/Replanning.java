package org.rehabplan;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The algorithm behind {@link Scheduler#replan}: the phase time-line from check-ins, then sessions. */
final class Replanning {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT);

  private final Protocol protocol;
  private final PlanRequest request;
  private final ZoneId zone;
  private final List<CheckIn> checkIns;
  private final Instant now;
  private final List<PlannedPhase> occurrences = new ArrayList<>();
  private final List<Adjustment> adjustments = new ArrayList<>();

  private Replanning(Protocol protocol, PlanRequest request, ProgressLog log, Instant now) {
    this.protocol = protocol;
    this.request = request;
    this.zone = request.zone();
    this.checkIns = log.checkIns();
    this.now = now;
  }

  static Plan replan(Plan previous, ProgressLog log, Instant now) {
    Instant injury = previous.request().injuredAt().toInstant();
    checkArgument(!now.isBefore(injury), "now %s must not be before the injury %s", now, injury);
    PlanRequest.checkSupportedYear(now, previous.request().zone(), "now");
    previous.asOf().ifPresent(asOf -> checkArgument(!now.isBefore(asOf),
        "now %s must not be before the previous plan's re-planning moment %s", now, asOf));
    for (CheckIn c : log.checkIns()) {
      checkArgument(!c.at().isAfter(now), "check-in at %s is after now %s", c.at(), now);
      checkArgument(!c.at().isBefore(injury), "check-in at %s is before the injury %s", c.at(),
          injury);
    }
    Replanning r = new Replanning(previous.protocol(), previous.request(), log, now);
    r.buildTimeline();
    Planning planning = new Planning(r.protocol, r.request, r.occurrences);
    Planning.Expansion expansion = planning.expand();

    List<Session> sessions = new ArrayList<>();
    Map<String, Instant> historyEnd = new HashMap<>();
    Map<String, Integer> ordinals = new HashMap<>();
    for (Session s : previous.sessions()) {
      if (s.start().isBefore(now)) {
        sessions.add(s);
        historyEnd.merge(s.intervention().id(), s.end(), (a, b) -> a.isAfter(b) ? a : b);
        int slash = s.id().lastIndexOf('/');
        ordinals.merge(s.id().substring(0, slash + 1),
            Integer.parseInt(s.id().substring(slash + 1)), Math::max);
      }
    }
    List<Planning.Draft> future = new ArrayList<>();
    for (Planning.Draft d : expansion.drafts()) {
      Instant busyUntil = historyEnd.get(d.intervention().id());
      if (!d.interval().start().isBefore(now)
          && (busyUntil == null || !d.interval().start().isBefore(busyUntil))) {
        future.add(d);
      }
    }
    sessions.addAll(planning.assignIds(future, ordinals));
    return new Plan(r.protocol, r.request, r.occurrences, sessions, expansion.spans(),
        Planning.milestones(r.occurrences), previous.version() + 1, now, log, r.adjustments);
  }

  /** Phase occurrences from the injury: actual where check-ins decided, projected after. */
  private void buildTimeline() {
    List<Phase> phases = protocol.phases();
    Instant start = request.injuredAt().toInstant();
    Instant earliestStart = start;
    Instant latestStart = start;
    Set<Criterion> entry = ImmutableSet.of();
    @Nullable Duration minimumOverride = null;
    int i = 0;
    int k = 0;
    int guard = 0;
    while (i < phases.size()) {
      checkArgument(guard++ < 10_000, "too many phase changes");
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
        occurrences.addAll(Planning.project(phases.subList(i + 1, phases.size()), request,
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
    return Planning.after(start, duration, zone);
  }

  private String when(Instant t) {
    return WHEN.format(t.atZone(zone));
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
