/**
 * Schedule rules: named checks that a {@link org.rehabplan.Plan} keeps, each returning the {@link
 * org.rehabplan.rules.Violation violations} it finds with a sentence a person understands.
 *
 * <p>{@link org.rehabplan.rules.ScheduleRules#standard()} bundles every rule the scheduler
 * promises; the project's own property tests check generated plans against it, so the rules and
 * the scheduler prove each other. Rules compose with {@link
 * org.rehabplan.rules.ScheduleRule#and(ScheduleRule)}; write your own with {@link
 * org.rehabplan.rules.ScheduleRule#of(String, java.util.function.Function)} or the parameterised
 * factories of {@link org.rehabplan.rules.ScheduleRules}.
 *
 * <p>Every type here is immutable and thread-safe. <b>Null rule:</b> no method accepts or returns
 * {@code null}; passing {@code null} throws {@link java.lang.NullPointerException} naming the
 * argument.
 */
@NullMarked
package org.rehabplan.rules;

import org.jspecify.annotations.NullMarked;
