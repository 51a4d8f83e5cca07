package org.rehabplan.ical;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.fortuna.ical4j.model.Property;

/**
 * The update rules of one export relative to a previous export of the same plan: the SEQUENCE of
 * every event, and the events of the previous export that are cancelled. Made from two files this
 * exporter wrote ({@link #between}); immutable.
 *
 * <p>Events are matched by UID. Their content is every content line of the VEVENT (its VALARM
 * included) except DTSTAMP and SEQUENCE, compared as written:
 *
 * <ul>
 *   <li>a UID new in the current export gets SEQUENCE 0 (not written: it is the default);
 *   <li>a UID whose content is the same as in the previous export keeps its SEQUENCE;
 *   <li>a UID whose content changed, or that was cancelled before and is back, gets the previous
 *       SEQUENCE + 1;
 *   <li>a UID only in the previous export is written as a cancelled event: STATUS:CANCELLED with
 *       the previous SEQUENCE + 1, keeping DTSTART, DTEND, RRULE, EXDATE, RDATE, SUMMARY and
 *       X-REHABPLAN-ITEM (no description, no alarm); one that was already cancelled there is
 *       written again as it was, with the same SEQUENCE.
 * </ul>
 *
 * <p>So SEQUENCE never decreases along a chain of updates, cancelled events stay in every later
 * file, and an update that changes nothing is the plain export.
 */
final class CalendarUpdate {
  /** A property of a cancelled event, in the order it is written. */
  sealed interface Value permits DateValue, DateTimeValue, DateListValue, RuleValue, TextValue {}

  /** DTSTART or DTEND of an all-day event. */
  record DateValue(String name, LocalDate date) implements Value {}

  /** DTSTART or DTEND with a TZID (the plan's zone) or in UTC. */
  record DateTimeValue(String name, Instant instant, boolean utc) implements Value {}

  /** EXDATE or RDATE. */
  record DateListValue(String name, List<Instant> instants, boolean utc) implements Value {}

  /** RRULE. */
  record RuleValue(RecurrenceEncoder.Rule rule) implements Value {}

  /** SUMMARY or X-REHABPLAN-ITEM. */
  record TextValue(String name, String text) implements Value {}

  /** An event of the previous export written as cancelled. */
  record Cancelled(String uid, int sequence, List<Value> values) {}

  /** One VEVENT of an export as read back. */
  private record Event(
      String uid, int sequence, boolean cancelled, List<String> content, List<String> lines) {}

  /** The properties a cancelled event keeps, in the order written. */
  private static final List<String> KEPT = List.of(Property.DTSTART, Property.DTEND,
      Property.RRULE, Property.EXDATE, Property.RDATE, Property.SUMMARY);

  private static final DateTimeFormatter BASIC_DATE_TIME =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss", Locale.ROOT);
  private static final DateTimeFormatter BASIC_DATE =
      DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT);

  private final Map<String, Integer> sequences;
  private final List<Cancelled> cancelled;

  private CalendarUpdate(Map<String, Integer> sequences, List<Cancelled> cancelled) {
    this.sequences = sequences;
    this.cancelled = List.copyOf(cancelled);
  }

  /**
   * The update from {@code previous} to {@code current}, two exports of one plan's versions in
   * {@code zone}.
   *
   * @param current the plain export (without update rules) of the new version
   * @param previous the file written before: a plain export or an update
   * @param utcOnly whether the current export writes every date-time in UTC
   * @throws IllegalArgumentException if {@code previous} is not an export of rehabplan's
   *     ical-export, holds a UID twice, or refers to another zone
   */
  static CalendarUpdate between(byte[] current, byte[] previous, ZoneId zone, boolean utcOnly) {
    Map<String, Event> now = index(read(current, "current export"), "current export");
    Map<String, Event> before = index(read(previous, "previous export"), "previous export");
    Map<String, Integer> sequences = new HashMap<>();
    for (Event e : now.values()) {
      Event was = before.get(e.uid());
      int sequence = was == null ? 0
          : !was.cancelled() && was.content().equals(e.content()) ? was.sequence()
          : was.sequence() + 1;
      if (sequence != 0) {
        sequences.put(e.uid(), sequence);
      }
    }
    List<Cancelled> cancelled = new ArrayList<>();
    for (Event was : before.values()) {
      if (!now.containsKey(was.uid())) {
        cancelled.add(new Cancelled(was.uid(),
            was.cancelled() ? was.sequence() : was.sequence() + 1,
            keptValues(was, zone, utcOnly)));
      }
    }
    return new CalendarUpdate(sequences, cancelled);
  }

  /** Whether the update changes nothing: every SEQUENCE 0 and nothing cancelled. */
  boolean isEmpty() {
    return sequences.isEmpty() && cancelled.isEmpty();
  }

  /** The SEQUENCE of the event with {@code uid} in the current export. */
  int sequence(String uid) {
    return sequences.getOrDefault(uid, 0);
  }

  /** The cancelled events, in the previous export's order. */
  List<Cancelled> cancelled() {
    return cancelled;
  }

  /** The latest instant a cancelled event refers to, or {@code fallback} if later or none. */
  Instant lastInstant(Instant fallback) {
    Instant last = fallback;
    for (Cancelled c : cancelled) {
      for (Value v : c.values()) {
        List<Instant> instants;
        if (v instanceof DateTimeValue d) {
          instants = List.of(d.instant());
        } else if (v instanceof DateListValue d) {
          instants = d.instants();
        } else if (v instanceof RuleValue r) {
          instants = List.of(r.rule().until());
        } else if (v instanceof DateValue d) {
          instants = List.of(d.date().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        } else {
          instants = List.of();
        }
        for (Instant t : instants) {
          if (t.isAfter(last)) {
            last = t;
          }
        }
      }
    }
    return last;
  }

  // ------------------------------------------------------------------ reading an export

  private static Map<String, Event> index(List<Event> events, String what) {
    Map<String, Event> out = new LinkedHashMap<>();
    for (Event e : events) {
      if (out.put(e.uid(), e) != null) {
        throw new IllegalArgumentException(what + " holds UID " + e.uid() + " twice");
      }
    }
    return out;
  }

  /** The VEVENTs of an export, in file order. */
  private static List<Event> read(byte[] ics, String what) {
    List<String> lines = unfold(decode(ics, what));
    boolean ours = false;
    int depth = 0;
    List<Event> events = new ArrayList<>();
    List<String> event = null;
    for (String line : lines) {
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("BEGIN:")) {
        depth++;
        if (depth == 2 && line.equals("BEGIN:VEVENT")) {
          event = new ArrayList<>();
        } else if (depth == 1 && !line.equals("BEGIN:VCALENDAR")) {
          throw new IllegalArgumentException(what + " is not an iCalendar file: " + line);
        }
      } else if (line.startsWith("END:")) {
        if (depth == 2 && event != null) {
          events.add(event(event, what));
          event = null;
        }
        depth--;
      } else if (depth == 1 && line.equals("PRODID:" + CalendarAssembler.PRODUCT_ID)) {
        ours = true;
      }
      if (event != null) {
        event.add(line);
      }
    }
    if (!ours || depth != 0) {
      throw new IllegalArgumentException(what + " is not a complete calendar written by"
          + " rehabplan's ical-export");
    }
    return events;
  }

  private static Event event(List<String> lines, String what) {
    String uid = null;
    int sequence = 0;
    boolean cancelled = false;
    List<String> content = new ArrayList<>(lines.size());
    int depth = 0;
    for (String line : lines) {
      if (line.startsWith("BEGIN:")) {
        depth++;
      } else if (line.startsWith("END:")) {
        depth--;
      }
      String name = name(line);
      if (depth == 1) {
        switch (name) {
          case Property.UID -> uid = value(line);
          case Property.SEQUENCE -> {
            try {
              sequence = Integer.parseInt(value(line));
            } catch (NumberFormatException e) {
              throw new IllegalArgumentException(what + ": bad " + line, e);
            }
            continue;
          }
          case Property.DTSTAMP -> {
            continue;
          }
          case Property.STATUS -> cancelled = value(line).equals("CANCELLED");
          default -> { }
        }
      }
      content.add(line);
    }
    if (uid == null || sequence < 0) {
      throw new IllegalArgumentException(what + ": an event without UID or with a negative"
          + " SEQUENCE");
    }
    return new Event(uid, sequence, cancelled, content, lines);
  }

  /** The properties a cancelled event keeps, typed so that both sinks can write them. */
  private static List<Value> keptValues(Event e, ZoneId zone, boolean utcOnly) {
    Map<String, String> found = new HashMap<>();
    String item = null;
    int depth = 0;
    for (String line : e.lines()) {
      if (line.startsWith("BEGIN:")) {
        depth++;
      } else if (line.startsWith("END:")) {
        depth--;
      } else if (depth == 1) {
        String name = name(line);
        if (KEPT.contains(name)) {
          found.putIfAbsent(name, line);
        } else if (name.equals(CalendarAssembler.ITEM_PROPERTY)) {
          item = line;
        }
      }
    }
    if (!found.containsKey(Property.DTSTART)) {
      throw new IllegalArgumentException("previous export: event " + e.uid()
          + " has no DTSTART");
    }
    List<Value> out = new ArrayList<>();
    for (String name : KEPT) {
      String line = found.get(name);
      if (line != null) {
        out.add(typed(name, line, zone, utcOnly));
      }
    }
    if (item != null) {
      out.add(new TextValue(CalendarAssembler.ITEM_PROPERTY, unescape(value(item))));
    }
    return out;
  }

  private static Value typed(String name, String line, ZoneId zone, boolean utcOnly) {
    String parameters = parameters(line);
    String value = value(line);
    boolean allDay = parameters.equals(";VALUE=DATE");
    boolean textual = name.equals(Property.SUMMARY) || name.equals(Property.RRULE);
    boolean utc = allDay || textual || checkZone(parameters, zone, utcOnly, line);
    try {
      switch (name) {
        case Property.SUMMARY -> {
          return new TextValue(name, unescape(value));
        }
        case Property.RRULE -> {
          return new RuleValue(rule(value));
        }
        case Property.DTSTART, Property.DTEND -> {
          return allDay ? new DateValue(name, LocalDate.parse(value, BASIC_DATE))
              : new DateTimeValue(name, instant(value, utc, zone), utc);
        }
        default -> { // EXDATE, RDATE
          List<Instant> instants = new ArrayList<>();
          for (String v : value.split(",", -1)) {
            instants.add(instant(v, utc, zone));
          }
          return new DateListValue(name, instants, utc);
        }
      }
    } catch (DateTimeParseException | IllegalArgumentException | IndexOutOfBoundsException ex) {
      throw new IllegalArgumentException("previous export: cannot read " + line, ex);
    }
  }

  /** Whether the value is in UTC; a TZID must name {@code zone}. */
  private static boolean checkZone(String parameters, ZoneId zone, boolean utcOnly, String line) {
    if (parameters.isEmpty()) {
      return true;
    }
    if (utcOnly || !parameters.equals(";TZID=" + zone.getId())) {
      throw new IllegalArgumentException("previous export is of another time zone than "
          + zone.getId() + ": " + line);
    }
    return false;
  }

  private static Instant instant(String value, boolean utc, ZoneId zone) {
    if (utc) {
      if (!value.endsWith("Z")) {
        throw new IllegalArgumentException("not a UTC date-time: " + value);
      }
      return LocalDateTime.parse(value.substring(0, value.length() - 1), BASIC_DATE_TIME)
          .toInstant(ZoneOffset.UTC);
    }
    return LocalDateTime.parse(value, BASIC_DATE_TIME).atZone(zone).toInstant();
  }

  private static RecurrenceEncoder.Rule rule(String value) {
    RecurrenceEncoder.Frequency frequency = null;
    Instant until = null;
    List<DayOfWeek> days = List.of();
    List<Integer> hours = List.of(0);
    int minute = 0;
    for (String part : value.split(";", -1)) {
      int eq = part.indexOf('=');
      String key = part.substring(0, eq);
      String v = part.substring(eq + 1);
      switch (key) {
        case "FREQ" -> frequency = RecurrenceEncoder.Frequency.valueOf(v);
        case "UNTIL" -> until = instant(v, true, ZoneOffset.UTC);
        case "BYDAY" -> {
          List<DayOfWeek> d = new ArrayList<>();
          for (String day : v.split(",", -1)) {
            d.add(DAYS.get(day));
          }
          if (d.contains(null)) {
            throw new IllegalArgumentException("BYDAY " + v);
          }
          days = d;
        }
        case "BYHOUR" -> {
          List<Integer> h = new ArrayList<>();
          for (String hour : v.split(",", -1)) {
            h.add(Integer.parseInt(hour));
          }
          hours = h;
        }
        case "BYMINUTE" -> minute = Integer.parseInt(v);
        default -> throw new IllegalArgumentException("unexpected rule part " + part);
      }
    }
    if (frequency == null || until == null) {
      throw new IllegalArgumentException("a rule without FREQ or UNTIL");
    }
    return new RecurrenceEncoder.Rule(frequency, days, hours, minute, until);
  }

  private static final Map<String, DayOfWeek> DAYS = Map.of(
      "MO", DayOfWeek.MONDAY, "TU", DayOfWeek.TUESDAY, "WE", DayOfWeek.WEDNESDAY,
      "TH", DayOfWeek.THURSDAY, "FR", DayOfWeek.FRIDAY, "SA", DayOfWeek.SATURDAY,
      "SU", DayOfWeek.SUNDAY);

  // ------------------------------------------------------------------ content lines

  private static String decode(byte[] bytes, String what) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(what + " is not UTF-8", e);
    }
  }

  /** Content lines: CRLF (or LF) line ends, a line break followed by a space or tab unfolded. */
  private static List<String> unfold(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    String[] physical = text.split("\r?\n", -1);
    for (String p : physical) {
      if (!p.isEmpty() && (p.charAt(0) == ' ' || p.charAt(0) == '\t')) {
        line.append(p, 1, p.length());
      } else {
        if (line.length() > 0) {
          out.add(line.toString());
        }
        line.setLength(0);
        line.append(p);
      }
    }
    if (line.length() > 0) {
      out.add(line.toString());
    }
    return out;
  }

  /** The property name: up to the first {@code ;} or {@code :}. */
  private static String name(String line) {
    int end = 0;
    while (end < line.length() && line.charAt(end) != ';' && line.charAt(end) != ':') {
      end++;
    }
    return line.substring(0, end);
  }

  /** The parameters with their leading {@code ;}, or empty; the exporter never quotes them. */
  private static String parameters(String line) {
    int start = name(line).length();
    int colon = line.indexOf(':', start);
    return colon < 0 ? "" : line.substring(start, colon);
  }

  private static String value(String line) {
    int colon = line.indexOf(':', name(line).length());
    if (colon < 0) {
      throw new IllegalArgumentException("a content line without a value: " + line);
    }
    return line.substring(colon + 1);
  }

  /** TEXT unescaped (RFC 5545 3.3.11). */
  private static String unescape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        b.append(n == 'n' || n == 'N' ? '\n' : n);
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return "CalendarUpdate[" + sequences.size() + " changed, " + cancelled.size()
        + " cancelled]";
  }
}
