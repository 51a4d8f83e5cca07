package org.rehabplan;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * Why a re-planned plan's phases differ from the projection: a phase ended because its gate
 * opened, or a setback sent the person back or held them.
 *
 * @param at when it took effect
 * @param kind what happened
 * @param phaseId the phase the person is in from {@code at}
 * @param reason a sentence a person understands
 */
public record Adjustment(Instant at, Kind kind, String phaseId, String reason) {
  /** What happened. */
  public enum Kind {
    /** The previous phase's gate opened: minimum time passed and criteria reported met. */
    ADVANCED,
    /** A setback sent the person back to the previous phase. */
    SET_BACK,
    /** A setback held the person in the current phase. */
    HELD
  }

  /**
   * Validates the components.
   *
   * @param at when it took effect; not null
   * @param kind what happened; not null
   * @param phaseId the phase the person is in from {@code at}; not null
   * @param reason a sentence a person understands; not null
   * @throws NullPointerException if a component is null
   */
  public Adjustment {
    requireNonNull(at, "at");
    requireNonNull(kind, "kind");
    requireNonNull(phaseId, "phaseId");
    requireNonNull(reason, "reason");
  }
}
