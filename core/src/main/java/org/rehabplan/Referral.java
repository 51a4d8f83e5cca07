package org.rehabplan;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.Sets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * When a protocol tells the person to get seen by a clinician promptly: the intervention that
 * says when (a firm first-day session listing the warning signs), the severities at which it is
 * always advised, and the check-ins that add it (high pain early on). {@link Plan#referralReasons()}
 * applies it to one plan.
 *
 * @param interventionId the intervention that carries the advice; it must have dated sessions
 * @param alwaysAt the severities at which getting seen promptly is always advised
 * @param alwaysAdvice what the plan says at those severities, one or more sentences
 * @param painAtLeast a check-in with pain at rest or with activity at or above this (1–10) ...
 * @param within ... no later than this after the injury adds the advice; positive
 * @param painAdvice what the plan says after such a check-in, one or more sentences
 * @param provenance where these rules come from; thresholds no source gives are choices
 */
public record Referral(
    String interventionId, Set<Severity> alwaysAt, String alwaysAdvice, int painAtLeast,
    Duration within, String painAdvice, List<Provenance> provenance) {
  /**
   * Validates and copies the components.
   *
   * @param interventionId the intervention that carries the advice; it must have dated sessions
   * @param alwaysAt the severities at which getting seen promptly is always advised; may be empty
   * @param alwaysAdvice what the plan says at those severities, one or more sentences
   * @param painAtLeast the pain score (1–10) at rest or with activity from which a check-in adds
   *     the advice
   * @param within how long after the injury such a check-in adds the advice; positive
   * @param painAdvice what the plan says after such a check-in, one or more sentences
   * @param provenance where these rules come from; copied
   * @throws IllegalArgumentException if the id is malformed, an advice blank or too long, {@code
   *     painAtLeast} outside 1–10 or {@code within} not positive
   */
  public Referral {
    Checks.checkId(interventionId, "interventionId");
    requireNonNull(alwaysAt, "alwaysAt");
    alwaysAt = alwaysAt.isEmpty() ? Sets.immutableEnumSet(EnumSet.noneOf(Severity.class))
        : Sets.immutableEnumSet(alwaysAt);
    Checks.checkText(alwaysAdvice, "alwaysAdvice");
    Checks.checkText(painAdvice, "painAdvice");
    checkArgument(painAtLeast >= 1 && painAtLeast <= 10,
        "painAtLeast must be between 1 and 10: %s", painAtLeast);
    Checks.checkPositive(within, "within");
    provenance = ImmutableList.copyOf(requireNonNull(provenance, "provenance"));
  }

  /**
   * Whether {@code checkIn}, made {@code sinceInjury} after the injury, adds the advice.
   *
   * @param checkIn the check-in
   * @param sinceInjury the time from the injury to the check-in
   * @return true when {@code sinceInjury} is at most {@link #within()} and the higher of the two
   *     pain scores is at least {@link #painAtLeast()}
   */
  public boolean raisedBy(CheckIn checkIn, Duration sinceInjury) {
    requireNonNull(checkIn, "checkIn");
    requireNonNull(sinceInjury, "sinceInjury");
    return sinceInjury.compareTo(within) <= 0
        && Math.max(checkIn.painAtRest(), checkIn.painWithActivity()) >= painAtLeast;
  }
}
