package org.rehabplan.examples.cli;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One long GNU-style option: {@code --name}, a flag, or {@code --name VALUE} / {@code
 * --name=VALUE}, given at most once or {@linkplain #asRepeatable() repeatedly}. Immutable.
 *
 * @param name the long name without the dashes, e.g. {@code injured-at}
 * @param shortName a one-letter alias ({@code -h}), or {@code null}
 * @param valueName what the value is called in the help, e.g. {@code FILE}; {@code null} for flags
 * @param description what the option does, for the help
 * @param defaultText the default shown in the help, or {@code null}
 * @param repeatable whether the option may be given more than once (each value is kept)
 */
record OptionSpec(
    String name, @Nullable Character shortName, @Nullable String valueName, String description,
    @Nullable String defaultText, boolean repeatable) {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  OptionSpec {
    requireNonNull(name, "name");
    requireNonNull(description, "description");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("option name must be lower-case words joined by '-': "
          + name);
    }
  }

  /** A flag: {@code --name}. */
  static OptionSpec flag(String name, String description) {
    return new OptionSpec(name, null, null, description, null, false);
  }

  /** An option with a value: {@code --name VALUE}. */
  static OptionSpec value(
      String name, String valueName, String description, @Nullable String defaultText) {
    return new OptionSpec(name, null, requireNonNull(valueName, "valueName"), description,
        defaultText, false);
  }

  /** A copy that may be given more than once. */
  OptionSpec asRepeatable() {
    return new OptionSpec(name, shortName, valueName, description, defaultText, true);
  }

  /** A copy with a one-letter alias, {@code -c}. */
  OptionSpec withShortName(char c) {
    return new OptionSpec(name, c, valueName, description, defaultText, repeatable);
  }

  boolean takesValue() {
    return valueName != null;
  }

  Optional<String> defaultValue() {
    return Optional.ofNullable(defaultText);
  }

  /** {@code --name VALUE}, as the help shows it. */
  String synopsis() {
    return (shortName == null ? "" : "-" + shortName + ", ") + "--" + name
        + (valueName == null ? "" : " " + valueName);
  }
}
