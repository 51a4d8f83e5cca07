package org.rehabplan;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/** Shared argument checks for the model; the one place their messages are worded. */
final class Checks {
  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final int MAX_ID_LENGTH = 64;

  private Checks() {}

  /** Checks an id: lower-case kebab-case, 1 to 64 characters. */
  static String checkId(String id, String name) {
    requireNonNull(id, name);
    checkArgument(
        id.length() <= MAX_ID_LENGTH && ID.matcher(id).matches(),
        "%s must be lower-case kebab-case ([a-z0-9]+(-[a-z0-9]+)*, at most %s characters): \"%s\"",
        name,
        MAX_ID_LENGTH,
        id);
    return id;
  }

  /** Checks a human-readable text: not blank, no control characters other than line feed. */
  static String checkText(String text, String name) {
    requireNonNull(text, name);
    checkArgument(!text.isBlank(), "%s must not be blank: \"%s\"", name, text);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\n' && Character.isISOControl(c)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "%s must not contain control characters (found U+%04X at index %d): \"%s\"",
            name, (int) c, i, text));
      }
    }
    return text;
  }

  /** Checks a duration is strictly positive. */
  static Duration checkPositive(Duration duration, String name) {
    requireNonNull(duration, name);
    checkArgument(
        !duration.isNegative() && !duration.isZero(), "%s must be positive: %s", name, duration);
    return duration;
  }

  /** Checks a duration is zero or positive. */
  static Duration checkNotNegative(Duration duration, String name) {
    requireNonNull(duration, name);
    checkArgument(!duration.isNegative(), "%s must not be negative: %s", name, duration);
    return duration;
  }
}
