package org.rehabplan.ical;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import net.fortuna.ical4j.model.Property;

/**
 * Writes a calendar's content lines straight into UTF-8 bytes, folded as it goes: the same bytes
 * as {@link Folding#fold} of iCal4j's rendering of the model ({@link Ical4jSink}), without building
 * the model or the intermediate strings. Follows iCal4j 4.4.0's rendering: TEXT escaped as its
 * {@code PropertyCodec} does, parameters from the cached VTIMEZONE entry, date-times in the basic
 * format, RRULE parts in {@code RecurFormatter}'s order. Not thread-safe; used once.
 */
final class IcsWriter implements ContentSink {
  private static final byte[] CRLF_SPACE = {'\r', '\n', ' '};

  private final ZoneId zone;
  private byte[] buf;
  private int size;
  /** Octets on the current physical line. */
  private int octets;
  private byte @org.jspecify.annotations.Nullable [] tzidParameter;
  private int triggerMinutes = -1;
  private String triggerValue = "";

  /** The largest byte array the JVMs we run on allocate. */
  private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

  IcsWriter(ZoneId zone, int capacity) {
    this.zone = zone;
    this.buf = new byte[Math.max(capacity, 256)];
  }

  /** The file's bytes. */
  byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  // ------------------------------------------------------------------ ContentSink

  @Override
  public void begin(String component) {
    name("BEGIN:");
    ascii(component);
    endLine();
  }

  @Override
  public void end(String component) {
    name("END:");
    ascii(component);
    endLine();
  }

  @Override
  public void timeZone(VTimeZones.Entry entry) {
    byte[] folded = entry.folded();
    ensure(folded.length);
    System.arraycopy(folded, 0, buf, size, folded.length);
    size += folded.length;
    tzidParameter = entry.tzidParameter();
  }

  @Override
  public void text(String name, String value) {
    name(name);
    put(':');
    escaped(value);
    endLine();
  }

  @Override
  public void integer(String name, int value) {
    name(name);
    put(':');
    number(value);
    endLine();
  }

  @Override
  public void constant(Property property) {
    name(property.getName());
    put(':');
    chars(property.getValue());
    endLine();
  }

  @Override
  public void categories(String first, String second) {
    name("CATEGORIES:");
    escaped(first);
    if (!second.equals(first)) { // iCal4j's TextList is a set
      put(',');
      escaped(second);
    }
    endLine();
  }

  @Override
  public void stamp(Instant instant) {
    name("DTSTAMP:");
    utc(instant);
    endLine();
  }

  @Override
  public void dateTime(String name, Instant instant, boolean utc) {
    name(name);
    if (utc) {
      put(':');
      utc(instant);
    } else {
      tzid();
      put(':');
      local(instant);
    }
    endLine();
  }

  @Override
  public void date(String name, LocalDate date) {
    name(name);
    ascii(";VALUE=DATE:");
    date(date);
    endLine();
  }

  @Override
  public void rule(RecurrenceEncoder.Rule rule) {
    name("RRULE:FREQ=");
    ascii(rule.frequency() == RecurrenceEncoder.Frequency.DAILY ? "DAILY" : "WEEKLY");
    ascii(";UNTIL=");
    utc(rule.until());
    List<DayOfWeek> days = rule.days();
    if (!days.isEmpty()) {
      ascii(";BYDAY=");
      for (int i = 0; i < days.size(); i++) {
        if (i > 0) {
          put(',');
        }
        ascii(days.get(i).name().substring(0, 2));
      }
    }
    List<Integer> hours = rule.hours();
    if (hours.size() > 1) {
      ascii(";BYHOUR=");
      for (int i = 0; i < hours.size(); i++) {
        if (i > 0) {
          put(',');
        }
        number(hours.get(i));
      }
      ascii(";BYMINUTE=");
      number(rule.minute());
    }
    endLine();
  }

  @Override
  public void dateList(String name, List<Instant> instants, boolean utc) {
    name(name);
    if (!utc) {
      tzid();
    }
    put(':');
    for (int i = 0; i < instants.size(); i++) {
      if (i > 0) {
        put(',');
      }
      if (utc) {
        utc(instants.get(i));
      } else {
        local(instants.get(i));
      }
    }
    endLine();
  }

  @Override
  public void duration(String name, java.time.Duration value) {
    name(name);
    if (name.equals("REFRESH-INTERVAL")) {
      ascii(";VALUE=DURATION");
    }
    put(':');
    ascii(value.toString());
    endLine();
  }

  @Override
  public void trigger(int minutes) {
    if (minutes != triggerMinutes) {
      triggerValue = triggerValue(minutes);
      triggerMinutes = minutes;
    }
    name("TRIGGER:");
    ascii(triggerValue);
    endLine();
  }

  /**
   * iCal4j's rendering of {@code Duration.ofMinutes(-minutes)} ({@code TemporalAmountAdapter}):
   * ISO-8601 below a day; whole days as {@code P..D} with the rest as {@code T..H..M}.
   */
  static String triggerValue(int minutes) {
    if (minutes == 0) {
      return "PT0S";
    }
    long days = minutes / (24 * 60);
    if (days == 0) {
      return "-" + java.time.Duration.ofMinutes(minutes);
    }
    int hours = minutes % (24 * 60) / 60;
    int rest = minutes % 60;
    StringBuilder b = new StringBuilder("-P").append(days).append('D');
    if (hours > 0) {
      b.append('T').append(hours).append('H');
      if (rest > 0) {
        b.append(rest).append('M');
      }
    } else if (rest > 0) {
      b.append('T').append(rest).append('M');
    }
    return b.toString();
  }

  // ------------------------------------------------------------------ values

  private void tzid() {
    byte[] p = tzidParameter;
    if (p == null) {
      throw new IllegalStateException("a TZID before the VTIMEZONE");
    }
    for (byte b : p) {
      put(b & 0xFF); // ASCII: zone ids are
    }
  }

  private void utc(Instant t) {
    LocalDateTime l = LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, ZoneOffset.UTC);
    dateTime(l);
    put('Z');
  }

  private void local(Instant t) {
    ZoneOffset offset = zone.getRules().getOffset(t);
    dateTime(LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, offset));
  }

  private void dateTime(LocalDateTime l) {
    date(l.toLocalDate());
    put('T');
    digits(l.getHour(), 2);
    digits(l.getMinute(), 2);
    digits(l.getSecond(), 2);
  }

  private void date(LocalDate d) {
    int year = d.getYear();
    if (year < 0 || year > 9999) {
      chars(String.format(java.util.Locale.ROOT, "%04d", year));
    } else {
      digits(year, 4);
    }
    digits(d.getMonthValue(), 2);
    digits(d.getDayOfMonth(), 2);
  }

  private void digits(int value, int width) {
    ensure(width + 3);
    if (octets + width > Folding.LIMIT) {
      for (int i = width - 1; i >= 0; i--) {
        put('0' + (value / POWERS[i]) % 10);
      }
      return;
    }
    for (int i = size + width - 1; i >= size; i--) {
      buf[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    size += width;
    octets += width;
  }

  private static final int[] POWERS = {1, 10, 100, 1000};

  private void number(int n) {
    chars(Integer.toString(n));
  }

  // ------------------------------------------------------------------ content lines

  /** Starts a content line with {@code s} (ASCII). */
  private void name(String s) {
    octets = 0;
    ascii(s);
  }

  private void endLine() {
    ensure(2);
    buf[size++] = '\r';
    buf[size++] = '\n';
  }

  private void ascii(String s) {
    int n = s.length();
    if (octets + n <= Folding.LIMIT) {
      ensure(n);
      for (int i = 0; i < n; i++) {
        buf[size + i] = (byte) s.charAt(i);
      }
      size += n;
      octets += n;
    } else {
      chars(s);
    }
  }

  /** {@code s} as is. */
  private void chars(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        put(Character.toCodePoint(c, s.charAt(++i)));
      } else {
        put(c);
      }
    }
  }

  /**
   * {@code s} as TEXT, escaped as iCal4j's {@code PropertyCodec} does: backslash, semicolon and
   * comma get a backslash, a line break ({@code \n} or {@code \r\n}) becomes {@code \n}.
   */
  private void escaped(String s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\', ';', ',' -> {
          put('\\');
          put(c);
        }
        case '\n' -> {
          put('\\');
          put('n');
        }
        case '\r' -> {
          if (i + 1 < n && s.charAt(i + 1) == '\n') {
            put('\\');
            put('n');
            i++;
          } else {
            put(c);
          }
        }
        default -> {
          if (Character.isHighSurrogate(c) && i + 1 < n
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            put(Character.toCodePoint(c, s.charAt(++i)));
          } else {
            put(c);
          }
        }
      }
    }
  }

  /**
   * One code point in UTF-8, after a fold (CRLF and a space) when it does not fit on the line.
   * A lone surrogate is written as {@code String.getBytes(UTF_8)} writes it: {@code ?}.
   */
  private void put(int cp) {
    int n;
    if (cp < 0x80) {
      n = 1;
    } else if (cp < 0x800) {
      n = 2;
    } else if (cp < 0x10000) {
      n = 3;
    } else {
      n = 4;
    }
    ensure(n + 3);
    if (octets + n > Folding.LIMIT) {
      System.arraycopy(CRLF_SPACE, 0, buf, size, 3);
      size += 3;
      octets = 1;
    }
    octets += n;
    byte[] b = buf;
    int s = size;
    if (n == 1) {
      b[s] = (byte) cp;
    } else if (n == 2) {
      b[s] = (byte) (0xC0 | (cp >> 6));
      b[s + 1] = (byte) (0x80 | (cp & 0x3F));
    } else if (n == 3) {
      if (cp >= 0xD800 && cp <= 0xDFFF) {
        // A lone surrogate: Folding counts it as 3 octets, the encoder writes '?'.
        b[s] = '?';
        size = s + 1;
        return;
      }
      b[s] = (byte) (0xE0 | (cp >> 12));
      b[s + 1] = (byte) (0x80 | ((cp >> 6) & 0x3F));
      b[s + 2] = (byte) (0x80 | (cp & 0x3F));
    } else {
      b[s] = (byte) (0xF0 | (cp >> 18));
      b[s + 1] = (byte) (0x80 | ((cp >> 12) & 0x3F));
      b[s + 2] = (byte) (0x80 | ((cp >> 6) & 0x3F));
      b[s + 3] = (byte) (0x80 | (cp & 0x3F));
    }
    size = s + n;
  }

  private void ensure(int n) {
    if (n > buf.length - size) {
      buf = Arrays.copyOf(buf, grownCapacity(buf.length, size, n));
    }
  }

  /**
   * The capacity to grow a buffer of {@code capacity} holding {@code size} bytes to, so that
   * {@code more} bytes fit: doubled (computed without int overflow, so growth stays geometric up
   * to the largest array), at least what is needed.
   *
   * @throws OutOfMemoryError if {@code size + more} exceeds the largest array
   */
  static int grownCapacity(int capacity, int size, int more) {
    long needed = (long) size + more;
    if (needed > MAX_ARRAY) {
      throw new OutOfMemoryError("calendar larger than " + MAX_ARRAY + " bytes");
    }
    return (int) Math.min(MAX_ARRAY, Math.max(2L * capacity, needed));
  }
}
