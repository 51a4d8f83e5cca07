package org.rehabplan.ical;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.ZonedDateTime;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.rehabplan.Plan;
import org.rehabplan.PlanRequest;
import org.rehabplan.Protocols;
import org.rehabplan.Scheduler;

/**
 * Fuzzing the exporter's builder (issue 14): any calendar name, alarm and flags give an exporter
 * that writes the plan, or an IAE/NPE naming the argument; never another exception, never a hang.
 */
class ExporterBuilderFuzzTest {
  private static final Plan PLAN = Scheduler.plan(Protocols.hamstringStrain(), PlanRequest
      .builder().injuredAt(ZonedDateTime.parse("2027-03-27T18:30+01:00[Europe/Berlin]")).build());

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.strings().all().ofMaxLength(60)),
        Tuple.of(1, Arbitraries.of("", " ", "x".repeat(IcalExporter.MAX_NAME_LENGTH),
            "x".repeat(IcalExporter.MAX_NAME_LENGTH + 1), "x".repeat(1_000_000), "a\r\nb",
            "Kühlen ✓ \uD83D\uDCAA")))
        .injectNull(0.05);
  }

  // No combined edge cases: the names above list their extremes, and jqwik's combinations of four
  // parameters' edge cases (252) outnumbered the tries and logged a warning on every run.
  @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
  void anyBuilderArgumentsGiveAWorkingExporterOrANamedRejection(
      @ForAll("names") String name, @ForAll int alarm, @ForAll boolean expanded,
      @ForAll boolean privacy) {
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      IcalExporter exporter;
      try {
        exporter = IcalExporter.builder().calendarName(name).alarmMinutesBefore(alarm)
            .oneEventPerSession(expanded).privacyMode(privacy).build();
      } catch (IllegalArgumentException | NullPointerException e) {
        String m = String.valueOf(e.getMessage());
        if (!m.contains("calendarName") && !m.contains("alarm")) {
          fail("message names no argument: " + m, e);
        }
        return;
      }
      assertTrue(exporter.export(PLAN).bytes().length > 0);
    });
  }
}
