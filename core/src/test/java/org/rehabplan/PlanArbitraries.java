package org.rehabplan;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Test generators for the core types: random valid protocols, zones, injury times weighted toward
 * DST transitions, 23:59 and leap days, and waking windows including midnight-crossing ones.
 */
final class PlanArbitraries {
  private PlanArbitraries() {}

  static final List<String> ZONES = new ArrayList<>(new TreeSet<>(ZoneId.getAvailableZoneIds()));

  /** Every available zone id, plus fixed offsets and UTC. */
  static Arbitrary<ZoneId> zones() {
    return Arbitraries.frequencyOf(
        Tuple.of(20, Arbitraries.of(ZONES).map(ZoneId::of)),
        Tuple.of(2, Arbitraries.of("Europe/Berlin", "America/New_York", "Australia/Lord_Howe",
            "Asia/Kathmandu", "Pacific/Chatham", "America/Sao_Paulo", "Australia/Sydney",
            "Pacific/Apia", "America/St_Johns", "Europe/London").map(ZoneId::of)),
        Tuple.of(1, Arbitraries.of(ZoneOffset.UTC, ZoneOffset.ofHoursMinutes(5, 45),
            ZoneOffset.ofHours(-11), ZoneId.of("UTC"), ZoneId.of("Etc/GMT+12"))));
  }

  /** Injury times in a zone: near DST transitions, at 23:59, on leap days, or anywhere. */
  static Arbitrary<ZonedDateTime> injuryTimes(ZoneId zone) {
    Arbitrary<LocalDate> dates = Arbitraries.longs().between(
        LocalDate.of(2020, 1, 1).toEpochDay(), LocalDate.of(2035, 12, 31).toEpochDay())
        .map(LocalDate::ofEpochDay);
    Arbitrary<LocalTime> times = Arbitraries.integers().between(0, 24 * 60 - 1)
        .map(m -> LocalTime.of(m / 60, m % 60));
    Arbitrary<ZonedDateTime> anywhere =
        Combinators.combine(dates, times).as((d, t) -> ZonedDateTime.of(d, t, zone));
    Arbitrary<ZonedDateTime> lateNight = dates.map(d -> ZonedDateTime.of(d, LocalTime.of(23, 59), zone));
    Arbitrary<ZonedDateTime> leapDay = Combinators.combine(
        Arbitraries.of(2024, 2028, 2032), times)
        .as((y, t) -> ZonedDateTime.of(LocalDate.of(y, 2, 29), t, zone));
    Arbitrary<ZonedDateTime> nearTransition = Combinators.combine(
        Arbitraries.integers().between(2021, 2034),
        Arbitraries.integers().between(0, 11),
        Arbitraries.integers().between(-3 * 24 * 60, 24 * 60))
        .as((year, month, minutes) -> nearTransition(zone, year, month, minutes));
    return Arbitraries.frequencyOf(
        Tuple.of(5, nearTransition), Tuple.of(3, anywhere), Tuple.of(1, lateNight),
        Tuple.of(1, leapDay));
  }

  private static ZonedDateTime nearTransition(ZoneId zone, int year, int month, int minutes) {
    ZoneRules rules = zone.getRules();
    Instant from = LocalDate.of(year, month + 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    ZoneOffsetTransition t = rules.nextTransition(from);
    Instant base = t == null ? from : t.getInstant();
    return base.plus(Duration.ofMinutes(minutes)).atZone(zone).withSecond(0).withNano(0);
  }

  /** Waking windows, some crossing midnight, at least 8 hours long. */
  static Arbitrary<WakingHours> wakingHours() {
    Arbitrary<WakingHours> any = Combinators.combine(
        Arbitraries.integers().between(0, 24 * 4 - 1),
        Arbitraries.integers().between(8 * 4, 20 * 4))
        .as((startQuarter, lengthQuarters) -> {
          LocalTime wake = LocalTime.of(startQuarter / 4, startQuarter % 4 * 15);
          return WakingHours.of(wake, wake.plusMinutes(lengthQuarters * 15L));
        });
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.just(WakingHours.DEFAULT)),
        Tuple.of(1, Arbitraries.just(WakingHours.of(LocalTime.of(15, 0), LocalTime.of(7, 0)))),
        Tuple.of(6, any));
  }

  static Arbitrary<PlanRequest> requests() {
    return zones().flatMap(zone -> Combinators.combine(
        injuryTimes(zone), Arbitraries.of(Severity.class), wakingHours())
        .as((injury, severity, waking) -> PlanRequest.builder()
            .injuredAt(injury).severity(severity).wakingHours(waking).build()));
  }

  // ------------------------------------------------------------------ protocols

  /** What a generated intervention looks like before it is tied to phases. */
  record InterventionSpec(Timing timing, int phaseMask, boolean gated, InterventionKind kind) {}

  static Arbitrary<Duration> minutes(int min, int max) {
    return Arbitraries.integers().between(min, max).map(Duration::ofMinutes);
  }

  static Arbitrary<Window> windows() {
    Arbitrary<Duration> offsets = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.just(Duration.ZERO)), Tuple.of(1, minutes(1, 12 * 60)));
    Arbitrary<Duration> maxima = Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just((Duration) null)),
        Tuple.of(2, minutes(60, 4 * 24 * 60)));
    return Combinators.combine(Arbitraries.of(Anchor.class), offsets, maxima)
        .as((anchor, offset, max) -> new Window(anchor, offset, Duration.ZERO, max));
  }

  static Arbitrary<Timing> timings() {
    Arbitrary<Timing> repeating = Combinators.combine(
        minutes(5, 45), minutes(0, 60), minutes(0, 180), windows(), Arbitraries.of(true, true, false))
        .as((length, extraMin, spread, window, waking) -> {
          Duration min = length.plus(extraMin).plusMinutes(15);
          Duration max = min.plus(spread);
          return new Timing.Repeating(length, IntervalRange.between(min, max), window, waking);
        });
    Arbitrary<Set<DayOfWeek>> days = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.just(EnumSet.allOf(DayOfWeek.class))),
        Tuple.of(1, Arbitraries.of(DayOfWeek.class).set().ofMinSize(1).ofMaxSize(6)));
    Arbitrary<Timing> perDay = Combinators.combine(
        Arbitraries.integers().between(1, 4), minutes(5, 45), days, windows())
        .as((count, length, d, window) -> new Timing.TimesPerDay(count, length, d, window));
    Arbitrary<Timing> atTimes = Combinators.combine(
        Arbitraries.integers().between(0, 23 * 4).set().ofMinSize(1).ofMaxSize(3),
        minutes(5, 14), days, windows())
        .as((quarters, length, d, window) -> new Timing.AtLocalTimes(
            quarters.stream().sorted().map(q -> LocalTime.of(q / 4, q % 4 * 15)).toList(),
            length, d, window));
    Arbitrary<Timing> once = Combinators.combine(
        Arbitraries.of(Anchor.class), minutes(0, 12 * 60), minutes(5, 30))
        .as((anchor, offset, length) -> new Timing.Once(anchor, offset, length));
    Arbitrary<Timing> continuous = windows().map(Timing.Continuous::new);
    return Arbitraries.frequencyOf(
        Tuple.of(4, repeating), Tuple.of(4, perDay), Tuple.of(2, atTimes), Tuple.of(2, once),
        Tuple.of(1, continuous), Tuple.of(1, Arbitraries.just(Timing.asNeeded())));
  }

  record PhaseSpec(long earliestHours, long typicalExtraHours, long latestExtraHours,
      long gateHours, boolean criterion) {}

  static Arbitrary<PhaseSpec> phaseSpecs() {
    return Combinators.combine(
        Arbitraries.longs().between(24, 5 * 24),
        Arbitraries.longs().between(0, 5 * 24),
        Arbitraries.longs().between(0, 5 * 24),
        Arbitraries.longs().between(0, 24),
        Arbitraries.of(true, false))
        .as(PhaseSpec::new);
  }

  /** Random valid protocols with 1–4 phases and 1–5 interventions (plus maybe a warm-up). */
  static Arbitrary<Protocol> protocols() {
    Arbitrary<InterventionSpec> interventions = Combinators.combine(
        timings(), Arbitraries.integers().between(1, 15), Arbitraries.of(true, false),
        Arbitraries.of(InterventionKind.class))
        .as(InterventionSpec::new);
    Arbitrary<Protocol> random = Combinators.combine(
        phaseSpecs().list().ofMinSize(1).ofMaxSize(4),
        interventions.list().ofMinSize(1).ofMaxSize(5),
        Arbitraries.of(true, false),
        minutes(-30, 30))
        .as(PlanArbitraries::protocol);
    return Arbitraries.frequencyOf(
        Tuple.of(9, random), Tuple.of(1, Arbitraries.just(Protocols.hamstringStrain())));
  }

  static Protocol protocol(
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
      b.phase(Phase.builder("p" + i).name("Phase " + i).goal("Goal " + i)
          .interventions(members.get(i).toArray(String[]::new))
          .exitGate(p.criterion()
              ? ExitGate.after(gate, Criterion.of("c" + i, "Met " + i + "?"))
              : ExitGate.afterTime(gate))
          .durationForAll(new DurationEstimate(earliest, typical, latest, List.of()))
          .build());
    }
    return b.build();
  }

  /** Local date-time helper for tests. */
  static LocalDateTime local(Instant instant, ZoneId zone) {
    return LocalDateTime.ofInstant(instant, zone);
  }
}
