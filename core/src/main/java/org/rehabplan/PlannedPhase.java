package org.rehabplan;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A phase placed on the time-line of one plan: its typical projection {@code [start, end)} and the
 * earliest and latest projections, all from the severity's {@link DurationEstimate}s. Immutable
 * and thread-safe.
 *
 * <p>A phase after the first starts only when the previous phase's exit gate opens; when that gate
 * names criteria, the start is {@linkplain #isTentative() tentative}: it depends on criteria that
 * have not been reported met.
 */
public final class PlannedPhase {
  private final Phase phase;
  private final Interval projected;
  private final Interval earliest;
  private final Interval latest;
  private final ImmutableSet<Criterion> entryCriteria;
  private final ImmutableSet<Criterion> awaited;

  PlannedPhase(
      Phase phase, Interval projected, Interval earliest, Interval latest,
      Set<Criterion> entryCriteria) {
    this(phase, projected, earliest, latest, entryCriteria, entryCriteria);
  }

  private PlannedPhase(
      Phase phase, Interval projected, Interval earliest, Interval latest,
      Set<Criterion> entryCriteria, Set<Criterion> awaited) {
    this.phase = requireNonNull(phase, "phase");
    this.projected = requireNonNull(projected, "projected");
    this.earliest = requireNonNull(earliest, "earliest");
    this.latest = requireNonNull(latest, "latest");
    this.entryCriteria = ImmutableSet.copyOf(entryCriteria);
    this.awaited = ImmutableSet.copyOf(awaited);
  }

  /** This occurrence waiting on {@code criteria}; the same object when unchanged. */
  PlannedPhase awaiting(Set<Criterion> criteria) {
    return awaited.equals(criteria) ? this
        : new PlannedPhase(phase, projected, earliest, latest, entryCriteria, criteria);
  }

  /**
   * The phase.
   *
   * @return the protocol's phase this is an occurrence of
   */
  public Phase phase() {
    return phase;
  }

  /**
   * The phase's id.
   *
   * @return {@code phase().id()}
   */
  public String id() {
    return phase.id();
  }

  /**
   * The typical projection {@code [start, end)}.
   *
   * @return the interval when every phase so far takes its typical estimate
   */
  public Interval projected() {
    return projected;
  }

  /**
   * Where the typical projection starts.
   *
   * @return {@code projected().start()}
   */
  public Instant start() {
    return projected.start();
  }

  /**
   * Where the typical projection ends (exclusive).
   *
   * @return {@code projected().endExclusive()}, the first instant after the phase
   */
  public Instant end() {
    return projected.endExclusive();
  }

  /**
   * The projection when every earlier phase takes its earliest estimate.
   *
   * @return the earliest interval {@code [start, end)}
   */
  public Interval earliest() {
    return earliest;
  }

  /**
   * The projection when every earlier phase takes its latest estimate.
   *
   * @return the latest interval {@code [start, end)}
   */
  public Interval latest() {
    return latest;
  }

  /**
   * The criteria that must be met before this phase starts: the previous phase's exit criteria.
   *
   * @return an immutable set, empty for the first phase or after a gate with only a minimum time
   */
  public Set<Criterion> entryCriteria() {
    return entryCriteria;
  }

  /**
   * Every criterion not yet reported met that must be met before this phase begins: its own entry
   * criteria and those of the phases before it, in the order the person meets them. Empty once
   * the phase is certain to come (it began, or every gate before it opened or needs only time).
   * The sessions of a phase that awaits criteria are {@linkplain Session#isConditional()
   * conditional}.
   *
   * @return an immutable set in the order the person meets the criteria
   */
  public Set<Criterion> awaitedCriteria() {
    return awaited;
  }

  /**
   * Whether the start depends on criteria not yet reported met.
   *
   * @return true when {@link #entryCriteria()} is not empty
   */
  public boolean isTentative() {
    return !entryCriteria.isEmpty();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof PlannedPhase other
        && phase.equals(other.phase)
        && projected.equals(other.projected)
        && earliest.equals(other.earliest)
        && latest.equals(other.latest)
        && entryCriteria.equals(other.entryCriteria)
        && awaited.equals(other.awaited);
  }

  @Override
  public int hashCode() {
    return Objects.hash(phase.id(), projected, earliest, latest, entryCriteria);
  }

  @Override
  public String toString() {
    return "PlannedPhase[" + phase.id() + ", " + projected + "]";
  }
}
