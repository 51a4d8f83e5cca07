package org.rehabplan.testing;

import static java.util.Objects.requireNonNull;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.arbitraries.ArbitraryDecorator;
import org.rehabplan.Plan;
import org.rehabplan.PlanRequest;
import org.rehabplan.Protocol;
import org.rehabplan.Scheduler;

final class DefaultPlanArbitrary extends ArbitraryDecorator<Plan> implements PlanArbitrary {
  private Arbitrary<Protocol> protocols;
  private Arbitrary<PlanRequest> requests;

  DefaultPlanArbitrary(Arbitrary<Protocol> protocols, Arbitrary<PlanRequest> requests) {
    this.protocols = protocols;
    this.requests = requests;
  }

  @Override
  protected Arbitrary<Plan> arbitrary() {
    return Combinators.combine(protocols, requests).as(Scheduler::plan);
  }

  @Override
  public PlanArbitrary protocols(Arbitrary<Protocol> protocols) {
    DefaultPlanArbitrary copy = typedClone();
    copy.protocols = requireNonNull(protocols, "protocols");
    return copy;
  }

  @Override
  public PlanArbitrary requests(Arbitrary<PlanRequest> requests) {
    DefaultPlanArbitrary copy = typedClone();
    copy.requests = requireNonNull(requests, "requests");
    return copy;
  }
}
