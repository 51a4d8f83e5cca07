package org.rehabplan;

/**
 * How bad the injury is. Severity selects the projected phase durations of a protocol (see {@link
 * DurationEstimate}); for hamstring strains it corresponds to the clinical grades I, II and III.
 */
public enum Severity {
  /** Mild: grade I, a strain with little loss of strength. */
  MILD,
  /** Moderate: grade II, a partial tear. */
  MODERATE,
  /** Severe: grade III, an extensive or complete tear. */
  SEVERE
}
