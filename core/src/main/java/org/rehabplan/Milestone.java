package org.rehabplan;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import java.util.Set;

/**
 * The projected moment a phase begins, with the criteria that must be met first.
 *
 * @param id stable id of the form {@code start/phaseId}
 * @param phase the phase that begins
 * @param projected the typical projection of the moment
 * @param earliest the earliest projection
 * @param latest the latest projection
 * @param criteria the criteria the person must report met first (may be empty)
 */
public record Milestone(
    String id, Phase phase, Instant projected, Instant earliest, Instant latest,
    Set<Criterion> criteria) {
  /**
   * Validates and copies the components.
   *
   * @param id stable id of the form {@code start/phaseId}
   * @param phase the phase that begins
   * @param projected the typical projection of the moment
   * @param earliest the earliest projection
   * @param latest the latest projection
   * @param criteria the criteria the person must report met first (may be empty); copied
   * @throws NullPointerException if a component or a criterion is null
   */
  public Milestone {
    requireNonNull(id, "id");
    requireNonNull(phase, "phase");
    requireNonNull(projected, "projected");
    requireNonNull(earliest, "earliest");
    requireNonNull(latest, "latest");
    criteria = ImmutableSet.copyOf(criteria);
  }
}
