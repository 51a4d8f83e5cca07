package org.rehabplan.examples.cli;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.rehabplan.Adherence;
import org.rehabplan.Agenda;
import org.rehabplan.CalendarState;
import org.rehabplan.CheckIn;
import org.rehabplan.Criterion;
import org.rehabplan.Interval;
import org.rehabplan.OutcomeLog;
import org.rehabplan.Plan;
import org.rehabplan.PlanRecord;
import org.rehabplan.PlanRequest;
import org.rehabplan.PlanningException;
import org.rehabplan.Protocol;
import org.rehabplan.Protocols;
import org.rehabplan.Session;
import org.rehabplan.SessionOutcome;
import org.rehabplan.WakingHours;
import org.rehabplan.ical.IcalExporter;
import org.rehabplan.json.JsonFormatException;
import org.rehabplan.json.PlanRecordJson;
import org.rehabplan.json.ProtocolJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The journal commands of {@code rehabplan}: {@code start}, {@code check-in}, {@code done},
 * {@code skip}, {@code today}, {@code agenda}, {@code export} and {@code protocol show}. A journal
 * is a {@link PlanRecord} file ({@link PlanRecordJson}): the person's situation, the protocol,
 * the check-ins, the session outcomes and the state of the last calendar exported, so that every
 * run continues where the last one stopped and every calendar updates the one before it.
 *
 * <p>Every command that changes the journal holds its lock ({@link JournalFile}) from reading to
 * writing, and writes it atomically with the previous version kept as {@code NAME.bak}; a file
 * that is not a journal is refused and left as it is. Times on the command line are local in the
 * journal's zone; {@code --now} defaults to the clock.
 */
final class JournalCli {
  /** The commands handled here, as typed first on the command line. */
  static final List<String> COMMANDS =
      List.of("start", "check-in", "done", "skip", "today", "agenda", "export", "protocol");

  /** The check-in that {@code rehabplan check-in --help} shows as an example. */
  static final String CHECK_IN_EXAMPLE =
      "2027-03-30T09:00 pain=1/2 met=pain-relieved note=stiff in the morning";

  /** How many days {@code agenda} lists when {@code --days} is not given. */
  static final int DEFAULT_AGENDA_DAYS = 7;

  private static final DateTimeFormatter DAY_TIME =
      DateTimeFormatter.ofPattern("EEE d MMM uuuu HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

  private JournalCli() {}

  /** The options every journal command takes. */
  abstract static class Common {
    @Option(names = "--journal", paramLabel = "FILE",
        description = "the journal file (JSON) that keeps the plan between runs")
    @Nullable String journal;

    @Option(names = "--now", paramLabel = "DATE-TIME",
        description = "the present moment, local time in the journal's zone (default: the"
            + " clock)")
    @Nullable String now;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;
  }

  @Command(name = "start", sortOptions = false,
      description = "Starts a journal for one injury: when it happened, where, how severe, your"
          + " waking hours and the protocol followed (default: the built-in hamstring strain)."
          + " Refuses to overwrite a journal unless --force is given.")
  static final class Start extends Common {
    @Option(names = "--injured-at", paramLabel = "DATE-TIME",
        description = "when the injury happened, local time in --zone, e.g. 2027-03-27T18:30")
    @Nullable String injuredAt;

    @Option(names = "--zone", paramLabel = "ZONE",
        description = "the time zone to plan in, e.g. Europe/Berlin (default: the system zone)")
    @Nullable String zone;

    @Option(names = "--severity", paramLabel = "SEVERITY",
        description = "mild, moderate or severe (default: moderate; see rehabplan --help)")
    @Nullable String severity;

    @Option(names = "--wake", paramLabel = "HH:MM", description = "when you get up (default: 07:00)")
    @Nullable String wake;

    @Option(names = "--sleep", paramLabel = "HH:MM",
        description = "when you go to sleep; before --wake for a night shift (default: 22:00)")
    @Nullable String sleep;

    @Option(names = "--protocol", paramLabel = "FILE",
        description = "a protocol file in rehabplan's JSON format instead of the built-in one")
    @Nullable String protocol;

    @Option(names = "--force", description = "replace an existing journal (kept as FILE.bak)")
    boolean force;
  }

  @Command(name = "check-in", sortOptions = false,
      description = "Records a check-in and re-plans: local date-time, pain at rest/with"
          + " activity (0-10), criteria met, optional note, e.g."
          + " \"" + CHECK_IN_EXAMPLE + "\".")
  static final class CheckInCommand extends Common {
    @Parameters(paramLabel = "CHECK-IN", arity = "1", hideParamSyntax = true,
        description = "the check-in, in quotes")
    List<String> text = new ArrayList<>();
  }

  /** {@code done} and {@code skip}. */
  abstract static class Mark extends Common {
    @Parameters(paramLabel = "SESSION-ID|next", arity = "1", hideParamSyntax = true,
        description = "the session's id (as rehabplan today or the sessions CSV shows it), or"
            + " next: the earliest session that has started and is not yet marked")
    List<String> session = new ArrayList<>();

    @Option(names = "--at", paramLabel = "DATE-TIME",
        description = "when, local time in the journal's zone (default: now)")
    @Nullable String at;

    @Option(names = "--note", paramLabel = "TEXT", description = "a note kept with the outcome")
    @Nullable String note;
  }

  @Command(name = "done", sortOptions = false,
      description = "Marks a session as done. Outcomes are history: they are not changed later.")
  static final class Done extends Mark {}

  @Command(name = "skip", sortOptions = false,
      description = "Marks a session as skipped. Outcomes are history: they are not changed"
          + " later.")
  static final class Skip extends Mark {}

  @Command(name = "today", sortOptions = false,
      description = "Shows today's sessions with done and skipped marked, what is due now and"
          + " next, and adherence so far.")
  static final class Today extends Common {}

  @Command(name = "agenda", sortOptions = false,
      description = "Shows the phase timeline and the sessions of the next days, from today.")
  static final class AgendaCommand extends Common {
    @Option(names = "--days", paramLabel = "N",
        description = "how many days to list (default: " + DEFAULT_AGENDA_DAYS + ")")
    @Nullable String days;
  }

  @Command(name = "export", sortOptions = false,
      description = "Writes the plan as a calendar file. After the first export, the file is an"
          + " update of the last one written from this journal: import it over that one and"
          + " changed sessions move instead of being duplicated.")
  static final class Export extends Common {
    @Option(names = "--ics", paramLabel = "FILE",
        description = "the calendar file; - for standard output (default: "
            + CliOptions.DEFAULT_ICS + ")")
    @Nullable String ics;

    @Option(names = "--sessions-csv", paramLabel = "FILE",
        description = "also write the sessions as CSV; - for standard output")
    @Nullable String sessionsCsv;

    @Option(names = "--expanded",
        description = "one calendar event per session instead of repeating events")
    boolean expanded;

    @Option(names = "--alarm-minutes", paramLabel = "N",
        description = "a reminder N minutes before each session (0 to "
            + IcalExporter.MAX_ALARM_MINUTES + "; default: "
            + IcalExporter.DEFAULT_ALARM_MINUTES + ")")
    @Nullable String alarmMinutes;

    @Option(names = "--no-alarms", description = "no reminders in the calendar file")
    boolean noAlarms;

    @Option(names = "--calendar-name", paramLabel = "TEXT",
        description = "the calendar's name (default: the protocol's title)")
    @Nullable String calendarName;
  }

  @Command(name = "protocol", sortOptions = false,
      description = "protocol show NAME: prints a built-in protocol in rehabplan's JSON format"
          + " (a starting point for a protocol file of your own).")
  static final class ProtocolCommand {
    @Parameters(paramLabel = "show NAME", arity = "0..2", description = "show and the name")
    List<String> words = new ArrayList<>();

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;
  }

  /**
   * Runs the journal command {@code args[0]}.
   *
   * @return the exit status
   * @throws UsageException for the person's input, with one line naming the option or file
   */
  static int run(String[] args, PrintStream out, PrintStream err, Clock clock, ZoneId systemZone,
      Path workingDir) throws UsageException {
    String name = args[0];
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    return switch (name) {
      case "start" -> {
        Start c = parse(new Start(), name, rest);
        yield c.help ? help(c, out) : start(c, out, clock, systemZone, workingDir);
      }
      case "check-in" -> {
        CheckInCommand c = parse(new CheckInCommand(), name, rest);
        yield c.help ? help(c, out) : checkIn(c, out, clock, workingDir);
      }
      case "done" -> {
        Done c = parse(new Done(), name, rest);
        yield c.help ? help(c, out)
            : mark(c, SessionOutcome.Status.DONE, out, clock, workingDir);
      }
      case "skip" -> {
        Skip c = parse(new Skip(), name, rest);
        yield c.help ? help(c, out)
            : mark(c, SessionOutcome.Status.SKIPPED, out, clock, workingDir);
      }
      case "today" -> {
        Today c = parse(new Today(), name, rest);
        yield c.help ? help(c, out) : today(c, out, clock, workingDir);
      }
      case "agenda" -> {
        AgendaCommand c = parse(new AgendaCommand(), name, rest);
        yield c.help ? help(c, out) : agenda(c, out, clock, workingDir);
      }
      case "export" -> {
        Export c = parse(new Export(), name, rest);
        yield c.help ? help(c, out) : export(c, out, err, clock, workingDir);
      }
      case "protocol" -> {
        ProtocolCommand c = parse(new ProtocolCommand(), name, rest);
        yield c.help ? help(c, out) : protocol(c, out);
      }
      default -> throw new IllegalArgumentException("not a journal command: " + name);
    };
  }

  /**
   * Adds the journal commands to {@code commandLine} as subcommands, for picocli's generated
   * shell completion (they are run by {@link #run}, not through picocli's subcommands).
   */
  static void addCompletionsTo(CommandLine commandLine) {
    for (Object command : List.of(new Start(), new CheckInCommand(), new Done(), new Skip(),
        new Today(), new AgendaCommand(), new Export(), new ProtocolCommand())) {
      commandLine.addSubcommand(new CommandLine(command));
    }
  }

  private static <T> T parse(T command, String name, String[] args) throws UsageException {
    CommandLine commandLine = commandLine(command);
    try {
      commandLine.parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      throw new UsageException(name + ": " + CliOptions.usage(e).getMessage().replace(
          "see --help", "see rehabplan " + name + " --help"));
    }
    return command;
  }

  private static CommandLine commandLine(Object command) {
    CommandLine commandLine = new CommandLine(command);
    commandLine.setUnmatchedOptionsArePositionalParams(false);
    commandLine.setOverwrittenOptionsAllowed(false);
    commandLine.setExpandAtFiles(false);
    commandLine.setCommandName("rehabplan " + commandLine.getCommandName());
    return commandLine;
  }

  private static int help(Object command, PrintStream out) {
    out.print(commandLine(command).getUsageMessage(CommandLine.Help.Ansi.OFF));
    out.println();
    out.println(Agenda.NOTICE);
    return RehabplanCli.EXIT_OK;
  }

  // ---- start -------------------------------------------------------------------------------

  private static int start(Start c, PrintStream out, Clock clock, ZoneId systemZone,
      Path workingDir) throws UsageException {
    JournalFile file = journal(c, "start", workingDir);
    if (c.injuredAt == null) {
      throw new UsageException("start: --injured-at is missing: when the injury happened, e.g."
          + " --injured-at 2027-03-27T18:30");
    }
    LocalDateTime injuredAt = CliOptions.dateTime("--injured-at", c.injuredAt,
        "2027-03-27T18:30");
    ZoneId zone = systemZone;
    if (c.zone != null) {
      try {
        zone = ZoneId.of(c.zone);
      } catch (java.time.DateTimeException e) {
        throw UsageException.of("--zone", c.zone,
            "unknown time zone; use a region such as Europe/Berlin or an offset such as +02:00");
      }
    }
    WakingHours awake;
    java.time.LocalTime wake = CliOptions.time("--wake", c.wake, WakingHours.DEFAULT.wake());
    java.time.LocalTime sleep = CliOptions.time("--sleep", c.sleep, WakingHours.DEFAULT.sleep());
    try {
      awake = WakingHours.parse(wake + "–" + sleep);
    } catch (PlanningException e) {
      throw new UsageException("--wake " + wake + " --sleep " + sleep + ": " + e.getMessage());
    }
    PlanRequest.Builder request = PlanRequest.builder()
        .injuredAt(ZonedDateTime.of(injuredAt, zone)).wakingHours(awake);
    if (c.severity != null) {
      request.severity(CliOptions.severity(c.severity));
    }
    Protocol protocol = c.protocol == null ? Protocols.hamstringStrain()
        : readProtocol(c.protocol, workingDir);
    PlanRecord record;
    try {
      record = PlanRecord.start(request.build(), protocol);
    } catch (PlanningException e) {
      throw new UsageException("start: " + e.getMessage());
    }
    Instant now = now(c, zone, clock);
    if (record.request().injuredAt().toInstant().isAfter(now)) {
      throw UsageException.of("--injured-at", c.injuredAt, "is after now ("
          + DAY_TIME.format(now.atZone(zone)) + (c.now == null ? "" : ", --now") + ")");
    }
    try (JournalFile.Locked lock = file.lock(JournalFile.DEFAULT_WAIT)) {
      Optional<byte[]> existing = lock.read();
      if (existing.isPresent() && !c.force) {
        throw UsageException.of("--journal", requireNonNull(c.journal), "already exists; to"
            + " start over give --force (the old journal is kept as "
            + file.backup().getFileName() + ")");
      }
      lock.replace(bytes(record));
    }
    Plan plan = record.plan();
    Agenda agenda = Agenda.of(plan);
    out.println("Started the journal " + file.path() + ": " + protocol.title() + ", injured "
        + DAY_TIME.format(record.request().injuredAt()) + " (" + zone.getId() + "), "
        + record.request().severity().name().toLowerCase(Locale.ROOT) + ", awake "
        + awake.wake() + " to " + awake.sleep() + ".");
    out.println();
    agenda.referral().ifPresent(r -> {
      out.print(r);
      out.println();
    });
    out.print(agenda.timeline());
    out.println();
    out.println("Next: rehabplan export --journal " + c.journal
        + "   (the calendar file)");
    out.println("      rehabplan today --journal " + c.journal + "    (what is due today)");
    out.println();
    out.print(agenda.notice());
    return RehabplanCli.EXIT_OK;
  }

  private static Protocol readProtocol(String name, Path workingDir) throws UsageException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(workingDir.resolve(name));
    } catch (NoSuchFileException e) {
      throw UsageException.of("--protocol", name, "no such file");
    } catch (AccessDeniedException e) {
      throw UsageException.of("--protocol", name, "cannot be read (permission denied)");
    } catch (IOException | InvalidPathException | SecurityException e) {
      throw UsageException.of("--protocol", name, Files.isDirectory(workingDir.resolve(name))
          ? "is a folder, not a file" : "cannot be read (" + OutputFile.describe(e) + ")");
    }
    try {
      return ProtocolJson.read(new ByteArrayInputStream(bytes));
    } catch (JsonFormatException e) {
      throw UsageException.of("--protocol", name, e.getMessage());
    } catch (PlanningException e) {
      throw UsageException.of("--protocol", name, "not a usable protocol: " + e.getMessage());
    } catch (IOException e) {
      throw new IllegalStateException("reading from memory failed", e);
    }
  }

  // ---- check-in ----------------------------------------------------------------------------

  private static int checkIn(CheckInCommand c, PrintStream out, Clock clock, Path workingDir)
      throws UsageException {
    JournalFile file = journal(c, "check-in", workingDir);
    if (c.text.size() > 1) {
      throw UsageException.of("check-in", String.join(" ", c.text), "give the check-in as one"
          + " argument in quotes, e.g. \"" + CHECK_IN_EXAMPLE + "\"");
    }
    String text = c.text.get(0);
    CheckInLine line;
    try {
      line = CheckInLine.parse(text);
    } catch (IllegalArgumentException e) {
      throw UsageException.of("check-in", text, e.getMessage());
    }
    try (JournalFile.Locked lock = file.lock(JournalFile.DEFAULT_WAIT)) {
      PlanRecord record = read(file, lock, c);
      ZoneId zone = record.plan().zone();
      Instant now = now(c, zone, clock);
      CheckIn checkIn;
      try {
        checkIn = line.toCheckIn(zone);
      } catch (IllegalArgumentException | java.time.DateTimeException e) {
        throw UsageException.of("check-in", text, String.valueOf(e.getMessage()));
      }
      PlanRecord next;
      try {
        next = record.withCheckIn(checkIn, now);
      } catch (PlanningException e) {
        throw UsageException.of("check-in", text, e.getMessage()
            + (c.now == null ? "" : " (--now " + c.now + ")"));
      }
      lock.replace(bytes(next));
      Agenda agenda = Agenda.of(next.plan()).since(record.plan()).now(now);
      out.println("Recorded the check-in of " + DAY_TIME.format(checkIn.at().atZone(zone))
          + " in " + file.path() + "; the plan is re-planned from it.");
      out.println();
      agenda.progress().ifPresent(p -> {
        out.print(p);
        out.println();
      });
      agenda.referral().ifPresent(r -> {
        out.print(r);
        out.println();
      });
      out.print(agenda.timeline());
      out.println();
      out.println("Update your calendar: rehabplan export --journal " + c.journal);
      out.println();
      out.print(agenda.notice());
    }
    return RehabplanCli.EXIT_OK;
  }

  // ---- done / skip -------------------------------------------------------------------------

  private static int mark(Mark c, SessionOutcome.Status status, PrintStream out, Clock clock,
      Path workingDir) throws UsageException {
    String command = status == SessionOutcome.Status.DONE ? "done" : "skip";
    JournalFile file = journal(c, command, workingDir);
    if (c.session.size() > 1) {
      throw UsageException.of(command, String.join(" ", c.session), "give one session: its id"
          + " or next");
    }
    String wanted = c.session.get(0);
    try (JournalFile.Locked lock = file.lock(JournalFile.DEFAULT_WAIT)) {
      PlanRecord record = read(file, lock, c);
      Plan plan = record.plan();
      ZoneId zone = plan.zone();
      Instant now = now(c, zone, clock);
      Instant at = now;
      if (c.at != null) {
        at = ZonedDateTime.of(CliOptions.dateTime("--at", c.at, "2027-03-30T09:20"), zone)
            .toInstant();
        if (at.isAfter(now)) {
          throw UsageException.of("--at", c.at, "is after now ("
              + DAY_TIME.format(now.atZone(zone)) + "); an outcome is recorded once it happened");
        }
      }
      Session session = wanted.equals("next") ? next(record, at, command)
          : session(record, wanted, at, command);
      SessionOutcome outcome = status == SessionOutcome.Status.DONE
          ? SessionOutcome.done(session.id(), at) : SessionOutcome.skipped(session.id(), at);
      if (c.note != null) {
        try {
          outcome = outcome.withNote(c.note);
        } catch (IllegalArgumentException e) {
          throw UsageException.of("--note", c.note, String.valueOf(e.getMessage()));
        }
      }
      PlanRecord next;
      try {
        next = record.withOutcome(outcome);
      } catch (PlanningException e) {
        throw UsageException.of(command, wanted, e.getMessage());
      }
      lock.replace(bytes(next));
      out.println("Marked " + session.intervention().title() + " of "
          + DAY_TIME.format(session.start().atZone(zone)) + " [" + session.id() + "] as "
          + (status == SessionOutcome.Status.DONE ? "done" : "skipped") + " at "
          + (at.atZone(zone).toLocalDate().equals(session.start().atZone(zone).toLocalDate())
              ? TIME : DAY_TIME).format(at.atZone(zone)) + ".");
      out.println(adherenceLine(next.outcomes().byIntervention(plan, startedBy(plan, now))
          .values()));
      out.println();
      out.print(Agenda.of(plan).notice());
    }
    return RehabplanCli.EXIT_OK;
  }

  /** The earliest firm session that has started by {@code at} and has no outcome. */
  private static Session next(PlanRecord record, Instant at, String command)
      throws UsageException {
    OutcomeLog log = record.outcomes();
    ZoneId zone = record.plan().zone();
    Optional<Session> upcoming = Optional.empty();
    for (Session s : record.plan().sessions()) {
      if (s.isConditional() || log.outcome(s.id()).isPresent()) {
        continue;
      }
      if (!s.start().isAfter(at)) {
        return s;
      }
      upcoming = Optional.of(s);
      break;
    }
    throw new UsageException(command + " next: no session to mark at "
        + DAY_TIME.format(at.atZone(zone)) + upcoming.map(s -> "; the next, "
            + s.intervention().title() + " [" + s.id() + "], starts "
            + DAY_TIME.format(s.start().atZone(zone))).orElse("; every session is marked"));
  }

  /** The session {@code id} of the current plan, if it may be marked at {@code at}. */
  private static Session session(PlanRecord record, String id, Instant at, String command)
      throws UsageException {
    ZoneId zone = record.plan().zone();
    Optional<SessionOutcome> marked = record.outcomes().outcome(id);
    if (marked.isPresent()) {
      throw UsageException.of(command, id, "already marked "
          + (marked.get().status() == SessionOutcome.Status.DONE ? "done" : "skipped") + " at "
          + DAY_TIME.format(marked.get().at().atZone(zone))
          + "; outcomes are history and are not changed");
    }
    Session session = record.plan().sessions().stream().filter(s -> s.id().equals(id))
        .findFirst().orElseThrow(() -> UsageException.of(command, id,
            "no such session in the current plan; rehabplan today shows today's ids, the"
                + " sessions CSV of rehabplan export all of them"));
    if (session.isConditional()) {
      throw UsageException.of(command, id, "waits until you report " + session.awaitedCriteria()
          .stream().map(Criterion::id).sorted().collect(Collectors.joining(" and "))
          + " in a check-in; it is not due yet");
    }
    if (session.start().isAfter(at)) {
      throw UsageException.of(command, id, "starts " + DAY_TIME.format(session.start()
          .atZone(zone)) + ", after " + DAY_TIME.format(at.atZone(zone))
          + "; mark it once it has started");
    }
    return session;
  }

  // ---- today / agenda ----------------------------------------------------------------------

  private static int today(Today c, PrintStream out, Clock clock, Path workingDir)
      throws UsageException {
    PlanRecord record = readOnly(c, "today", workingDir);
    Plan plan = record.plan();
    ZoneId zone = plan.zone();
    Instant now = now(c, zone, clock);
    LocalDate today = now.atZone(zone).toLocalDate();
    Agenda agenda = Agenda.of(plan).days(clamp(plan, today), 1).today(today).now(now)
        .outcomes(record.outcomes());
    out.print(agenda.heading());
    out.println();
    agenda.referral().ifPresent(r -> {
      out.print(r);
      out.println();
    });
    out.println("Now: " + DAY_TIME.format(now.atZone(zone)) + " (" + zone.getId() + ")");
    List<Session> underWay = new ArrayList<>();
    Optional<Session> comingNext = Optional.empty();
    Optional<Session> toMark = Optional.empty();
    int unmarked = 0;
    for (Session s : plan.sessions()) {
      if (s.isConditional()) {
        continue;
      }
      boolean hasOutcome = record.outcomes().outcome(s.id()).isPresent();
      if (!s.start().isAfter(now) && s.end().isAfter(now)) {
        underWay.add(s);
      }
      if (s.start().isAfter(now) && comingNext.isEmpty()) {
        comingNext = Optional.of(s);
      }
      if (!hasOutcome && !s.start().isAfter(now)) {
        unmarked++;
        if (toMark.isEmpty()) {
          toMark = Optional.of(s);
        }
      }
    }
    for (Session s : underWay) {
      out.println("  Due now:  " + line(s, zone));
    }
    comingNext.ifPresent(s -> out.println("  Next:     " + line(s, zone)));
    if (underWay.isEmpty() && comingNext.isEmpty()) {
      out.println("  No session is due now or later in this plan.");
    }
    out.println();
    out.print(agenda.sessions());
    if (toMark.isPresent()) {
      out.println(unmarked + (unmarked == 1 ? " session has" : " sessions have")
          + " started and not been marked; the earliest:");
      out.println("  " + DAY_TIME.format(toMark.get().start().atZone(zone)) + "  "
          + toMark.get().intervention().title() + "  [" + toMark.get().id() + "].");
      out.println("Mark it: rehabplan done --journal " + c.journal + " next   (or skip ...)");
    } else {
      out.println("Every session started so far is marked.");
    }
    Map<String, Adherence> byIntervention =
        record.outcomes().byIntervention(plan, startedBy(plan, now));
    out.println(adherenceLine(byIntervention.values()));
    Map<String, String> titles = new LinkedHashMap<>();
    plan.sessions().forEach(s -> titles.putIfAbsent(s.intervention().id(),
        s.intervention().title()));
    byIntervention.forEach((id, a) -> out.println("  " + Texts.pad(titles.getOrDefault(id, id),
        40) + a.done() + " done, " + a.skipped() + " skipped, " + a.unmarked()
        + " not marked, of " + a.due()));
    long gone = record.outcomes().outcomes().stream()
        .filter(o -> plan.sessions().stream().noneMatch(s -> s.id().equals(o.sessionId())))
        .count();
    if (gone > 0) {
      out.println("  " + gone + (gone == 1 ? " outcome is for a session" : " outcomes are for"
          + " sessions") + " this version of the plan no longer has; "
          + (gone == 1 ? "it stays" : "they stay") + " in the journal.");
    }
    out.println();
    out.print(agenda.notice());
    return RehabplanCli.EXIT_OK;
  }

  private static int agenda(AgendaCommand c, PrintStream out, Clock clock, Path workingDir)
      throws UsageException {
    int days = c.days == null ? DEFAULT_AGENDA_DAYS
        : CliOptions.integer("--days", c.days, 0, CliOptions.MAX_DAYS);
    PlanRecord record = readOnly(c, "agenda", workingDir);
    Plan plan = record.plan();
    ZoneId zone = plan.zone();
    Instant now = now(c, zone, clock);
    LocalDate today = now.atZone(zone).toLocalDate();
    Agenda agenda = Agenda.of(plan).days(clamp(plan, today), days).today(today).now(now)
        .outcomes(record.outcomes());
    out.print(agenda.heading());
    out.println();
    agenda.referral().ifPresent(r -> {
      out.print(r);
      out.println();
    });
    out.print(agenda.timeline());
    out.println();
    if (days > 0) {
      out.println("Sessions from " + DateTimeFormatter.ofPattern("EEE d MMM uuuu", Locale.ENGLISH)
          .format(clamp(plan, today)) + ", times in " + zone.getId() + ":");
      out.println();
      out.print(agenda.sessions());
    }
    out.print(agenda.notice());
    return RehabplanCli.EXIT_OK;
  }

  /** {@code today}, or the day of the injury when today is before it. */
  private static LocalDate clamp(Plan plan, LocalDate today) {
    LocalDate first = plan.request().injuredAt().toLocalDate();
    return today.isBefore(first) ? first : today;
  }

  private static String line(Session s, ZoneId zone) {
    return TIME.format(s.start().atZone(zone)) + "-" + TIME.format(s.end().atZone(zone)) + "  "
        + s.intervention().title() + "  [" + s.id() + "]";
  }

  private static String adherenceLine(java.util.Collection<Adherence> all) {
    int due = 0;
    int done = 0;
    int skipped = 0;
    for (Adherence a : all) {
      due += a.due();
      done += a.done();
      skipped += a.skipped();
    }
    return "So far: " + done + " of " + due + " sessions started done, " + skipped
        + " skipped, " + (due - done - skipped) + " not marked.";
  }

  /**
   * The sessions that have started by {@code now}, a session starting at {@code now} included:
   * the ones {@code done next} may mark and {@code today} counts as started.
   */
  private static Interval startedBy(Plan plan, Instant now) {
    Instant from = plan.sessions().isEmpty() ? now : plan.sessions().get(0).start();
    return from.isAfter(now) ? Interval.of(now, now) : Interval.of(from, now.plusNanos(1));
  }

  // ---- export ------------------------------------------------------------------------------

  private static int export(Export c, PrintStream out, PrintStream err, Clock clock,
      Path workingDir) throws UsageException {
    JournalFile file = journal(c, "export", workingDir);
    String icsName = CliOptions.path("--ics", c.ics).orElse(CliOptions.DEFAULT_ICS);
    Optional<String> csvName = CliOptions.path("--sessions-csv", c.sessionsCsv);
    if (CliOptions.STDOUT.equals(icsName) && csvName.filter(CliOptions.STDOUT::equals)
        .isPresent()) {
      throw new UsageException("--ics - and --sessions-csv -: only one of them can go to"
          + " standard output");
    }
    if (c.noAlarms && c.alarmMinutes != null) {
      throw new UsageException("--no-alarms and --alarm-minutes " + Texts.quote(c.alarmMinutes)
          + ": give one of them");
    }
    IcalExporter.Builder builder = IcalExporter.builder().oneEventPerSession(c.expanded);
    if (c.noAlarms) {
      builder.noAlarms();
    } else if (c.alarmMinutes != null) {
      builder.alarmMinutesBefore(CliOptions.integer("--alarm-minutes", c.alarmMinutes, 0,
          IcalExporter.MAX_ALARM_MINUTES));
    }
    if (c.calendarName != null) {
      try {
        builder.calendarName(c.calendarName);
      } catch (IllegalArgumentException e) {
        throw UsageException.of("--calendar-name", c.calendarName,
            "not usable as a calendar name (" + e.getMessage() + ")");
      }
    }
    IcalExporter exporter = builder.build();
    Optional<OutputFile> icsFile = icsName.equals(CliOptions.STDOUT) ? Optional.empty()
        : Optional.of(OutputFile.checked("--ics", icsName, workingDir));
    Optional<OutputFile> csvFile = csvName.isEmpty() || csvName.get().equals(CliOptions.STDOUT)
        ? Optional.empty() : Optional.of(OutputFile.checked("--sessions-csv", csvName.get(),
            workingDir));
    Path journalPath = file.path().toAbsolutePath().normalize();
    if (icsFile.isPresent() && icsFile.get().path().toAbsolutePath().normalize()
        .equals(journalPath)) {
      throw UsageException.of("--ics", icsName, "is the journal itself");
    }
    if (csvFile.isPresent() && csvFile.get().path().toAbsolutePath().normalize()
        .equals(journalPath)) {
      throw UsageException.of("--sessions-csv", csvName.orElseThrow(), "is the journal itself");
    }
    if (icsFile.isPresent() && csvFile.isPresent() && icsFile.get().path().toAbsolutePath()
        .normalize().equals(csvFile.get().path().toAbsolutePath().normalize())) {
      throw UsageException.of("--sessions-csv", csvName.orElseThrow(), "is the same file as --ics");
    }
    try (JournalFile.Locked lock = file.lock(JournalFile.DEFAULT_WAIT)) {
      PlanRecord record = read(file, lock, c);
      // The calendar does not depend on --now; a malformed one is refused all the same.
      now(c, record.plan().zone(), clock);
      Plan plan = record.plan();
      CalendarState previous = record.calendar();
      String ics = previous.isEmpty() ? exporter.export(plan).text()
          : exporter.update(plan, previous).text();
      byte[] icsBytes = ics.getBytes(StandardCharsets.UTF_8);
      CalendarState state = IcalExporter.stateOf(icsBytes);
      String csv = csvName.isPresent() ? SessionsCsv.of(plan) : null;
      // The journal first: a calendar is only written once the journal knows its SEQUENCE
      // numbers, so the next export always raises them above what any file written carries.
      if (!state.equals(previous)) {
        lock.replace(bytes(record.withCalendarState(state)));
      }
      Map<OutputFile, byte[]> files = new LinkedHashMap<>();
      icsFile.ifPresent(f -> files.put(f, icsBytes));
      if (csvFile.isPresent() && csv != null) {
        files.put(csvFile.get(), csv.getBytes(StandardCharsets.UTF_8));
      }
      OutputFile.writeAll(files, OutputFile.FILES);
      // With a file on standard output, the report goes to standard error.
      PrintStream report = out;
      if (icsFile.isEmpty()) {
        out.print(ics);
        report = err;
      } else if (csvName.isPresent() && csvFile.isEmpty() && csv != null) {
        out.print(csv);
        report = err;
      }
      exportReport(report, plan, previous, state, icsFile, csvFile, c.journal);
    }
    return RehabplanCli.EXIT_OK;
  }

  private static void exportReport(PrintStream out, Plan plan, CalendarState previous,
      CalendarState state, Optional<OutputFile> icsFile, Optional<OutputFile> csvFile,
      @Nullable String journal) {
    int events = state.events().size() - state.cancelled().size();
    out.println(plan.sessions().size() + " sessions, " + events + " calendar events"
        + (state.cancelled().isEmpty() ? "" : " (plus " + state.cancelled().size()
            + " cancelled)") + ".");
    String name = icsFile.map(f -> f.path().getFileName().toString()).orElse("the calendar");
    icsFile.ifPresent(f -> out.println("Wrote " + f.path() + "."));
    csvFile.ifPresent(f -> out.println("Wrote " + f.path() + " (one line per session)."));
    out.println();
    // The journal records a calendar's state before the file is written, so a state equal to
    // the last one may belong to a file that was never written (the last export failed) or never
    // imported: the report does not claim that the person has the previous file.
    boolean sameAsLast = state.equals(previous);
    if (previous.isEmpty() || (sameAsLast && isFirstCalendar(state))) {
      out.println("This is the first calendar of the journal " + journal + ".");
      if (sameAsLast) {
        out.println("(It is the same calendar as the last export from this journal; if you"
            + " already imported");
        out.println("that one, importing " + name + " again changes nothing.)");
      }
      out.print(ImportHelp.forFile(name));
    } else {
      Map<String, Integer> before = previous.sequences();
      long changed = state.events().stream().filter(e -> before.containsKey(e.uid())
          && before.get(e.uid()) < e.sequence()).count();
      long added = state.events().stream().filter(e -> !before.containsKey(e.uid())).count();
      if (changed == 0 && added == 0) {
        out.println("Nothing changed since the last export from this journal: " + name
            + " is the same calendar.");
        out.println("If you imported that one, importing it again changes nothing; if not (or"
            + " that export");
        out.println("failed), import " + name + " OVER the calendar exported before it, into"
            + " the same calendar.");
      } else {
        out.println("This is an update of the last calendar exported from this journal: "
            + changed + " events changed, " + added + " new.");
        out.println("Import " + name + " OVER the previous one, into the same calendar:"
            + " changed sessions");
        out.println("move and removed ones are cancelled instead of being duplicated. For a"
            + " subscribed");
        out.println("calendar, replace the file it is served from.");
      }
    }
    out.println();
    out.print(Agenda.of(plan).notice());
  }

  /**
   * Whether {@code state} is a first calendar: no event was ever changed (every SEQUENCE is 0)
   * and none cancelled.
   */
  private static boolean isFirstCalendar(CalendarState state) {
    return state.cancelled().isEmpty()
        && state.events().stream().allMatch(e -> e.sequence() == 0);
  }

  // ---- protocol show -----------------------------------------------------------------------

  private static int protocol(ProtocolCommand c, PrintStream out) throws UsageException {
    if (c.words.size() != 2 || !c.words.get(0).equals("show")) {
      throw new UsageException("protocol: write rehabplan protocol show NAME; built in: "
          + String.join(", ", Protocols.builtInIds()));
    }
    String name = c.words.get(1);
    Protocol protocol = Protocols.builtIn(name).orElseThrow(() -> UsageException.of(
        "protocol show", name, "no such built-in protocol; built in: "
            + String.join(", ", Protocols.builtInIds())));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
      ProtocolJson.write(protocol, w);
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory failed", e);
    }
    out.print(bytes.toString(StandardCharsets.UTF_8));
    return RehabplanCli.EXIT_OK;
  }

  // ---- the journal -------------------------------------------------------------------------

  private static JournalFile journal(Common c, String command, Path workingDir)
      throws UsageException {
    if (c.journal == null) {
      throw new UsageException(command + ": --journal is missing: the journal file, e.g."
          + " --journal hamstring-journal.json");
    }
    JournalFile file = JournalFile.of("--journal", c.journal, workingDir);
    if (!command.equals("start") && !Files.exists(file.path())) {
      throw noSuchJournal(c.journal); // before the lock, which would leave NAME.lock behind
    }
    return file;
  }

  private static UsageException noSuchJournal(String name) {
    return UsageException.of("--journal", name, "no such journal; start one with: rehabplan"
        + " start --journal " + name + " --injured-at DATE-TIME");
  }

  /** The journal read under the lock, for a command that only reads it. */
  private static PlanRecord readOnly(Common c, String command, Path workingDir)
      throws UsageException {
    JournalFile file = journal(c, command, workingDir);
    try (JournalFile.Locked lock = file.lock(JournalFile.DEFAULT_WAIT)) {
      return read(file, lock, c);
    }
  }

  /**
   * The record in the journal; the file is left as it is when it is not one.
   *
   * @throws UsageException naming the file (and the line and column) otherwise
   */
  private static PlanRecord read(JournalFile file, JournalFile.Locked lock, Common c)
      throws UsageException {
    String name = requireNonNull(c.journal);
    byte[] bytes = lock.read().orElseThrow(() -> noSuchJournal(name));
    try {
      return PlanRecordJson.read(new ByteArrayInputStream(bytes));
    } catch (JsonFormatException e) {
      throw UsageException.of("--journal", name, "not a rehabplan journal, or damaged ("
          + e.getMessage() + "); left as it is" + backupHint(file));
    } catch (PlanningException e) {
      throw UsageException.of("--journal", name, "not a usable journal (" + e.getMessage()
          + "); left as it is" + backupHint(file));
    } catch (IOException e) {
      throw new IllegalStateException("reading from memory failed", e);
    }
  }

  private static String backupHint(JournalFile file) {
    return Files.exists(file.backup()) ? "; the previous version is " + file.backup() : "";
  }

  private static byte[] bytes(PlanRecord record) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
      PlanRecordJson.write(record, w);
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory failed", e);
    }
    return bytes.toByteArray();
  }

  private static Instant now(Common c, ZoneId zone, Clock clock) throws UsageException {
    if (c.now == null) {
      return clock.instant();
    }
    return ZonedDateTime.of(CliOptions.dateTime("--now", c.now, "2027-03-30T09:05"), zone)
        .toInstant();
  }
}
