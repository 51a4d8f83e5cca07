package org.rehabplan;

/** What an intervention is, independent of its wording; drives icons, categories and filters. */
public enum InterventionKind {
  /** Cold pack on the injured area. */
  ICE,
  /** Raising the injured limb while resting. */
  ELEVATE,
  /** Compression or support: bandage, wrap, sleeve. */
  COMPRESS,
  /** Relative rest: avoiding activities that provoke pain. */
  REST,
  /** Pain medication. */
  MEDICATE,
  /** Gentle stretching. */
  STRETCH,
  /** Strengthening exercise. */
  STRENGTHEN,
  /** Warming up before exercise. */
  WARM_UP,
  /** A check: a self-check or seeing a clinician. */
  ASSESS,
  /** Sport or other demanding activity, resumed gradually. */
  RETURN_TO_SPORT,
  /** Anything else. */
  OTHER
}
