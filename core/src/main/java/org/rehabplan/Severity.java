package org.rehabplan;

/**
 * How bad the injury is. Severity selects the projected phase durations of a protocol (see {@link
 * DurationEstimate}); for hamstring strains the built-in protocol matches it to the three grades
 * below. Matching rehabplan's severities to grades is a rehabplan choice; the lay signs are those
 * of nidirect's "Hamstring injury (muscle strain)" page ({@link Protocols#NIDIRECT}), so a person
 * without an MRI can choose. The projected durations use MRI grades 1-3 of {@link
 * Protocols#EKSTRAND_2012}.
 */
public enum Severity {
  /**
   * Mild: grade 1, a mild strain. Sudden pain and tenderness at the back of the thigh; moving the
   * leg may hurt; the muscle keeps its strength.
   */
  MILD,
  /**
   * Moderate: grade 2, a partial tear. More painful and tender; maybe swelling and bruising at the
   * back of the thigh; some strength may be lost.
   */
  MODERATE,
  /**
   * Severe: grade 3, a severe tear. Usually very painful, tender, swollen and bruised; maybe a
   * "popping" feeling when it happened; the leg cannot be used. The built-in protocol always says
   * to get seen by a clinician promptly.
   */
  SEVERE
}
