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
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.rehabplan.Severity;
import org.rehabplan.PlanningException;
import org.rehabplan.WakingHours;
import org.rehabplan.ical.IcalExporter;

/**
 * The planner's options, read and checked from the command line. Immutable. Every option is
 * declared once in {@link #SPECS}; {@link #parse(String...)} turns each into a typed value and
 * {@link #usage()} prints them with their defaults.
 *
 * <p>To add an option (a later issue adds a repeatable {@code --check-in}), add a spec, read it in
 * {@link #parse(String...)} with {@link ParsedArgs#value(String)} or {@link
 * ParsedArgs#values(String)}, and add a field.
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

  static final List<OptionSpec> SPECS = List.of(
      OptionSpec.value("injured-at", "DATE-TIME",
          "when the injury happened, local time in --zone, e.g. 2027-03-27T18:30",
          "now, to the minute"),
      OptionSpec.value("zone", "ZONE", "the time zone to plan in, e.g. Europe/Berlin",
          "the system time zone"),
      OptionSpec.value("severity", "SEVERITY", "mild, moderate or severe (grade I, II, III)",
          "moderate"),
      OptionSpec.value("wake", "HH:MM", "when you get up; sessions stay within waking hours",
          "07:00"),
      OptionSpec.value("sleep", "HH:MM",
          "when you go to sleep; before --wake for a night shift", "22:00"),
      OptionSpec.value("ics", "FILE", "the calendar file to write; - for standard output",
          DEFAULT_ICS),
      OptionSpec.flag("expanded",
          "one calendar event per session instead of repeating events"),
      OptionSpec.value("alarm-minutes", "N",
          "a reminder N minutes before each session (0 to " + IcalExporter.MAX_ALARM_MINUTES
              + ")", String.valueOf(IcalExporter.DEFAULT_ALARM_MINUTES)),
      OptionSpec.flag("no-alarms", "no reminders in the calendar file"),
      OptionSpec.value("calendar-name", "TEXT", "the calendar's name", "the protocol's title"),
      OptionSpec.value("sessions-csv", "FILE",
          "also write one line per session as CSV: session_id,intervention_id,kind,phase_id,"
              + "start,end; - for standard output", "none"),
      OptionSpec.value("days", "N", "how many days of sessions to print, from today",
          String.valueOf(DEFAULT_DAYS)),
      OptionSpec.value("check-in", "TEXT", "a check-in: local date-time, pain at rest/with"
          + " activity (0-10), criteria met, optional note, e.g. \"2027-03-30T09:00 pain=2/4"
          + " met=pain-relieved\"; the plan is re-planned from the check-ins", "none")
          .asRepeatable(),
      OptionSpec.value("check-ins", "FILE",
          "check-ins, one per line in the --check-in syntax; # starts a comment", "none"),
      OptionSpec.value("now", "DATE-TIME",
          "the moment of re-planning, local time in --zone", "now, to the minute"),
      OptionSpec.flag("help", "show this help and exit").withShortName('h'));

  private final boolean help;
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
    ParsedArgs p = ParsedArgs.parse(SPECS, args);
    Builder b = new Builder();
    b.help = p.has("help");
    if (b.help) {
      return new CliOptions(b);
    }
    Optional<String> v = p.value("injured-at");
    if (v.isPresent()) {
      try {
        b.injuredAt = LocalDateTime.parse(v.get());
      } catch (DateTimeParseException e) {
        throw UsageException.of("--injured-at", v.get(),
            "not a local date-time like 2027-03-27T18:30");
      }
    }
    v = p.value("zone");
    if (v.isPresent()) {
      try {
        b.zone = ZoneId.of(v.get());
      } catch (DateTimeException e) {
        throw UsageException.of("--zone", v.get(),
            "unknown time zone; use a region such as Europe/Berlin or an offset such as +02:00");
      }
    }
    v = p.value("severity");
    if (v.isPresent()) {
      b.severity = severity(v.get());
    }
    LocalTime wake = time(p, "wake", WakingHours.DEFAULT.wake());
    LocalTime sleep = time(p, "sleep", WakingHours.DEFAULT.sleep());
    try {
      b.wakingHours = WakingHours.parse(wake + "–" + sleep);
    } catch (PlanningException e) {
      throw new UsageException("--wake " + wake + " --sleep " + sleep + ": " + e.getMessage());
    }
    b.ics = path(p, "ics").orElse(DEFAULT_ICS);
    b.sessionsCsv = path(p, "sessions-csv").orElse(null);
    if (STDOUT.equals(b.ics) && STDOUT.equals(b.sessionsCsv)) {
      throw new UsageException("--ics - and --sessions-csv -: only one of them can go to"
          + " standard output");
    }
    b.expanded = p.has("expanded");
    if (p.has("no-alarms") && p.has("alarm-minutes")) {
      throw new UsageException("--no-alarms and --alarm-minutes "
          + Texts.quote(p.value("alarm-minutes").orElseThrow()) + ": give one of them");
    }
    if (p.has("no-alarms")) {
      b.alarmMinutes = -1;
    }
    v = p.value("alarm-minutes");
    if (v.isPresent()) {
      b.alarmMinutes = integer("--alarm-minutes", v.get(), 0, IcalExporter.MAX_ALARM_MINUTES);
    }
    v = p.value("calendar-name");
    if (v.isPresent()) {
      try {
        IcalExporter.builder().calendarName(v.get()).build();
      } catch (IllegalArgumentException e) {
        throw UsageException.of("--calendar-name", v.get(), "not usable as a calendar name ("
            + e.getMessage() + ")");
      }
      b.calendarName = v.get();
    }
    v = p.value("days");
    if (v.isPresent()) {
      b.days = integer("--days", v.get(), 0, MAX_DAYS);
    }
    for (String text : p.values("check-in")) {
      try {
        b.checkIns.add(CheckInLine.parse(text));
      } catch (IllegalArgumentException e) {
        throw UsageException.of("--check-in", text, e.getMessage());
      }
    }
    b.checkInsFile = path(p, "check-ins").orElse(null);
    v = p.value("now");
    if (v.isPresent()) {
      try {
        b.now = LocalDateTime.parse(v.get());
      } catch (DateTimeParseException e) {
        throw UsageException.of("--now", v.get(), "not a local date-time like 2027-03-30T09:05");
      }
    }
    return new CliOptions(b);
  }

  private static Severity severity(String text) throws UsageException {
    for (Severity s : Severity.values()) {
      if (s.name().equalsIgnoreCase(text)) {
        return s;
      }
    }
    throw UsageException.of("--severity", text, "unknown severity; use mild, moderate or severe");
  }

  private static LocalTime time(ParsedArgs p, String option, LocalTime fallback)
      throws UsageException {
    Optional<String> v = p.value(option);
    if (v.isEmpty()) {
      return fallback;
    }
    try {
      return LocalTime.parse(v.get(), TIME);
    } catch (DateTimeParseException e) {
      throw UsageException.of("--" + option, v.get(), "not a time of day like 07:00 or 22:30");
    }
  }

  private static Optional<String> path(ParsedArgs p, String option) throws UsageException {
    Optional<String> v = p.value(option);
    if (v.isPresent() && v.get().isBlank()) {
      throw UsageException.of("--" + option, v.get(), "the file name is empty");
    }
    return v;
  }

  private static int integer(String option, String text, int min, int max)
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
        .append("Plans the built-in hamstring-strain rehabilitation protocol for one person,\n")
        .append("prints the phase timeline and the next days' sessions, and writes the plan as\n")
        .append("an iCalendar (.ics) file to import into Google, Apple or Outlook calendars.\n")
        .append("Educational content, not medical advice.\n\nOptions:\n");
    for (OptionSpec s : SPECS) {
      String head = "  " + s.synopsis();
      List<String> lines = Texts.wrap(s.description()
          + s.defaultValue().map(d -> " (default: " + d + ")").orElse("")
          + (s.repeatable() ? " (may be repeated)" : ""), 50, "");
      out.append(head.length() <= 26 ? Texts.pad(head, 28) + lines.get(0) : head + "\n"
          + " ".repeat(28) + lines.get(0)).append('\n');
      for (String line : lines.subList(1, lines.size())) {
        out.append(" ".repeat(28)).append(line).append('\n');
      }
    }
    out.append("\nExample:\n  java -jar rehabplan.jar --injured-at 2027-03-27T18:30"
            + " --zone Europe/Berlin \\\n      --severity mild --sessions-csv sessions.csv\n")
        .append("\nExit status: 0 if the plan was written; 2 for a bad option or an output file\n")
        .append("that cannot be written (one line on standard error, no file half-written).\n");
    return out.toString();
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
        + (help ? ", help" : "") + "]";
  }

  private static final class Builder {
    boolean help;
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
