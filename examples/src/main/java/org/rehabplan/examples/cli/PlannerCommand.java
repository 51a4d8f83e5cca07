package org.rehabplan.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.rehabplan.ical.IcalExporter;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The planner's command line as picocli reads it: every option once, with its parameter label,
 * description and default text. The values stay text here; {@link CliOptions#parse(String...)}
 * checks them and turns them into typed values, so that every rejection names the option and the
 * value the same way.
 */
@Command(
    name = "rehabplan",
    sortOptions = false,
    versionProvider = PlannerCommand.Version.class,
    subcommands = AutoComplete.GenerateCompletion.class)
final class PlannerCommand {
  /** What each option means when it is not given, by its long name, as the help shows it. */
  static final Map<String, String> DEFAULTS = Map.ofEntries(
      Map.entry("--injured-at", "now, to the minute"),
      Map.entry("--zone", "the system time zone"),
      Map.entry("--severity", "moderate"),
      Map.entry("--wake", "07:00"),
      Map.entry("--sleep", "22:00"),
      Map.entry("--ics", CliOptions.DEFAULT_ICS),
      Map.entry("--alarm-minutes", String.valueOf(IcalExporter.DEFAULT_ALARM_MINUTES)),
      Map.entry("--calendar-name", "the protocol's title"),
      Map.entry("--sessions-csv", "none"),
      Map.entry("--days", String.valueOf(CliOptions.DEFAULT_DAYS)),
      Map.entry("--check-in", "none"),
      Map.entry("--check-ins", "none"),
      Map.entry("--now", "now, to the minute"));

  @Option(names = "--injured-at", paramLabel = "DATE-TIME",
      description = "when the injury happened, local time in --zone, e.g. 2027-03-27T18:30")
  @Nullable String injuredAt;

  @Option(names = "--zone", paramLabel = "ZONE",
      description = "the time zone to plan in, e.g. Europe/Berlin")
  @Nullable String zone;

  @Option(names = "--severity", paramLabel = "SEVERITY",
      description = "mild, moderate or severe (grade 1, 2, 3; signs below)")
  @Nullable String severity;

  @Option(names = "--wake", paramLabel = "HH:MM",
      description = "when you get up; sessions stay within waking hours")
  @Nullable String wake;

  @Option(names = "--sleep", paramLabel = "HH:MM",
      description = "when you go to sleep; before --wake for a night shift")
  @Nullable String sleep;

  @Option(names = "--ics", paramLabel = "FILE",
      description = "the calendar file to write; - for standard output")
  @Nullable String ics;

  @Option(names = "--expanded",
      description = "one calendar event per session instead of repeating events")
  boolean expanded;

  @Option(names = "--alarm-minutes", paramLabel = "N",
      description = "a reminder N minutes before each session (0 to "
          + IcalExporter.MAX_ALARM_MINUTES + ")")
  @Nullable String alarmMinutes;

  @Option(names = "--no-alarms", description = "no reminders in the calendar file")
  boolean noAlarms;

  @Option(names = "--calendar-name", paramLabel = "TEXT",
      description = "the calendar's name")
  @Nullable String calendarName;

  @Option(names = "--sessions-csv", paramLabel = "FILE",
      description = "also write the sessions as CSV, one line each: session id, intervention id,"
          + " kind, phase id, start, end, title; - for standard output")
  @Nullable String sessionsCsv;

  @Option(names = "--days", paramLabel = "N",
      description = "how many days of sessions to print, from today")
  @Nullable String days;

  @Option(names = "--check-in", paramLabel = "TEXT",
      description = "a check-in: local date-time, pain at rest/with activity (0-10), criteria"
          + " met, optional note, e.g. \"2027-03-30T09:00 pain=1/2 met=pain-relieved\"; the plan"
          + " is re-planned from the check-ins (may be repeated)")
  List<String> checkIns = new ArrayList<>();

  @Option(names = "--check-ins", paramLabel = "FILE",
      description = "check-ins, one per line in the --check-in syntax; # starts a comment")
  @Nullable String checkInsFile;

  @Option(names = "--now", paramLabel = "DATE-TIME",
      description = "the moment of re-planning, local time in --zone")
  @Nullable String now;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
  boolean help;

  @Option(names = {"-V", "--version"}, versionHelp = true,
      description = "print the version and exit")
  boolean version;

  /** A new picocli command line over a new, empty set of options. */
  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new PlannerCommand());
    // Values such as "--calendar-name=a=b" or a check-in text are taken as they are.
    cl.setUnmatchedOptionsArePositionalParams(false);
    cl.setOverwrittenOptionsAllowed(false);
    // "@file" is a value like any other (a calendar name, a note), not picocli's argument file.
    cl.setExpandAtFiles(false);
    return cl;
  }

  /** The version {@code --version} prints, from the build's filtered resource. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"rehabplan " + version()};
    }

    /** The project version, or {@code unknown} when the resource is missing. */
    static String version() {
      Properties p = new Properties();
      try (InputStream in = PlannerCommand.class.getResourceAsStream(
          "rehabplan-version.properties")) {
        if (in != null) {
          p.load(in);
        }
      } catch (IOException e) {
        return "unknown";
      }
      return p.getProperty("version", "unknown");
    }
  }
}
