package org.rehabplan;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A protocol laid out for one person: the planned phases, the dated sessions sorted by start, the
 * continuous guidance spans and the phase milestones. Immutable and thread-safe; made by {@link
 * Scheduler#plan(Protocol, PlanRequest)}. Equal inputs give equal plans. {@link Agenda} renders
 * it as text.
 */
public final class Plan {
  private final Protocol protocol;
  private final PlanRequest request;
  private final ImmutableList<PlannedPhase> phases;
  private final ImmutableList<Session> sessions;
  private final ImmutableList<GuidanceSpan> spans;
  private final ImmutableList<Milestone> milestones;
  private final int version;
  private final @Nullable Instant asOf;
  private final ProgressLog progress;
  private final ImmutableList<Adjustment> adjustments;

  Plan(
      Protocol protocol, PlanRequest request, List<PlannedPhase> phases, List<Session> sessions,
      List<GuidanceSpan> spans, List<Milestone> milestones, int version, @Nullable Instant asOf,
      ProgressLog progress, List<Adjustment> adjustments) {
    this.protocol = requireNonNull(protocol, "protocol");
    this.request = requireNonNull(request, "request");
    this.phases = Conditions.awaitedPhases(phases);
    this.sessions = ImmutableList.sortedCopyOf(Session.ORDER,
        Conditions.awaitedSessions(this.phases, sessions, asOf));
    this.spans = ImmutableList.copyOf(spans);
    this.milestones = ImmutableList.copyOf(milestones);
    checkArgument(version >= 1, "version must be positive: %s", version);
    this.version = version;
    this.asOf = asOf;
    this.progress = requireNonNull(progress, "progress");
    this.adjustments = ImmutableList.copyOf(adjustments);
  }

  /**
   * The plan's version.
   *
   * @return 1 for a plan from {@link Scheduler#plan}; one more than the previous for each re-plan
   */
  public int version() {
    return version;
  }

  /**
   * The moment of re-planning, if this plan was re-planned: sessions that start before it are
   * history, kept exactly as the previous version had them.
   *
   * @return the re-planning instant; empty for a first plan
   */
  public Optional<Instant> asOf() {
    return Optional.ofNullable(asOf);
  }

  /**
   * Whether {@code session} is history: it started before {@link #asOf()}.
   *
   * @param session a session, usually one of {@link #sessions()}; not null
   * @return true when the plan was re-planned and the session starts strictly before that
   *     moment; always false for a first plan
   */
  public boolean isHistory(Session session) {
    requireNonNull(session, "session");
    return asOf != null && session.start().isBefore(asOf);
  }

  /**
   * The check-ins this plan was re-planned from.
   *
   * @return the progress log; empty for a first plan
   */
  public ProgressLog progress() {
    return progress;
  }

  /**
   * Why the phases differ from the projection: phase changes and setbacks, oldest first.
   *
   * @return an immutable list, empty when the phases follow the typical projection
   */
  public List<Adjustment> adjustments() {
    return adjustments;
  }

  /**
   * The protocol planned.
   *
   * @return the protocol given to {@link Scheduler#plan(Protocol, PlanRequest)}
   */
  public Protocol protocol() {
    return protocol;
  }

  /**
   * The situation planned for.
   *
   * @return the request: injury instant, zone, severity and the person's day
   */
  public PlanRequest request() {
    return request;
  }

  /**
   * The person's time zone.
   *
   * @return the zone of {@link #request()}, in which dates and wall-clock times are read
   */
  public ZoneId zone() {
    return request.zone();
  }

  /**
   * The phases on the time-line, in order: each phase of the protocol once, except that a
   * re-planned plan repeats a phase the person was set back to.
   *
   * @return an immutable, non-empty list in time-line order
   */
  public List<PlannedPhase> phases() {
    return phases;
  }

  /**
   * The planned phase with {@code phaseId}, if the protocol has it; after a setback a phase may
   * occur more than once, and this is its latest occurrence.
   *
   * @param phaseId a phase id of the protocol, such as those of {@link Protocol#phases()}; not
   *     null
   * @return the latest occurrence, or empty when the protocol has no phase with that id
   */
  public Optional<PlannedPhase> phase(String phaseId) {
    requireNonNull(phaseId, "phaseId");
    for (int i = phases.size() - 1; i >= 0; i--) {
      if (phases.get(i).id().equals(phaseId)) {
        return Optional.of(phases.get(i));
      }
    }
    return Optional.empty();
  }

  /**
   * The phase occurrence a session belongs to: the one of its phase that contains its start, or
   * for a self-check repeated after its phase's typical end, the last occurrence of its phase that
   * began before it.
   *
   * @param session a session of this plan; not null
   * @return the phase occurrence, or empty when the session belongs to no phase of this plan
   */
  public Optional<PlannedPhase> phaseOf(Session session) {
    requireNonNull(session, "session");
    return Conditions.occurrenceOf(phases, session).map(phases::get);
  }

  /**
   * The phase the person is in at {@code instant}: the last phase occurrence that began at or
   * before it and awaits no criterion. Unlike {@link #phaseAt(Instant)}, a phase projected to have
   * begun but still waiting for a criterion does not count: while the person has not reported pain
   * relieved they are still protecting the injury, whatever the typical projection says. Empty
   * before the injury.
   *
   * @param instant the moment asked about; not null
   * @return the current phase occurrence, or empty before the injury
   */
  public Optional<PlannedPhase> currentPhase(Instant instant) {
    requireNonNull(instant, "instant");
    int current = currentIndex(instant);
    return current < 0 ? Optional.empty() : Optional.of(phases.get(current));
  }

  /**
   * What the person waits for at {@code instant} before the next phase can begin: the criteria
   * the phase after {@link #currentPhase(Instant)} awaits, in order; empty when the next phase
   * needs only time (or there is none).
   *
   * @param instant the moment asked about; not null
   * @return an immutable list of the awaited criteria, in order
   */
  public List<Criterion> waitingFor(Instant instant) {
    requireNonNull(instant, "instant");
    int next = currentIndex(instant) + 1;
    return next < phases.size() ? List.copyOf(phases.get(next).awaitedCriteria()) : List.of();
  }

  private int currentIndex(Instant instant) {
    int current = -1;
    for (int i = 0; i < phases.size(); i++) {
      PlannedPhase p = phases.get(i);
      if (p.start().isAfter(instant) || !p.awaitedCriteria().isEmpty()) {
        break;
      }
      current = i;
    }
    return current;
  }

  /**
   * Why the plan tells the person to get seen by a clinician promptly, one sentence each: the
   * severity (when the protocol's {@link Referral} always advises it there) and every check-in
   * with high pain early on. Empty when neither applies; the referral session, which lists the
   * warning signs, is in the plan either way.
   *
   * @return an immutable list of sentences, empty when nothing calls for a prompt visit
   */
  public List<String> referralReasons() {
    return Conditions.referralReasons(protocol, request, progress);
  }

  /**
   * The planned phase whose typical projection contains {@code instant}, if any.
   *
   * @param instant the moment asked about; not null
   * @return the phase whose half-open projected interval contains it, or empty before the injury
   *     and after the last phase
   */
  public Optional<PlannedPhase> phaseAt(Instant instant) {
    requireNonNull(instant, "instant");
    for (PlannedPhase p : phases) {
      if (p.projected().contains(instant)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /**
   * The time-line the plan covers: from the injury to the end of the last phase, or of the last
   * session if a self-check repeats beyond it.
   *
   * @return the half-open interval [injury, end)
   */
  public Interval interval() {
    Instant end = phases.get(phases.size() - 1).end();
    for (Session s : sessions) {
      if (s.end().isAfter(end)) {
        end = s.end();
      }
    }
    return Interval.of(request.injuredAt().toInstant(), end);
  }

  /**
   * All sessions, sorted by start, then end, then id.
   *
   * @return an immutable list
   */
  public List<Session> sessions() {
    return sessions;
  }

  /**
   * The continuous guidance spans, sorted by start.
   *
   * @return an immutable list
   */
  public List<GuidanceSpan> guidanceSpans() {
    return spans;
  }

  /**
   * The moments each phase after the first is projected to begin.
   *
   * @return an immutable list in time-line order; empty for a one-phase protocol
   */
  public List<Milestone> milestones() {
    return milestones;
  }

  /**
   * Sessions that start in {@code [startInclusive, endExclusive)}, in plan order.
   *
   * @param startInclusive first instant of the window; not null
   * @param endExclusive instant just after the window; not null, not before {@code
   *     startInclusive} (equal gives an empty list)
   * @return an immutable view of the sessions starting in the window
   * @throws IllegalArgumentException if {@code endExclusive} is before {@code startInclusive}
   */
  public List<Session> sessionsBetween(Instant startInclusive, Instant endExclusive) {
    requireNonNull(startInclusive, "startInclusive");
    requireNonNull(endExclusive, "endExclusive");
    checkArgument(
        !endExclusive.isBefore(startInclusive),
        "end must be on or after start: %s/%s",
        startInclusive,
        endExclusive);
    return sessions.subList(firstStartingAtOrAfter(startInclusive),
        firstStartingAtOrAfter(endExclusive));
  }

  /**
   * Sessions that start on {@code date} in the plan's zone, in plan order.
   *
   * @param date a calendar date in {@link #zone()}; not null. The day runs from its first
   *     instant to the next day's first instant, so a DST day may be 23 or 25 hours long
   * @return the sessions starting that day; empty for a date no plan can reach
   */
  public List<Session> sessionsOn(LocalDate date) {
    requireNonNull(date, "date");
    if (date.isBefore(PlanRequest.FIRST_PLANNED_DAY)
        || !date.isBefore(PlanRequest.END_OF_PLANNED_DAYS)) {
      return List.of(); // no plan reaches it (and far dates have no instant in some zones)
    }
    ZoneId zone = zone();
    return sessionsBetween(
        date.atStartOfDay(zone).toInstant(), date.plusDays(1).atStartOfDay(zone).toInstant());
  }

  /**
   * The first session that starts strictly after {@code instant}, if any.
   *
   * @param instant the moment asked about; not null
   * @return the next session, or empty when none starts after it
   */
  public Optional<Session> nextSessionAfter(Instant instant) {
    requireNonNull(instant, "instant");
    if (instant.equals(Instant.MAX)) {
      return Optional.empty();
    }
    int i = firstStartingAtOrAfter(instant.plusNanos(1));
    return i < sessions.size() ? Optional.of(sessions.get(i)) : Optional.empty();
  }

  private int firstStartingAtOrAfter(Instant instant) {
    int lo = 0;
    int hi = sessions.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sessions.get(mid).start().isBefore(instant)) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Plan other
        && protocol.equals(other.protocol)
        && request.equals(other.request)
        && phases.equals(other.phases)
        && sessions.equals(other.sessions)
        && spans.equals(other.spans)
        && milestones.equals(other.milestones)
        && version == other.version
        && Objects.equals(asOf, other.asOf)
        && progress.equals(other.progress)
        && adjustments.equals(other.adjustments);
  }

  @Override
  public int hashCode() {
    return Objects.hash(protocol.id(), request, phases, sessions);
  }

  @Override
  public String toString() {
    return "Plan[" + protocol.id() + " v" + version + ", " + request + ", " + sessions.size()
        + " sessions]";
  }

}
