package org.rehabplan;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The person's session outcomes, an immutable append-only history: each session has at most one
 * outcome, and a recorded outcome never changes.
 */
public final class OutcomeLog {
  private static final OutcomeLog EMPTY = new OutcomeLog(ImmutableMap.of());

  private final ImmutableMap<String, SessionOutcome> bySession;

  private OutcomeLog(ImmutableMap<String, SessionOutcome> bySession) {
    this.bySession = bySession;
  }

  /**
   * Returns the log without outcomes.
   *
   * @return the empty log
   */
  public static OutcomeLog empty() {
    return EMPTY;
  }

  /**
   * Returns a log of the given outcomes, in the order they were recorded.
   *
   * @param outcomes the outcomes; at most one per session
   * @return the log
   * @throws PlanningException if a session has two outcomes
   * @throws NullPointerException if {@code outcomes} or an outcome is null
   */
  public static OutcomeLog of(List<SessionOutcome> outcomes) {
    // One map for the whole list: a with() per outcome would copy the log each time.
    Map<String, SessionOutcome> all = new LinkedHashMap<>();
    for (SessionOutcome o : Checks.checkNoNulls(outcomes, "outcomes")) {
      SessionOutcome earlier = all.putIfAbsent(o.sessionId(), o);
      if (earlier != null) {
        throw alreadyMarked(earlier);
      }
    }
    return all.isEmpty() ? EMPTY : new OutcomeLog(ImmutableMap.copyOf(all));
  }

  private static PlanningException alreadyMarked(SessionOutcome earlier) {
    return new PlanningException("session " + earlier.sessionId() + " was already marked "
        + earlier.status().name().toLowerCase(java.util.Locale.ROOT) + " at " + earlier.at()
        + "; an outcome never changes");
  }

  /**
   * Returns this log with one more outcome; this instance is unaffected.
   *
   * @param outcome the outcome of a session that has none yet
   * @return the longer log
   * @throws PlanningException if the session already has an outcome (outcomes never change)
   * @throws NullPointerException if {@code outcome} is null
   */
  public OutcomeLog with(SessionOutcome outcome) {
    requireNonNull(outcome, "outcome");
    SessionOutcome earlier = bySession.get(outcome.sessionId());
    if (earlier != null) {
      throw alreadyMarked(earlier);
    }
    Map<String, SessionOutcome> more = new LinkedHashMap<>(bySession);
    more.put(outcome.sessionId(), outcome);
    return new OutcomeLog(ImmutableMap.copyOf(more));
  }

  /**
   * Returns the outcomes in the order they were recorded.
   *
   * @return the outcomes
   */
  public List<SessionOutcome> outcomes() {
    return ImmutableList.copyOf(bySession.values());
  }

  /**
   * Returns the outcome of a session.
   *
   * @param sessionId the session id
   * @return its outcome, or empty if none was recorded
   */
  public Optional<SessionOutcome> outcome(String sessionId) {
    return Optional.ofNullable(bySession.get(requireNonNull(sessionId, "sessionId")));
  }

  /**
   * Returns the adherence per intervention over a range: the plan's firm sessions starting in
   * {@code range} and their outcomes. Conditional sessions (awaiting a criterion) are not due.
   *
   * @param plan the plan
   * @param range the half-open range of session starts
   * @return intervention id to adherence, in the order of the sessions' first appearance
   */
  public Map<String, Adherence> byIntervention(Plan plan, Interval range) {
    return adherence(plan, range, s -> s.intervention().id());
  }

  /**
   * Returns the adherence per phase over a range, as {@link #byIntervention}.
   *
   * @param plan the plan
   * @param range the half-open range of session starts
   * @return phase id to adherence, in the order of the sessions' first appearance
   */
  public Map<String, Adherence> byPhase(Plan plan, Interval range) {
    return adherence(plan, range, s -> s.phase().id());
  }

  private Map<String, Adherence> adherence(
      Plan plan, Interval range, Function<Session, String> key) {
    requireNonNull(plan, "plan");
    requireNonNull(range, "range");
    Map<String, int[]> counts = new LinkedHashMap<>();
    for (Session s : plan.sessionsBetween(range.start(), range.endExclusive())) {
      if (s.isConditional()) {
        continue;
      }
      int[] c = counts.computeIfAbsent(key.apply(s), k -> new int[3]);
      c[0]++;
      SessionOutcome o = bySession.get(s.id());
      if (o != null) {
        c[o.status() == SessionOutcome.Status.DONE ? 1 : 2]++;
      }
    }
    Map<String, Adherence> out = new LinkedHashMap<>();
    counts.forEach((k, c) -> out.put(k, new Adherence(c[0], c[1], c[2])));
    return ImmutableMap.copyOf(out);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof OutcomeLog other && outcomes().equals(other.outcomes());
  }

  @Override
  public int hashCode() {
    return bySession.hashCode();
  }

  @Override
  public String toString() {
    return "OutcomeLog" + outcomes();
  }
}
