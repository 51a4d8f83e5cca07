package org.rehabplan.ical;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A checker of Outlook's documented import rules ([MS-OXCICAL], the narrowest of the clients'),
 * applied to every VEVENT of a file:
 *
 * <ul>
 *   <li>2.1.3.1.1.20.18: "If this property [RDATE] is specified, an RRULE MUST also be specified";
 *       the portable encoding is stricter still: no RDATE at all;
 *   <li>2.1.3.2.2 (recurrence templates): {@code FREQ} DAILY, WEEKLY, MONTHLY or YEARLY; only the
 *       parts INTERVAL, UNTIL (a UTC date-time) or COUNT (not both), BYDAY (plain weekdays),
 *       BYMONTHDAY, BYMONTH, BYSETPOS, WKST, and BYHOUR/BYMINUTE with one value each; a WEEKLY
 *       rule's DTSTART on one of its BYDAY days;
 *   <li>at most one instance per local day per series: a DAILY or WEEKLY rule without BYHOUR or
 *       BYMINUTE lists has that by construction; any BYHOUR/BYMINUTE must match DTSTART's time;
 *   <li>2.1.3.1.1.20.13 (EXDATE): the same value type and TZID as DTSTART.
 * </ul>
 */
final class OutlookRules {
  private static final Set<String> PARTS = Set.of("FREQ", "INTERVAL", "UNTIL", "COUNT", "BYDAY",
      "BYMONTHDAY", "BYMONTH", "BYSETPOS", "WKST", "BYHOUR", "BYMINUTE");
  private static final Set<String> FREQUENCIES = Set.of("DAILY", "WEEKLY", "MONTHLY", "YEARLY");
  private static final List<String> DAYS = List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU");

  private OutlookRules() {}

  /** Throws an AssertionError listing every rule {@code ics} breaks. */
  static void assertClean(String ics) {
    List<String> problems = problems(ics);
    if (!problems.isEmpty()) {
      throw new AssertionError("[MS-OXCICAL] rules broken:\n" + String.join("\n", problems)
          + "\n" + ics);
    }
  }

  /** Every rule {@code ics} breaks, one line each; empty when clean. */
  static List<String> problems(String ics) {
    List<String> lines = Rfc5545.unfold(Rfc5545.assertWellFormed(ics.getBytes(UTF_8)));
    List<String> problems = new ArrayList<>();
    Map<String, String> event = null;
    int depth = 0;
    for (String line : lines) {
      if (line.equals("BEGIN:VEVENT")) {
        event = new HashMap<>();
        depth = 0;
      }
      if (event == null) {
        continue;
      }
      if (line.startsWith("BEGIN:")) {
        depth++;
      } else if (line.startsWith("END:")) {
        depth--;
      } else if (depth == 1) {
        String name = line.substring(0, nameEnd(line));
        if (event.putIfAbsent(name, line) != null && !name.equals("EXDATE")
            && !name.equals("CATEGORIES")) {
          problems.add("a property twice in one event: " + line);
        }
      }
      if (line.equals("END:VEVENT")) {
        check(event, problems);
        event = null;
      }
    }
    return problems;
  }

  private static void check(Map<String, String> e, List<String> problems) {
    String uid = e.getOrDefault("UID", "UID:?");
    if (e.containsKey("RDATE")) {
      problems.add(uid + ": RDATE (" + e.get("RDATE") + ")");
    }
    String start = e.get("DTSTART");
    if (start == null) {
      problems.add(uid + ": no DTSTART");
      return;
    }
    String exdate = e.get("EXDATE");
    if (exdate != null) {
      if (!parameters(exdate).equals(parameters(start))) {
        problems.add(uid + ": EXDATE parameters differ from DTSTART's: " + exdate);
      }
      boolean startUtc = value(start).endsWith("Z");
      for (String v : value(exdate).split(",")) {
        if (v.endsWith("Z") != startUtc || v.length() != value(start).length()) {
          problems.add(uid + ": EXDATE value type differs from DTSTART's: " + v);
        }
      }
      if (!e.containsKey("RRULE")) {
        problems.add(uid + ": EXDATE without RRULE");
      }
    }
    String rrule = e.get("RRULE");
    if (rrule == null) {
      return;
    }
    Map<String, String> parts = new HashMap<>();
    for (String part : value(rrule).split(";")) {
      int eq = part.indexOf('=');
      String key = eq < 0 ? part : part.substring(0, eq);
      if (!PARTS.contains(key) || eq < 0) {
        problems.add(uid + ": rule part outside Outlook's templates: " + part);
        continue;
      }
      parts.put(key, part.substring(eq + 1));
    }
    if (!FREQUENCIES.contains(parts.getOrDefault("FREQ", ""))) {
      problems.add(uid + ": FREQ outside Outlook's templates: " + rrule);
    }
    if (parts.containsKey("UNTIL") == parts.containsKey("COUNT")) {
      problems.add(uid + ": a rule needs UNTIL or COUNT, not both: " + rrule);
    }
    String until = parts.get("UNTIL");
    if (until != null && !until.matches("\\d{8}T\\d{6}Z")) {
      problems.add(uid + ": UNTIL not a UTC date-time: " + rrule);
    }
    String localStart = value(start);
    for (String key : List.of("BYHOUR", "BYMINUTE")) {
      String v = parts.get(key);
      if (v == null) {
        continue;
      }
      if (v.contains(",")) {
        problems.add(uid + ": more than one " + key + " value: " + rrule);
      } else if (localStart.length() >= 13) {
        int at = key.equals("BYHOUR") ? 9 : 11;
        if (Integer.parseInt(v) != Integer.parseInt(localStart.substring(at, at + 2))) {
          problems.add(uid + ": " + key + " differs from DTSTART's time: " + rrule);
        }
      }
    }
    String days = parts.get("BYDAY");
    if (days != null) {
      for (String d : days.split(",")) {
        if (!DAYS.contains(d) && !parts.getOrDefault("FREQ", "").equals("MONTHLY")) {
          problems.add(uid + ": BYDAY value outside the templates: " + d);
        }
      }
      if (parts.getOrDefault("FREQ", "").equals("WEEKLY")) {
        DayOfWeek day = LocalDate.parse(localStart.substring(0, 8),
            DateTimeFormatter.BASIC_ISO_DATE).getDayOfWeek();
        if (!List.of(days.split(",")).contains(DAYS.get(day.ordinal()))) {
          problems.add(uid + ": DTSTART is not on one of BYDAY's days: " + start + " " + rrule);
        }
      }
    }
  }

  private static int nameEnd(String line) {
    int end = 0;
    while (end < line.length() && line.charAt(end) != ';' && line.charAt(end) != ':') {
      end++;
    }
    return end;
  }

  private static String parameters(String line) {
    int end = nameEnd(line);
    int colon = line.indexOf(':', end);
    return line.substring(end, colon);
  }

  private static String value(String line) {
    return line.substring(line.indexOf(':', nameEnd(line)) + 1);
  }
}
