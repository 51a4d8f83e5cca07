package org.rehabplan.testing;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.Shrinkable;

/**
 * Finds and shrinks a counterexample to a property outside jqwik's test runner, from a fixed seed:
 * handy to show in a test or a document what a wrong schedule rule trips over. Use it inside a
 * jqwik {@code @Example} or {@code @Property} method, where jqwik's context is available.
 */
public final class Counterexamples {
  private Counterexamples() {}

  /**
   * Draws up to {@code tries} values from {@code arbitrary} with the given {@code seed}; for the
   * first one where {@code property} does not hold, shrinks it greedily (always taking the first
   * smaller value that still fails) and returns the result. Empty if the property held every time.
   *
   * @param <T> the type of the generated values
   * @param arbitrary where values come from; not null
   * @param property the rule that should hold for every value; not null
   * @param seed the seed of the random source, so the same call finds the same counterexample
   * @param tries how many values to draw at most, positive
   * @return the shrunk counterexample, or empty when the property held for every value drawn
   * @throws IllegalArgumentException if {@code tries} is not positive
   */
  public static <T> Optional<T> find(
      Arbitrary<T> arbitrary, Predicate<? super T> property, long seed, int tries) {
    requireNonNull(arbitrary, "arbitrary");
    requireNonNull(property, "property");
    checkArgument(tries > 0, "tries must be positive: %s", tries);
    RandomGenerator<T> generator = arbitrary.generator(1000);
    Random random = new Random(seed);
    Shrinkable<T> failing = null;
    for (int i = 0; i < tries && failing == null; i++) {
      Shrinkable<T> candidate = generator.next(random);
      if (!property.test(candidate.value())) {
        failing = candidate;
      }
    }
    if (failing == null) {
      return Optional.empty();
    }
    boolean improved = true;
    while (improved) {
      improved = false;
      for (Shrinkable<T> smaller : (Iterable<Shrinkable<T>>) failing.shrink()::iterator) {
        if (!property.test(smaller.value())) {
          failing = smaller;
          improved = true;
          break;
        }
      }
    }
    return Optional.of(failing.value());
  }
}
