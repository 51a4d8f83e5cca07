package org.rehabplan.testing;

import net.jqwik.api.Arbitrary;
import org.rehabplan.Plan;
import org.rehabplan.PlanRequest;
import org.rehabplan.Protocol;

/**
 * Generates {@link Plan}s by planning generated protocols for generated requests with {@link
 * org.rehabplan.Scheduler#plan}. Configuring methods return copies.
 */
public interface PlanArbitrary extends Arbitrary<Plan> {

  /** Plans these protocols. */
  PlanArbitrary protocols(Arbitrary<Protocol> protocols);

  /** Plans for these requests. */
  PlanArbitrary requests(Arbitrary<PlanRequest> requests);
}
