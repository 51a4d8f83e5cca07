package org.rehabplan;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;

/**
 * Turns a {@link Protocol} and a {@link PlanRequest} into a {@link Plan}: the public face of the
 * scheduler, whose package-private parts run one way: the phase time-line, then the session
 * expander, then (for a re-plan) the merge with the history. A pure function: the same
 * protocol and request give an equal plan, in any default time zone or locale, and nothing reads
 * the clock.
 *
 * <h2>The rules every plan keeps</h2>
 *
 * <ul>
 *   <li>Phases follow each other from the injury, each lasting its typical estimate at the
 *       request's severity (whole days count as local calendar days, so phases change at the
 *       same wall-clock time across DST changes); earliest and latest projections are kept
 *       beside it.
 *   <li>An intervention listed in consecutive phases runs through them as one series; its window
 *       is measured from the injury or from the start of the first of those phases, and clipped to
 *       them. A session belongs to the phase in which it starts; no session starts before its
 *       phase, its window or the injury.
 *   <li>Sessions of one intervention never overlap. {@link Timing.Repeating} sessions follow each
 *       other at the preferred interval; while confined to waking hours, the series restarts at
 *       each wake-up, so gaps stay inside the interval range while awake.
 *   <li>Sessions lie wholly inside waking hours, except {@link Timing.AtLocalTimes} sessions (whose
 *       times are honoured as given) and repeating series that run day and night. Sessions last
 *       exactly their length; daily patterns keep their local wall-clock times across DST changes,
 *       and a local time that does not exist is moved later by the gap (RFC 5545 semantics).
 *   <li>{@link Timing.Relative} sessions (warm-ups) get room before or after their targets, so
 *       they too stay inside waking hours and their phase.
 *   <li>Daily sessions ({@link Timing.TimesPerDay}, {@link Timing.Once}) are moved later, within
 *       the same waking window, when their ideal time is taken by another intervention's session;
 *       when the window has no free room they keep their ideal time.
 *   <li>Criterion-gated interventions only appear in phases after the phase whose exit criterion
 *       they require (the {@link Protocol} guarantees it).
 *   <li>Plans are bounded: at most {@value #MAX_SESSIONS} sessions; a protocol and request that
 *       would produce more are rejected with a {@link PlanningException}.
 * </ul>
 */
public final class Scheduler {
  /** The most sessions one plan may hold. */
  public static final int MAX_SESSIONS = SessionExpander.MAX_SESSIONS;

  private Scheduler() {}

  /**
   * Plans {@code protocol} for the situation in {@code request}.
   *
   * @param protocol what to plan, e.g. {@link Protocols#hamstringStrain()}
   * @param request the injury instant and zone, the severity and the person's waking hours
   * @return version 1 of the plan, from the injury to the end of the last phase's typical
   *     projection; the same plan (same ids, same times) for the same arguments
   * @throws NullPointerException if an argument is null
   * @throws PlanningException if the request's waking hours cannot hold a daily pattern of the
   *     protocol, or the plan would exceed {@value #MAX_SESSIONS} sessions
   */
  public static Plan plan(Protocol protocol, PlanRequest request) {
    requireNonNull(protocol, "protocol");
    requireNonNull(request, "request");
    List<PlannedPhase> occurrences = PhaseTimeline.fromInjury(protocol, request);
    SessionExpander expander = new SessionExpander(protocol, request, occurrences);
    SessionExpander.Expansion expansion = expander.expand();
    return new Plan(protocol, request, occurrences,
        expander.assignIds(expansion.drafts(), new HashMap<>()), expansion.spans(),
        PhaseTimeline.milestones(occurrences), 1, null, ProgressLog.empty(), List.of());
  }

  /**
   * Re-plans {@code previous} from the check-ins in {@code log} at the moment {@code now}, and
   * returns the next version of the plan.
   *
   * <ul>
   *   <li>The past is history: sessions that started before {@code now} keep their times, ids and
   *       phases exactly.
   *   <li>A phase whose exit gate names criteria ends when its minimum time has passed and every
   *       criterion was reported met in a check-in since the phase began; the next phase begins at
   *       that moment. Until then its end is projected from its typical duration, as in a first
   *       plan. Phases without criteria end after their typical duration.
   *   <li>A check-in that triggers the phase's {@link SetbackRule} sends the person back to the
   *       previous phase, or holds them, for the rule's minimum time; the criteria must then be
   *       reported again. {@link Plan#adjustments()} records every such change and why.
   *   <li>Later phases and all future sessions are re-projected; a future session that did not
   *       change keeps its id, a session that moved keeps its id with new times ({@link
   *       PlanDiff#between(Plan, Plan)} lists what changed).
   *   <li>Until a re-plan from the check-in that reports a phase's entry criteria, the sessions of
   *       that phase and every later one are {@linkplain Session#isConditional() conditional};
   *       from that re-plan on they are firm.
   *   <li>With an empty log nothing in the future changes; re-planning twice with the same log and
   *       moment gives the same sessions.
   * </ul>
   *
   * @param previous the plan to re-plan, a first plan or an earlier re-plan
   * @param log every check-in so far (not only the new ones), in any order
   * @param now the moment of re-planning; sessions that start before it are history
   * @return the next version of the plan, with {@link Plan#asOf()} {@code now}
   * @throws NullPointerException if an argument is null
   * @throws PlanningException if a check-in lies after {@code now} or before the injury, {@code
   *     now} lies before the injury or before the previous plan's {@link Plan#asOf()}, the
   *     re-planned plan would exceed {@value #MAX_SESSIONS} sessions, or a check-in reports a
   *     criterion the protocol does not have (the message lists the protocol's criteria) or a
   *     criterion together with a value that contradicts it ({@link Criterion#contradictions()})
   * @throws PlanningException if {@code now} lies after the {@linkplain PlanRequest supported
   *     years}
   */
  public static Plan replan(Plan previous, ProgressLog log, Instant now) {
    requireNonNull(previous, "previous");
    requireNonNull(log, "log");
    requireNonNull(now, "now");
    CheckInRules.check(previous.protocol(), log, previous.zone());
    return Replanner.replan(previous, log, now);
  }
}
