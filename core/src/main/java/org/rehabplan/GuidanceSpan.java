package org.rehabplan;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * Continuous guidance over a span of time ("avoid painful activities", "elevate the leg when
 * resting"), from a {@link Timing.Continuous} intervention, within one phase.
 *
 * @param id stable id of the form {@code interventionId/phaseId}
 * @param intervention the guidance
 * @param phase the phase the span lies in
 * @param interval when it holds, {@code [start, end)}; not empty
 */
public record GuidanceSpan(String id, Intervention intervention, Phase phase, Interval interval) {
  /**
   * Validates the components.
   *
   * @param id stable id of the form {@code interventionId/phaseId}
   * @param intervention the guidance
   * @param phase the phase the span lies in
   * @param interval when it holds, {@code [start, end)}; not empty
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if {@code interval} is empty
   */
  public GuidanceSpan {
    requireNonNull(id, "id");
    requireNonNull(intervention, "intervention");
    requireNonNull(phase, "phase");
    requireNonNull(interval, "interval");
    checkArgument(!interval.isEmpty(), "span must not be empty: %s", interval);
  }
}
