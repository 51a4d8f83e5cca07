package org.rehabplan.examples.cli;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rehabplan.Agenda;
import org.rehabplan.CheckIn;
import org.rehabplan.Plan;
import org.rehabplan.PlanRequest;
import org.rehabplan.PlanningException;
import org.rehabplan.ProgressLog;
import org.rehabplan.Protocols;
import org.rehabplan.Scheduler;
import org.rehabplan.ical.IcalExporter;
import picocli.CommandLine;

/**
 * {@code rehabplan}, the command-line planner: plans the built-in hamstring-strain protocol,
 * prints the phase timeline and the next days' sessions, and writes the plan as an iCalendar file
 * (and, on request, the sessions as CSV). {@code java -jar rehabplan.jar --help} lists the options,
 * {@code --version} prints the version and {@code generate-completion} a bash/zsh completion
 * script. The command line is read with picocli.
 * With check-ins the plan is re-planned, and the calendar written is an update of the first
 * version's calendar ({@link IcalExporter#update(Plan, Plan)}): importing it over the first one, or
 * serving it as the subscribed feed, updates events instead of duplicating them.
 *
 * <p>Nothing here reads the wall clock or the default zone except {@link #main(String[])}, which
 * passes them to {@link #run} as the defaults the user asked for ("injured now", "the system
 * zone").
 *
 * <p>Educational content, not medical advice.
 */
public final class RehabplanCli {
  /** Exit status when the plan was written. */
  public static final int EXIT_OK = 0;
  /** Exit status for an unexpected failure. */
  public static final int EXIT_FAILURE = 1;
  /** Exit status for a bad option or an output file that cannot be written. */
  public static final int EXIT_USAGE = 2;

  private static final String NAME = "rehabplan";

  private RehabplanCli() {}

  /** Runs the planner with the system clock, zone and working folder, and exits. */
  public static void main(String[] args) {
    int status = run(args, System.out, System.err, Clock.systemUTC(), ZoneId.systemDefault(),
        java.nio.file.Path.of(""));
    System.out.flush();
    System.exit(status);
  }

  /**
   * Runs the planner.
   *
   * @param args the command line
   * @param out standard output: the report, or the file given as {@code -}
   * @param err standard error: error messages, and the report when a file goes to {@code out}
   * @param clock supplies "now": the injury time when {@code --injured-at} is not given, and today
   * @param systemZone the zone when {@code --zone} is not given
   * @param workingDir the folder relative file names are resolved against
   * @return the exit status: {@link #EXIT_OK}, {@link #EXIT_USAGE} or {@link #EXIT_FAILURE}
   */
  public static int run(
      String[] args, PrintStream out, PrintStream err, Clock clock, ZoneId systemZone,
      java.nio.file.Path workingDir) {
    requireNonNull(args, "args");
    requireNonNull(out, "out");
    requireNonNull(err, "err");
    requireNonNull(clock, "clock");
    requireNonNull(systemZone, "systemZone");
    requireNonNull(workingDir, "workingDir");
    try {
      if (args.length > 0 && args[0].equals("generate-completion")) {
        return completion(args, out, err);
      }
      if (args.length > 0 && JournalCli.COMMANDS.contains(args[0])) {
        return JournalCli.run(args, out, err, clock, systemZone, workingDir);
      }
      CliOptions options = CliOptions.parse(args);
      if (options.help()) {
        out.print(CliOptions.usage());
        return EXIT_OK;
      }
      if (options.version()) {
        out.println(CliOptions.versionLine());
        return EXIT_OK;
      }
      plan(options, out, err, clock, systemZone, workingDir);
      return EXIT_OK;
    } catch (UsageException e) {
      err.println(NAME + ": " + e.getMessage());
      return EXIT_USAGE;
    } catch (PlanningException e) {
      // The library rejected the person's input in a way not tied to one option above.
      err.println(NAME + ": " + Texts.oneLine(e.getMessage()));
      return EXIT_USAGE;
    } catch (RuntimeException e) {
      err.println(NAME + ": internal error: " + Texts.oneLine(String.valueOf(e)));
      return EXIT_FAILURE;
    } finally {
      out.flush();
      err.flush();
    }
  }

  /**
   * {@code rehabplan generate-completion}: picocli's bash/zsh completion script for the command,
   * on standard output; {@code --help} shows its own help.
   */
  private static int completion(String[] args, PrintStream out, PrintStream err) {
    CommandLine commandLine = PlannerCommand.commandLine();
    commandLine.getSubcommands().get("generate-completion").getCommandSpec().usageMessage()
        .hidden(false);
    JournalCli.addCompletionsTo(commandLine);
    StringWriter outText = new StringWriter();
    StringWriter errText = new StringWriter();
    commandLine.setOut(new PrintWriter(outText, true));
    commandLine.setErr(new PrintWriter(errText, true));
    int status = commandLine.execute(args);
    out.print(outText);
    err.print(errText);
    return status;
  }

  private static void plan(
      CliOptions options, PrintStream out, PrintStream err, Clock clock, ZoneId systemZone,
      java.nio.file.Path workingDir) throws UsageException {
    // Check every output before planning: a bad path costs nothing and leaves nothing behind.
    Optional<OutputFile> icsFile = options.ics().equals(CliOptions.STDOUT) ? Optional.empty()
        : Optional.of(OutputFile.checked("--ics", options.ics(), workingDir));
    Optional<OutputFile> csvFile = Optional.empty();
    if (options.sessionsCsv().isPresent() && !options.sessionsCsv().get().equals(
        CliOptions.STDOUT)) {
      csvFile = Optional.of(OutputFile.checked("--sessions-csv", options.sessionsCsv().get(),
          workingDir));
      if (icsFile.isPresent() && icsFile.get().path().toAbsolutePath().normalize().equals(
          csvFile.get().path().toAbsolutePath().normalize())) {
        throw UsageException.of("--sessions-csv", options.sessionsCsv().get(),
            "is the same file as --ics");
      }
    }

    ZoneId zone = options.zone().orElse(systemZone);
    ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
    LocalDateTime injuredLocal = options.injuredAt()
        .orElseGet(() -> now.toLocalDateTime().truncatedTo(ChronoUnit.MINUTES));
    PlanRequest request = PlanRequest.builder()
        .injuredAt(ZonedDateTime.of(injuredLocal, zone))
        .severity(options.severity())
        .wakingHours(options.wakingHours())
        .build();
    Plan firstVersion;
    try {
      firstVersion = Scheduler.plan(Protocols.hamstringStrain(), request);
    } catch (PlanningException e) {
      // The built-in protocol is bounded, so only waking hours too short for a daily pattern
      // can make it fail.
      throw new UsageException("--wake " + request.wakingHours().wake() + " --sleep "
          + request.wakingHours().sleep() + ": " + e.getMessage());
    }
    Plan plan = options.replans()
        ? replan(firstVersion, options, zone, now, workingDir) : firstVersion;
    IcalExporter exporter = options.exporter();
    // A re-planned calendar updates the first version's: same UIDs, SEQUENCE raised where an
    // event changed, events no longer planned kept as STATUS:CANCELLED. Without check-ins it is
    // the plain export.
    String ics = options.replans() ? exporter.update(plan, firstVersion).text()
        : exporter.export(plan).text();
    String csv = options.sessionsCsv().isPresent() ? SessionsCsv.of(plan) : null;

    // All or nothing: every file goes to a temporary file first; only then are they moved.
    Map<OutputFile, byte[]> files = new LinkedHashMap<>();
    icsFile.ifPresent(f -> files.put(f, ics.getBytes(StandardCharsets.UTF_8)));
    if (csvFile.isPresent() && csv != null) {
      files.put(csvFile.get(), csv.getBytes(StandardCharsets.UTF_8));
    }
    OutputFile.writeAll(files, OutputFile.FILES);
    // With a file on standard output, the report goes to standard error.
    PrintStream report = out;
    if (options.ics().equals(CliOptions.STDOUT)) {
      out.print(ics);
      report = err;
    } else if (csvFile.isEmpty() && csv != null) {
      out.print(csv);
      report = err;
    }

    LocalDate today = options.now().map(LocalDateTime::toLocalDate).orElse(now.toLocalDate());
    LocalDate first = request.injuredAt().toLocalDate();
    LocalDate end = plan.interval().endExclusive().atZone(zone).toLocalDate();
    boolean todayInPlan = !today.isBefore(first) && !today.isAfter(end);
    LocalDate from = todayInPlan ? today : first;

    Instant nowInstant = options.now().map(t -> ZonedDateTime.of(t, zone).toInstant())
        .orElse(now.toInstant());
    Agenda agenda = Agenda.of(plan).since(firstVersion).days(from, options.days()).today(today)
        .now(nowInstant);
    report.print(agenda.heading());
    report.println();
    if (agenda.progress().isPresent()) {
      report.print(agenda.progress().get());
      report.println();
    }
    if (agenda.referral().isPresent()) {
      report.print(agenda.referral().get());
      report.println();
    }
    report.print(agenda.timeline());
    report.println();
    if (options.days() > 0) {
      report.println("Sessions " + (todayInPlan ? "from today" : today.isBefore(first)
          ? "from the day of the injury" : "of the first days (the plan ended on " + end + ")")
          + ", times in " + zone.getId() + ":");
      report.println();
      report.print(agenda.sessions());
    }
    int cancelled = count(ics, "\r\nSTATUS:CANCELLED\r\n");
    report.println(plan.sessions().size() + " sessions, "
        + (count(ics, "BEGIN:VEVENT") - cancelled) + " calendar events"
        + (cancelled > 0 ? " (plus " + cancelled + " cancelled)" : "")
        + exporter.alarmMinutesBefore().stream().mapToObj(m -> ", reminders " + m
            + " min before each session").findFirst().orElse(", no reminders") + ".");
    if (icsFile.isPresent()) {
      report.println("Wrote " + icsFile.get().path() + ".");
    }
    if (csvFile.isPresent()) {
      report.println("Wrote " + csvFile.get().path() + " (one line per session).");
    }
    report.println();
    report.print(ImportHelp.forFile(icsFile.map(f -> f.path().getFileName().toString())
        .orElse("the calendar file")));
    report.println();
    report.print(agenda.notice());
  }

  /** The plan re-planned from the check-ins, at {@code --now} or the clock's now. */
  private static Plan replan(
      Plan first, CliOptions options, ZoneId zone, ZonedDateTime clockNow,
      java.nio.file.Path workingDir) throws UsageException {
    List<CheckInLine> lines = new ArrayList<>();
    if (options.checkInsFile().isPresent()) {
      String name = options.checkInsFile().get();
      lines.addAll(CheckInLine.parseFile(CheckInLine.readLines(workingDir, name), name));
    }
    lines.addAll(options.checkIns());
    Instant now = options.now().map(t -> ZonedDateTime.of(t, zone).toInstant())
        .orElse(clockNow.toInstant());
    List<CheckIn> checkIns = new ArrayList<>();
    for (CheckInLine line : lines) {
      try {
        checkIns.add(line.toCheckIn(zone));
      } catch (IllegalArgumentException e) { // the person's text: a note too long, say
        throw new UsageException("--check-in: " + e.getMessage());
      }
    }
    // The library checks the check-ins against the injury and now; name the options they came from.
    List<String> sources = new ArrayList<>();
    options.checkInsFile().ifPresent(f -> sources.add("--check-ins " + Texts.quote(f)));
    if (!options.checkIns().isEmpty()) {
      sources.add("--check-in");
    }
    options.now().ifPresent(t -> sources.add("--now " + t));
    String source = String.join(" and ", sources);
    try {
      return Scheduler.replan(first, ProgressLog.of(checkIns), now);
    } catch (PlanningException e) {
      throw new UsageException(source + ": " + e.getMessage());
    }
  }

  private static int count(String ics, String what) {
    int n = 0;
    for (int i = ics.indexOf(what); i >= 0; i = ics.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }
}
