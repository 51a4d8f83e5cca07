package org.rehabplan.bench;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rehabplan.DurationEstimate;
import org.rehabplan.Intervention;
import org.rehabplan.InterventionKind;
import org.rehabplan.Phase;
import org.rehabplan.Plan;
import org.rehabplan.PlanRequest;
import org.rehabplan.Protocol;
import org.rehabplan.Scheduler;
import org.rehabplan.Timing;
import org.rehabplan.Window;
import org.rehabplan.ical.IcalExporter;
import org.rehabplan.testing.RehabArbitraries;

/**
 * The exporter writes its files directly; they must be exactly what iCal4j's rendering of {@link
 * IcalExporter#toCalendar} gives, folded at 75 octets: the form the golden files were made with.
 */
class DirectWriterEquivalenceTest {
  @Provide
  Arbitrary<IcalExporter> exporters() {
    return Combinators.combine(
        Arbitraries.of(true, false),
        Arbitraries.of(true, false),
        Arbitraries.of(-1, 0, 1, 10, 59, 60, 90, 1439, 1440, 1441, 1500, 2880, 10080),
        Arbitraries.of(true, false),
        Arbitraries.of("", "Mein Plan; Ä, ö \\ ü 🧊")
    ).as((oneEach, privacy, alarm, clock, name) -> {
      IcalExporter.Builder b = IcalExporter.builder().oneEventPerSession(oneEach)
          .privacyMode(privacy);
      if (alarm < 0) {
        b.noAlarms();
      } else {
        b.alarmMinutesBefore(alarm);
      }
      if (clock) {
        b.clock(Clock.fixed(Instant.parse("2031-02-03T04:05:06.789Z"), ZoneOffset.UTC));
      }
      if (!name.isEmpty()) {
        b.calendarName(name);
      }
      return b.build();
    });
  }

  @Property(tries = 300)
  void theDirectWriterWritesIcal4jsRendering(
      @ForAll("exporters") IcalExporter exporter, @ForAll("plans") Plan plan) {
    assertEquals(viaIcal4j(exporter, plan), exporter.export(plan).text());
  }

  @Provide
  Arbitrary<Plan> plans() {
    return RehabArbitraries.plans();
  }

  @Property(tries = 20)
  void workloadsToo(@ForAll("exporters") IcalExporter exporter,
      @ForAll @IntRange(max = 4) int workload) {
    Plan plan = Workloads.values()[workload].plan();
    assertEquals(viaIcal4j(exporter, plan), exporter.export(plan).text());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Ice; then rest, \\ then\nBEGIN:VEVENT\r\nEND", "🧊🦵🏽⏱️ 👩🏽‍⚕️ done",
      "lone \ud83e high and \udde6 low surrogates, in a longer line of text to fold it somewhere",
      "Kühlen Sie die Rückseite des Oberschenkels fünfzehn Minuten lang; größte Sorgfalt",
      "Βάλτε μια κρύα κομπρέσα στο πονεμένο σημείο για δεκαπέντε λεπτά, με μια λεπτή πετσέτα"})
  void trickyText(String text) {
    Plan plan = textPlan(text);
    for (boolean oneEach : List.of(true, false)) {
      IcalExporter exporter = IcalExporter.builder().oneEventPerSession(oneEach).build();
      // Bytes: a lone surrogate is '?' in UTF-8, so toIcs has '?' where the model has the surrogate.
      assertArrayEquals(viaIcal4j(exporter, plan).getBytes(UTF_8), exporter.export(plan).bytes());
    }
  }

  private static Plan textPlan(String text) {
    String safe = text.replace("\r", "");
    Protocol protocol = Protocol.builder("text-test")
        .title("Title " + safe.replace("\n", " "))
        .condition("Testing text")
        .intervention(Intervention.builder("ice")
            .kind(InterventionKind.ICE)
            .title(safe.replace("\n", " "))
            .instructions(safe + "\n" + safe)
            .timing(Timing.timesPerDay(3, Duration.ofMinutes(15), Window.wholePhase()))
            .build())
        .phase(Phase.builder("only")
            .name(safe.replace("\n", " ").substring(0, 8))
            .goal(safe)
            .interventions("ice")
            .durationForAll(DurationEstimate.ofDays(9, 9, 9))
            .build())
        .build();
    return Scheduler.plan(protocol, PlanRequest.builder()
        .injuredAt(ZonedDateTime.parse("2027-10-27T20:00+03:00[Europe/Athens]"))
        .wakingHours(LocalTime.of(7, 0), LocalTime.of(22, 0))
        .build());
  }

  static String viaIcal4j(IcalExporter exporter, Plan plan) {
    return fold(exporter.export(plan).toCalendar().toString());
  }

  /** ical-export's Folding.fold: at 75 octets of UTF-8, never inside a character. */
  static String fold(String unfolded) {
    StringBuilder out = new StringBuilder();
    int lineStart = 0;
    while (lineStart < unfolded.length()) {
      int lineEnd = unfolded.indexOf("\r\n", lineStart);
      int octets = 0;
      for (int i = lineStart; i < lineEnd; ) {
        int cp = unfolded.codePointAt(i);
        int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        if (octets + n > 75) {
          out.append("\r\n ");
          octets = 1;
        }
        out.appendCodePoint(cp);
        octets += n;
        i += Character.charCount(cp);
      }
      out.append("\r\n");
      lineStart = lineEnd + 2;
    }
    return out.toString();
  }
}
