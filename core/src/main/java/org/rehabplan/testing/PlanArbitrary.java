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

  /**
   * Plans these protocols.
   *
   * @param protocols where the protocols come from, e.g. {@link RehabArbitraries#protocols()}
   * @return a copy drawing its protocols from {@code protocols}
   */
  PlanArbitrary protocols(Arbitrary<Protocol> protocols);

  /**
   * Plans for these requests.
   *
   * @param requests where the requests come from, e.g. {@link RehabArbitraries#requests()}
   * @return a copy drawing its requests from {@code requests}
   */
  PlanArbitrary requests(Arbitrary<PlanRequest> requests);
}
