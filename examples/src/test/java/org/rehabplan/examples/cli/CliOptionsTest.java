package org.rehabplan.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rehabplan.Severity;
import org.rehabplan.WakingHours;
import org.rehabplan.ical.IcalExporter;

class CliOptionsTest {

  @Test
  void defaults() throws UsageException {
    CliOptions o = CliOptions.parse();
    assertFalse(o.help());
    assertEquals(Optional.empty(), o.injuredAt());
    assertEquals(Optional.empty(), o.zone());
    assertEquals(Severity.MODERATE, o.severity());
    assertEquals(WakingHours.DEFAULT, o.wakingHours());
    assertEquals("hamstring-plan.ics", o.ics());
    assertFalse(o.expanded());
    assertEquals(OptionalInt.of(10), o.alarmMinutes());
    assertEquals(Optional.empty(), o.calendarName());
    assertEquals(Optional.empty(), o.sessionsCsv());
    assertEquals(3, o.days());
    assertEquals(CliOptions.defaults().toString(), o.toString());
    IcalExporter e = o.exporter();
    assertEquals(OptionalInt.of(10), e.alarmMinutesBefore());
    assertFalse(e.oneEventPerSession());
    assertEquals(Optional.empty(), e.calendarName());
  }

  @Test
  void everyOptionWithASeparateValue() throws UsageException {
    CliOptions o = CliOptions.parse("--injured-at", "2027-03-27T18:30", "--zone", "Europe/Berlin",
        "--severity", "severe", "--wake", "06:30", "--sleep", "23:15", "--ics", "out/plan.ics",
        "--expanded", "--alarm-minutes", "0", "--calendar-name", "Knee rehab",
        "--sessions-csv", "sessions.csv", "--days", "7");
    assertEquals(Optional.of(LocalDateTime.of(2027, 3, 27, 18, 30)), o.injuredAt());
    assertEquals(Optional.of(ZoneId.of("Europe/Berlin")), o.zone());
    assertEquals(Severity.SEVERE, o.severity());
    assertEquals(WakingHours.of(LocalTime.of(6, 30), LocalTime.of(23, 15)), o.wakingHours());
    assertEquals("out/plan.ics", o.ics());
    assertTrue(o.expanded());
    assertEquals(OptionalInt.of(0), o.alarmMinutes());
    assertEquals(Optional.of("Knee rehab"), o.calendarName());
    assertEquals(Optional.of("sessions.csv"), o.sessionsCsv());
    assertEquals(7, o.days());
    IcalExporter e = o.exporter();
    assertTrue(e.oneEventPerSession());
    assertEquals(OptionalInt.of(0), e.alarmMinutesBefore());
    assertEquals(Optional.of("Knee rehab"), e.calendarName());
  }

  @Test
  void everyOptionWithAnEqualsSign() throws UsageException {
    CliOptions o = CliOptions.parse("--injured-at=2027-03-27T18:30:15", "--zone=+05:45",
        "--severity=MILD", "--wake=7:05", "--sleep=21:00:30", "--ics=-", "--alarm-minutes=10080",
        "--calendar-name=a=b", "--sessions-csv=x.csv", "--days=0");
    assertEquals(Optional.of(LocalDateTime.of(2027, 3, 27, 18, 30, 15)), o.injuredAt());
    assertEquals(Optional.of(ZoneId.of("+05:45")), o.zone());
    assertEquals(Severity.MILD, o.severity());
    assertEquals(WakingHours.of(LocalTime.of(7, 5), LocalTime.of(21, 0, 30)), o.wakingHours());
    assertEquals("-", o.ics());
    assertEquals(OptionalInt.of(10080), o.alarmMinutes());
    assertEquals(Optional.of("a=b"), o.calendarName());
    assertEquals(0, o.days());
  }

  @Test
  void noAlarms() throws UsageException {
    CliOptions o = CliOptions.parse("--no-alarms");
    assertEquals(OptionalInt.empty(), o.alarmMinutes());
    assertEquals(OptionalInt.empty(), o.exporter().alarmMinutesBefore());
  }

  @Test
  void nightShiftWakeAfterSleepIsAccepted() throws UsageException {
    CliOptions o = CliOptions.parse("--wake", "15:00", "--sleep", "07:00");
    assertEquals(WakingHours.of(LocalTime.of(15, 0), LocalTime.of(7, 0)), o.wakingHours());
    assertTrue(o.wakingHours().crossesMidnight());
  }

  @Test
  void onlySleepGivenKeepsTheDefaultWake() throws UsageException {
    assertEquals(WakingHours.of(LocalTime.of(7, 0), LocalTime.of(1, 0)),
        CliOptions.parse("--sleep", "01:00").wakingHours());
  }

  @Test
  void helpInAnyPositionWins() throws UsageException {
    assertTrue(CliOptions.parse("--help").help());
    assertTrue(CliOptions.parse("-h").help());
    assertTrue(CliOptions.parse("--zone", "Europe/Berlin", "--help").help());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      --zone Mars/Olympus       | --zone 'Mars/Olympus': unknown time zone; use a region such as Europe/Berlin or an offset such as +02:00
      --zone +25:00             | --zone '+25:00': unknown time zone; use a region such as Europe/Berlin or an offset such as +02:00
      --severity extreme        | --severity 'extreme': unknown severity; use mild, moderate or severe
      --wake 7am                | --wake '7am': not a time of day like 07:00 or 22:30
      --sleep 24:00             | --sleep '24:00': not a time of day like 07:00 or 22:30
      --wake 08:00 --sleep 8:00 | --wake 08:00 --sleep 08:00: waking hours must not be empty: wake 08:00 equals sleep 08:00
      --injured-at 2027-03-27   | --injured-at '2027-03-27': not a local date-time like 2027-03-27T18:30
      --injured-at 2027-02-30T10:00 | --injured-at '2027-02-30T10:00': not a local date-time like 2027-03-27T18:30
      --alarm-minutes soon      | --alarm-minutes 'soon': not a whole number from 0 to 10080
      --alarm-minutes -5        | --alarm-minutes '-5': must be from 0 to 10080
      --alarm-minutes 10081     | --alarm-minutes '10081': must be from 0 to 10080
      --days 400                | --days '400': must be from 0 to 366
      --no-alarms --alarm-minutes 5 | --no-alarms and --alarm-minutes '5': give one of them
      --ics - --sessions-csv -  | --ics - and --sessions-csv -: only one of them can go to standard output
      --frobnicate              | unknown option '--frobnicate'; see --help
      --sev mild                | unknown option '--sev'; did you mean --severity?
      -x                        | unknown option '-x'; see --help
      plan.ics                  | unexpected argument 'plan.ics'; options start with --, see --help
      --zone                    | --zone needs a value: --zone ZONE (default: the system time zone)
      --ics --expanded          | --ics needs a value: --ics FILE (default: hamstring-plan.ics)
      --expanded=yes            | Invalid value for option '--expanded': 'yes' is not a boolean; see --help
      --zone UTC --zone Europe/Berlin | --zone is given more than once; give it once
      --expanded --expanded     | --expanded is given more than once; give it once
      """)
  void badArgumentsNameTheOptionAndTheValue(String commandLine, String message) {
    UsageException e = assertThrows(UsageException.class,
        () -> CliOptions.parse(commandLine.split(" ")));
    assertEquals(message, e.getMessage());
  }

  @Test
  void emptyAndControlCharacterValuesAreRejectedOnOneLine() {
    assertEquals("--ics ' ': the file name is empty",
        assertThrows(UsageException.class, () -> CliOptions.parse("--ics", " ")).getMessage());
    UsageException e = assertThrows(UsageException.class,
        () -> CliOptions.parse("--calendar-name", "Rehab\nplan"));
    assertTrue(e.getMessage().startsWith("--calendar-name 'Rehab\\nplan': not usable as a"
        + " calendar name ("), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    assertEquals("--zone 'Europe/\\u001b[31m': unknown time zone; use a region such as"
            + " Europe/Berlin or an offset such as +02:00",
        assertThrows(UsageException.class, () -> CliOptions.parse("--zone", "Europe/\u001b[31m"))
            .getMessage());
  }

  @Test
  void usageListsEveryOptionWithItsDefault() {
    String usage = CliOptions.usage();
    assertTrue(usage.startsWith("Usage: java -jar rehabplan.jar [OPTION]...\n"), usage);
    String flat = usage.replaceAll("\\s+", " ");
    for (String option : List.of("--injured-at DATE-TIME", "--zone ZONE", "--severity SEVERITY",
        "--wake HH:MM", "--sleep HH:MM", "--ics FILE", "--expanded", "--alarm-minutes N",
        "--no-alarms", "--calendar-name TEXT", "--sessions-csv FILE", "--days N",
        "--check-in TEXT", "--check-ins FILE", "--now DATE-TIME", "-h, --help",
        "-V, --version")) {
      assertTrue(usage.contains("  " + option), option);
    }
    for (String defaultText : List.of("(default: now, to the minute)",
        "(default: the system time zone)", "(default: moderate)", "(default: 07:00)",
        "(default: 22:00)", "(default: hamstring-plan.ics)", "(default: 10)",
        "(default: the protocol's title)", "(default: 3)")) {
      assertTrue(flat.contains(defaultText), defaultText);
    }
    for (String line : usage.split("\n")) {
      assertTrue(line.length() <= 80, line);
    }
    assertTrue(usage.contains("Educational content, not medical advice."), usage);
  }

  @Test
  void repeatableCheckInsKeepEveryValueInOrder() throws UsageException {
    CliOptions o = CliOptions.parse("--check-in", "2027-03-30T09:00 pain=2/4",
        "--now=2027-03-31T09:05", "--check-in=2027-03-31T09:00 pain=1/2 met=pain-relieved");
    assertEquals(List.of(LocalDateTime.of(2027, 3, 30, 9, 0), LocalDateTime.of(2027, 3, 31, 9, 0)),
        o.checkIns().stream().map(CheckInLine::at).toList());
    assertEquals(Optional.of(LocalDateTime.of(2027, 3, 31, 9, 5)), o.now());
    assertTrue(o.replans());
  }

  @Test
  void anAtSignIsAValueNotAnArgumentFile() throws UsageException {
    assertEquals(Optional.of("@home"), CliOptions.parse("--calendar-name", "@home").calendarName());
    assertEquals("unexpected argument '@plan.ics'; options start with --, see --help",
        assertThrows(UsageException.class, () -> CliOptions.parse("@plan.ics")).getMessage());
  }

  @Test
  void versionIsReadLikeHelp() throws UsageException {
    assertTrue(CliOptions.parse("--version").version());
    assertTrue(CliOptions.parse("-V").version());
    assertFalse(CliOptions.parse().version());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      --injured-at +999999999-12-31T00:00 | --injured-at '+999999999-12-31T00:00': the year must be from 1900 to 2200
      --injured-at 1899-12-31T23:59       | --injured-at '1899-12-31T23:59': the year must be from 1900 to 2200
      --now 2201-01-01T00:00              | --now '2201-01-01T00:00': the year must be from 1900 to 2200
      """)
  void dateTimesOutsideTheSupportedYearsNameTheOption(String commandLine, String message) {
    assertEquals(message, assertThrows(UsageException.class,
        () -> CliOptions.parse(commandLine.split(" "))).getMessage());
  }
}
