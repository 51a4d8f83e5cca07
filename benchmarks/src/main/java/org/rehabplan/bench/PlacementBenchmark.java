package org.rehabplan.bench;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.rehabplan.DurationEstimate;
import org.rehabplan.Intervention;
import org.rehabplan.Phase;
import org.rehabplan.Plan;
import org.rehabplan.PlanRequest;
import org.rehabplan.Protocol;
import org.rehabplan.Scheduler;
import org.rehabplan.Timing;
import org.rehabplan.Window;

/**
 * How planning scales with the number of daily interventions (issue 14): one 10-day phase with
 * {@code interventions} interventions of one 1-minute session a day, so {@code 10 ×
 * interventions} sessions. {@code timesPerDay} places each session in the middle of the waking
 * day and moves it later while the time is taken (the placement this measures);
 * {@code atLocalTimes}, the baseline, plans the same sessions at a fixed local time, with no
 * placement. Per-session cost is µs/op divided by the sessions.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class PlacementBenchmark {
  /** How many daily interventions the phase holds. */
  @Param({"100", "500", "1000", "4000"})
  public int interventions;

  private Protocol daily;
  private Protocol fixed;
  private PlanRequest request;

  /** Builds both protocols and checks they plan {@code 10 × interventions} sessions. */
  @Setup
  public void setUp() {
    daily = protocol(Timing.timesPerDay(1, Duration.ofMinutes(1), Window.wholePhase()));
    fixed = protocol(Timing.atLocalTimes(List.of(LocalTime.of(14, 0)), Duration.ofMinutes(1),
        Window.wholePhase()));
    request = PlanRequest.builder()
        .injuredAt(ZonedDateTime.parse("2027-01-04T06:00+01:00[Europe/Berlin]")).build();
    int expected = interventions * 10;
    int sessions = Scheduler.plan(daily, request).sessions().size();
    if (sessions != expected || Scheduler.plan(fixed, request).sessions().size() != expected) {
      throw new IllegalStateException("expected " + expected + " sessions, got " + sessions);
    }
  }

  private Protocol protocol(Timing timing) {
    Protocol.Builder b = Protocol.builder("scaling").title("Scaling").condition("Benchmark");
    String[] ids = new String[interventions];
    for (int i = 0; i < interventions; i++) {
      ids[i] = "daily-" + i;
      b.intervention(Intervention.builder(ids[i]).title("Daily " + i)
          .instructions("One minute a day.").timing(timing).build());
    }
    return b.phase(Phase.builder("only").name("Only").goal("Ten days.").interventions(ids)
        .durationForAll(DurationEstimate.ofDays(10, 10, 10)).build()).build();
  }

  /** Plans the daily sessions, each placed in the first free time after mid-day. */
  @Benchmark
  public Plan timesPerDay() {
    return Scheduler.plan(daily, request);
  }

  /** Plans the same sessions at a fixed local time (the baseline without placement). */
  @Benchmark
  public Plan atLocalTimes() {
    return Scheduler.plan(fixed, request);
  }
}
