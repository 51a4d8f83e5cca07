package org.rehabplan;

import java.time.Instant;
import java.util.List;

/**
 * How far a self-check's sessions reach: while its criterion is not reported, a self-check keeps
 * asking after its phase's typical end, until the phase's latest estimate. Package-private; used
 * by the session expansion.
 */
final class SelfChecks {
  private SelfChecks() {}

  /**
   * The interval the sessions of {@code intervention} may fill in a run of phases that ends with
   * {@code last}: the run itself, extended to the latest estimate of {@code last} when the
   * intervention is a self-check for one of the exit criteria of {@code last}. A phase that ended
   * (its projections are one interval) is not extended.
   */
  static Interval reach(Intervention intervention, Interval run, PlannedPhase last) {
    if (intervention.selfCheckFor().isEmpty()
        || last.phase().exitGate().criteria().stream()
            .noneMatch(c -> c.id().equals(intervention.selfCheckFor().get()))) {
      return run;
    }
    Instant latestEnd = latestEnd(last);
    return latestEnd.isAfter(run.endExclusive()) ? Interval.of(run.start(), latestEnd) : run;
  }

  /** The last moment any session of these occurrences may reach: their ends or latest estimates. */
  static Instant horizon(List<PlannedPhase> occurrences) {
    Instant end = occurrences.get(occurrences.size() - 1).end();
    for (PlannedPhase p : occurrences) {
      Instant latest = latestEnd(p);
      if (latest.isAfter(end)) {
        end = latest;
      }
    }
    return end;
  }

  /** The occurrence's start plus the length of its latest projection. */
  private static Instant latestEnd(PlannedPhase p) {
    return p.start().plus(p.latest().duration());
  }
}
