package org.rehabplan;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A plan as plain text for a person: a heading, the progress since the previous version (for a
 * re-planned plan), the phase time-line as a bar chart, and the sessions of some local days with
 * each intervention's instructions. The one text renderer of rehabplan, used by apps and by the
 * {@code rehabplan} command line (which adds its own import help around it).
 *
 * <p>ASCII only apart from the protocol's own texts, locale-free and deterministic: equal plans and
 * settings give equal text. Immutable and thread-safe; the {@code with}-style methods return
 * copies.
 *
 * <pre>{@code
 * System.out.print(Agenda.of(plan).days(LocalDate.of(2027, 3, 27), 3).text());
 * }</pre>
 *
 * <p>Each section is its own method ({@link #heading()}, {@link #progress()}, {@link
 * #referral()}, {@link #timeline()}, {@link #sessions()}, {@link #adherence()}, {@link #notice()})
 * so that an app can
 * place them itself; {@link #text()} joins them with blank lines and ends with the notice.
 *
 * <p><b>Firm and conditional sessions.</b> A session that waits on a criterion not yet reported
 * ({@link Session#isConditional()}) is never listed as due: the day list groups such sessions
 * under their condition ("Once you report pain relieved (not before):"), with their projected
 * times marked "about". The progress section says what the person waits for ("Now in: Protect -
 * waiting for: pain relieved").
 */
public final class Agenda {
  /**
   * The educational-content notice that ends every agenda: rehabplan restates general
   * patient-education material and does not replace a clinician.
   */
  public static final String NOTICE = "Educational content, not medical advice: this plan restates"
      + " general patient-education material and does not replace a clinician's assessment.";

  /** The widest the bar chart gets, in columns. */
  static final int CHART_WIDTH = 56;
  private static final int LABEL_WIDTH = 18;
  private static final int TEXT_WIDTH = 78;
  private static final String SESSION_INDENT = " ".repeat(15);

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
  private static final DateTimeFormatter DAY_YEAR =
      DateTimeFormatter.ofPattern("EEE d MMM uuuu", Locale.ENGLISH);
  private static final DateTimeFormatter DAY_YEAR_TIME =
      DateTimeFormatter.ofPattern("EEE d MMM uuuu HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

  private final Plan plan;
  private final LocalDate from;
  private final int days;
  private final @Nullable LocalDate today;
  private final @Nullable Plan previous;
  private final @Nullable Instant now;
  private final @Nullable OutcomeLog outcomes;

  private Agenda(
      Plan plan, LocalDate from, int days, @Nullable LocalDate today, @Nullable Plan previous,
      @Nullable Instant now, @Nullable OutcomeLog outcomes) {
    this.plan = requireNonNull(plan, "plan");
    this.from = requireNonNull(from, "from");
    checkArgument(!from.isBefore(PlanRequest.FIRST_PLANNED_DAY)
            && from.isBefore(PlanRequest.END_OF_PLANNED_DAYS),
        "from must lie in the days plans reach, %s to %s: %s", PlanRequest.FIRST_PLANNED_DAY,
        PlanRequest.END_OF_PLANNED_DAYS.minusDays(1), from);
    checkArgument(days >= 0, "days must not be negative: %s", days);
    checkArgument(days <= ChronoUnit.DAYS.between(from, PlanRequest.END_OF_PLANNED_DAYS),
        "days must end by %s, after the last day plans reach: %s days from %s",
        PlanRequest.END_OF_PLANNED_DAYS, days, from);
    this.days = days;
    this.today = today;
    this.previous = previous;
    this.now = now;
    this.outcomes = outcomes;
  }

  /**
   * The agenda of the whole of {@code plan}: every local day from the day of the injury to the
   * day the plan ends, no day marked as today, and no comparison with an earlier version.
   *
   * @param plan the plan to render
   * @return the agenda
   */
  public static Agenda of(Plan plan) {
    requireNonNull(plan, "plan");
    LocalDate first = plan.request().injuredAt().toLocalDate();
    LocalDate last = plan.interval().endExclusive().minusNanos(1).atZone(plan.zone())
        .toLocalDate();
    return new Agenda(plan, first, (int) ChronoUnit.DAYS.between(first, last) + 1, null, null,
        null, null);
  }

  /**
   * Returns a copy that lists the sessions of {@code days} local days from {@code from}. This
   * instance is immutable and unaffected by this method call.
   *
   * @param from the first local day listed, in the years plans reach (see {@link PlanRequest})
   * @param days how many days to list, zero or more, ending before 2223
   * @return the agenda
   */
  public Agenda days(LocalDate from, int days) {
    return new Agenda(plan, from, days, today, previous, now, outcomes);
  }

  /**
   * Returns a copy that marks {@code today} in the day list. This instance is immutable and
   * unaffected by this method call.
   *
   * @param today the person's current local date
   * @return the agenda
   */
  public Agenda today(LocalDate today) {
    return new Agenda(plan, from, days, requireNonNull(today, "today"), previous, now, outcomes);
  }

  /**
   * Returns a copy whose {@link #progress()} also counts what changed since {@code previous}, an
   * earlier version of the same plan. This instance is immutable and unaffected by this method
   * call.
   *
   * @param previous the version the person saw before
   * @return the agenda
   */
  public Agenda since(Plan previous) {
    return new Agenda(plan, from, days, today, requireNonNull(previous, "previous"), now,
        outcomes);
  }

  /**
   * Returns a copy whose day list marks the firm sessions already over at {@code now} as {@code
   * (past)} and the one under way as {@code (now)}. This instance is immutable and unaffected by
   * this method call.
   *
   * @param now the person's current moment
   * @return the agenda
   */
  public Agenda now(Instant now) {
    return new Agenda(plan, from, days, today, previous, requireNonNull(now, "now"), outcomes);
  }

  /**
   * Returns a copy whose day list marks each session that has an outcome in {@code outcomes}:
   * {@code (done 09:12)} or {@code (skipped 09:12)} with the local time it was recorded (and its
   * date, {@code (done 08:05 Mon 29 Mar)}, when that is not the session's day), and its note, if
   * any, on the line below. A mark takes the place of {@code (past)} and {@code (now)}. With
   * {@link #now(Instant)} as well, the agenda also has an {@link #adherence()} section. Outcomes
   * of sessions the plan no longer has (a re-plan dropped them) stay in the log: the day list
   * cannot show them, and the adherence section counts them. This instance is immutable and
   * unaffected by this method call.
   *
   * @param outcomes the person's session outcomes
   * @return the agenda
   */
  public Agenda outcomes(OutcomeLog outcomes) {
    return new Agenda(plan, from, days, today, previous, now,
        requireNonNull(outcomes, "outcomes"));
  }

  /**
   * The whole agenda: {@link #heading()}, {@link #progress()} if the plan was re-planned, {@link
   * #referral()} if the plan advises getting seen, {@link #timeline()}, {@link #sessions()} and
   * {@link #adherence()} with outcomes and a current moment, and the {@link #notice()}, separated
   * by blank lines.
   *
   * @return the text, ending with a line break
   */
  public String text() {
    List<String> sections = new ArrayList<>();
    sections.add(heading());
    progress().ifPresent(sections::add);
    referral().ifPresent(sections::add);
    sections.add(timeline());
    if (days > 0) {
      sections.add(sessions());
    }
    adherence().ifPresent(sections::add);
    sections.add(notice());
    return String.join("\n", sections);
  }

  /** The same as {@link #text()}. */
  @Override
  public String toString() {
    return text();
  }

  /**
   * The heading: protocol, severity, injury, zone and waking hours.
   *
   * @return two lines
   */
  public String heading() {
    return plan.protocol().title() + ", " + plan.request().severity().name()
        .toLowerCase(Locale.ROOT) + "\n" + "Injured " + DAY_YEAR_TIME.format(plan.request()
        .injuredAt()) + " (" + plan.zone().getId() + "), awake "
        + plan.request().wakingHours().wake() + " to " + plan.request().wakingHours().sleep()
        + "\n";
  }

  /**
   * For a re-planned plan: the moment of re-planning, the current phase, the criteria reported
   * met and the phase changes and setbacks, and (with {@link #since(Plan)}) what changed since the
   * earlier version. Empty for a first plan.
   *
   * @return the lines, if the plan was re-planned
   */
  public Optional<String> progress() {
    Optional<Instant> replanned = plan.asOf();
    if (replanned.isEmpty()) {
      return Optional.empty();
    }
    Instant asOf = replanned.get();
    StringBuilder out = new StringBuilder();
    out.append("Re-planned ").append(DAY_YEAR_TIME.format(asOf.atZone(plan.zone())))
        .append(" from ").append(plan.progress().checkIns().size()).append(" check-in(s)")
        .append(" (version ").append(plan.version()).append(")\n");
    plan.currentPhase(asOf).ifPresent(p -> {
      out.append("  Now in: ").append(p.phase().name());
      List<Criterion> waiting = plan.waitingFor(asOf);
      if (!waiting.isEmpty()) {
        out.append(" - waiting for: ").append(labels(waiting));
      }
      out.append('\n');
    });
    Set<String> met = new TreeSet<>();
    plan.progress().checkIns().forEach(c -> met.addAll(c.criteriaMet()));
    out.append("  Reported met: ").append(met.isEmpty() ? "nothing yet" : String.join(", ", met))
        .append('\n');
    for (Adjustment a : plan.adjustments()) {
      out.append("  ").append(a.reason()).append('\n');
    }
    Plan earlier = previous;
    if (earlier != null) {
      PlanDiff diff = PlanDiff.between(earlier, plan);
      out.append("  Changed since version ").append(earlier.version()).append(": ")
          .append(diff.moved().size()).append(" session(s) moved, ")
          .append(diff.added().size()).append(" added, ")
          .append(diff.cancelled().size()).append(" cancelled, ")
          .append(nowFirm(earlier)).append(" now firm\n");
    }
    return Optional.of(out.toString());
  }

  /** How many sessions that waited on a criterion in {@code earlier} are firm in this plan. */
  private long nowFirm(Plan earlier) {
    Set<String> waited = new HashSet<>();
    earlier.sessions().stream().filter(Session::isConditional).forEach(s -> waited.add(s.id()));
    return plan.sessions().stream()
        .filter(s -> !s.isConditional() && waited.contains(s.id())).count();
  }

  /**
   * Why the plan says to get seen by a clinician promptly ({@link Plan#referralReasons()}): the
   * severity, or a check-in with high pain early on. Empty when neither applies; the protocol's
   * referral item with the warning signs is in the day list either way.
   *
   * @return the lines, if the plan advises getting seen
   */
  public Optional<String> referral() {
    List<String> reasons = plan.referralReasons();
    if (reasons.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder out = new StringBuilder("Get seen by a clinician promptly:\n");
    for (String reason : reasons) {
      List<String> lines = wrap(reason, TEXT_WIDTH - 4, "    ");
      out.append("  - ").append(lines.get(0).substring(4)).append('\n');
      lines.subList(1, lines.size()).forEach(l -> out.append(l).append('\n'));
    }
    return Optional.of(out.toString());
  }

  /**
   * The educational-content notice ({@link #NOTICE}), wrapped.
   *
   * @return the lines
   */
  public String notice() {
    StringBuilder out = new StringBuilder();
    wrap(NOTICE, TEXT_WIDTH, "").forEach(l -> out.append(l).append('\n'));
    return out.toString();
  }

  /** Criteria as a person reads them: "pain relieved and healed". */
  static String labels(Collection<Criterion> criteria) {
    return criteria.stream().map(c -> c.id().replace('-', ' '))
        .collect(Collectors.joining(" and "));
  }

  /**
   * The phase time-line: one bar per phase over the days from the injury, {@code #} where the
   * typical projection lies and {@code -} where the phase may lie between its earliest start and
   * its latest end; then each phase's dates.
   *
   * @return the lines
   */
  public String timeline() {
    ZoneId zone = plan.zone();
    LocalDate origin = plan.request().injuredAt().toLocalDate();
    long totalDays = 1;
    for (PlannedPhase p : plan.phases()) {
      totalDays = Math.max(totalDays, lastDay(origin, p.latest().endExclusive(), zone) + 1);
      totalDays = Math.max(totalDays, lastDay(origin, p.end(), zone) + 1);
    }
    int daysPerColumn = (int) ((totalDays + CHART_WIDTH - 1) / CHART_WIDTH);
    int columns = (int) ((totalDays + daysPerColumn - 1) / daysPerColumn);

    StringBuilder out = new StringBuilder();
    out.append("Phase timeline (# typical, - earliest start to latest end; one column = ")
        .append(daysPerColumn == 1 ? "1 day" : daysPerColumn + " days").append(")\n");
    out.append(" ".repeat(LABEL_WIDTH)).append(ruler(columns, daysPerColumn)).append('\n');
    for (PlannedPhase p : plan.phases()) {
      long typicalFrom = day(origin, p.start(), zone);
      long typicalTo = lastDay(origin, p.end(), zone);
      long rangeFrom = Math.min(typicalFrom, day(origin, p.earliest().start(), zone));
      long rangeTo = Math.max(typicalTo, lastDay(origin, p.latest().endExclusive(), zone));
      StringBuilder bar = new StringBuilder();
      for (int c = 0; c < columns; c++) {
        long first = (long) c * daysPerColumn;
        long last = first + daysPerColumn - 1;
        bar.append(overlaps(first, last, typicalFrom, typicalTo) ? '#'
            : overlaps(first, last, rangeFrom, rangeTo) ? '-' : ' ');
      }
      out.append("  ").append(pad(p.phase().name(), LABEL_WIDTH - 2))
          .append(bar.toString().stripTrailing()).append('\n');
    }
    out.append('\n');
    out.append(" ".repeat(LABEL_WIDTH)).append(pad("typical", 26))
        .append(pad("earliest start", 16)).append("latest end\n");
    for (PlannedPhase p : plan.phases()) {
      out.append("  ").append(pad(p.phase().name(), LABEL_WIDTH - 2))
          .append(pad(DAY.format(p.start().atZone(zone)) + " - "
              + DAY.format(p.end().atZone(zone)), 26))
          .append(pad(DAY.format(p.earliest().start().atZone(zone)), 16))
          .append(DAY.format(p.latest().endExclusive().atZone(zone))).append('\n');
      if (p.isTentative()) {
        out.append(" ".repeat(LABEL_WIDTH)).append("starts once ")
            .append(p.entryCriteria().stream().map(Criterion::id)
                .collect(Collectors.joining(" and ")))
            .append('\n');
      }
    }
    plan.protocol().projectionNote().ifPresent(note -> {
      out.append('\n');
      wrap(note, TEXT_WIDTH, "").forEach(l -> out.append(l).append('\n'));
    });
    return out.toString();
  }

  private static String ruler(int columns, int daysPerColumn) {
    StringBuilder ruler = new StringBuilder();
    for (int week = 0; ; week++) {
      int column = week * 7 / daysPerColumn;
      if (column >= columns) {
        break;
      }
      String label = "|wk " + (week + 1);
      if (column >= ruler.length() + (ruler.length() == 0 ? 0 : 1)) {
        ruler.append(" ".repeat(column - ruler.length())).append(label);
      }
    }
    return ruler.toString();
  }

  private static boolean overlaps(long first, long last, long from, long to) {
    return first <= to && from <= last;
  }

  /** The local day of {@code instant}, counted from {@code origin} (day 0). */
  private static long day(LocalDate origin, Instant instant, ZoneId zone) {
    return ChronoUnit.DAYS.between(origin, instant.atZone(zone).toLocalDate());
  }

  /** The local day of the last moment before {@code endExclusive}. */
  private static long lastDay(LocalDate origin, Instant endExclusive, ZoneId zone) {
    return day(origin, endExclusive.minusNanos(1), zone);
  }

  /**
   * The sessions of the agenda's days, grouped by local day, in local time, with the guidance that
   * holds on each day; each intervention's instructions follow the first time it appears. A
   * session ending the next day is marked {@code +1}. Firm sessions come first, at their times;
   * conditional ones follow, grouped under what they wait for, their times marked "about". With
   * {@link #now(Instant)}, firm sessions already over are marked {@code (past)} and the one under
   * way {@code (now)}.
   *
   * <p>With waking hours that cross midnight (a night shift, say 21:00 to 05:45), a day lists the
   * sessions of the waking period that starts on it: those after midnight stay under the
   * evening's date, below a line {@code after midnight (Fri 12 Mar):}; conditional ones have
   * their time marked {@code +1}. The first day listed also keeps the sessions from its midnight
   * to its wake time.
   *
   * @return the lines, each day followed by a blank line
   */
  public String sessions() {
    ZoneId zone = plan.zone();
    StringBuilder out = new StringBuilder();
    Set<String> explained = new HashSet<>();
    for (int d = 0; d < days; d++) {
      LocalDate date = from.plusDays(d);
      Instant dayStart = date.atStartOfDay(zone).toInstant();
      Instant dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant();
      out.append(DAY_YEAR.format(date)).append(date.equals(today) ? " (today)" : "")
          .append('\n');
      WakingHours awake = plan.request().wakingHours();
      // The sessions of the waking period that starts on this date.
      Instant sessionsStart = dayStart;
      Instant sessionsEnd = dayEnd;
      if (awake.crossesMidnight()) {
        sessionsStart = d == 0 ? dayStart : awake.windowStartingOn(date, zone).start();
        sessionsEnd = awake.windowStartingOn(date.plusDays(1), zone).start();
      }
      for (GuidanceSpan s : plan.guidanceSpans()) {
        if (s.interval().start().isBefore(dayEnd) && dayStart.isBefore(s.interval()
            .endExclusive())) {
          out.append("  all day      ").append(s.intervention().title()).append('\n');
          explain(out, s.intervention().id(), s.intervention().instructions(), explained);
        }
      }
      List<Session> sessions = plan.sessionsBetween(sessionsStart, sessionsEnd);
      Map<Set<Criterion>, List<Session>> conditional = new LinkedHashMap<>();
      boolean afterMidnight = false;
      for (Session s : sessions) {
        if (s.isConditional()) {
          conditional.computeIfAbsent(s.awaitedCriteria(), k -> new ArrayList<>()).add(s);
          continue;
        }
        if (!afterMidnight && s.start().atZone(zone).toLocalDate().isAfter(date)) {
          afterMidnight = true;
          out.append("  after midnight (").append(DAY.format(date.plusDays(1))).append("):\n");
        }
        out.append("  ").append(pad(times(s, date), SESSION_INDENT.length() - 2))
            .append(s.intervention().title()).append("  [").append(s.phase().name())
            .append("]").append(mark(s)).append('\n');
        note(s).ifPresent(n -> noteLines(out, n));
        explain(out, s.intervention().id(), s.intervention().instructions(), explained);
      }
      for (Map.Entry<Set<Criterion>, List<Session>> group : conditional.entrySet()) {
        out.append("  Once you report ").append(labels(group.getKey()))
            .append(" (not before):\n");
        for (Session s : group.getValue()) {
          out.append("  ").append(pad("about " + TIME.format(s.start().atZone(zone))
                  + (s.start().atZone(zone).toLocalDate().isAfter(date) ? "+1" : ""),
                  SESSION_INDENT.length() - 2))
              .append(s.intervention().title()).append("  [").append(s.phase().name())
              .append("]").append(outcomeMark(s).orElse("")).append('\n');
          note(s).ifPresent(n -> noteLines(out, n));
          explain(out, s.intervention().id(), s.intervention().instructions(), explained);
        }
      }
      if (sessions.isEmpty()) {
        out.append("  no sessions\n");
      }
      out.append('\n');
    }
    return out.toString();
  }

  /**
   * {@code  (done 09:12)} or {@code  (skipped 09:12)} with {@link #outcomes(OutcomeLog)}, else
   * {@code  (past)} or {@code  (now)} at {@link #now(Instant)}, or nothing.
   */
  private String mark(Session s) {
    Optional<String> outcome = outcomeMark(s);
    if (outcome.isPresent()) {
      return outcome.get();
    }
    if (now == null) {
      return "";
    }
    if (!s.end().isAfter(now)) {
      return "  (past)";
    }
    return s.start().isAfter(now) ? "" : "  (now)";
  }

  /**
   * {@code  (done 09:12)} or {@code  (skipped 09:12)}, with the date when it is not the session's
   * local day, if the session has an outcome. Conditional sessions get it too: an outcome is
   * history, whatever the current plan says of the session.
   */
  private Optional<String> outcomeMark(Session s) {
    Optional<SessionOutcome> outcome = outcomes == null ? Optional.empty()
        : outcomes.outcome(s.id());
    return outcome.map(o -> {
      ZonedDateTime at = o.at().atZone(plan.zone());
      LocalDate day = s.start().atZone(plan.zone()).toLocalDate();
      return "  (" + (o.status() == SessionOutcome.Status.DONE ? "done " : "skipped ")
          + TIME.format(at) + (at.toLocalDate().equals(day) ? "" : " " + DAY.format(at)) + ")";
    });
  }

  private static void noteLines(StringBuilder out, String note) {
    for (String line : wrap("note: " + note, TEXT_WIDTH - SESSION_INDENT.length(),
        SESSION_INDENT)) {
      out.append(line).append('\n');
    }
  }

  /**
   * With {@link #outcomes(OutcomeLog)} and {@link #now(Instant)}: the adherence so far, over the
   * firm sessions that started from the start of the plan up to now (or up to the end of the
   * plan, if now is later) ({@link
   * OutcomeLog#byPhase}, {@link OutcomeLog#byIntervention}). A table with a row per phase, a row
   * per intervention and a row for all of them; columns: done, skipped, not marked, due and the
   * share done in percent (rounded down). Conditional sessions are not due. Phases and
   * interventions without a due session so far have no row. Ends with a line counting the
   * outcomes of sessions the plan no longer has, if there are any (they stay in the log).
   *
   * <pre>{@code
   * So far: sessions started before Mon 29 Mar 2027 07:00
   *                                    done  skipped  not marked  due  done %
   *   Phase Protect                       7        3           4   14      50
   *   Ice the back of the thigh           6        3           4   13      46
   *   When to get seen by a clinician     1        0           0    1     100
   *   All sessions                        7        3           4   14      50
   *   1 outcome is for a session this version of the plan no longer has; it stays
   *   in the record.
   * }</pre>
   *
   * @return the lines, if the agenda has outcomes and a current moment
   */
  public Optional<String> adherence() {
    OutcomeLog log = outcomes;
    Instant at = now;
    if (log == null || at == null) {
      return Optional.empty();
    }
    // Clamped to the plan: any instant is a valid "now", and no session starts outside it.
    Instant start = plan.interval().start();
    Instant end = plan.interval().endExclusive();
    Interval soFar = Interval.of(start, at.isBefore(start) ? start : at.isAfter(end) ? end : at);
    Map<String, String> phaseNames = new LinkedHashMap<>();
    Map<String, String> titles = new LinkedHashMap<>();
    Set<String> planned = new HashSet<>();
    for (Session s : plan.sessions()) {
      phaseNames.putIfAbsent(s.phase().id(), s.phase().name());
      titles.putIfAbsent(s.intervention().id(), s.intervention().title());
      planned.add(s.id());
    }
    List<String> labels = new ArrayList<>();
    List<Adherence> rows = new ArrayList<>();
    int due = 0;
    int done = 0;
    int skipped = 0;
    for (Map.Entry<String, Adherence> e : log.byPhase(plan, soFar).entrySet()) {
      labels.add("Phase " + phaseNames.getOrDefault(e.getKey(), e.getKey()));
      rows.add(e.getValue());
      due += e.getValue().due();
      done += e.getValue().done();
      skipped += e.getValue().skipped();
    }
    for (Map.Entry<String, Adherence> e : log.byIntervention(plan, soFar).entrySet()) {
      labels.add(titles.getOrDefault(e.getKey(), e.getKey()));
      rows.add(e.getValue());
    }
    labels.add("All sessions");
    rows.add(new Adherence(due, done, skipped));
    StringBuilder out = new StringBuilder();
    out.append("So far: sessions started before ")
        .append(DAY_YEAR_TIME.format(soFar.endExclusive().atZone(plan.zone()))).append('\n');
    List<List<String>> table = new ArrayList<>();
    table.add(List.of("", "done", "skipped", "not marked", "due", "done %"));
    for (int i = 0; i < rows.size(); i++) {
      Adherence a = rows.get(i);
      table.add(List.of(labels.get(i), String.valueOf(a.done()), String.valueOf(a.skipped()),
          String.valueOf(a.unmarked()), String.valueOf(a.due()),
          a.due() == 0 ? "-" : String.valueOf(a.percentDone())));
    }
    int[] widths = new int[table.get(0).size()];
    for (List<String> row : table) {
      for (int c = 0; c < widths.length; c++) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    for (List<String> row : table) {
      StringBuilder line = new StringBuilder("  ").append(row.get(0))
          .append(" ".repeat(widths[0] - row.get(0).length()));
      for (int c = 1; c < widths.length; c++) {
        line.append("  ").append(" ".repeat(widths[c] - row.get(c).length())).append(row.get(c));
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    long gone = log.outcomes().stream().filter(o -> !planned.contains(o.sessionId())).count();
    if (gone > 0) {
      String line = gone + (gone == 1 ? " outcome is for a session" : " outcomes are for sessions")
          + " this version of the plan no longer has; " + (gone == 1 ? "it stays" : "they stay")
          + " in the record.";
      wrap(line, TEXT_WIDTH - 2, "  ").forEach(l -> out.append(l).append('\n'));
    }
    return Optional.of(out.toString());
  }

  /** The note recorded with the session's outcome, if any. */
  private Optional<String> note(Session s) {
    return outcomes == null ? Optional.empty()
        : outcomes.outcome(s.id()).flatMap(SessionOutcome::note);
  }

  private String times(Session s, LocalDate date) {
    ZonedDateTime start = s.start().atZone(plan.zone());
    ZonedDateTime end = s.end().atZone(plan.zone());
    // After midnight in a night shift's waking period, under its own "after midnight" line.
    LocalDate day = start.toLocalDate().isAfter(date) ? start.toLocalDate() : date;
    return TIME.format(start) + "-" + TIME.format(end)
        + (end.toLocalDate().isAfter(day) ? "+1" : "");
  }

  private static void explain(
      StringBuilder out, String interventionId, String instructions, Set<String> explained) {
    if (explained.add(interventionId)) {
      for (String line : wrap(instructions, TEXT_WIDTH - SESSION_INDENT.length(),
          SESSION_INDENT)) {
        out.append(line).append('\n');
      }
    }
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
