package org.rehabplan.testing;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.arbitraries.ArbitraryDecorator;
import java.util.Optional;
import org.rehabplan.Anchor;
import org.rehabplan.Criterion;
import org.rehabplan.DurationEstimate;
import org.rehabplan.ExitGate;
import org.rehabplan.Spacing;
import org.rehabplan.Intervention;
import org.rehabplan.InterventionKind;
import org.rehabplan.Phase;
import org.rehabplan.Protocol;
import org.rehabplan.Protocols;
import org.rehabplan.SetbackRule;
import org.rehabplan.Timing;
import org.rehabplan.Window;

final class DefaultProtocolArbitrary extends ArbitraryDecorator<Protocol>
    implements ProtocolArbitrary {
  private int minPhases = 1;
  private int maxPhases = 4;
  private int minInterventions = 1;
  private int maxInterventions = 5;
  private boolean withBuiltIns = true;

  /** A generated intervention before it is tied to phases. */
  private record InterventionSpec(
      Timing timing, int phaseMask, boolean gated, InterventionKind kind) {}

  /** A generated phase: durations in hours; setback 0 none, 1 hold, 2 back. */
  private record PhaseSpec(
      long earliestHours, long typicalExtraHours, long latestExtraHours, long gateHours,
      boolean criterion, int setback, int setbackPain) {}

  @Override
  protected Arbitrary<Protocol> arbitrary() {
    Arbitrary<InterventionSpec> interventions = Combinators.combine(
            timings(), Arbitraries.integers().between(1, (1 << maxPhases) - 1),
            Arbitraries.of(false, true), Arbitraries.of(InterventionKind.class))
        .as(InterventionSpec::new)
        // Edge cases: each timing's, in the first phase, ungated, ice only.
        .edgeCases(c -> c.filter(spec -> spec.phaseMask() == 1 && !spec.gated()
            && spec.kind() == InterventionKind.ICE));
    Arbitrary<PhaseSpec> phases = Combinators.combine(
            Arbitraries.longs().between(24, 5 * 24),
            Arbitraries.longs().between(0, 5 * 24),
            Arbitraries.longs().between(0, 5 * 24),
            Arbitraries.longs().between(0, 24),
            Arbitraries.of(false, true),
            Arbitraries.integers().between(0, 2),
            Arbitraries.integers().between(5, 9))
        .as(PhaseSpec::new)
        // Two edge cases, the shortest phase with and without a criterion: jqwik's combinations
        // of every component's edge cases would outnumber the tries many times over.
        .edgeCases(c -> c.includeOnly(
            new PhaseSpec(24, 0, 0, 0, false, 0, 5), new PhaseSpec(24, 0, 0, 0, true, 0, 5)));
    Arbitrary<Protocol> random = Combinators.combine(
            phases.list().ofMinSize(minPhases).ofMaxSize(maxPhases),
            interventions.list().ofMinSize(minInterventions).ofMaxSize(maxInterventions),
            Arbitraries.of(false, true).edgeCases(c -> c.includeOnly(false)), // no warm-up
            minutes(-30, 30))
        .as(DefaultProtocolArbitrary::protocol);
    return withBuiltIns
        ? Arbitraries.frequencyOf(
            Tuple.of(9, random), Tuple.of(1, Arbitraries.just(Protocols.hamstringStrain())))
        : random;
  }

  /** Whole minutes; the only edge case is the shortest, so that combinations stay few. */
  private static Arbitrary<Duration> minutes(int min, int max) {
    return Arbitraries.integers().between(min, max).map(Duration::ofMinutes)
        .edgeCases(c -> c.includeOnly(Duration.ofMinutes(min)));
  }

  private static Arbitrary<Window> windows() {
    Arbitrary<Duration> offsets = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.just(Duration.ZERO)), Tuple.of(1, minutes(1, 12 * 60)));
    Arbitrary<Optional<Duration>> maxima = Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just(Optional.<Duration>empty())),
        Tuple.of(2, minutes(60, 4 * 24 * 60).map(Optional::of)));
    return Combinators.combine(Arbitraries.of(Anchor.class), offsets, maxima)
        .as((anchor, offset, max) -> new Window(anchor, offset, Duration.ZERO, max))
        .edgeCases(c -> c.includeOnly(Window.wholePhase()));
  }

  private static Arbitrary<Timing> timings() {
    Arbitrary<Timing> repeating = Combinators.combine(
            minutes(5, 45), minutes(0, 60), minutes(0, 180), windows(),
            Arbitraries.of(true, true, false))
        .<Timing>as((length, extraMin, spread, window, waking) -> {
          Duration min = length.plus(extraMin).plusMinutes(15);
          return new Timing.Repeating(
              length, Spacing.between(min, min.plus(spread)), window, waking);
        })
        .edgeCases(c -> c.includeOnly(new Timing.Repeating(Duration.ofMinutes(5),
            Spacing.between(Duration.ofMinutes(20), Duration.ofMinutes(20)), Window.wholePhase(),
            true)));
    Arbitrary<Set<DayOfWeek>> days = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.just(EnumSet.allOf(DayOfWeek.class))),
        Tuple.of(1, Arbitraries.of(DayOfWeek.class).set().ofMinSize(1).ofMaxSize(6)));
    Arbitrary<Timing> perDay = Combinators.combine(
            Arbitraries.integers().between(1, 4), minutes(5, 45), days, windows())
        .<Timing>as((count, length, d, window) -> new Timing.TimesPerDay(count, length, d, window))
        .edgeCases(c -> c.includeOnly(new Timing.TimesPerDay(
            1, Duration.ofMinutes(5), EnumSet.allOf(DayOfWeek.class), Window.wholePhase())));
    Arbitrary<Timing> atTimes = Combinators.combine(
            Arbitraries.integers().between(0, 23 * 4).set().ofMinSize(1).ofMaxSize(3),
            minutes(5, 14), days, windows())
        .<Timing>as((quarters, length, d, window) -> new Timing.AtLocalTimes(
            quarters.stream().sorted().map(q -> LocalTime.of(q / 4, q % 4 * 15)).toList(),
            length, d, window))
        .edgeCases(c -> c.includeOnly(new Timing.AtLocalTimes(List.of(LocalTime.MIDNIGHT),
            Duration.ofMinutes(5), EnumSet.allOf(DayOfWeek.class), Window.wholePhase())));
    Arbitrary<Timing> once = Combinators.combine(
            Arbitraries.of(Anchor.class), minutes(0, 12 * 60), minutes(5, 30))
        .<Timing>as((anchor, offset, length) -> new Timing.Once(anchor, offset, length))
        .edgeCases(c -> c.includeOnly(
            new Timing.Once(Anchor.INJURY, Duration.ZERO, Duration.ofMinutes(5))));
    Arbitrary<Timing> continuous = windows().map(Timing.Continuous::new);
    return Arbitraries.frequencyOf(
        Tuple.of(4, perDay), Tuple.of(4, repeating), Tuple.of(2, atTimes), Tuple.of(2, once),
        Tuple.of(1, continuous), Tuple.of(1, Arbitraries.just(Timing.asNeeded())));
  }

  private static Protocol protocol(
      List<PhaseSpec> phaseSpecs, List<InterventionSpec> specs, boolean warmUp,
      Duration warmUpOffset) {
    int n = phaseSpecs.size();
    Protocol.Builder b = Protocol.builder("generated")
        .title("Generated protocol").condition("Generated condition");
    List<List<String>> members = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      members.add(new ArrayList<>());
    }
    String firstScheduled = null;
    for (int k = 0; k < specs.size(); k++) {
      InterventionSpec spec = specs.get(k);
      String id = "i" + k;
      int mask = spec.phaseMask() & ((1 << n) - 1);
      if (mask == 0) {
        mask = 1 << (k % n);
      }
      int first = Integer.numberOfTrailingZeros(mask);
      Intervention.Builder ib = Intervention.builder(id).kind(spec.kind())
          .title("Intervention " + k).instructions("Do " + k).timing(spec.timing());
      if (spec.gated() && first > 0 && phaseSpecs.get(first - 1).criterion()) {
        ib.requires("c" + (first - 1));
      }
      b.intervention(ib.build());
      for (int i = 0; i < n; i++) {
        if ((mask & (1 << i)) != 0) {
          members.get(i).add(id);
        }
      }
      if (firstScheduled == null && spec.timing().schedulesSessions()) {
        firstScheduled = id;
      }
    }
    if (warmUp && firstScheduled != null) {
      b.intervention(Intervention.builder("warm-up").kind(InterventionKind.WARM_UP)
          .title("Warm up").instructions("Walk")
          .timing(Timing.relativeTo(List.of(firstScheduled), warmUpOffset, Duration.ofMinutes(10)))
          .build());
      for (int i = 0; i < n; i++) {
        members.get(i).add("warm-up");
      }
    }
    for (int i = 0; i < n; i++) {
      PhaseSpec p = phaseSpecs.get(i);
      Duration earliest = Duration.ofHours(p.earliestHours());
      Duration typical = earliest.plusHours(p.typicalExtraHours());
      Duration latest = typical.plusHours(p.latestExtraHours());
      Duration gate = Duration.ofHours(Math.min(p.gateHours(), p.earliestHours()));
      Phase.Builder phase = Phase.builder("p" + i).name("Phase " + i).goal("Goal " + i)
          .interventions(members.get(i).toArray(String[]::new))
          .exitGate(p.criterion()
              ? ExitGate.after(gate, Criterion.of("c" + i, "Met " + i + "?"))
              : ExitGate.afterTime(gate))
          .durationForAll(new DurationEstimate(earliest, typical, latest, List.of()));
      if (p.setback() == 1) {
        phase.setback(SetbackRule.hold(p.setbackPain(), Duration.ofHours(12)));
      } else if (p.setback() == 2) {
        phase.setback(SetbackRule.backToPrevious(p.setbackPain(), Duration.ofDays(1)));
      }
      b.phase(phase.build());
    }
    return b.build();
  }

  @Override
  public ProtocolArbitrary phases(int min, int max) {
    checkArgument(1 <= min && min <= max && max <= 8,
        "phases must satisfy 1 <= min <= max <= 8: %s, %s", min, max);
    DefaultProtocolArbitrary copy = typedClone();
    copy.minPhases = min;
    copy.maxPhases = max;
    return copy;
  }

  @Override
  public ProtocolArbitrary interventions(int min, int max) {
    checkArgument(1 <= min && min <= max && max <= 12,
        "interventions must satisfy 1 <= min <= max <= 12: %s, %s", min, max);
    DefaultProtocolArbitrary copy = typedClone();
    copy.minInterventions = min;
    copy.maxInterventions = max;
    return copy;
  }

  @Override
  public ProtocolArbitrary withBuiltIns(boolean withBuiltIns) {
    DefaultProtocolArbitrary copy = typedClone();
    copy.withBuiltIns = withBuiltIns;
    return copy;
  }
}
