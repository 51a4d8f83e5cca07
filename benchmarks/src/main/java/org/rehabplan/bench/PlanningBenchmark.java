package org.rehabplan.bench;

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
import org.rehabplan.Plan;
import org.rehabplan.PlanRequest;
import org.rehabplan.Protocol;
import org.rehabplan.Scheduler;

/** Planning: {@link Scheduler#plan} for each workload. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class PlanningBenchmark {
  @Param({"HAMSTRING_MILD", "HAMSTRING_MODERATE", "HAMSTRING_SEVERE", "STRESS_300",
      "STRESS_3000"})
  public Workloads workload;

  private Protocol protocol;
  private PlanRequest request;

  @Setup
  public void setUp() {
    protocol = workload.protocol();
    request = workload.request();
  }

  @Benchmark
  public Plan plan() {
    return Scheduler.plan(protocol, request);
  }
}
