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
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads back a file this exporter wrote (the reader beside {@link IcsWriter}): its VEVENTs with
 * UID, SEQUENCE, STATUS and content lines, and the values a cancelled event keeps. Everything taken
 * from the file is checked before it can reach a new file: UIDs must have this exporter's form,
 * SUMMARY passes the checks of new text, ITEM values are one of four words, date-times and rules
 * are parsed into values and written anew (never copied as text), and SEQUENCE is at most {@value
 * #MAX_SEQUENCE}. Accepts CRLF or LF line ends and a leading byte order mark. Any other departure
 * is an {@link IllegalArgumentException} naming the problem. Stateless.
 */
final class IcsReader {
  /**
   * The highest SEQUENCE an update accepts in a previous file: every update adds at most 1, so a
   * chain stays far below {@link Integer#MAX_VALUE}.
   */
  static final int MAX_SEQUENCE = 1_000_000;

  /** The longest file read back, in bytes (a year of sessions one by one is a few megabytes). */
  static final int MAX_BYTES = 64 * 1024 * 1024;

  /** The years a date-time of a file read back may fall in. */
  private static final int MIN_YEAR = 1900;
  private static final int MAX_YEAR = 2199;

  private static final Set<String> ITEMS = Set.of("session", "guidance", "phase", "milestone");

  /** A property of a cancelled event, written again by {@link #writeTo}. */
  sealed interface Value permits DateValue, DateTimeValue, DateListValue, RuleValue {
    /** Writes the property. */
    void writeTo(ContentSink out);

    /** The latest instant the value refers to (the end of the day for a date). */
    Instant latest();
  }

  /** DTSTART or DTEND of an all-day event. */
  record DateValue(String name, LocalDate date) implements Value {
    @Override
    public void writeTo(ContentSink out) {
      out.date(name, date);
    }

    @Override
    public Instant latest() {
      return date.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
  }

  /** DTSTART or DTEND with a TZID (the plan's zone) or in UTC. */
  record DateTimeValue(String name, Instant instant, boolean utc) implements Value {
    @Override
    public void writeTo(ContentSink out) {
      out.dateTime(name, instant, utc);
    }

    @Override
    public Instant latest() {
      return instant;
    }
  }

  /** EXDATE. */
  record DateListValue(String name, List<Instant> instants, boolean utc) implements Value {
    DateListValue {
      instants = List.copyOf(instants);
    }

    @Override
    public void writeTo(ContentSink out) {
      out.dateList(name, instants, utc);
    }

    @Override
    public Instant latest() {
      return instants.get(instants.size() - 1);
    }
  }

  /** RRULE. */
  record RuleValue(RecurrenceEncoder.Rule rule) implements Value {
    @Override
    public void writeTo(ContentSink out) {
      out.rule(rule);
    }

    @Override
    public Instant latest() {
      return rule.until();
    }
  }

  /**
   * One VEVENT as read back.
   *
   * @param uid its UID, of this exporter's form
   * @param sequence its SEQUENCE, 0 to {@value #MAX_SEQUENCE}
   * @param cancelled whether STATUS is CANCELLED
   * @param content its content lines but DTSTAMP and SEQUENCE, unfolded (for comparison only)
   * @param lines all its content lines, unfolded
   */
  record Event(
      String uid, int sequence, boolean cancelled, List<String> content, List<String> lines) {}

  /**
   * What a cancelled event keeps of the previous file: date-times and rule as values, the
   * SUMMARY checked as new text, the item word.
   *
   * @param times DTSTART, DTEND and, for a series that fits Outlook's templates, RRULE and EXDATE
   * @param summary the SUMMARY, if any
   * @param item the X-REHABPLAN-ITEM word, if any
   */
  record Kept(List<Value> times, @Nullable String summary, @Nullable String item) {
    Kept {
      times = List.copyOf(times);
    }
  }

  private static final DateTimeFormatter BASIC_DATE_TIME =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss", Locale.ROOT)
          .withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter BASIC_DATE =
      DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

  private static final Map<String, DayOfWeek> DAYS = Map.of(
      "MO", DayOfWeek.MONDAY, "TU", DayOfWeek.TUESDAY, "WE", DayOfWeek.WEDNESDAY,
      "TH", DayOfWeek.THURSDAY, "FR", DayOfWeek.FRIDAY, "SA", DayOfWeek.SATURDAY,
      "SU", DayOfWeek.SUNDAY);

  private IcsReader() {}

  /**
   * The VEVENTs of {@code ics} by UID, in file order.
   *
   * @param what how messages name the file, e.g. "previous export"
   * @throws IllegalArgumentException if {@code ics} is not a complete calendar written by this
   *     exporter, or holds a UID twice, a bad SEQUENCE or a control character
   */
  static Map<String, Event> events(byte[] ics, String what) {
    Map<String, Event> out = new LinkedHashMap<>();
    for (Event e : read(ics, what)) {
      if (out.put(e.uid(), e) != null) {
        throw new IllegalArgumentException(what + " holds UID " + e.uid() + " twice");
      }
    }
    return out;
  }

  private static List<Event> read(byte[] ics, String what) {
    if (ics.length > MAX_BYTES) {
      throw new IllegalArgumentException(what + " is larger than " + MAX_BYTES + " bytes: "
          + ics.length);
    }
    List<String> lines = unfold(decode(ics, what), what);
    boolean ours = false;
    boolean calendar = false;
    int depth = 0;
    List<Event> events = new ArrayList<>();
    List<String> event = null;
    for (String line : lines) {
      if (line.startsWith("BEGIN:")) {
        depth++;
        if (depth == 1) {
          if (!line.equals("BEGIN:VCALENDAR") || calendar) {
            throw new IllegalArgumentException(what + " is not an iCalendar file: "
                + shorten(line));
          }
          calendar = true;
        } else if (depth == 2 && line.equals("BEGIN:VEVENT")) {
          event = new ArrayList<>();
        } else if (depth > 4) {
          throw new IllegalArgumentException(what + " nests components too deep: "
              + shorten(line));
        }
      } else if (line.startsWith("END:")) {
        if (depth == 2 && event != null) {
          event.add(line);
          events.add(event(event, what));
          event = null;
          depth--;
          continue;
        }
        depth--;
        if (depth < 0) {
          throw new IllegalArgumentException(what + " ends a component it did not begin: "
              + shorten(line));
        }
      } else if (depth == 0) {
        throw new IllegalArgumentException(what + " is not an iCalendar file: " + shorten(line));
      } else if (depth == 1 && line.equals("PRODID:" + Texts.PRODUCT_ID)) {
        ours = true;
      }
      if (event != null) {
        event.add(line);
      }
    }
    if (!ours || depth != 0 || !calendar) {
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
          case "UID" -> {
            if (uid != null) {
              throw new IllegalArgumentException(what + ": an event with two UIDs");
            }
            uid = value(line, what);
            if (!Uids.FORM.matcher(uid).matches()) {
              throw new IllegalArgumentException(what + ": not a UID this exporter writes: "
                  + shorten(line));
            }
          }
          case "SEQUENCE" -> {
            sequence = sequence(value(line, what), what);
            continue;
          }
          case "DTSTAMP" -> {
            continue;
          }
          case "STATUS" -> cancelled = value(line, what).equals("CANCELLED");
          default -> { }
        }
      }
      content.add(line);
    }
    if (uid == null) {
      throw new IllegalArgumentException(what + ": an event without UID");
    }
    return new Event(uid, sequence, cancelled, content, lines);
  }

  private static int sequence(String value, String what) {
    if (value.isEmpty() || value.length() > 10 || !value.chars().allMatch(IcsReader::isDigit)) {
      throw new IllegalArgumentException(what + ": SEQUENCE must be a number from 0 to "
          + MAX_SEQUENCE + ": " + shorten(value));
    }
    long n = Long.parseLong(value);
    if (n > MAX_SEQUENCE) {
      throw new IllegalArgumentException(what + ": SEQUENCE " + value + " is above "
          + MAX_SEQUENCE + ", the most an update accepts (it would soon overflow)");
    }
    return (int) n;
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  /**
   * What a cancelled event keeps of {@code e}: see {@link Kept}.
   *
   * @param zone the plan's zone: every TZID must name it
   * @param utcOnly whether the plan's date-times are all in UTC (then no TZID is accepted)
   * @throws IllegalArgumentException if a kept value cannot be read or refers to another zone
   */
  static Kept kept(Event e, ZoneId zone, boolean utcOnly) {
    Map<String, String> found = new HashMap<>();
    int depth = 0;
    for (String line : e.lines()) {
      if (line.startsWith("BEGIN:")) {
        depth++;
      } else if (line.startsWith("END:")) {
        depth--;
      } else if (depth == 1) {
        found.putIfAbsent(name(line), line);
      }
    }
    String what = "previous export: event " + e.uid();
    String start = found.get("DTSTART");
    if (start == null) {
      throw new IllegalArgumentException(what + " has no DTSTART");
    }
    List<Value> times = new ArrayList<>();
    times.add(dateTime("DTSTART", start, zone, utcOnly, what));
    String end = found.get("DTEND");
    if (end != null) {
      times.add(dateTime("DTEND", end, zone, utcOnly, what));
    }
    String rrule = found.get("RRULE");
    if (rrule != null) {
      RecurrenceEncoder.Rule rule = rule(value(rrule, what), what);
      // A cancelled event needs no rule to be matched: keep only rules inside Outlook's
      // recurrence templates (one time of day), with their EXDATEs.
      if (rule.hours().size() <= 1) {
        times.add(new RuleValue(rule));
        String exdate = found.get("EXDATE");
        if (exdate != null) {
          times.add(dateList("EXDATE", exdate, zone, utcOnly, what));
        }
      }
    }
    String summary = null;
    String line = found.get("SUMMARY");
    if (line != null) {
      summary = Texts.checkText(unescape(value(line, what)), "SUMMARY of " + what);
    }
    String item = null;
    line = found.get(Texts.ITEM_PROPERTY);
    if (line != null) {
      item = value(line, what);
      if (!ITEMS.contains(item)) {
        throw new IllegalArgumentException(what + ": unknown " + shorten(line));
      }
    }
    return new Kept(times, summary, item);
  }

  private static Value dateTime(
      String name, String line, ZoneId zone, boolean utcOnly, String what) {
    String parameters = parameters(line);
    String value = value(line, what);
    if (parameters.equals(";VALUE=DATE")) {
      return new DateValue(name, date(value, line, what));
    }
    boolean utc = checkZone(parameters, zone, utcOnly, line);
    return new DateTimeValue(name, instant(value, utc, zone, line, what), utc);
  }

  private static Value dateList(
      String name, String line, ZoneId zone, boolean utcOnly, String what) {
    boolean utc = checkZone(parameters(line), zone, utcOnly, line);
    String value = value(line, what);
    List<Instant> instants = new ArrayList<>();
    for (String v : value.split(",", -1)) {
      instants.add(instant(v, utc, zone, line, what));
    }
    return new DateListValue(name, instants, utc);
  }

  /** Whether the value is in UTC; a TZID must name {@code zone}. */
  private static boolean checkZone(String parameters, ZoneId zone, boolean utcOnly, String line) {
    if (parameters.isEmpty()) {
      return true;
    }
    if (utcOnly || !parameters.equals(";TZID=" + zone.getId())) {
      throw new IllegalArgumentException("previous export is of another time zone than "
          + zone.getId() + ": " + shorten(line));
    }
    return false;
  }

  private static LocalDate date(String value, String line, String what) {
    try {
      LocalDate d = LocalDate.parse(value, BASIC_DATE);
      checkYear(d.getYear(), line, what);
      return d;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(what + ": not a date: " + shorten(line), e);
    }
  }

  private static Instant instant(String value, boolean utc, ZoneId zone, String line,
      String what) {
    String local = value;
    if (utc) {
      if (!value.endsWith("Z")) {
        throw new IllegalArgumentException(what + ": not a UTC date-time: " + shorten(line));
      }
      local = value.substring(0, value.length() - 1);
    }
    LocalDateTime t;
    try {
      t = LocalDateTime.parse(local, BASIC_DATE_TIME);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(what + ": not a date-time: " + shorten(line), e);
    }
    checkYear(t.getYear(), line, what);
    return utc ? t.toInstant(ZoneOffset.UTC) : t.atZone(zone).toInstant();
  }

  private static void checkYear(int year, String line, String what) {
    if (year < MIN_YEAR || year > MAX_YEAR) {
      throw new IllegalArgumentException(what + ": a date outside " + MIN_YEAR + "-" + MAX_YEAR
          + ": " + shorten(line));
    }
  }

  private static RecurrenceEncoder.Rule rule(String value, String what) {
    RecurrenceEncoder.Frequency frequency = null;
    Instant until = null;
    List<DayOfWeek> days = List.of();
    List<Integer> hours = List.of(0);
    int minute = 0;
    for (String part : value.split(";", -1)) {
      int eq = part.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException(what + ": not a rule part: RRULE " + shorten(part));
      }
      String key = part.substring(0, eq);
      String v = part.substring(eq + 1);
      switch (key) {
        case "FREQ" -> frequency = switch (v) {
          case "DAILY" -> RecurrenceEncoder.Frequency.DAILY;
          case "WEEKLY" -> RecurrenceEncoder.Frequency.WEEKLY;
          default -> throw new IllegalArgumentException(what + ": unexpected RRULE FREQ "
              + shorten(v));
        };
        case "UNTIL" -> until = instant(v, true, ZoneOffset.UTC, "RRULE:" + value, what);
        case "BYDAY" -> {
          List<DayOfWeek> d = new ArrayList<>();
          for (String day : v.split(",", -1)) {
            DayOfWeek w = DAYS.get(day);
            if (w == null) {
              throw new IllegalArgumentException(what + ": unexpected RRULE BYDAY "
                  + shorten(v));
            }
            d.add(w);
          }
          days = d;
        }
        case "BYHOUR" -> {
          List<Integer> h = new ArrayList<>();
          for (String hour : v.split(",", -1)) {
            h.add(small(hour, 23, "BYHOUR", what));
          }
          hours = h;
        }
        case "BYMINUTE" -> minute = small(v, 59, "BYMINUTE", what);
        default -> throw new IllegalArgumentException(what + ": unexpected RRULE part "
            + shorten(part));
      }
    }
    if (frequency == null || until == null) {
      throw new IllegalArgumentException(what + ": an RRULE without FREQ or UNTIL: "
          + shorten(value));
    }
    return new RecurrenceEncoder.Rule(frequency, days, hours, minute, until);
  }

  private static int small(String v, int max, String part, String what) {
    if (v.isEmpty() || v.length() > 2 || !v.chars().allMatch(IcsReader::isDigit)
        || Integer.parseInt(v) > max) {
      throw new IllegalArgumentException(what + ": RRULE " + part + " must be 0 to " + max
          + ": " + shorten(v));
    }
    return Integer.parseInt(v);
  }

  // ------------------------------------------------------------------ content lines

  private static String decode(byte[] bytes, String what) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(what + " is not UTF-8", e);
    }
    return text.startsWith("\uFEFF") ? text.substring(1) : text; // a byte order mark
  }

  /**
   * Content lines: CRLF or LF line ends; a line break followed by a space or tab unfolded. No
   * other control character than a tab may occur (a bare CR would end a line in some readers).
   */
  private static List<String> unfold(String text, String what) {
    List<String> out = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    int number = 0;
    int n = text.length();
    int i = 0;
    while (i < n) {
      int end = text.indexOf('\n', i);
      if (end < 0) {
        end = n;
      }
      int stop = end > i && text.charAt(end - 1) == '\r' ? end - 1 : end;
      number++;
      for (int k = i; k < stop; k++) {
        char c = text.charAt(k);
        if ((c < 0x20 && c != '\t') || c == 0x7F) {
          throw new IllegalArgumentException(String.format(Locale.ROOT,
              "%s: a control character U+%04X on line %d", what, (int) c, number));
        }
      }
      if (stop > i && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
        line.append(text, i + 1, stop);
      } else {
        if (line.length() > 0) {
          out.add(line.toString());
        }
        line.setLength(0);
        line.append(text, i, stop);
      }
      i = end + 1;
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

  private static String value(String line, String what) {
    int colon = line.indexOf(':', name(line).length());
    if (colon < 0) {
      throw new IllegalArgumentException(what + ": a content line without a value: "
          + shorten(line));
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

  /** At most 80 characters of a value for a message. */
  private static String shorten(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
