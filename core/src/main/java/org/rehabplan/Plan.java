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
    this.phases = ImmutableList.copyOf(phases);
    this.sessions = ImmutableList.sortedCopyOf(Session.ORDER, sessions);
    this.spans = ImmutableList.copyOf(spans);
    this.milestones = ImmutableList.copyOf(milestones);
    checkArgument(version >= 1, "version must be positive: %s", version);
    this.version = version;
    this.asOf = asOf;
    this.progress = requireNonNull(progress, "progress");
    this.adjustments = ImmutableList.copyOf(adjustments);
  }

  /** 1 for a plan from {@link Scheduler#plan}; one more than the previous for each re-plan. */
  public int version() {
    return version;
  }

  /**
   * The moment of re-planning, if this plan was re-planned: sessions that start before it are
   * history, kept exactly as the previous version had them.
   */
  public Optional<Instant> asOf() {
    return Optional.ofNullable(asOf);
  }

  /** Whether {@code session} is history: it started before {@link #asOf()}. */
  public boolean isHistory(Session session) {
    requireNonNull(session, "session");
    return asOf != null && session.start().isBefore(asOf);
  }

  /** The check-ins this plan was re-planned from (empty for a first plan). */
  public ProgressLog progress() {
    return progress;
  }

  /** Why the phases differ from the projection: phase changes and setbacks, oldest first. */
  public List<Adjustment> adjustments() {
    return adjustments;
  }

  /** The protocol planned. */
  public Protocol protocol() {
    return protocol;
  }

  /** The situation planned for. */
  public PlanRequest request() {
    return request;
  }

  /** The person's time zone. */
  public ZoneId zone() {
    return request.zone();
  }

  /**
   * The phases on the time-line, in order: each phase of the protocol once, except that a
   * re-planned plan repeats a phase the person was set back to.
   */
  public List<PlannedPhase> phases() {
    return phases;
  }

  /**
   * The planned phase with {@code phaseId}, if the protocol has it; after a setback a phase may
   * occur more than once, and this is its latest occurrence.
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

  /** The phase occurrence a session belongs to: the one of its phase that contains its start. */
  public Optional<PlannedPhase> phaseOf(Session session) {
    requireNonNull(session, "session");
    for (PlannedPhase p : phases) {
      if (p.id().equals(session.phase().id()) && p.projected().contains(session.start())) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** The planned phase whose typical projection contains {@code instant}, if any. */
  public Optional<PlannedPhase> phaseAt(Instant instant) {
    requireNonNull(instant, "instant");
    for (PlannedPhase p : phases) {
      if (p.projected().contains(instant)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** The time-line the plan covers: from the injury to the end of the last phase. */
  public Interval interval() {
    return Interval.of(request.injuredAt().toInstant(), phases.get(phases.size() - 1).end());
  }

  /** All sessions, sorted by start, then end, then id. */
  public List<Session> sessions() {
    return sessions;
  }

  /** The continuous guidance spans, sorted by start. */
  public List<GuidanceSpan> guidanceSpans() {
    return spans;
  }

  /** The moments each phase after the first is projected to begin. */
  public List<Milestone> milestones() {
    return milestones;
  }

  /** Sessions that start in {@code [startInclusive, endExclusive)}, in plan order. */
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

  /** Sessions that start on {@code date} in the plan's zone, in plan order. */
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

  /** The first session that starts strictly after {@code instant}, if any. */
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
