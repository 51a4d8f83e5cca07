package org.rehabplan.ical;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.rehabplan.InterventionKind;

/** The checks and wording of the exported texts; the one place their messages are worded. */
final class Texts {
  /** The PRODID of every exported calendar. */
  static final String PRODUCT_ID = "-//rehabplan//rehabplan ical-export//EN";
  /** The X-property telling what a component shows: session, guidance, phase or milestone. */
  static final String ITEM_PROPERTY = "X-REHABPLAN-ITEM";
  /** The longest calendar name accepted, in characters. */
  static final int MAX_NAME_LENGTH = 255;

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT);

  private Texts() {}

  /** Checks a calendar name: not blank, no control characters, not too long. */
  static String checkName(String name) {
    if (name.isBlank()) {
      throw new IllegalArgumentException("calendarName must not be blank: \"" + name + "\"");
    }
    if (name.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException("calendarName must be at most "
          + MAX_NAME_LENGTH + " characters: " + name.length());
    }
    checkControls(name, "calendarName", false);
    return name;
  }

  /**
   * Checks a text taken from the plan: no control characters other than line feed (a bare
   * carriage return would end the content line in some readers).
   */
  static String checkText(String text, String what) {
    checkControls(text, what, true);
    return text;
  }

  private static void checkControls(String text, String what, boolean lineFeedAllowed) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) && !(lineFeedAllowed && c == '\n')) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "%s must not contain control characters%s (found U+%04X at index %d): \"%s\"",
            what, lineFeedAllowed ? " other than line feed" : "", (int) c, i, text));
      }
    }
  }

  /** The kind as a category, e.g. {@code Warm up} for {@link InterventionKind#WARM_UP}. */
  static String kind(InterventionKind kind) {
    String s = kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** {@code uuuu-MM-dd HH:mm} in {@code zone}. */
  static String dateTime(Instant instant, ZoneId zone) {
    return DATE_TIME.format(instant.atZone(zone));
  }
}
