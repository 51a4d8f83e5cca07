package org.rehabplan.examples.cli;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the command line said: for every option given, its values in command-line order (flags
 * have one empty value per occurrence). Immutable.
 */
final class ParsedArgs {
  private final Map<String, List<String>> values;

  private ParsedArgs(Map<String, List<String>> values) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    this.values = Map.copyOf(copy);
  }

  /**
   * Parses {@code args} against {@code specs}: {@code --name}, {@code --name VALUE}, {@code
   * --name=VALUE} and the one-letter aliases. Nothing else is accepted.
   *
   * @throws UsageException for an unknown option, a missing or unexpected value, a positional
   *     argument, or an option given twice that is not repeatable
   */
  static ParsedArgs parse(List<OptionSpec> specs, String... args) throws UsageException {
    requireNonNull(specs, "specs");
    requireNonNull(args, "args");
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = requireNonNull(args[i], "args[" + i + "]");
      String name;
      String inlineValue = null;
      if (arg.startsWith("--") && arg.length() > 2) {
        int eq = arg.indexOf('=');
        name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
        inlineValue = eq < 0 ? null : arg.substring(eq + 1);
      } else if (arg.length() == 2 && arg.charAt(0) == '-' && arg.charAt(1) != '-') {
        name = null;
        for (OptionSpec s : specs) {
          if (s.shortName() != null && s.shortName() == arg.charAt(1)) {
            name = s.name();
          }
        }
        if (name == null) {
          throw new UsageException("unknown option " + Texts.quote(arg) + "; see --help");
        }
      } else {
        throw new UsageException("unexpected argument " + Texts.quote(arg)
            + "; options start with --, see --help");
      }
      OptionSpec spec = find(specs, name);
      String value;
      if (!spec.takesValue()) {
        if (inlineValue != null) {
          throw new UsageException("--" + name + " takes no value: " + Texts.quote(arg));
        }
        value = "";
      } else if (inlineValue != null) {
        value = inlineValue;
      } else if (i + 1 < args.length && !looksLikeOption(args[i + 1])) {
        value = args[++i];
      } else {
        throw new UsageException("--" + name + " needs a value: --" + name + " "
            + spec.valueName() + defaultHint(spec));
      }
      List<String> list = values.computeIfAbsent(name, k -> new ArrayList<>());
      if (!list.isEmpty() && !spec.repeatable()) {
        throw new UsageException("--" + name + " is given more than once"
            + (spec.takesValue() ? " (" + Texts.quote(list.get(0)) + " and " + Texts.quote(value)
                + ")" : "") + "; give it once");
      }
      list.add(value);
    }
    return new ParsedArgs(values);
  }

  private static boolean looksLikeOption(String next) {
    return next != null && next.startsWith("--") && next.length() > 2;
  }

  private static String defaultHint(OptionSpec spec) {
    return spec.defaultValue().map(d -> " (default: " + d + ")").orElse("");
  }

  private static OptionSpec find(List<OptionSpec> specs, String name) throws UsageException {
    List<String> prefixed = new ArrayList<>();
    for (OptionSpec s : specs) {
      if (s.name().equals(name)) {
        return s;
      }
      if (s.name().startsWith(name)) {
        prefixed.add("--" + s.name());
      }
    }
    throw new UsageException("unknown option " + Texts.quote("--" + name)
        + (prefixed.size() == 1 ? "; did you mean " + prefixed.get(0) + "?" : "; see --help"));
  }

  /** Whether the option was given. */
  boolean has(String name) {
    return values.containsKey(name);
  }

  /** The value of a non-repeatable option, if given. */
  Optional<String> value(String name) {
    List<String> list = values.get(name);
    return list == null ? Optional.empty() : Optional.of(list.get(list.size() - 1));
  }

  /** Every value of the option, in command-line order; empty if it was not given. */
  List<String> values(String name) {
    return values.getOrDefault(name, List.of());
  }

  @Override
  public String toString() {
    return "ParsedArgs" + values;
  }
}
