package org.rehabplan.testing;

import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.providers.ArbitraryProvider;
import net.jqwik.api.providers.TypeUsage;
import org.rehabplan.Plan;
import org.rehabplan.PlanRequest;
import org.rehabplan.Protocol;

/**
 * Lets jqwik generate {@code @ForAll Plan}, {@code @ForAll PlanRequest} and {@code @ForAll
 * Protocol} parameters with the defaults of {@link RehabArbitraries}. Registered through {@code
 * META-INF/services/net.jqwik.api.providers.ArbitraryProvider}, which jqwik reads on the class
 * path (not through {@code provides} in module-info: jqwik is optional, and a {@code provides}
 * clause for it would stop the module from resolving without jqwik).
 */
public final class RehabArbitraryProvider implements ArbitraryProvider {
  /** Used by the service loader. */
  public RehabArbitraryProvider() {}

  @Override
  public boolean canProvideFor(TypeUsage targetType) {
    return targetType.isOfType(Plan.class) || targetType.isOfType(PlanRequest.class)
        || targetType.isOfType(Protocol.class);
  }

  @Override
  public Set<Arbitrary<?>> provideFor(TypeUsage targetType, SubtypeProvider subtypeProvider) {
    if (targetType.isOfType(Plan.class)) {
      return Set.of(RehabArbitraries.plans());
    } else if (targetType.isOfType(PlanRequest.class)) {
      return Set.of(RehabArbitraries.requests());
    }
    return Set.of(RehabArbitraries.protocols());
  }
}
