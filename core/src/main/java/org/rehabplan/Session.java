package org.rehabplan;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One dated session of an intervention: {@code [start, end)} on the time-line, in a phase, with an
 * id that is stable for equal inputs. Immutable and thread-safe; made by the {@link Scheduler}.
 *
 * <p>The id has the form {@code interventionId/phaseId/n}, where {@code n} counts the
 * intervention's sessions in that phase from 1 in start order.
 */
public final class Session {
  /** Plan order of sessions: by start, then end, then id. */
  public static final Comparator<Session> ORDER =
      Comparator.comparing(Session::start).thenComparing(Session::end).thenComparing(Session::id);

  private final String id;
  private final Intervention intervention;
  private final Phase phase;
  private final Interval interval;

  Session(String id, Intervention intervention, Phase phase, Interval interval) {
    this.id = requireNonNull(id, "id");
    this.intervention = requireNonNull(intervention, "intervention");
    this.phase = requireNonNull(phase, "phase");
    this.interval = requireNonNull(interval, "interval");
    checkArgument(!interval.isEmpty(), "session must not be empty: %s", interval);
  }

  /** The stable id, e.g. {@code ice/protect/3}. */
  public String id() {
    return id;
  }

  /** What is done in the session. */
  public Intervention intervention() {
    return intervention;
  }

  /** The phase the session belongs to: the phase in which it starts. */
  public Phase phase() {
    return phase;
  }

  /** When the session starts (inclusive). */
  public Instant start() {
    return interval.start();
  }

  /** When the session ends (exclusive). */
  public Instant end() {
    return interval.endExclusive();
  }

  /** {@code [start, end)}. */
  public Interval interval() {
    return interval;
  }

  /** How long the session lasts. */
  public Duration duration() {
    return interval.duration();
  }

  /** The start in {@code zone}. */
  public ZonedDateTime startIn(ZoneId zone) {
    return start().atZone(requireNonNull(zone, "zone"));
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Session other
        && id.equals(other.id)
        && intervention.equals(other.intervention)
        && phase.equals(other.phase)
        && interval.equals(other.interval);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, intervention.id(), phase.id(), interval);
  }

  @Override
  public String toString() {
    return "Session[" + id + ", " + interval + "]";
  }
}
