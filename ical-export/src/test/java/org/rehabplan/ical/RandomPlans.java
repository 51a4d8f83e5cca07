package org.rehabplan.ical;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.rehabplan.Anchor;
import org.rehabplan.Criterion;
import org.rehabplan.DurationEstimate;
import org.rehabplan.ExitGate;
import org.rehabplan.Intervention;
import org.rehabplan.InterventionKind;
import org.rehabplan.Spacing;
import org.rehabplan.Phase;
import org.rehabplan.Plan;
import org.rehabplan.PlanRequest;
import org.rehabplan.Protocol;
import org.rehabplan.Scheduler;
import org.rehabplan.Severity;
import org.rehabplan.Timing;
import org.rehabplan.WakingHours;
import org.rehabplan.Window;

/**
 * Random small plans for properties: random protocols built with the core builders (every timing
 * variant: repeating, times per day, at local times, once, relative, continuous, as needed), random
 * zones from {@link ZoneId#getAvailableZoneIds()}, injury times weighted toward the days before a
 * DST change of the zone, and random waking hours, midnight-crossing ones included.
 */
final class RandomPlans {
  /**
   * The JDK's zone ids. iCal4j registers a {@code ZoneRulesProvider} whose ids ({@code ical4j~..},
   * {@code ical4j-local-..}) appear among the available ids once it has parsed a calendar; they are
   * not tz database zones and are left out.
   */
  private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
      .filter(id -> !id.startsWith("ical4j")).sorted().toList();
  private static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");
  private static final List<String> TEXTS = List.of(
      "Plain text",
      "Semicolon; comma, backslash \\ and \"quotes\"",
      "Two\nlines",
      "BEGIN:VEVENT\nEND:VEVENT",
      "Kühlen Sie die Oberschenkelrückseite, größte Sorgfalt",
      "Ψύξτε τον μηρό για δεκαπέντε λεπτά 🧊🦵🏽",
      "A very long instruction that will certainly need folding because it goes on and on and on"
          + " past the seventy-five octet limit of a content line, twice over at least.");

  private RandomPlans() {}

  /** Plans of random protocols, zones, injury times and waking hours. */
  static Arbitrary<Plan> plans() {
    Arbitrary<String> zones = Arbitraries.of(ZONES);
    // A seed's edge cases (0, min, max) are no more telling than any other seed; without them the
    // plans have none either, instead of more combinations than the properties' tries.
    Arbitrary<Long> seeds = Arbitraries.longs().withoutEdgeCases();
    Arbitrary<Boolean> nearChange = Arbitraries.frequency(
        net.jqwik.api.Tuple.of(7, true), net.jqwik.api.Tuple.of(3, false));
    return Combinators.combine(zones, seeds, nearChange)
        .as(RandomPlans::plan)
        .filter(Optional::isPresent)
        .map(Optional::get);
  }

  private static Optional<Plan> plan(String zoneId, long seed, boolean nearChange) {
    Random r = new Random(seed);
    ZoneId zone = ZoneId.of(zoneId);
    Instant base = FROM.plus(Duration.ofMinutes(r.nextInt(5 * 365 * 24 * 60)));
    Instant injury = base;
    if (nearChange) {
      ZoneOffsetTransition t = zone.getRules().nextTransition(base);
      if (t != null) {
        injury = t.getInstant().minus(Duration.ofMinutes(r.nextInt(4 * 24 * 60)));
      }
    }
    injury = injury.truncatedTo(ChronoUnit.MINUTES);
    LocalTime wake = LocalTime.of(r.nextInt(24), r.nextBoolean() ? 0 : 30);
    LocalTime sleep = wake.plusHours(8 + r.nextInt(11)).plusMinutes(r.nextInt(4) * 15);
    PlanRequest request = PlanRequest.builder()
        .injuredAt(ZonedDateTime.ofInstant(injury, zone))
        .severity(Severity.values()[r.nextInt(3)])
        .wakingHours(WakingHours.of(wake, sleep))
        .build();
    try {
      return Optional.of(Scheduler.plan(protocol(r), request));
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // waking hours too short for a daily pattern: not a plan
    }
  }

  static Protocol protocol(Random r) {
    Protocol.Builder p = Protocol.builder("random-" + r.nextInt(1000))
        .title(text(r))
        .condition("A random condition");
    int phaseCount = 1 + r.nextInt(3);
    List<String> carried = new ArrayList<>();
    for (int i = 0; i < phaseCount; i++) {
      int earliest = 1 + r.nextInt(3);
      int typical = earliest + r.nextInt(3);
      int latest = typical + r.nextInt(3);
      ExitGate gate = i < phaseCount - 1 && r.nextBoolean()
          ? ExitGate.after(Duration.ofDays(r.nextInt(earliest + 1)),
              Criterion.of("criterion-" + i, "Is step " + i + " done?"))
          : ExitGate.afterTime(Duration.ZERO);
      Phase.Builder phase = Phase.builder("phase-" + i)
          .name(i == 0 ? text(r) : "Phase " + i)
          .goal(text(r))
          .exitGate(gate)
          .durationForAll(DurationEstimate.ofDays(earliest, typical, latest));
      List<String> ids = new ArrayList<>(carried);
      carried.clear();
      List<String> scheduled = new ArrayList<>();
      int count = 1 + r.nextInt(4);
      for (int k = 0; k < count; k++) {
        String id = "i" + i + "-" + k;
        Timing timing = timing(r, earliest);
        p.intervention(intervention(r, id, timing));
        ids.add(id);
        if (timing.schedulesSessions()) {
          scheduled.add(id);
        }
        if (i + 1 < phaseCount && r.nextInt(4) == 0) {
          carried.add(id); // also active in the next phase: one series across both
        }
      }
      if (!scheduled.isEmpty() && r.nextInt(3) == 0) {
        String id = "i" + i + "-warm-up";
        Duration length = Duration.ofMinutes(5 + r.nextInt(11));
        Duration offset = r.nextBoolean() ? length.negated() : Duration.ofMinutes(r.nextInt(30));
        p.intervention(intervention(r, id, Timing.relativeTo(
            List.of(scheduled.get(r.nextInt(scheduled.size()))), offset, length)));
        ids.add(id);
      }
      phase.interventions(ids.toArray(String[]::new));
      p.phase(phase.build());
    }
    return p.build();
  }

  private static Intervention intervention(Random r, String id, Timing timing) {
    return Intervention.builder(id)
        .kind(InterventionKind.values()[r.nextInt(InterventionKind.values().length)])
        .title(text(r))
        .instructions(text(r) + " " + text(r))
        .timing(timing)
        .build();
  }

  private static Timing timing(Random r, int earliestDays) {
    switch (r.nextInt(7)) {
      case 0: {
        int preferred = 60 + 15 * r.nextInt(13);
        int min = preferred - r.nextInt(31);
        Duration length = Duration.ofMinutes(5 + r.nextInt(Math.min(26, min - 4)));
        Window window = r.nextBoolean()
            ? Window.afterInjury(Duration.ZERO, Duration.ofHours(12 + r.nextInt(60)))
            : Window.wholePhase();
        return Timing.every(
                length,
                Spacing.between(Duration.ofMinutes(min),
                        Duration.ofMinutes(preferred + r.nextInt(61)))
                    .preferring(Duration.ofMinutes(preferred)),
                window)
            .withWakingHoursOnly(r.nextInt(3) > 0);
      }
      case 1: {
        Timing.TimesPerDay t = Timing.timesPerDay(
            1 + r.nextInt(3), Duration.ofMinutes(5 + r.nextInt(26)), Window.wholePhase());
        return r.nextBoolean() ? t : t.onDays(days(r));
      }
      case 2: {
        Set<LocalTime> times = new TreeSet<>();
        int minute = 15 * r.nextInt(4);
        int n = 1 + r.nextInt(3);
        while (times.size() < n) {
          // hours 0-3 are common DST-change hours
          int hour = r.nextInt(3) == 0 ? r.nextInt(4) : r.nextInt(24);
          times.add(LocalTime.of(hour, minute));
        }
        Timing.AtLocalTimes t = Timing.atLocalTimes(
            times, Duration.ofMinutes(5 + r.nextInt(26)), Window.wholePhase());
        return r.nextBoolean() ? t : t.onDays(days(r));
      }
      case 3:
        return Timing.once(Anchor.PHASE_START,
            Duration.ofHours(r.nextInt(earliestDays * 24 - 1)),
            Duration.ofMinutes(5 + r.nextInt(26)));
      case 4:
        return Timing.continuous(r.nextBoolean() ? Window.wholePhase()
            : Window.afterInjury(Duration.ZERO, Duration.ofHours(6 + r.nextInt(48))));
      case 5:
        return r.nextBoolean() ? Timing.asNeeded()
            : Timing.asNeeded(Duration.ofHours(4), 3);
      default: {
        Duration length = Duration.ofMinutes(5 + r.nextInt(26));
        return Timing.timesPerDay(1, length, Window.wholePhase());
      }
    }
  }

  private static Set<DayOfWeek> days(Random r) {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (DayOfWeek d : DayOfWeek.values()) {
      if (r.nextBoolean()) {
        days.add(d);
      }
    }
    if (days.isEmpty()) {
      days.add(DayOfWeek.values()[r.nextInt(7)]);
    }
    return days;
  }

  private static String text(Random r) {
    return TEXTS.get(r.nextInt(TEXTS.size()));
  }
}
