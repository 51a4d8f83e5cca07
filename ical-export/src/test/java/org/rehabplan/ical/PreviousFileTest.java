package org.rehabplan.ical;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.rehabplan.CheckIn;
import org.rehabplan.Plan;
import org.rehabplan.ProgressLog;
import org.rehabplan.Scheduler;

/**
 * The previous file of an update is input from outside: it cannot poison the new file. Its text
 * is checked before anything of it is written again, its SEQUENCE cannot overflow, a byte order
 * mark and LF line ends are accepted, and any other damage (random bytes, truncation, huge
 * numbers, control characters) is an {@link IllegalArgumentException} naming the problem, never
 * another exception or a hang.
 */
class PreviousFileTest {
  private static final IcalExporter EXPORTER = IcalExporter.builder().build();
  private static final Plan V1 = GoldenFileTest.berlin();
  private static final Plan V2 = Scheduler.replan(V1, ProgressLog.of(
          CheckIn.of(at("2027-03-30T09:00"), 1, 2, List.of("pain-relieved"))),
      at("2027-03-30T09:05"));
  private static final String FIRST = EXPORTER.export(V1).text();
  /** The SUMMARY of the self-check series that version 2 cancels. */
  private static final String CANCELLED_SUMMARY = "SUMMARY:Self-check: is the pain relieved?\r\n";

  private static Instant at(String local) {
    return ZonedDateTime.parse(local + "+02:00[Europe/Berlin]").toInstant();
  }

  private static IllegalArgumentException rejected(String previous) {
    return assertThrows(IllegalArgumentException.class,
        () -> EXPORTER.update(V2, previous.getBytes(UTF_8)));
  }

  @Example
  void aSummaryWithBareCarriageReturnsCannotInjectEvents() {
    assertTrue(FIRST.contains(CANCELLED_SUMMARY));
    String poisoned = FIRST.replace(CANCELLED_SUMMARY,
        "SUMMARY:Hacked\rEND:VEVENT\rBEGIN:VEVENT\rUID:evil@example.com\r\n");
    IllegalArgumentException e = rejected(poisoned);
    assertTrue(e.getMessage().contains("control character U+000D"), e.getMessage());
  }

  @Example
  void tabsAndBellsInATextThatWouldBeCopiedAreRefused() {
    IllegalArgumentException bell = rejected(FIRST.replace(CANCELLED_SUMMARY,
        "SUMMARY:Self-check\u0007\r\n"));
    assertTrue(bell.getMessage().contains("U+0007"), bell.getMessage());
    IllegalArgumentException tab = rejected(FIRST.replace(CANCELLED_SUMMARY,
        "SUMMARY:Self\tcheck\r\n"));
    assertTrue(tab.getMessage().contains("U+0009"), tab.getMessage());
    assertTrue(tab.getMessage().startsWith("SUMMARY of previous export: event "),
        tab.getMessage());
  }

  @Example
  void aSequenceNearTheLimitIsRefusedAndTheLimitItselfStillWorks() {
    String atLimit = FIRST.replace("DTSTAMP:20270327T173000Z\r\n",
        "DTSTAMP:20270327T173000Z\r\nSEQUENCE:" + IcalExporter.MAX_SEQUENCE + "\r\n");
    String update = EXPORTER.update(V2, atLimit.getBytes(UTF_8)).text();
    assertTrue(update.contains("\r\nSEQUENCE:" + (IcalExporter.MAX_SEQUENCE + 1) + "\r\n"));
    assertFalse(update.contains("SEQUENCE:-"));
    IllegalArgumentException e = rejected(atLimit.replace(
        "SEQUENCE:" + IcalExporter.MAX_SEQUENCE, "SEQUENCE:2147483647"));
    assertEquals("previous export: SEQUENCE 2147483647 is above 1000000, the most an update"
        + " accepts (it would soon overflow)", e.getMessage());
    assertTrue(rejected(atLimit.replace("SEQUENCE:" + IcalExporter.MAX_SEQUENCE,
        "SEQUENCE:99999999999999999999")).getMessage().contains("SEQUENCE must be a number"));
    assertTrue(rejected(atLimit.replace("SEQUENCE:" + IcalExporter.MAX_SEQUENCE,
        "SEQUENCE:-1")).getMessage().contains("SEQUENCE must be a number"));
  }

  @Example
  void aByteOrderMarkAndLfLineEndsAreAccepted() {
    byte[] expected = EXPORTER.update(V2, FIRST.getBytes(UTF_8)).bytes();
    assertArrayEquals(expected, EXPORTER.update(V2, ("\uFEFF" + FIRST).getBytes(UTF_8)).bytes());
    assertArrayEquals(expected,
        EXPORTER.update(V2, FIRST.replace("\r\n", "\n").getBytes(UTF_8)).bytes());
    assertArrayEquals(expected, EXPORTER.update(V2,
        ("\uFEFF" + FIRST.replace("\r\n", "\n")).getBytes(UTF_8)).bytes());
  }

  @Example
  void uidsOfAnotherFormAreRefused() {
    String other = FIRST.replaceFirst("UID:[0-9a-f]{32}@rehabplan", "UID:evil@example.com");
    IllegalArgumentException e = rejected(other);
    assertEquals("previous export: not a UID this exporter writes: UID:evil@example.com",
        e.getMessage());
  }

  @Example
  void theBadValueOfACancelledEventIsNamed() {
    String bad = FIRST.replace("DTSTART;TZID=Europe/Berlin:20270330T142500",
        "DTSTART;TZID=Europe/Berlin:20271330T142500");
    IllegalArgumentException e = rejected(bad);
    assertTrue(e.getMessage().contains("not a date-time: DTSTART;TZID=Europe/Berlin:"
        + "20271330T142500"), e.getMessage());
  }

  // ------------------------------------------------------------------ fuzzing

  @Provide
  Arbitrary<byte[]> damagedFiles() {
    byte[] valid = FIRST.getBytes(UTF_8);
    Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(2000);
    Arbitrary<byte[]> truncated = Arbitraries.integers().between(0, valid.length)
        .map(n -> java.util.Arrays.copyOf(valid, n));
    Arbitrary<byte[]> mutated = Combinators.combine(
            Arbitraries.integers().between(0, valid.length - 1),
            Arbitraries.bytes(), Arbitraries.integers().between(1, 3))
        .as((at, b, n) -> {
          byte[] copy = valid.clone();
          for (int i = 0; i < n && at + i < copy.length; i++) {
            copy[at + i] = b;
          }
          return copy;
        });
    Arbitrary<byte[]> numbers = Arbitraries.of("0", "1", "999999", "1000000", "1000001",
            "2147483647", "2147483648", "-2147483648", "9223372036854775808", "1e9", "", " 1")
        .map(n -> FIRST.replace("DTSTAMP:20270327T173000Z\r\n",
            "DTSTAMP:20270327T173000Z\r\nSEQUENCE:" + n + "\r\n").getBytes(UTF_8));
    Arbitrary<byte[]> dates = Arbitraries.of("00000101T000000", "99991231T235959",
            "20270230T000000", "20270330T250000", "2027033", "+1000000000101T000000")
        .map(d -> FIRST.replace("20270330T142500", d).getBytes(UTF_8));
    Arbitrary<byte[]> endings = Arbitraries.of("\uFEFF", "\uFEFF\uFEFF", "")
        .flatMap(bom -> Arbitraries.of("\r\n", "\n", "\r").map(eol ->
            (bom + FIRST.replace("\r\n", eol)).getBytes(UTF_8)));
    return Arbitraries.frequencyOf(Tuple.of(2, random), Tuple.of(2, truncated),
        Tuple.of(3, mutated), Tuple.of(1, numbers), Tuple.of(1, dates), Tuple.of(1, endings));
  }

  @Property(tries = 1000)
  @StatisticsReport(onFailureOnly = true) // the coverage checks below still fail the property
  void anyDamageIsAClearIllegalArgumentExceptionOrAGoodUpdate(
      @ForAll("damagedFiles") byte[] previous) {
    String result = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      try {
        IcsFile update = EXPORTER.update(V2, previous);
        Rfc5545.assertWellFormed(update.bytes());
        OutlookRules.assertClean(update.text());
        return "update written";
      } catch (IllegalArgumentException e) {
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), e::toString);
        assertTrue(e.getMessage().contains("previous export") || e.getMessage().contains("SUMMARY"),
            e::getMessage);
        return "refused";
      }
    });
    Statistics.label("result").collect(result);
    Statistics.label("result").coverage(c -> {
      c.check("refused").percentage(p -> p > 30);
      c.check("update written").percentage(p -> p > 1);
    });
  }
}
