package org.rehabplan.bench;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import biweekly.Biweekly;
import biweekly.ICalendar;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rehabplan.Plan;

/**
 * The baselines write every session in iCalendar that biweekly reads. iCal4j and biweekly fold by
 * characters, not octets, so their lines with multi-byte text are longer than RFC 5545 allows (one
 * reason the exporter folds itself); the hand-written baseline and the exporter fold at 75 octets.
 */
class BaselinesTest {
  @ParameterizedTest
  @EnumSource(value = Workloads.class, names = {"HAMSTRING_MODERATE", "STRESS_300"})
  void everyBaselineWritesEverySession(Workloads workload) {
    ExportBenchmark bench = new ExportBenchmark();
    bench.workload = workload;
    bench.setUp(); // also checks that the portable floor writes the exporter's bytes
    Plan plan = workload.plan();
    List<Function<ExportBenchmark, byte[]>> runs = List.of(ExportBenchmark::baselineIcal4j,
        ExportBenchmark::baselineBiweekly, ExportBenchmark::baselineHandWritten,
        ExportBenchmark::expanded);
    for (int i = 0; i < runs.size(); i++) {
      String ics = new String(runs.get(i).apply(bench), UTF_8);
      for (String line : ics.split("\r\n", -1)) {
        assertTrue(i <= 1 || line.getBytes(UTF_8).length <= 75, i + ": " + line);
      }
      ICalendar parsed = Biweekly.parse(ics).first();
      long sessions = parsed.getEvents().stream()
          .filter(e -> e.getExperimentalProperty("X-REHABPLAN-ITEM").getValue().equals("session"))
          .count();
      assertEquals(plan.sessions().size(), sessions);
      assertEquals(plan.sessions().get(0).intervention().title(),
          parsed.getEvents().stream()
              .filter(e -> e.getExperimentalProperty("X-REHABPLAN-ITEM").getValue()
                  .equals("session"))
              .map(e -> e.getSummary().getValue())
              .filter(s -> s.equals(plan.sessions().get(0).intervention().title()))
              .findFirst().orElseThrow());
    }
  }
}
