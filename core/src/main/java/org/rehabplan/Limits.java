package org.rehabplan;

import java.time.Duration;

/**
 * The bounds rehabplan puts on its inputs, so that every plan and every calendar stays small and
 * every bad value is refused with a clear {@link IllegalArgumentException} instead of an overflow
 * or a runaway plan. The values are rehabplan's choices, not clinical figures.
 *
 * <ul>
 *   <li>Texts: ids at most {@value #MAX_ID_LENGTH} characters; titles, names, conditions and
 *       criterion questions at most {@value #MAX_TITLE_LENGTH}; instructions, phase goals and
 *       provenance citations and details at most {@value #MAX_INSTRUCTIONS_LENGTH}; check-in
 *       notes at most {@value #MAX_NOTE_LENGTH}. A text may not hold control characters other
 *       than line feed, nor a lone (unpaired) UTF-16 surrogate, which no calendar or file
 *       encoding can carry.
 *   <li>Durations: every offset, extent, spacing and gate time a protocol states is at most
 *       {@link #MAX_DURATION}, the longest a protocol can run; a setback lasts at most {@link
 *       SetbackRule#MAX_MINIMUM_TIME}; a phase at most {@link
 *       DurationEstimate#MAX_PHASE_DURATION}.
 *   <li>Years: injuries from {@value PlanRequest#FIRST_YEAR} to {@value PlanRequest#LAST_YEAR}
 *       (see {@link PlanRequest}).
 *   <li>Size: at most {@value Scheduler#MAX_SESSIONS} sessions a plan, {@value
 *       Protocol#MAX_PHASES} phases a protocol.
 * </ul>
 *
 * <p>Messages that quote a text longer than {@value #QUOTED_LENGTH} characters quote its start and
 * give its length.
 */
public final class Limits {
  /** The most characters an id may have. */
  public static final int MAX_ID_LENGTH = 64;

  /**
   * The most characters a short text may have: a title, a phase name, a condition or a criterion
   * question.
   */
  public static final int MAX_TITLE_LENGTH = 200;

  /**
   * The most characters a long text may have: instructions, a phase goal, a provenance citation
   * or a provenance detail.
   */
  public static final int MAX_INSTRUCTIONS_LENGTH = 10_000;

  /** The most characters a check-in note may have. */
  public static final int MAX_NOTE_LENGTH = 2_000;

  /**
   * The longest duration a protocol may state as an offset, a window extent, a spacing or an exit
   * gate's minimum time: {@value Protocol#MAX_PHASES} phases of at most 366 days each, the
   * longest a protocol can run (7,320 days).
   */
  public static final Duration MAX_DURATION = Duration.ofDays(366L * Protocol.MAX_PHASES);

  /** How many characters of a long text an error message quotes. */
  public static final int QUOTED_LENGTH = 80;

  private Limits() {}
}
