package org.rehabplan;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableSet;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When a phase may end: after a minimum time in the phase <em>and</em> once every criterion is met.
 *
 * @param minimumTime the least time spent in the phase, zero or positive
 * @param criteria the criteria that must all be reported met, in declaration order; ids unique
 */
public record ExitGate(Duration minimumTime, Set<Criterion> criteria) {

  /**
   * Validates the components and copies the criteria.
   *
   * @param minimumTime the least time spent in the phase, zero or positive
   * @param criteria the criteria that must all be reported met; no nulls, ids unique
   * @throws IllegalArgumentException if {@code minimumTime} is negative or two criteria share an id
   */
  public ExitGate {
    Checks.checkNotNegative(minimumTime, "minimumTime");
    criteria = ImmutableSet.copyOf(Checks.checkNoNulls(criteria, "criteria"));
    Set<String> ids = criteria.stream().map(Criterion::id).collect(Collectors.toSet());
    checkArgument(ids.size() == criteria.size(), "criterion ids must be unique: %s", criteria);
  }

  /**
   * A gate that opens after {@code minimumTime} once all {@code criteria} are met.
   *
   * @param minimumTime the least time spent in the phase, zero or positive
   * @param criteria the criteria that must all be reported met, in declaration order; ids unique
   * @return the gate
   * @throws IllegalArgumentException if {@code minimumTime} is negative or two criteria share an id
   */
  public static ExitGate after(Duration minimumTime, Criterion... criteria) {
    return new ExitGate(minimumTime, ImmutableSet.copyOf(Checks.checkNoNulls(criteria,
        "criteria")));
  }

  /**
   * A gate that opens after {@code minimumTime} once all {@code criteria} are met.
   *
   * @param minimumTime the least time spent in the phase, zero or positive
   * @param criteria the criteria that must all be reported met, in iteration order; ids unique
   * @return the gate
   * @throws IllegalArgumentException if {@code minimumTime} is negative or two criteria share an id
   */
  public static ExitGate after(Duration minimumTime, Collection<Criterion> criteria) {
    return new ExitGate(minimumTime, ImmutableSet.copyOf(Checks.checkNoNulls(criteria,
        "criteria")));
  }

  /**
   * A gate that opens after {@code minimumTime}, with no criteria.
   *
   * @param minimumTime the least time spent in the phase, zero or positive
   * @return the gate
   * @throws IllegalArgumentException if {@code minimumTime} is negative
   */
  public static ExitGate afterTime(Duration minimumTime) {
    return new ExitGate(minimumTime, ImmutableSet.of());
  }

  /**
   * Whether the gate names any criterion.
   *
   * @return true when the phase also waits for the person's report, not only for time
   */
  public boolean hasCriteria() {
    return !criteria.isEmpty();
  }
}
