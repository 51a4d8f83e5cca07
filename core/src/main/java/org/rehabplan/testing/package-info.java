/**
 * jqwik generators for rehabplan's own types, for property-testing schedule rules: {@link
 * org.rehabplan.testing.RehabArbitraries} is the entry point, and {@link
 * org.rehabplan.testing.RehabArbitraryProvider} (registered as a service) makes {@code @ForAll
 * Plan plan}, {@code @ForAll PlanRequest} and {@code @ForAll Protocol} work without configuration.
 *
 * <p>This package needs {@code net.jqwik:jqwik-api} on the class path; rehabplan declares it
 * optional, so users bring their own jqwik engine. Every arbitrary is immutable: configuring
 * methods return copies.
 *
 * <p><b>Null rule:</b> no method accepts or returns {@code null}; passing {@code null} throws
 * {@link java.lang.NullPointerException} naming the argument.
 */
@NullMarked
package org.rehabplan.testing;

import org.jspecify.annotations.NullMarked;
