package org.rehabplan.testing;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.rehabplan.CheckIn;
import org.rehabplan.Criterion;
import org.rehabplan.Phase;
import org.rehabplan.Plan;
import org.rehabplan.ProgressLog;
import org.rehabplan.WakingHours;

/**
 * The entry point to rehabplan's jqwik generators, in the style of jqwik's own {@code Dates}:
 * static factories returning fluent arbitraries whose configuring methods return copies.
 *
 * <pre>{@code
 * @Property
 * void neverTwoIceSessionsWithin50Minutes(@ForAll("plans") Plan plan) {
 *   ScheduleRules.minimumGap("ice", Duration.ofMinutes(50)).assertKeptBy(plan);
 * }
 *
 * @Provide
 * Arbitrary<Plan> plans() {
 *   return RehabArbitraries.plans()
 *       .requests(RehabArbitraries.requests().aroundDstTransitions());
 * }
 * }</pre>
 */
public final class RehabArbitraries {
  private RehabArbitraries() {}

  /**
   * Every zone id the JDK knows, UTC first, then fixed offsets, then the rest sorted.
   *
   * @return an immutable list, the same on every call
   */
  public static List<ZoneId> allZones() {
    return TimeArbitraries.allZones();
  }

  /**
   * Zones: every available zone and some fixed offsets, with edge-case zones weighted in;
   * shrinks toward UTC.
   *
   * @return the arbitrary
   */
  public static Arbitrary<ZoneId> zones() {
    return TimeArbitraries.zones();
  }

  /**
   * Waking hours of 8 to 20 hours in quarter hours, some crossing midnight.
   *
   * @return the arbitrary
   */
  public static Arbitrary<WakingHours> wakingHours() {
    return TimeArbitraries.wakingHours();
  }

  /**
   * Plan requests; see {@link RequestArbitrary} for the defaults.
   *
   * @return a new arbitrary, configurable by its methods
   */
  public static RequestArbitrary requests() {
    return new DefaultRequestArbitrary();
  }

  /**
   * Valid protocols; see {@link ProtocolArbitrary} for the defaults.
   *
   * @return a new arbitrary, configurable by its methods
   */
  public static ProtocolArbitrary protocols() {
    return new DefaultProtocolArbitrary();
  }

  /**
   * Logs of 0 to 6 check-ins for {@code plan}, at distinct whole minutes within its span, with
   * random pain scores and random subsets of the protocol's criteria; shrinks toward the empty log.
   * A check-in never reports a criterion its pain scores contradict ({@link
   * Criterion#contradictionIn(CheckIn)}), since the scheduler refuses such logs.
   *
   * @param plan the plan the check-ins are for: its injury, span and protocol's criteria
   * @return the arbitrary, with one edge case (a check-in at the injury, no pain, nothing met)
   */
  public static Arbitrary<ProgressLog> checkInLogs(Plan plan) {
    java.util.Objects.requireNonNull(plan, "plan");
    Instant injury = plan.request().injuredAt().toInstant();
    long minutes = Math.max(1, Duration.between(injury, plan.interval().endExclusive()).toMinutes());
    List<String> criteria = new ArrayList<>();
    for (Phase phase : plan.protocol().phases()) {
      for (Criterion c : phase.exitGate().criteria()) {
        criteria.add(c.id());
      }
    }
    Arbitrary<Set<String>> met = criteria.isEmpty()
        ? Arbitraries.just(Set.of())
        : Arbitraries.of(criteria).set().ofMaxSize(criteria.size());
    Arbitrary<CheckIn> checkIn = Combinators.combine(
            Arbitraries.longs().between(0, minutes), Arbitraries.integers().between(0, 10),
            Arbitraries.integers().between(0, 10), met)
        .as((offset, rest, activity, criteriaMet) -> consistent(plan.protocol(), CheckIn.of(
            injury.plus(Duration.ofMinutes(offset)), rest, activity, criteriaMet)))
        // One edge case, a check-in at the injury with no pain and nothing met: combined with the
        // plans' own, jqwik's combinations would outnumber the tries.
        .edgeCases(c -> c.includeOnly(CheckIn.of(injury, 0, 0, Set.of())));
    return checkIn.list().ofMaxSize(6).uniqueElements(CheckIn::at).map(ProgressLog::of);
  }

  /** {@code checkIn} without the criteria its own values contradict. */
  private static CheckIn consistent(org.rehabplan.Protocol protocol, CheckIn checkIn) {
    Set<String> kept = new java.util.TreeSet<>();
    for (String id : checkIn.criteriaMet()) {
      if (protocol.criterion(id).map(c -> c.contradictionIn(checkIn).isEmpty()).orElse(false)) {
        kept.add(id);
      }
    }
    return kept.equals(checkIn.criteriaMet()) ? checkIn
        : CheckIn.of(checkIn.at(), checkIn.painAtRest(), checkIn.painWithActivity(), kept);
  }

  /**
   * Plans of {@link #protocols()} for {@link #requests()}.
   *
   * @return a new arbitrary, configurable by its methods
   */
  public static PlanArbitrary plans() {
    return new DefaultPlanArbitrary(protocols(), requests());
  }
}
