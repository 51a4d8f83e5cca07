package org.rehabplan;

/** The moment a timing's window is measured from. */
public enum Anchor {
  /** The moment of injury. */
  INJURY,
  /**
   * The start of the phase the intervention is active in; for an intervention active in several
   * consecutive phases, the start of the first of them.
   */
  PHASE_START
}
