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

  /** Between {@code min} and {@code max} phases (1 to 8; default 1 to 4). */
  ProtocolArbitrary phases(int min, int max);

  /** Between {@code min} and {@code max} interventions besides a warm-up (1 to 12; default 1–5). */
  ProtocolArbitrary interventions(int min, int max);

  /** Whether the built-in protocols are mixed in (default: yes, one time in ten). */
  ProtocolArbitrary withBuiltIns(boolean withBuiltIns);
}
