package org.rehabplan.ical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.rehabplan.Plan;
import org.rehabplan.PlanRequest;
import org.rehabplan.Protocols;
import org.rehabplan.Scheduler;
import org.rehabplan.Severity;

/**
 * The hamstring plan in two zones, compared byte for byte with the golden files in {@code
 * src/test/resources/golden}, and checked line by line against RFC 5545's rules. Run with {@code
 * -Dupdate.golden=true} to rewrite the golden files after a deliberate change.
 */
class GoldenFileTest {
  private static final IcalExporter EXPORTER =
      IcalExporter.builder().calendarName("Hamstring rehab").build();

  /** Berlin, injured the evening before the spring DST change. */
  static Plan berlin() {
    return Scheduler.plan(Protocols.hamstringStrain(), PlanRequest.builder()
        .injuredAt(ZonedDateTime.parse("2027-03-27T18:30+01:00[Europe/Berlin]"))
        .severity(Severity.MODERATE)
        .wakingHours(LocalTime.of(7, 0), LocalTime.of(22, 0))
        .build());
  }

  /** New York across the autumn DST change, with midnight-crossing waking hours. */
  static Plan newYork() {
    return Scheduler.plan(Protocols.hamstringStrain(), PlanRequest.builder()
        .injuredAt(ZonedDateTime.parse("2027-10-30T21:15-04:00[America/New_York]"))
        .severity(Severity.MILD)
        .wakingHours(LocalTime.of(15, 0), LocalTime.of(7, 0))
        .build());
  }

  @Test
  void berlinMatchesTheGoldenFile() throws IOException {
    compare("hamstring-berlin.ics", EXPORTER.export(berlin()).bytes());
  }

  @Test
  void newYorkMatchesTheGoldenFile() throws IOException {
    compare("hamstring-new-york.ics", EXPORTER.export(newYork()).bytes());
  }

  @Test
  void berlinCompactMatchesTheGoldenFile() throws IOException {
    compare("hamstring-berlin-compact.ics",
        EXPORTER.toBuilder().encoding(SessionEncoding.COMPACT).build().export(berlin()).bytes());
  }

  @Test
  void theDefaultGoldenFilesKeepOutlooksRules() throws IOException {
    for (String name : List.of("hamstring-berlin.ics", "hamstring-new-york.ics",
        "hamstring-berlin-one-each.ics")) {
      OutlookRules.assertClean(Files.readString(golden(name)));
    }
    // The compact form is what Outlook mis-reads: the checker finds its RDATE and BYHOUR lists.
    List<String> compact = OutlookRules.problems(
        Files.readString(golden("hamstring-berlin-compact.ics")));
    assertTrue(compact.stream().anyMatch(p -> p.contains(": RDATE (")), compact::toString);
    assertTrue(compact.stream().anyMatch(p -> p.contains("more than one BYHOUR value")),
        compact::toString);
  }

  @Test
  void berlinOneEventPerSessionMatchesTheGoldenFile() throws IOException {
    compare("hamstring-berlin-one-each.ics",
        EXPORTER.toBuilder().oneEventPerSession(true).build().export(berlin()).bytes());
  }

  @Test
  void goldenFilesKeepTheRules() throws IOException {
    for (String name : List.of(
        "hamstring-berlin.ics", "hamstring-new-york.ics", "hamstring-berlin-one-each.ics",
        "hamstring-berlin-compact.ics")) {
      byte[] bytes = Files.readAllBytes(golden(name));
      List<String> physical = Rfc5545.assertWellFormed(bytes);
      assertTrue(physical.stream().anyMatch(l -> l.startsWith(" ")), "long lines are folded");
      checkContentLines(Rfc5545.unfold(physical));
    }
  }

  private static final Pattern DATE = Pattern.compile("\\d{8}");
  private static final Pattern UTC = Pattern.compile("\\d{8}T\\d{6}Z");

  /** The rules every component of the golden files keeps, content line by content line. */
  private static void checkContentLines(List<String> lines) {
    assertEquals("BEGIN:VCALENDAR", lines.get(0));
    assertEquals("END:VCALENDAR", lines.get(lines.size() - 1));
    List<String> tzids = new ArrayList<>();
    List<String> usedTzids = new ArrayList<>();
    List<String> event = null;
    for (String line : lines) {
      if (line.startsWith("TZID:")) {
        tzids.add(line.substring(5));
      }
      int tz = line.indexOf(";TZID=");
      if (tz > 0) {
        usedTzids.add(line.substring(tz + 6, line.indexOf(':', tz)));
      }
      if (line.equals("BEGIN:VEVENT")) {
        event = new ArrayList<>();
      } else if (line.equals("END:VEVENT")) {
        checkEvent(event);
        event = null;
      } else if (event != null) {
        event.add(line);
      }
    }
    assertTrue(tzids.containsAll(usedTzids), "every TZID has its VTIMEZONE: " + tzids);
  }

  private static void checkEvent(List<String> event) {
    assertEquals(1, count(event, "UID:"), "one UID: " + event);
    assertTrue(value(event, "UID:").matches("[0-9a-f]{32}@rehabplan"), "hashed UID");
    assertTrue(UTC.matcher(value(event, "DTSTAMP:")).matches(), "DTSTAMP in UTC");
    String start = line(event, "DTSTART");
    String end = line(event, "DTEND");
    if (start.startsWith("DTSTART;VALUE=DATE:")) {
      // all-day: VALUE=DATE on both, exclusive DTEND after DTSTART, transparent
      assertTrue(end.startsWith("DTEND;VALUE=DATE:"), end);
      String s = start.substring(start.indexOf(':') + 1);
      String e = end.substring(end.indexOf(':') + 1);
      assertTrue(DATE.matcher(s).matches() && DATE.matcher(e).matches());
      assertTrue(e.compareTo(s) > 0, "DTEND is exclusive, after DTSTART: " + event);
      assertTrue(event.contains("TRANSP:TRANSPARENT"), "all-day events do not block time");
    } else {
      String form = start.substring("DTSTART".length(), start.indexOf(':'));
      assertEquals(form, end.substring("DTEND".length(), end.indexOf(':')),
          "DTEND in the form of DTSTART");
      for (String l : event) {
        if (l.startsWith("EXDATE") || l.startsWith("RDATE")) {
          String f = l.substring(l.startsWith("EXDATE") ? 6 : 5, l.indexOf(':'));
          assertEquals(form, f, "EXDATE/RDATE in the form of DTSTART: " + l);
        }
        if (l.startsWith("RRULE:") && l.contains("UNTIL=")) {
          String until = l.replaceAll(".*UNTIL=([^;]*).*", "$1");
          assertTrue(UTC.matcher(until).matches(), "UNTIL in UTC: " + l);
        }
      }
    }
  }

  private static long count(List<String> event, String prefix) {
    return event.stream().filter(l -> l.startsWith(prefix)).count();
  }

  private static String value(List<String> event, String prefix) {
    return line(event, prefix).substring(prefix.length());
  }

  private static String line(List<String> event, String prefix) {
    return event.stream().filter(l -> l.startsWith(prefix)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + prefix + " in " + event));
  }

  private static Path golden(String name) {
    return Path.of(System.getProperty("golden.dir", "src/test/resources/golden"), name);
  }

  private static void compare(String name, byte[] actual) throws IOException {
    Path file = golden(name);
    if (Boolean.getBoolean("update.golden")) {
      Files.createDirectories(file.getParent());
      Files.write(file, actual);
      return;
    }
    assertTrue(Files.exists(file), () -> file + " is missing; run with -Dupdate.golden=true");
    byte[] expected = Files.readAllBytes(file);
    assertArrayEquals(expected, actual, () -> name + " differs from the export; if the change is"
        + " deliberate, run with -Dupdate.golden=true and review the diff");
  }
}
