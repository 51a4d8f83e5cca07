package org.rehabplan;

/**
 * One method per {@link Timing} variant, called by {@link Timing#accept}: Java 17 has no
 * pattern-matching switch, so this is how rehabplan handles every variant and has the compiler
 * check it. Adding a variant adds a method here, which breaks the build wherever a visitor does
 * not handle it.
 *
 * @param <R> what the visit returns
 */
interface TimingVisitor<R> {
  R repeating(Timing.Repeating timing);

  R timesPerDay(Timing.TimesPerDay timing);

  R atLocalTimes(Timing.AtLocalTimes timing);

  R continuous(Timing.Continuous timing);

  R once(Timing.Once timing);

  R relative(Timing.Relative timing);

  R asNeeded(Timing.AsNeeded timing);
}
