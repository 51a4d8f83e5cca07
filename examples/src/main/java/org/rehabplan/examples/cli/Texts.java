package org.rehabplan.examples.cli;

import java.util.ArrayList;
import java.util.List;

/** Small text helpers for the command line's messages and reports. */
final class Texts {
  private Texts() {}

  /** {@code text} with line breaks and other control characters shown as escapes, on one line. */
  static String oneLine(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (Character.isISOControl(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The most characters of a value a message quotes (as core's messages do). */
  static final int QUOTED_LENGTH = 80;

  /**
   * {@code 'value'}, on one line, for messages; a value longer than {@value #QUOTED_LENGTH}
   * characters is cut, with its length given.
   */
  static String quote(String value) {
    String line = oneLine(value);
    if (line.length() <= QUOTED_LENGTH) {
      return "'" + line + "'";
    }
    int cut = Character.isHighSurrogate(line.charAt(QUOTED_LENGTH - 1))
        ? QUOTED_LENGTH - 1 : QUOTED_LENGTH;
    return "'" + line.substring(0, cut) + "'… (" + value.length() + " characters)";
  }

  /**
   * {@code text} broken into lines of at most {@code width} characters at spaces (a longer word
   * gets a line of its own), each line prefixed by {@code indent}.
   */
  static List<String> wrap(String text, int width, String indent) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.trim().split("\\s+", -1)) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(indent + line);
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    if (line.length() > 0) {
      lines.add(indent + line);
    }
    return lines;
  }

  /** {@code s} padded with spaces to {@code width}, or followed by one space when longer. */
  static String pad(String s, int width) {
    return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
  }
}
