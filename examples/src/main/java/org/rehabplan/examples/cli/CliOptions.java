package org.rehabplan.examples.cli;

import static java.util.Objects.requireNonNull;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.rehabplan.Contradiction;
import org.rehabplan.Criterion;
import org.rehabplan.Protocols;
import org.rehabplan.Severity;
import org.rehabplan.PlanRequest;
import org.rehabplan.PlanningException;
import org.rehabplan.WakingHours;
import org.rehabplan.ical.IcalExporter;
import picocli.CommandLine;

/**
 * The planner's options, read and checked from the command line. Immutable. Every option is
 * declared once, as a picocli option of {@code PlannerCommand}; {@link #parse(String...)} turns
 * each into a typed value and {@link #usage()} prints them with their defaults.
 *
 * <p>To add an option, add a field to {@code PlannerCommand} (and its default text to its
 * {@code DEFAULTS}), check it in {@link #parse(String...)}, and add a field here.
 */
public final class CliOptions {
  /** The file written when {@code --ics} is not given. */
  public static final String DEFAULT_ICS = "hamstring-plan.ics";
  /** What {@code --ics} and {@code --sessions-csv} take for standard output. */
  public static final String STDOUT = "-";
  /** How many local days of sessions are printed when {@code --days} is not given. */
  public static final int DEFAULT_DAYS = 3;
  /** The most days {@code --days} accepts. */
  public static final int MAX_DAYS = 366;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("H:mm[:ss]", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

  private final boolean help;
  private final boolean version;
  private final @Nullable LocalDateTime injuredAt;
  private final @Nullable ZoneId zone;
  private final Severity severity;
  private final WakingHours wakingHours;
  private final String ics;
  private final boolean expanded;
  private final int alarmMinutes;
  private final @Nullable String calendarName;
  private final @Nullable String sessionsCsv;
  private final int days;
  private final List<CheckInLine> checkIns;
  private final @Nullable String checkInsFile;
  private final @Nullable LocalDateTime now;

  private CliOptions(Builder b) {
    this.help = b.help;
    this.version = b.version;
    this.injuredAt = b.injuredAt;
    this.zone = b.zone;
    this.severity = requireNonNull(b.severity, "severity");
    this.wakingHours = requireNonNull(b.wakingHours, "wakingHours");
    this.ics = requireNonNull(b.ics, "ics");
    this.expanded = b.expanded;
    this.alarmMinutes = b.alarmMinutes;
    this.calendarName = b.calendarName;
    this.sessionsCsv = b.sessionsCsv;
    this.days = b.days;
    this.checkIns = List.copyOf(b.checkIns);
    this.checkInsFile = b.checkInsFile;
    this.now = b.now;
  }

  /** The options when none are given. */
  public static CliOptions defaults() {
    return new CliOptions(new Builder());
  }

  /**
   * Reads the command line.
   *
   * @throws UsageException naming the option and the value, for anything not accepted
   */
  public static CliOptions parse(String... args) throws UsageException {
    requireNonNull(args, "args");
    CommandLine commandLine = PlannerCommand.commandLine();
    CommandLine.ParseResult result;
    try {
      result = commandLine.parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      throw usage(e);
    }
    if (result.subcommand() != null) {
      throw new UsageException(result.subcommand().commandSpec().name()
          + " is a command of its own: give it first, alone; see --help");
    }
    PlannerCommand p = commandLine.getCommand();
    Builder b = new Builder();
    b.help = p.help;
    b.version = p.version;
    if (b.help || b.version) {
      return new CliOptions(b);
    }
    if (p.injuredAt != null) {
      b.injuredAt = dateTime("--injured-at", p.injuredAt, "2027-03-27T18:30");
    }
    if (p.zone != null) {
      try {
        b.zone = ZoneId.of(p.zone);
      } catch (DateTimeException e) {
        throw UsageException.of("--zone", p.zone,
            "unknown time zone; use a region such as Europe/Berlin or an offset such as +02:00");
      }
    }
    if (p.severity != null) {
      b.severity = severity(p.severity);
    }
    LocalTime wake = time("--wake", p.wake, WakingHours.DEFAULT.wake());
    LocalTime sleep = time("--sleep", p.sleep, WakingHours.DEFAULT.sleep());
    try {
      b.wakingHours = WakingHours.parse(wake + "–" + sleep);
    } catch (PlanningException e) {
      throw new UsageException("--wake " + wake + " --sleep " + sleep + ": " + e.getMessage());
    }
    b.ics = path("--ics", p.ics).orElse(DEFAULT_ICS);
    b.sessionsCsv = path("--sessions-csv", p.sessionsCsv).orElse(null);
    if (STDOUT.equals(b.ics) && STDOUT.equals(b.sessionsCsv)) {
      throw new UsageException("--ics - and --sessions-csv -: only one of them can go to"
          + " standard output");
    }
    b.expanded = p.expanded;
    if (p.noAlarms && p.alarmMinutes != null) {
      throw new UsageException("--no-alarms and --alarm-minutes "
          + Texts.quote(p.alarmMinutes) + ": give one of them");
    }
    if (p.noAlarms) {
      b.alarmMinutes = -1;
    }
    if (p.alarmMinutes != null) {
      b.alarmMinutes = integer("--alarm-minutes", p.alarmMinutes, 0,
          IcalExporter.MAX_ALARM_MINUTES);
    }
    if (p.calendarName != null) {
      try {
        IcalExporter.builder().calendarName(p.calendarName).build();
      } catch (IllegalArgumentException e) {
        throw UsageException.of("--calendar-name", p.calendarName,
            "not usable as a calendar name (" + e.getMessage() + ")");
      }
      b.calendarName = p.calendarName;
    }
    if (p.days != null) {
      b.days = integer("--days", p.days, 0, MAX_DAYS);
    }
    for (String text : p.checkIns) {
      try {
        b.checkIns.add(CheckInLine.parse(text));
      } catch (IllegalArgumentException e) {
        throw UsageException.of("--check-in", text, e.getMessage());
      }
    }
    b.checkInsFile = path("--check-ins", p.checkInsFile).orElse(null);
    if (p.now != null) {
      b.now = dateTime("--now", p.now, "2027-03-30T09:05");
    }
    return new CliOptions(b);
  }

  /** The one-line message for what picocli could not read. */
  static UsageException usage(CommandLine.ParameterException e) {
    if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
      String arg = u.getUnmatched().get(0);
      if (!arg.startsWith("-") || arg.equals("-")) {
        return new UsageException("unexpected argument " + Texts.quote(arg)
            + "; options start with --, see --help");
      }
      List<String> suggestions = u.getSuggestions();
      return new UsageException("unknown option " + Texts.quote(arg) + (suggestions.isEmpty()
          ? "; see --help" : "; did you mean " + suggestions.get(0) + "?"));
    }
    if (e instanceof CommandLine.MissingParameterException m && !m.getMissing().isEmpty()
        && m.getMissing().get(0) instanceof CommandLine.Model.OptionSpec o) {
      String name = o.longestName();
      return new UsageException(name + " needs a value: " + name + " " + o.paramLabel()
          + Optional.ofNullable(PlannerCommand.DEFAULTS.get(name))
              .map(d -> " (default: " + d + ")").orElse(""));
    }
    if (e instanceof CommandLine.OverwrittenOptionException o
        && o.getOverwritten() instanceof CommandLine.Model.OptionSpec option) {
      return new UsageException(option.longestName() + " is given more than once; give it once");
    }
    return new UsageException(Texts.oneLine(String.valueOf(e.getMessage())) + "; see --help");
  }

  /**
   * A local date-time in the years the library plans in.
   *
   * @throws UsageException naming the option and the value otherwise
   */
  static LocalDateTime dateTime(String option, String text, String example)
      throws UsageException {
    LocalDateTime t;
    try {
      t = LocalDateTime.parse(text);
    } catch (DateTimeParseException e) {
      throw UsageException.of(option, text, "not a local date-time like " + example);
    }
    if (t.getYear() < PlanRequest.FIRST_YEAR || t.getYear() > PlanRequest.LAST_YEAR) {
      throw UsageException.of(option, text, "the year must be from " + PlanRequest.FIRST_YEAR
          + " to " + PlanRequest.LAST_YEAR);
    }
    return t;
  }

  static Severity severity(String text) throws UsageException {
    for (Severity s : Severity.values()) {
      if (s.name().equalsIgnoreCase(text)) {
        return s;
      }
    }
    throw UsageException.of("--severity", text, "unknown severity; use mild, moderate or severe");
  }

  static LocalTime time(String option, @Nullable String text, LocalTime fallback)
      throws UsageException {
    if (text == null) {
      return fallback;
    }
    try {
      return LocalTime.parse(text, TIME);
    } catch (DateTimeParseException e) {
      throw UsageException.of(option, text, "not a time of day like 07:00 or 22:30");
    }
  }

  static Optional<String> path(String option, @Nullable String text)
      throws UsageException {
    if (text != null && text.isBlank()) {
      throw UsageException.of(option, text, "the file name is empty");
    }
    return Optional.ofNullable(text);
  }

  static int integer(String option, String text, int min, int max)
      throws UsageException {
    int n;
    try {
      n = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw UsageException.of(option, text, "not a whole number from " + min + " to " + max);
    }
    if (n < min || n > max) {
      throw UsageException.of(option, text, "must be from " + min + " to " + max);
    }
    return n;
  }

  /** The help text: usage, every option with its default, exit statuses. */
  public static String usage() {
    StringBuilder out = new StringBuilder();
    out.append("Usage: java -jar rehabplan.jar [OPTION]...\n")
        .append("       java -jar rehabplan.jar generate-completion  (shell completion)\n")
        .append("Plans the built-in hamstring-strain rehabilitation protocol for one person,\n")
        .append("prints the phase timeline and the next days' sessions, and writes the plan as\n")
        .append("an iCalendar (.ics) file to import into Google, Apple or Outlook calendars.\n")
        .append("Educational content, not medical advice.\n\n")
        .append("Journal commands (each with --help) keep a person's plan between runs:\n")
        .append("  start --journal FILE --injured-at DATE-TIME [--zone ZONE] ...\n")
        .append("  check-in --journal FILE \"2027-03-30T09:00 pain=1/2 met=pain-relieved\"\n")
        .append("  done|skip --journal FILE SESSION-ID|next   today --journal FILE\n")
        .append("  agenda --journal FILE [--days N]   export --journal FILE [--ics FILE] ...\n")
        .append("  protocol show hamstring-strain\n\n")
        .append("Without a command, it plans once from these options:\n");
    for (CommandLine.Model.OptionSpec s : PlannerCommand.commandLine().getCommandSpec().options()) {
      String name = s.longestName();
      String head = "  " + (s.shortestName().equals(name) ? "" : s.shortestName() + ", ") + name
          + (s.arity().max() > 0 ? " " + s.paramLabel() : "");
      String defaultText = PlannerCommand.DEFAULTS.get(name);
      List<String> lines = Texts.wrap(String.join(" ", s.description())
          + (defaultText == null ? "" : " (default: " + defaultText + ")"), 50, "");
      out.append(head.length() <= 26 ? Texts.pad(head, 28) + lines.get(0) : head + "\n"
          + " ".repeat(28) + lines.get(0)).append('\n');
      for (String line : lines.subList(1, lines.size())) {
        out.append(" ".repeat(28)).append(line).append('\n');
      }
    }
    out.append("\nSeverity (lay signs from nidirect's \"Hamstring injury (muscle strain)\" page;\n")
        .append("matching them to rehabplan's severities is a rehabplan choice):\n");
    for (Map.Entry<Severity, String> e : Protocols.hamstringSeveritySigns().entrySet()) {
      String head = "  " + e.getKey().name().toLowerCase(Locale.ROOT);
      List<String> lines = Texts.wrap(e.getValue(), 64, "");
      out.append(Texts.pad(head, 12)).append(lines.get(0)).append('\n');
      lines.subList(1, lines.size()).forEach(l -> out.append(" ".repeat(12)).append(l).append('\n'));
    }
    out.append("  Severe always comes with the advice to get seen by a clinician promptly.\n")
        .append("  Source: ").append(Protocols.NIDIRECT.substring(
            Protocols.NIDIRECT.lastIndexOf(' ') + 1)).append('\n');
    out.append("\nCriteria a check-in may report with met= (the plan moves on only once you do):\n");
    for (Criterion c : Protocols.hamstringStrain().criteria()) {
      StringBuilder text = new StringBuilder(c.question());
      for (Contradiction k : c.contradictions()) {
        text.append(" Not accepted with ").append(k.describe())
            .append(k.provenance().isChoice() ? " (a rehabplan choice)." : ".");
      }
      List<String> lines = Texts.wrap(text.toString(), 60, "");
      out.append(Texts.pad("  " + c.id(), 18)).append(lines.get(0)).append('\n');
      lines.subList(1, lines.size()).forEach(l -> out.append(" ".repeat(18)).append(l).append('\n'));
    }
    out.append("  Any other name is refused, with exit status 2.\n");
    out.append("\nExample:\n  java -jar rehabplan.jar --injured-at 2027-03-27T18:30"
            + " --zone Europe/Berlin \\\n      --severity mild --sessions-csv sessions.csv\n")
        .append("\nExit status: 0 if the plan was written; 2 for a bad option or an output file\n")
        .append("that cannot be written (one line on standard error, no file half-written).\n");
    return out.toString();
  }

  /** Whether {@code --version} was given; the other values are then the defaults. */
  public boolean version() {
    return version;
  }

  /** The version line {@code --version} prints, e.g. {@code rehabplan 0.1.0}. */
  public static String versionLine() {
    return "rehabplan " + PlannerCommand.Version.version();
  }

  /** Whether {@code --help} was given; the other values are then the defaults. */
  public boolean help() {
    return help;
  }

  /** The injury's local date-time, or empty for "now". */
  public Optional<LocalDateTime> injuredAt() {
    return Optional.ofNullable(injuredAt);
  }

  /** The time zone, or empty for the system zone. */
  public Optional<ZoneId> zone() {
    return Optional.ofNullable(zone);
  }

  /** The severity; default moderate. */
  public Severity severity() {
    return severity;
  }

  /** The waking hours; default 07:00 to 22:00. */
  public WakingHours wakingHours() {
    return wakingHours;
  }

  /** The calendar file as given, relative to the working folder; {@code -} for standard output. */
  public String ics() {
    return ics;
  }

  /** Whether to write one event per session. */
  public boolean expanded() {
    return expanded;
  }

  /** Minutes of the alarm before each session, or empty when alarms are off. */
  public java.util.OptionalInt alarmMinutes() {
    return alarmMinutes < 0 ? java.util.OptionalInt.empty()
        : java.util.OptionalInt.of(alarmMinutes);
  }

  /** The calendar name, or empty for the protocol's title. */
  public Optional<String> calendarName() {
    return Optional.ofNullable(calendarName);
  }

  /** The sessions CSV file as given, if any; {@code -} for standard output. */
  public Optional<String> sessionsCsv() {
    return Optional.ofNullable(sessionsCsv);
  }

  /** How many local days of sessions to print. */
  public int days() {
    return days;
  }

  /** The check-ins given with {@code --check-in}, in command-line order. */
  List<CheckInLine> checkIns() {
    return checkIns;
  }

  /** The check-ins file, if any. */
  public Optional<String> checkInsFile() {
    return Optional.ofNullable(checkInsFile);
  }

  /** The moment of re-planning, local, or empty for "now". */
  public Optional<LocalDateTime> now() {
    return Optional.ofNullable(now);
  }

  /** Whether the plan is to be re-planned: check-ins or {@code --now} were given. */
  public boolean replans() {
    return !checkIns.isEmpty() || checkInsFile != null || now != null;
  }

  /** The exporter these options ask for. */
  public IcalExporter exporter() {
    IcalExporter.Builder b = IcalExporter.builder().oneEventPerSession(expanded);
    if (alarmMinutes < 0) {
      b.noAlarms();
    } else {
      b.alarmMinutesBefore(alarmMinutes);
    }
    if (calendarName != null) {
      b.calendarName(calendarName);
    }
    return b.build();
  }

  @Override
  public String toString() {
    return "CliOptions[injuredAt=" + (injuredAt == null ? "now" : injuredAt) + ", zone="
        + (zone == null ? "system" : zone) + ", severity=" + severity + ", awake=" + wakingHours
        + ", ics=" + ics + (expanded ? ", expanded" : "") + ", alarm="
        + (alarmMinutes < 0 ? "off" : alarmMinutes + " min")
        + (calendarName == null ? "" : ", name=" + calendarName)
        + (sessionsCsv == null ? "" : ", csv=" + sessionsCsv) + ", days=" + days
        + (checkIns.isEmpty() ? "" : ", " + checkIns.size() + " check-in(s)")
        + (checkInsFile == null ? "" : ", check-ins=" + checkInsFile)
        + (now == null ? "" : ", now=" + now)
        + (help ? ", help" : "") + (version ? ", version" : "") + "]";
  }

  private static final class Builder {
    boolean help;
    boolean version;
    @Nullable LocalDateTime injuredAt;
    @Nullable ZoneId zone;
    Severity severity = Severity.MODERATE;
    WakingHours wakingHours = WakingHours.DEFAULT;
    String ics = DEFAULT_ICS;
    boolean expanded;
    int alarmMinutes = IcalExporter.DEFAULT_ALARM_MINUTES;
    @Nullable String calendarName;
    @Nullable String sessionsCsv;
    int days = DEFAULT_DAYS;
    final List<CheckInLine> checkIns = new java.util.ArrayList<>();
    @Nullable String checkInsFile;
    @Nullable LocalDateTime now;
  }
}
