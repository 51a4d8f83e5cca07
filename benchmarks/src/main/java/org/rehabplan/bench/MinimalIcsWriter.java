package org.rehabplan.bench;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.rehabplan.Plan;
import org.rehabplan.Session;

/**
 * Baseline 3, the practical floor: a minimal hand-written RFC 5545 writer. Content lines go
 * straight into a UTF-8 byte buffer with TEXT escaping and 75-octet folding that never splits a
 * UTF-8 sequence; nothing else (no model, no validation).
 */
public final class MinimalIcsWriter {
  private static final int LIMIT = 75;

  private byte[] buf;
  private int size;
  private int lineOctets;

  public MinimalIcsWriter(int capacity) {
    buf = new byte[capacity];
  }

  /** One VEVENT per session, with the exporter's session properties and alarm. */
  public static byte[] sessions(Plan plan, String vtimezone, int alarmMinutes) {
    List<Session> sessions = plan.sessions();
    MinimalIcsWriter w = new MinimalIcsWriter(1024 + sessions.size() * 1024);
    ZoneId zone = plan.zone();
    String tz = ";TZID=" + zone.getId();
    String stamp = utc(SessionTexts.stamp(plan));
    String trigger = "-" + java.time.Duration.ofMinutes(alarmMinutes);
    w.raw("BEGIN:VCALENDAR\r\nPRODID:" + SessionTexts.PRODID
        + "\r\nVERSION:2.0\r\nCALSCALE:GREGORIAN\r\n");
    w.raw(vtimezone);
    for (Session s : sessions) {
      w.raw("BEGIN:VEVENT\r\n");
      w.line("UID", SessionTexts.uid(plan, s), true);
      w.line("DTSTAMP", stamp, false);
      w.line("DTSTART" + tz, local(s.start(), zone), false);
      w.line("DTEND" + tz, local(s.end(), zone), false);
      String summary = SessionTexts.summary(s);
      w.line("SUMMARY", summary, true);
      w.line("DESCRIPTION", SessionTexts.description(s), true);
      w.begin("CATEGORIES").text(s.phase().name()).ascii(",")
          .text(SessionTexts.kind(s.intervention().kind())).end();
      w.raw("X-REHABPLAN-ITEM:session\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\n");
      w.line("DESCRIPTION", summary, true);
      w.line("TRIGGER", trigger, false);
      w.raw("END:VALARM\r\nEND:VEVENT\r\n");
    }
    w.raw("END:VCALENDAR\r\n");
    return w.toByteArray();
  }

  /** Writes a content line: {@code name} (with parameters), ':', the value, CRLF. */
  public MinimalIcsWriter line(String nameAndParams, String value, boolean escape) {
    begin(nameAndParams);
    if (escape) {
      text(value);
    } else {
      chars(value);
    }
    return end();
  }

  /** Starts a content line with its name and parameters and the ':'. */
  public MinimalIcsWriter begin(String nameAndParams) {
    lineOctets = 0;
    chars(nameAndParams);
    return ascii(":");
  }

  /** Ends the content line. */
  public MinimalIcsWriter end() {
    ensure(2);
    buf[size++] = '\r';
    buf[size++] = '\n';
    return this;
  }

  /** Appends pre-formatted, already folded lines. */
  public MinimalIcsWriter raw(String lines) {
    for (int i = 0; i < lines.length(); i++) {
      ensure(1);
      buf[size++] = (byte) lines.charAt(i); // ASCII only
    }
    return this;
  }

  public MinimalIcsWriter ascii(String s) {
    return chars(s);
  }

  /** A TEXT value, escaped (RFC 5545 3.3.11). */
  public MinimalIcsWriter text(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> { put('\\'); put('\\'); }
        case ';' -> { put('\\'); put(';'); }
        case ',' -> { put('\\'); put(','); }
        case '\n' -> { put('\\'); put('n'); }
        default -> {
          if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
            put(Character.toCodePoint(c, s.charAt(++i)));
          } else {
            put(c);
          }
        }
      }
    }
    return this;
  }

  private MinimalIcsWriter chars(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
        put(Character.toCodePoint(c, s.charAt(++i)));
      } else {
        put(c);
      }
    }
    return this;
  }

  private void put(int cp) {
    int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    ensure(n + 3);
    if (lineOctets + n > LIMIT) {
      buf[size++] = '\r';
      buf[size++] = '\n';
      buf[size++] = ' ';
      lineOctets = 1;
    }
    lineOctets += n;
    if (n == 1) {
      buf[size++] = (byte) cp;
    } else if (n == 2) {
      buf[size++] = (byte) (0xC0 | (cp >> 6));
      buf[size++] = (byte) (0x80 | (cp & 0x3F));
    } else if (n == 3) {
      buf[size++] = (byte) (0xE0 | (cp >> 12));
      buf[size++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
      buf[size++] = (byte) (0x80 | (cp & 0x3F));
    } else {
      buf[size++] = (byte) (0xF0 | (cp >> 18));
      buf[size++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
      buf[size++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
      buf[size++] = (byte) (0x80 | (cp & 0x3F));
    }
  }

  private void ensure(int n) {
    if (size + n > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
    }
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  static String utc(Instant t) {
    return basic(LocalDateTime.ofInstant(t, ZoneOffset.UTC)) + "Z";
  }

  static String local(Instant t, ZoneId zone) {
    return basic(LocalDateTime.ofInstant(t, zone));
  }

  private static String basic(LocalDateTime t) {
    char[] c = new char[15];
    digits(c, 0, t.getYear(), 4);
    digits(c, 4, t.getMonthValue(), 2);
    digits(c, 6, t.getDayOfMonth(), 2);
    c[8] = 'T';
    digits(c, 9, t.getHour(), 2);
    digits(c, 11, t.getMinute(), 2);
    digits(c, 13, t.getSecond(), 2);
    return new String(c);
  }

  private static void digits(char[] c, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      c[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
