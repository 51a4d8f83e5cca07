package org.rehabplan.bench;

import java.time.Duration;
import java.time.Instant;
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
import org.rehabplan.CheckIn;
import org.rehabplan.Plan;
import org.rehabplan.ProgressLog;
import org.rehabplan.Scheduler;

/**
 * Re-planning after a check-in: the first version of the plan, re-planned from one check-in that
 * reports pain relieved 3 days after the injury; {@code plan} is the baseline in the same run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class ReplanBenchmark {
  @Param({"HAMSTRING_MODERATE", "HAMSTRING_SEVERE"})
  public Workloads workload;

  private Plan first;
  private ProgressLog log;
  private Instant now;

  @Setup
  public void setUp() {
    first = Scheduler.plan(workload.protocol(), workload.request());
    Instant at = workload.request().injuredAt().toInstant().plus(Duration.ofDays(3));
    log = ProgressLog.of(CheckIn.of(at, 1, 2, List.of("pain-relieved")));
    now = at.plus(Duration.ofMinutes(5));
  }

  @Benchmark
  public Plan plan() {
    return Scheduler.plan(workload.protocol(), workload.request());
  }

  @Benchmark
  public Plan replanAfterACheckIn() {
    return Scheduler.replan(first, log, now);
  }
}
