package org.rehabplan.ical;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import biweekly.Biweekly;
import biweekly.ICalendar;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
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

/** Folding of multi-byte text, TEXT escaping, and rejection of bad input. */
class TextAndBadInputTest {
  static final String GERMAN = "Kühlen Sie die Rückseite des Oberschenkels fünfzehn Minuten lang;"
      + " legen Sie ein dünnes Tuch zwischen Kühlpack und Haut, größte Sorgfalt, äußerst wichtig.";
  static final String GREEK = "Βάλτε μια κρύα κομπρέσα στο πονεμένο σημείο για δεκαπέντε λεπτά,"
      + " με μια λεπτή πετσέτα ανάμεσα στην κομπρέσα και το δέρμα.";
  static final String EMOJI = "🧊🦵🏽⏱️ " + "🧊".repeat(40) + " 👩🏽‍⚕️ done";
  static final String TRICKY_TITLE = "Ice; then rest, \\ then\nBEGIN:VEVENT\nEND:VCALENDAR";

  private static Plan plan(String title, String instructions) {
    Protocol protocol = Protocol.builder("text-test")
        .title("Textprüfung — Έλεγχος 🧪")
        .condition("Testing text")
        .intervention(Intervention.builder("ice")
            .kind(InterventionKind.ICE)
            .title(title)
            .instructions(instructions)
            .timing(Timing.timesPerDay(2, Duration.ofMinutes(15), Window.wholePhase()))
            .build())
        .phase(Phase.builder("only")
            .name("Schützen — Προστασία")
            .goal(GREEK)
            .interventions("ice")
            .durationForAll(DurationEstimate.ofDays(3, 3, 3))
            .build())
        .build();
    return Scheduler.plan(protocol, PlanRequest.builder()
        .injuredAt(ZonedDateTime.parse("2027-10-30T20:00+02:00[Europe/Athens]"))
        .wakingHours(LocalTime.of(7, 0), LocalTime.of(22, 0))
        .build());
  }

  @Test
  void multiByteTextIsFoldedByOctetsNeverInsideACharacter() {
    String instructions = GERMAN + "\n" + GREEK + "\n" + EMOJI;
    Plan plan = plan("Kühlen 🧊 Ψύξη", instructions);
    byte[] bytes = IcalExporter.builder().build().export(plan).bytes();
    List<String> physical = Rfc5545.assertWellFormed(bytes);
    assertTrue(physical.stream().filter(l -> l.startsWith(" ")).count() > 5, "folded");
    ICalendar parsed = Biweekly.parse(new String(bytes, UTF_8)).first();
    biweekly.component.VEvent session = parsed.getEvents().stream()
        .filter(e -> e.getExperimentalProperty("X-REHABPLAN-ITEM").getValue().equals("session"))
        .findFirst().orElseThrow();
    assertTrue(session.getDescription().getValue().startsWith(instructions + "\n\n"),
        "unfolding and unescaping gives the instructions back");
    assertEquals("Kühlen 🧊 Ψύξη", session.getSummary().getValue());
  }

  @Test
  void foldingKeepsLimitsAtEveryBoundary() {
    for (int prefix = 0; prefix < 8; prefix++) {
      for (String unit : List.of("a", "ü", "Ω", "€", "🧊")) {
        String line = "X".repeat(prefix) + unit.repeat(100);
        String folded = Folding.fold(line + "\r\n");
        List<String> physical = Rfc5545.assertWellFormed(folded.getBytes(UTF_8));
        assertEquals(line, String.join("", Rfc5545.unfold(physical)));
        for (int i = 0; i < physical.size() - 1; i++) {
          int octets = physical.get(i).getBytes(UTF_8).length;
          int next = physical.get(i + 1).codePointAt(1);
          int nextOctets = new String(Character.toChars(next)).getBytes(UTF_8).length;
          assertTrue(octets + nextOctets > 75, "fold only when the next character does not fit");
        }
      }
    }
  }

  @Test
  void textIsEscapedAndStaysInItsProperty() {
    Plan plan = plan(TRICKY_TITLE, "Line one\nBEGIN:VEVENT\nUID:evil\\, x; y");
    IcalExporter exporter = IcalExporter.builder().build();
    String ics = exporter.export(plan).text();
    List<String> lines = Rfc5545.unfold(Rfc5545.assertWellFormed(ics.getBytes(UTF_8)));
    long begins = lines.stream().filter(l -> l.equals("BEGIN:VEVENT")).count();
    Calendar calendar = exporter.export(plan).toCalendar();
    assertEquals(calendar.getComponents(Component.VEVENT).size(), begins);
    assertTrue(lines.contains("SUMMARY:Ice\\; then rest\\, \\\\ then\\nBEGIN:VEVENT\\nEND:VCALENDAR"),
        "RFC 5545 3.3.11: \\\\ \\; \\, \\n");
    assertTrue(lines.stream().noneMatch(l -> l.startsWith("UID:evil")));
    ICalendar parsed = Biweekly.parse(ics).first();
    long sessions = parsed.getEvents().stream()
        .filter(e -> e.getExperimentalProperty("X-REHABPLAN-ITEM").getValue().equals("session"))
        .peek(e -> assertEquals(TRICKY_TITLE, e.getSummary().getValue()))
        .peek(e -> assertTrue(e.getDescription().getValue()
            .startsWith("Line one\nBEGIN:VEVENT\nUID:evil\\, x; y\n\n")))
        .count();
    assertTrue(sessions > 0);
    VEvent ical4jEvent = Expansions.parseIcal4j(ics).<VEvent>getComponents(Component.VEVENT)
        .stream().filter(e -> e.getProperty("X-REHABPLAN-ITEM").map(Property::getValue)
            .orElse("").equals("session")).findFirst().orElseThrow();
    assertEquals(TRICKY_TITLE, ical4jEvent.getSummary().getValue());
  }

  // ------------------------------------------------------------------ bad input

  @Test
  void nullArgumentsAreNamed() {
    IcalExporter exporter = IcalExporter.builder().build();
    assertEquals("plan", assertThrows(NullPointerException.class,
        () -> exporter.export(null)).getMessage());
    assertEquals("plan", assertThrows(NullPointerException.class,
        () -> exporter.update(null, new byte[0])).getMessage());
    assertEquals("previousExport", assertThrows(NullPointerException.class,
        () -> exporter.update(GoldenFileTest.berlin(), (byte[]) null)).getMessage());
    assertEquals("previous", assertThrows(NullPointerException.class,
        () -> exporter.update(GoldenFileTest.berlin(), (Plan) null)).getMessage());
    assertEquals("out", assertThrows(NullPointerException.class,
        () -> exporter.export(GoldenFileTest.berlin()).writeTo(null)).getMessage());
    assertEquals("calendarName", assertThrows(NullPointerException.class,
        () -> IcalExporter.builder().calendarName(null)).getMessage());
    assertEquals("clock", assertThrows(NullPointerException.class,
        () -> IcalExporter.builder().clock(null)).getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Rehab\nplan", "Rehab\rplan", "Tab\there", "Nul\u0000", "Del\u007f"})
  void calendarNamesWithControlCharactersAreRejected(String name) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> IcalExporter.builder().calendarName(name).build());
    assertTrue(e.getMessage().startsWith("calendarName must not contain control characters"),
        e.getMessage());
  }

  @Test
  void blankOrLongCalendarNamesAreRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> IcalExporter.builder().calendarName("  ").build());
    assertThrows(IllegalArgumentException.class,
        () -> IcalExporter.builder().calendarName("x".repeat(256)).build());
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, -60, Integer.MIN_VALUE, 7 * 24 * 60 + 1})
  void alarmLeadsOutOfRangeAreRejected(int minutes) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> IcalExporter.builder().alarmMinutesBefore(minutes).build());
    assertEquals("alarm lead must be between 0 and 10080 minutes: " + minutes, e.getMessage());
  }

  @Test
  void textWithControlCharactersIsRejected() {
    // Core already rejects such text; the exporter checks again before writing it.
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Texts.checkText("a\rb", "title"));
    assertTrue(e.getMessage().contains("U+000D"), e.getMessage());
    assertEquals("a\nb", Texts.checkText("a\nb", "title"));
  }

  @Test
  void writeBuildsEverythingBeforeTheFirstByte() throws IOException {
    RecordingStream out = new RecordingStream();
    assertThrows(NullPointerException.class, () -> IcalExporter.builder().build().export(null));
    assertEquals(0, out.writes);
    Plan plan = GoldenFileTest.berlin();
    IcalExporter.builder().build().export(plan).writeTo(out);
    assertEquals(1, out.writes, "one write of the complete file");
    assertEquals(IcalExporter.builder().build().export(plan).text(), out.bytes.toString(UTF_8));
  }

  private static final class RecordingStream extends OutputStream {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int writes;

    @Override
    public void write(int b) {
      writes++;
      bytes.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      writes++;
      bytes.write(b, off, len);
    }
  }
}
