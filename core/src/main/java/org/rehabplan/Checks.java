package org.rehabplan;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Shared argument checks for the model; the one place their messages are worded and the one place
 * the {@link Limits} are enforced.
 */
final class Checks {
  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private Checks() {}

  /** Checks an id: lower-case kebab-case, 1 to {@link Limits#MAX_ID_LENGTH} characters. */
  static String checkId(String id, String name) {
    requireNonNull(id, name);
    if (id.length() > Limits.MAX_ID_LENGTH || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s must be lower-case kebab-case ([a-z0-9]+(-[a-z0-9]+)*, at most %d characters): %s",
          name, Limits.MAX_ID_LENGTH, quote(id)));
    }
    return id;
  }

  /**
   * Checks a human-readable text: not blank, at most {@code maxLength} characters, no control
   * characters other than line feed, no lone surrogates.
   */
  static String checkText(String text, String name, int maxLength) {
    requireNonNull(text, name);
    checkArgument(!text.isBlank(), "%s must not be blank: %s", name, quote(text));
    return checkCharacters(text, name, maxLength);
  }

  /**
   * Checks a human-readable text against the long-text limit {@link
   * Limits#MAX_INSTRUCTIONS_LENGTH}; prefer {@link #checkText(String, String, int)} with the limit
   * that fits the text (a title, a note).
   */
  static String checkText(String text, String name) {
    return checkText(text, name, Limits.MAX_INSTRUCTIONS_LENGTH);
  }

  private static String checkCharacters(String text, String name, int maxLength) {
    if (text.length() > maxLength) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s must be at most %d characters, but has %d: %s",
          name, maxLength, text.length(), quote(text)));
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\n' && Character.isISOControl(c)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "%s must not contain control characters (found U+%04X at index %d): %s",
            name, (int) c, i, quote(text)));
      }
      if (Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++; // a valid pair: one supplementary character
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "%s must not contain a lone surrogate (found U+%04X at index %d): %s",
            name, (int) c, i, quote(text.replace(c, '\uFFFD'))));
      }
    }
    return text;
  }

  /**
   * {@code value} in double quotes for a message; a value longer than {@link
   * Limits#QUOTED_LENGTH} characters is cut, with its length given.
   */
  static String quote(String value) {
    if (value.length() <= Limits.QUOTED_LENGTH) {
      return '"' + value + '"';
    }
    int cut = Limits.QUOTED_LENGTH;
    if (Character.isHighSurrogate(value.charAt(cut - 1))) {
      cut--; // do not split a pair
    }
    return '"' + value.substring(0, cut) + "\"… (" + value.length() + " characters)";
  }

  /**
   * Checks a collection or array and its elements are not null.
   *
   * @throws NullPointerException naming {@code name} if either is
   */
  static <C extends Iterable<?>> C checkNoNulls(C elements, String name) {
    requireNonNull(elements, name);
    for (Object e : elements) {
      requireNonNull(e, () -> name + " must not contain null");
    }
    return elements;
  }

  /** Like {@link #checkNoNulls(Iterable, String)} for an array (varargs). */
  static <T> T[] checkNoNulls(T[] elements, String name) {
    requireNonNull(elements, name);
    for (T e : elements) {
      requireNonNull(e, () -> name + " must not contain null");
    }
    return elements;
  }

  /** Checks a duration is strictly positive and at most {@link Limits#MAX_DURATION}. */
  static Duration checkPositive(Duration duration, String name) {
    requireNonNull(duration, name);
    checkArgument(
        !duration.isNegative() && !duration.isZero(), "%s must be positive: %s", name, duration);
    return checkAtMost(duration, name, Limits.MAX_DURATION);
  }

  /** Checks a duration is zero or positive and at most {@link Limits#MAX_DURATION}. */
  static Duration checkNotNegative(Duration duration, String name) {
    requireNonNull(duration, name);
    checkArgument(!duration.isNegative(), "%s must not be negative: %s", name, duration);
    return checkAtMost(duration, name, Limits.MAX_DURATION);
  }

  /** Checks a duration is at most {@code max}. */
  static Duration checkAtMost(Duration duration, String name, Duration max) {
    if (duration.compareTo(max) > 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s must be at most %s (%s): %s",
          name, HumanDurations.format(max), max, duration));
    }
    return duration;
  }
}
