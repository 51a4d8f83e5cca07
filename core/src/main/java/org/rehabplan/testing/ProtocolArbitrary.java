package org.rehabplan.testing;

import net.jqwik.api.Arbitrary;
import org.rehabplan.Protocol;

/**
 * Generates valid {@link Protocol}s: random phases with exit gates and criteria, interventions
 * with every kind of {@link org.rehabplan.Timing}, criterion-gated interventions and warm-ups
 * relative to other sessions, plus now and then the built-in hamstring protocol. Values shrink
 * toward one phase with one intervention. Configuring methods return copies.
 */
public interface ProtocolArbitrary extends Arbitrary<Protocol> {

  /**
   * Between {@code min} and {@code max} phases (1 to 8; default 1 to 4).
   *
   * @param min the fewest phases, at least 1
   * @param max the most phases, from {@code min} to 8
   * @return a copy with that range
   * @throws IllegalArgumentException if the range is empty or outside 1 to 8
   */
  ProtocolArbitrary phases(int min, int max);

  /**
   * Between {@code min} and {@code max} interventions besides a warm-up (1 to 12; default 1–5).
   *
   * @param min the fewest interventions, at least 1
   * @param max the most interventions, from {@code min} to 12
   * @return a copy with that range
   * @throws IllegalArgumentException if the range is empty or outside 1 to 12
   */
  ProtocolArbitrary interventions(int min, int max);

  /**
   * Whether the built-in protocols are mixed in (default: yes, one time in ten).
   *
   * @param withBuiltIns true to mix them in, false for generated protocols only
   * @return a copy with that choice
   */
  ProtocolArbitrary withBuiltIns(boolean withBuiltIns);
}
