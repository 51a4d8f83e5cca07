package org.rehabplan;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One dated session of an intervention: {@code [start, end)} on the time-line, in a phase, with an
 * id that is stable for equal inputs. Immutable and thread-safe; made by the {@link Scheduler}.
 *
 * <p><b>Firm or conditional.</b> A session is {@linkplain #isConditional() conditional} while it
 * waits on criteria the person has not reported met ({@link #awaitedCriteria()}): it belongs to a
 * phase that begins only once they are met, so its date is a projection, not an appointment. A
 * re-plan after the check-in that reports them makes it firm.
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
  private final ImmutableSet<Criterion> awaited;

  Session(String id, Intervention intervention, Phase phase, Interval interval) {
    this(id, intervention, phase, interval, ImmutableSet.of());
  }

  private Session(
      String id, Intervention intervention, Phase phase, Interval interval,
      Set<Criterion> awaited) {
    this.id = requireNonNull(id, "id");
    this.intervention = requireNonNull(intervention, "intervention");
    this.phase = requireNonNull(phase, "phase");
    this.interval = requireNonNull(interval, "interval");
    checkArgument(!interval.isEmpty(), "session must not be empty: %s", interval);
    this.awaited = ImmutableSet.copyOf(awaited);
  }

  /** This session waiting on {@code criteria} (none: firm); the same object when unchanged. */
  Session awaiting(Set<Criterion> criteria) {
    return awaited.equals(criteria) ? this
        : new Session(id, intervention, phase, interval, criteria);
  }

  /**
   * The stable id, e.g. {@code ice/protect/3}.
   *
   * @return intervention id, phase id and a 1-based number, slash-separated; the same for the same inputs
   */
  public String id() {
    return id;
  }

  /**
   * What is done in the session.
   *
   * @return the intervention this session is an occurrence of
   */
  public Intervention intervention() {
    return intervention;
  }

  /**
   * The phase the session belongs to: the phase in which it starts.
   *
   * @return the protocol phase (see {@link Plan#phaseOf(Session)} for the occurrence on the time-line)
   */
  public Phase phase() {
    return phase;
  }

  /**
   * When the session starts (inclusive).
   *
   * @return the first instant of the session
   */
  public Instant start() {
    return interval.start();
  }

  /**
   * When the session ends (exclusive).
   *
   * @return the instant just after the session; after {@link #start()}
   */
  public Instant end() {
    return interval.endExclusive();
  }

  /**
   * The half-open interval {@code [start, end)}.
   *
   * @return the session's interval
   */
  public Interval interval() {
    return interval;
  }

  /**
   * How long the session lasts.
   *
   * @return {@code end - start}, positive
   */
  public Duration duration() {
    return interval.duration();
  }

  /**
   * The criteria that must be reported met before this session is due, in the order the person
   * meets them; empty for a firm session.
   *
   * @return an immutable, ordered set
   */
  public Set<Criterion> awaitedCriteria() {
    return awaited;
  }

  /**
   * Whether the session waits on criteria not yet reported met (see {@link #awaitedCriteria()}).
   *
   * @return true for a conditional session, which must not be presented as due; false for a firm one
   */
  public boolean isConditional() {
    return !awaited.isEmpty();
  }

  /**
   * The criterion the person waits for first, if the session is conditional: its {@link
   * Criterion#question()} is what to ask, e.g. "Has the pain ... eased off?".
   *
   * @return the first awaited criterion; empty for a firm session
   */
  public Optional<Criterion> condition() {
    return awaited.stream().findFirst();
  }

  /**
   * The start in {@code zone}.
   *
   * @param zone the zone to read the start in, usually {@link Plan#zone()}; not null
   * @return the start instant as a zoned date-time
   */
  public ZonedDateTime startIn(ZoneId zone) {
    return start().atZone(requireNonNull(zone, "zone"));
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Session other
        && id.equals(other.id)
        && intervention.equals(other.intervention)
        && phase.equals(other.phase)
        && interval.equals(other.interval)
        && awaited.equals(other.awaited);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, intervention.id(), phase.id(), interval);
  }

  @Override
  public String toString() {
    return "Session[" + id + ", " + interval
        + (awaited.isEmpty() ? "" : ", once " + awaited.stream().map(Criterion::id).toList())
        + "]";
  }
}
