/**
 * rehabplan: rehabilitation protocols as immutable values, and the scheduler that turns a protocol
 * plus a person's situation into a plan of dated sessions.
 *
 * <p>The model: a {@link org.rehabplan.Protocol} has ordered {@link org.rehabplan.Phase phases};
 * each phase lists the {@link org.rehabplan.Intervention interventions} active in it and an {@link
 * org.rehabplan.ExitGate} (minimum time and {@link org.rehabplan.Criterion criteria}); each
 * intervention has a {@link org.rehabplan.Timing}, a sealed sum type. Planning: a {@link
 * org.rehabplan.PlanRequest} (injury time and zone, {@link org.rehabplan.Severity}, {@link
 * org.rehabplan.WakingHours}) goes through {@link org.rehabplan.Scheduler#plan} to a {@link
 * org.rehabplan.Plan} of {@link org.rehabplan.PlannedPhase planned phases}, {@link
 * org.rehabplan.Session sessions}, {@link org.rehabplan.GuidanceSpan spans} and {@link
 * org.rehabplan.Milestone milestones}. {@link org.rehabplan.Protocols} holds the built-in
 * protocols.
 *
 * <p>Every public type is immutable and thread-safe. Time windows are half-open {@code [start,
 * end)} ({@link org.rehabplan.Interval}). Factories and builders validate their input in one place
 * per type and reject bad input with {@link java.lang.IllegalArgumentException} or {@link
 * java.lang.NullPointerException} naming the argument and the bad value, never with an overflow:
 * texts, durations and plans are bounded as {@link org.rehabplan.Limits} states, and injuries lie
 * in the {@linkplain org.rehabplan.PlanRequest supported years}. Collections are copied on
 * the way in and exposed unmodifiable, in a deterministic order. Nothing reads the system clock or
 * the default time zone or locale.
 *
 * <p><b>Null rule:</b> no method in this package accepts or returns {@code null} unless the
 * parameter or return type is annotated {@link org.jspecify.annotations.Nullable}; passing {@code
 * null} elsewhere throws {@link java.lang.NullPointerException} naming the argument.
 *
 * <p><b>Ids</b> of protocols, phases, interventions and criteria are lower-case kebab-case ({@code
 * [a-z0-9]+(-[a-z0-9]+)*}), at most {@value org.rehabplan.Limits#MAX_ID_LENGTH} characters, so
 * they are safe in file names, session ids and calendar UIDs.
 */
@NullMarked
package org.rehabplan;

import org.jspecify.annotations.NullMarked;
