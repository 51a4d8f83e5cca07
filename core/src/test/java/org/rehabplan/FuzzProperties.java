package org.rehabplan;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.jspecify.annotations.Nullable;
import org.rehabplan.rules.ScheduleRules;

/**
 * Fuzzing every public factory and builder of the model, the scheduler and the re-planner with
 * arbitrary, often extreme, arguments (durations up to {@code ±Long.MAX_VALUE} seconds, years
 * from -999,999,999 to 999,999,999, long strings, control characters, lone surrogates, nulls):
 * each call gives a valid value, or an {@link IllegalArgumentException} or {@link
 * NullPointerException} whose message names the argument. Never another exception type, never
 * more than {@link #PER_TRY} per call (a hang), never an {@link OutOfMemoryError}. Successful
 * plans stay within the documented bounds: at most {@link Scheduler#MAX_SESSIONS} sessions, all
 * in the years 1899 to 2222.
 */
// No combined edge cases: each generator already mixes its boundary values (the listed extremes,
// nulls) into random generation, and the products of 3 to 7 parameters' edge cases outnumber the
// tries (jqwik logged 'Edge case generation exceeds number of tries' for every property).
@PropertyDefaults(edgeCases = EdgeCasesMode.NONE)
class FuzzProperties {
  private static final int TRIES = 300;
  private static final Duration PER_TRY = Duration.ofSeconds(10);
  private static final String MEGABYTE = "x".repeat(1_000_000);
  private static final Instant EARLIEST_PLANNED = Instant.parse("1899-12-30T00:00:00Z");
  private static final Instant LATEST_PLANNED = Instant.parse("2223-01-01T00:00:00Z");

  // ------------------------------------------------------------------ the oracle

  /**
   * Runs {@code call} with a time limit: it must return, or throw an IAE or NPE whose message
   * contains one of {@code names}. Returns the value, or null when it was rejected.
   */
  private static <T> @Nullable T validOrNamed(Supplier<T> call, String... names) {
    return assertTimeoutPreemptively(PER_TRY, () -> {
      try {
        return call.get();
      } catch (IllegalArgumentException | NullPointerException e) {
        String message = e.getMessage();
        if (message == null || Arrays.stream(names).noneMatch(message::contains)) {
          fail(e.getClass().getSimpleName() + " message should name one of "
              + Arrays.toString(names) + ": " + message, e);
        }
        assertTrue(message.length() < 1_000, () -> "message of " + message.length()
            + " characters: " + message.substring(0, 200));
        return null;
      }
    });
  }

  // ------------------------------------------------------------------ generators

  @Provide
  static Arbitrary<Duration> durations() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.longs().between(-2 * 86_400L, 400 * 86_400L)
            .map(Duration::ofSeconds)),
        Tuple.of(3, Arbitraries.longs().between(-10, 24 * 60).map(Duration::ofMinutes)),
        Tuple.of(2, Arbitraries.of(Duration.ZERO, Duration.ofNanos(1), Duration.ofNanos(-1),
            Duration.ofSeconds(Long.MAX_VALUE, 999_999_999), Duration.ofSeconds(Long.MIN_VALUE),
            Duration.ofHours(12), Duration.ofHours(24), Duration.ofDays(366),
            Duration.ofDays(367), Limits.MAX_DURATION, Limits.MAX_DURATION.plusNanos(1),
            Duration.ofDays(-1), Duration.ofDays(3660), Duration.ofDays(36_600))),
        Tuple.of(1, Arbitraries.longs().map(Duration::ofSeconds)))
        .injectNull(0.03);
  }

  /** Mostly durations a protocol could state, sometimes any of {@link #durations()}. */
  @Provide
  static Arbitrary<Duration> planDurations() {
    return Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.longs().between(1, 12 * 60).map(Duration::ofMinutes)),
        Tuple.of(2, Arbitraries.longs().between(0, 30).map(Duration::ofDays)),
        Tuple.of(1, durations()));
  }

  /** Mostly injuries in the supported years, sometimes any of {@link #instantsInZones()}. */
  @Provide
  static Arbitrary<ZonedDateTime> injuries() {
    return Arbitraries.frequencyOf(
        Tuple.of(6, Combinators.combine(Arbitraries.longs().between(
                LocalDate.of(1900, 1, 2).toEpochDay(), LocalDate.of(2200, 12, 30).toEpochDay()),
            Arbitraries.longs().between(0, LocalTime.MAX.toNanoOfDay()),
            Arbitraries.of(ZoneId.getAvailableZoneIds()).map(ZoneId::of))
            .as((day, nanos, zone) -> ZonedDateTime.of(LocalDate.ofEpochDay(day),
                LocalTime.ofNanoOfDay(nanos), zone))),
        Tuple.of(1, instantsInZones()));
  }

  @Provide
  static Arbitrary<String> texts() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.strings().withCharRange('a', 'z').withChars(' ', '-', '\n', 'é')
            .ofMinLength(0).ofMaxLength(40)),
        Tuple.of(2, Arbitraries.strings().all().ofMaxLength(40)),
        Tuple.of(1, Arbitraries.of("x".repeat(Limits.MAX_ID_LENGTH + 1),
            "t".repeat(Limits.MAX_TITLE_LENGTH), "t".repeat(Limits.MAX_TITLE_LENGTH + 1),
            "i".repeat(Limits.MAX_INSTRUCTIONS_LENGTH + 1), "n".repeat(Limits.MAX_NOTE_LENGTH + 1),
            MEGABYTE, "a\uD800", "\uDC00b", "ok \uD83D\uDCAA", "", " ", "\t", "a\u0000b",
            "\uFFFF", "\u202Eevil")))
        .injectNull(0.03);
  }

  @Provide
  static Arbitrary<String> ids() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.strings().withChars("abz09-").ofMinLength(1).ofMaxLength(12)),
        Tuple.of(1, texts()));
  }

  @Provide
  static Arbitrary<Integer> ints() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.integers().between(-2, 30)),
        Tuple.of(1, Arbitraries.of(Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE)),
        Tuple.of(1, Arbitraries.integers()));
  }

  @Provide
  static Arbitrary<LocalTime> times() {
    return Arbitraries.longs().between(0, LocalTime.MAX.toNanoOfDay())
        .map(LocalTime::ofNanoOfDay)
        .edgeCases(c -> c.add(LocalTime.MIDNIGHT, LocalTime.MAX, LocalTime.NOON))
        .injectNull(0.03);
  }

  @Provide
  static Arbitrary<ZonedDateTime> instantsInZones() {
    Arbitrary<Integer> years = Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.integers().between(1890, 2210)),
        Tuple.of(1, Arbitraries.of(-999_999_999, -1, 0, 1, 1899, 1900, 2200, 2201, 9999, 10_000,
            999_999_999)),
        Tuple.of(1, Arbitraries.integers().between(-999_999_999, 999_999_999)));
    Arbitrary<ZoneId> zones = Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.of(ZoneId.getAvailableZoneIds()).map(ZoneId::of)),
        Tuple.of(1, Arbitraries.of(ZoneOffset.MIN, ZoneOffset.MAX, ZoneOffset.UTC)));
    return Combinators.combine(years, Arbitraries.integers().between(1, 366),
        Arbitraries.longs().between(0, LocalTime.MAX.toNanoOfDay()), zones)
        .as((y, day, nanos, zone) -> ZonedDateTime.of(LocalDateTime.of(
            LocalDate.ofYearDay(y, Math.min(day, LocalDate.of(y, 1, 1).lengthOfYear())),
            LocalTime.ofNanoOfDay(nanos)), zone))
        .injectNull(0.03);
  }

  @Provide
  static Arbitrary<Instant> instants() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, instantsInZones().filter(z -> z != null).map(ZonedDateTime::toInstant)),
        Tuple.of(1, Arbitraries.of(Instant.MIN, Instant.MAX, Instant.EPOCH)))
        .injectNull(0.03);
  }

  @Provide
  static Arbitrary<Window> windows() {
    return Combinators.combine(Arbitraries.of(Anchor.class), planDurations(), planDurations(),
        planDurations().injectNull(0.3)).as((anchor, offset, min, max) -> {
          try {
            return new Window(anchor, offset, min, Optional.ofNullable(max));
          } catch (IllegalArgumentException | NullPointerException e) {
            return Window.wholePhase();
          }
        });
  }

  /** A timing of any variant, from fuzzed arguments; null when they were rejected. */
  private static @Nullable Timing timing(int variant, int count, Duration a, Duration b,
      Duration c, LocalTime time, Window window) {
    String[] names = {"interval", "minimum", "maximum", "preferred", "sessionLength", "count",
        "window", "times", "offset", "anchor", "targets", "minimumSpacing", "maximumPerDay",
        "sessions of", "session", "days"};
    return validOrNamed(() -> switch (variant) {
      case 0 -> Timing.every(c, Spacing.between(a, b), window);
      case 1 -> Timing.timesPerDay(count, a, window);
      case 2 -> Timing.atLocalTimes(List.of(time), a, window)
          .onDays(List.of(DayOfWeek.of(1 + Math.floorMod(count, 7))));
      case 3 -> Timing.continuous(window);
      case 4 -> Timing.once(count % 2 == 0 ? Anchor.INJURY : Anchor.PHASE_START, a, b);
      case 5 -> Timing.asNeeded(a, count);
      default -> Timing.every(c, Spacing.between(a, b).preferring(c), window)
          .withWakingHoursOnly(false);
    }, names);
  }

  // ------------------------------------------------------------------ values

  @Property(tries = TRIES)
  void spacings(@ForAll("durations") Duration a, @ForAll("durations") Duration b,
      @ForAll("durations") Duration c) {
    String[] names = {"minimum", "maximum", "preferred", "interval"};
    validOrNamed(() -> Spacing.between(a, b), names);
    validOrNamed(() -> Spacing.between(a, b).preferring(c), names);
    validOrNamed(() -> Spacing.exactly(a), names);
    validOrNamed(() -> new Spacing(a, b, c), names);
  }

  @Property(tries = TRIES)
  void windowsAndIntervals(@ForAll("durations") Duration a, @ForAll("durations") Duration b,
      @ForAll("durations") Duration c, @ForAll("instants") Instant t,
      @ForAll("instants") Instant u, @ForAll("texts") String text) {
    String[] names = {"anchor", "offset", "minimumExtent", "maximumExtent", "extent"};
    validOrNamed(() -> new Window(Anchor.INJURY, a, b, Optional.ofNullable(c)), names);
    validOrNamed(() -> new Window(Anchor.INJURY, a, b, Optional.empty()), names);
    validOrNamed(() -> Window.afterInjury(a, b), names);
    validOrNamed(() -> Window.firstOfPhase(a), names);
    validOrNamed(() -> Window.wholePhase().withOffset(a), names);
    String[] intervalNames = {"start", "end", "duration", "text"};
    validOrNamed(() -> Interval.of(t, u), intervalNames);
    validOrNamed(() -> Interval.of(t, a), intervalNames);
    validOrNamed(() -> Interval.parse(text), intervalNames);
    validOrNamed(() -> Interval.parse(t + "/" + u), intervalNames);
    validOrNamed(() -> HumanDurations.format(a), "duration");
  }

  @Property(tries = TRIES)
  void timings(@ForAll("ints") int count, @ForAll("durations") Duration a,
      @ForAll("durations") Duration b, @ForAll("durations") Duration c,
      @ForAll("times") LocalTime time, @ForAll("windows") Window window,
      @ForAll("ids") String target) {
    String[] names = {"interval", "minimum", "maximum", "preferred", "sessionLength", "count",
        "window", "times", "offset", "anchor", "targets", "target", "minimumSpacing",
        "maximumPerDay", "days"};
    validOrNamed(() -> Timing.every(b, Spacing.exactly(a), window), names);
    validOrNamed(() -> Timing.timesPerDay(count, a, window), names);
    validOrNamed(() -> Timing.timesPerDay(1, a, window).onDays(List.of()), names);
    List<LocalTime> times = new ArrayList<>();
    times.add(time);
    times.add(LocalTime.NOON);
    validOrNamed(() -> Timing.atLocalTimes(times, a, window), names);
    validOrNamed(() -> Timing.continuous(window), names);
    validOrNamed(() -> Timing.once(Anchor.INJURY, a, b), names);
    validOrNamed(() -> Timing.relativeTo(Set.of(target == null ? "x" : target), a, b), names);
    validOrNamed(() -> Timing.asNeeded(a, count), names);
  }

  @Property(tries = TRIES)
  void rulesEstimatesGatesAndTexts(@ForAll("ints") int pain, @ForAll("durations") Duration a,
      @ForAll("durations") Duration b, @ForAll("durations") Duration c,
      @ForAll("ints") int days, @ForAll("ids") String id, @ForAll("texts") String text) {
    String[] setback = {"painWithActivityAtLeast", "action", "minimumTime"};
    validOrNamed(() -> SetbackRule.hold(pain, a), setback);
    validOrNamed(() -> SetbackRule.backToPrevious(pain, a), setback);
    String[] estimate = {"earliest", "typical", "latest", "provenance", "duration"};
    validOrNamed(() -> new DurationEstimate(a, b, c, List.of()), estimate);
    validOrNamed(() -> DurationEstimate.exactly(a), estimate);
    validOrNamed(() -> DurationEstimate.ofDays(days, 2L * days, (long) days * days), estimate);
    validOrNamed(() -> DurationEstimate.ofDays(Long.MIN_VALUE + days, days, Long.MAX_VALUE - days),
        estimate);
    validOrNamed(() -> ExitGate.afterTime(a), "minimumTime");
    validOrNamed(() -> ExitGate.after(a, Criterion.of("healed", "Healed?")), "minimumTime");
    validOrNamed(() -> Criterion.of(id, text), "criterion id", "question");
    validOrNamed(() -> Provenance.source(text, text), "citation", "detail");
    validOrNamed(() -> Provenance.choice(id, text), "citation", "detail");
    validOrNamed(() -> ScheduleRules.minimumGap(id, a), "interventionId", "minimum");
    validOrNamed(() -> ScheduleRules.firstSessionBefore(id, text), "earlierId", "laterId");
  }

  @Property(tries = TRIES)
  void requests(@ForAll("instantsInZones") ZonedDateTime injury, @ForAll("times") LocalTime wake,
      @ForAll("times") LocalTime sleep) {
    String[] names = {"injuredAt", "severity", "wakingHours", "wake", "sleep", "waking window"};
    validOrNamed(() -> PlanRequest.builder().injuredAt(injury).wakingHours(wake, sleep).build(),
        names);
    validOrNamed(() -> WakingHours.of(wake, sleep), names);
    validOrNamed(() -> ScheduleRules.withinLocalHours(wake, sleep), "earliest", "latest");
  }

  @Property(tries = TRIES)
  void builders(@ForAll("ids") String id, @ForAll("texts") String title,
      @ForAll("texts") String instructions, @ForAll("texts") String goal,
      @ForAll("durations") Duration minimum, @ForAll("ints") int days) {
    String[] names = {"id", "title", "instructions", "timing", "kind", "criterion", "provenance",
        "name", "goal", "exitGate", "duration", "estimate", "intervention", "phase", "condition",
        "minimumTime", "earliest", "latest"};
    Intervention intervention = validOrNamed(() -> Intervention.builder(id).title(title)
        .instructions(instructions).timing(Timing.asNeeded()).requires(id).build(), names);
    Phase phase = validOrNamed(() -> Phase.builder(id).name(title).goal(goal).interventions(id)
        .exitGate(ExitGate.afterTime(minimum))
        .durationForAll(DurationEstimate.ofDays(days, days, days)).build(), names);
    validOrNamed(() -> Protocol.builder(id).title(title).condition(goal)
        .intervention(intervention).phase(phase).build(), names);
  }

  // ------------------------------------------------------------------ planning

  @Property(tries = 2 * TRIES)
  @StatisticsReport(onFailureOnly = true) // outcome shares print only when the property fails
  void plansOfFuzzedProtocols(@ForAll("ints") int variant, @ForAll("ints") int count,
      @ForAll("planDurations") Duration a, @ForAll("planDurations") Duration b,
      @ForAll("planDurations") Duration c, @ForAll("times") LocalTime time,
      @ForAll("windows") Window window, @ForAll("ints") int days,
      @ForAll("injuries") ZonedDateTime injury) {
    Timing timing = timing(Math.floorMod(variant, 7), count, a, b, c,
        time == null ? LocalTime.NOON : time, window);
    if (timing == null) {
      Statistics.label("outcome").collect("timing rejected");
      return;
    }
    Protocol protocol = validOrNamed(() -> Protocol.builder("fuzz").title("Fuzz").condition("Any")
        .intervention(Intervention.builder("it").title("It").instructions("Do it.")
            .timing(timing).build())
        .phase(Phase.builder("only").name("Only").goal("Goal.").interventions("it")
            .durationForAll(DurationEstimate.ofDays(days, days, days)).build())
        .build(), "intervention", "phase", "protocol", "earliest", "latest", "days");
    PlanRequest request = validOrNamed(() -> PlanRequest.builder().injuredAt(injury).build(),
        "injuredAt");
    if (protocol == null || request == null) {
      Statistics.label("outcome").collect(protocol == null ? "protocol rejected"
          : "request rejected");
      return;
    }
    Plan plan = validOrNamed(() -> Scheduler.plan(protocol, request), "waking hours",
        "protocol");
    Statistics.label("outcome").collect(plan == null ? "plan rejected" : "planned");
    if (plan != null) {
      assertWithinBounds(plan);
    }
  }

  @Provide
  static Arbitrary<LocalDate> dates() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.longs().between(LocalDate.of(1890, 1, 1).toEpochDay(),
            LocalDate.of(2230, 1, 1).toEpochDay()).map(LocalDate::ofEpochDay)),
        Tuple.of(1, Arbitraries.of(LocalDate.MIN, LocalDate.MAX, LocalDate.EPOCH,
            LocalDate.of(1898, 12, 31), LocalDate.of(2222, 12, 31), LocalDate.of(2223, 1, 1))))
        .injectNull(0.03);
  }

  @Property(tries = TRIES)
  void planQueriesAndAgendas(@ForAll("injuries") ZonedDateTime injury,
      @ForAll("instants") Instant a, @ForAll("instants") Instant b,
      @ForAll("dates") LocalDate date, @ForAll("ints") int days, @ForAll("ids") String id) {
    PlanRequest request = validOrNamed(() -> PlanRequest.builder().injuredAt(injury).build(),
        "injuredAt");
    if (request == null) {
      return;
    }
    Plan plan = Scheduler.plan(Protocols.hamstringStrain(), request);
    String[] names = {"start", "end", "date", "instant", "from", "days", "phaseId", "today",
        "session"};
    validOrNamed(() -> plan.sessionsBetween(a, b), names);
    validOrNamed(() -> plan.sessionsOn(date), names);
    validOrNamed(() -> plan.nextSessionAfter(a), names);
    validOrNamed(() -> plan.phaseAt(a), names);
    validOrNamed(() -> plan.phase(id), names);
    validOrNamed(() -> Agenda.of(plan).days(date, days).text(), names);
    validOrNamed(() -> Agenda.of(plan).today(date).text(), names);
  }

  @Provide
  static Arbitrary<SetbackRule> setbacks() {
    return Combinators.combine(Arbitraries.integers().between(1, 10),
        Arbitraries.of(SetbackRule.Action.class), planDurations())
        .as((pain, action, time) -> {
          try {
            return new SetbackRule(pain, action, time);
          } catch (IllegalArgumentException | NullPointerException e) {
            return new SetbackRule(pain, action, SetbackRule.MAX_MINIMUM_TIME);
          }
        });
  }

  @Provide
  static Arbitrary<List<Object[]>> checkInArguments() {
    Arbitrary<Duration> after = Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.longs().between(0, 120 * 86_400L).map(Duration::ofSeconds)),
        Tuple.of(1, durations().filter(d -> d != null)));
    Arbitrary<Set<String>> criteria = Arbitraries.of("pain-relieved", "healed", "strength",
        "full-strength", "nonsense", "Bad Id").set().ofMaxSize(3);
    Arbitrary<Integer> pains = Arbitraries.frequencyOf(
        Tuple.of(8, Arbitraries.integers().between(0, 10)),
        Tuple.of(1, Arbitraries.of(-1, 11, Integer.MIN_VALUE, Integer.MAX_VALUE)));
    return Combinators.combine(after, pains, pains, criteria, texts())
        .as((d, rest, activity, met, note) -> new Object[] {d, rest, activity, met, note})
        .list().ofMaxSize(12);
  }

  @Property(tries = TRIES)
  @StatisticsReport(onFailureOnly = true) // outcome shares print only when the property fails
  void replansFromFuzzedCheckInLogs(@ForAll("setbacks") SetbackRule first,
      @ForAll("setbacks") SetbackRule later, @ForAll("injuries") ZonedDateTime injury,
      @ForAll("checkInArguments") List<Object[]> checkIns,
      @ForAll("planDurations") Duration nowAfter,
      @ForAll("instants") Instant extremeNow, @ForAll boolean extreme) {
    Protocol hamstring = Protocols.hamstringStrain();
    Protocol.Builder b = Protocol.builder(hamstring.id()).title(hamstring.title())
        .condition(hamstring.condition());
    hamstring.interventions().forEach(b::intervention);
    for (int i = 0; i < hamstring.phases().size(); i++) {
      b.phase(hamstring.phases().get(i).toBuilder().setback(i == 0 ? first : later).build());
    }
    Protocol protocol = b.build();
    PlanRequest request = validOrNamed(() -> PlanRequest.builder().injuredAt(injury).build(),
        "injuredAt");
    if (request == null) {
      return;
    }
    Plan plan = Scheduler.plan(protocol, request);
    Instant start = request.injuredAt().toInstant();
    List<CheckIn> made = new ArrayList<>();
    for (Object[] args : checkIns) {
      Instant at = plusOrEnd(start, (Duration) args[0]);
      @SuppressWarnings("unchecked")
      CheckIn c = validOrNamed(() -> new CheckIn(at, (Integer) args[1],
              (Integer) args[2], (Set<String>) args[3],
              args[4] == null ? Optional.<String>empty() : Optional.of((String) args[4])),
          "at", "painAtRest", "painWithActivity", "criterion id", "note", "criteriaMet");
      if (c != null) {
        made.add(c);
      }
    }
    ProgressLog log = validOrNamed(() -> ProgressLog.of(made), "check-ins", "checkIn");
    if (log == null) {
      return;
    }
    Instant latest = made.stream().map(CheckIn::at).max(Instant::compareTo).orElse(start);
    Instant now = extreme && extremeNow != null ? extremeNow
        : plusOrEnd(latest, nowAfter == null ? Duration.ZERO : nowAfter);
    Plan replanned = validOrNamed(() -> Scheduler.replan(plan, log, now), "now", "check-in",
        "previous", "log", "criterion", "phase changes", "protocol");
    Statistics.label("outcome").collect(replanned == null ? "replan rejected"
        : replanned.adjustments().isEmpty() ? "replanned" : "replanned with adjustments");
    if (replanned != null) {
      assertWithinBounds(replanned);
    }
  }

  /** {@code t + d}, or the end of the time-line it passes (the test's own arithmetic). */
  private static Instant plusOrEnd(Instant t, Duration d) {
    try {
      return t.plus(d);
    } catch (java.time.DateTimeException | ArithmeticException e) {
      return d.isNegative() ? Instant.MIN : Instant.MAX;
    }
  }

  private static void assertWithinBounds(Plan plan) {
    assertTrue(plan.sessions().size() <= Scheduler.MAX_SESSIONS);
    Interval all = plan.interval();
    assertTrue(!all.start().isBefore(EARLIEST_PLANNED) && !all.endExclusive().isAfter(
        LATEST_PLANNED), () -> "plan outside the supported years: " + all);
    assertTrue(plan.sessions().stream().allMatch(s -> !s.end().isAfter(LATEST_PLANNED)),
        () -> plan.sessions().stream().map(Session::toString).limit(3)
            .collect(Collectors.joining(", ")));
  }
}
