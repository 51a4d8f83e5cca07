package org.rehabplan.examples.cli;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.rehabplan.Criterion;
import org.rehabplan.Plan;
import org.rehabplan.PlannedPhase;
import org.rehabplan.Session;
import org.rehabplan.GuidanceSpan;

/**
 * The planner's report as plain ASCII text (it reads the same on any terminal): the phase
 * timeline as a bar chart, then the sessions of some local days with their instructions.
 * Deterministic: equal plans, dates and widths give equal text.
 */
public final class AgendaReport {
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

  private AgendaReport() {}

  /** The heading: protocol, severity, injury, zone and waking hours. */
  public static String heading(Plan plan) {
    requireNonNull(plan, "plan");
    return plan.protocol().title() + ", " + plan.request().severity().name()
        .toLowerCase(Locale.ROOT) + "\n" + "Injured " + DAY_YEAR_TIME.format(plan.request()
        .injuredAt()) + " (" + plan.zone().getId() + "), awake "
        + plan.request().wakingHours().wake() + " to " + plan.request().wakingHours().sleep()
        + "\n";
  }

  /**
   * For a re-planned plan: the moment of re-planning, the current phase, the criteria reported
   * met, the phase changes and setbacks, and what changed since {@code previous}.
   */
  public static String progress(Plan plan, Plan previous) {
    requireNonNull(plan, "plan");
    requireNonNull(previous, "previous");
    StringBuilder out = new StringBuilder();
    java.time.Instant asOf = plan.asOf().orElseThrow();
    out.append("Re-planned ").append(DAY_YEAR_TIME.format(asOf.atZone(plan.zone())))
        .append(" from ").append(plan.progress().checkIns().size()).append(" check-in(s)")
        .append(" (version ").append(plan.version()).append(")\n");
    plan.phaseAt(asOf).ifPresent(p -> out.append("  Now in: ").append(p.phase().name())
        .append('\n'));
    java.util.Set<String> met = new java.util.TreeSet<>();
    plan.progress().checkIns().forEach(c -> met.addAll(c.criteriaMet()));
    out.append("  Reported met: ").append(met.isEmpty() ? "nothing yet" : String.join(", ", met))
        .append('\n');
    for (org.rehabplan.Adjustment a : plan.adjustments()) {
      out.append("  ").append(a.reason()).append('\n');
    }
    org.rehabplan.PlanDiff diff = org.rehabplan.PlanDiff.between(previous, plan);
    out.append("  Changed since version ").append(previous.version()).append(": ")
        .append(diff.moved().size()).append(" session(s) moved, ")
        .append(diff.added().size()).append(" added, ")
        .append(diff.cancelled().size()).append(" cancelled\n");
    return out.toString();
  }

  /**
   * The phase timeline: one bar per phase over the days from the injury, {@code #} where the
   * typical projection lies and {@code -} where the phase may lie between its earliest start and
   * its latest end; then each phase's dates.
   */
  public static String timeline(Plan plan) {
    requireNonNull(plan, "plan");
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
      out.append("  ").append(Texts.pad(p.phase().name(), LABEL_WIDTH - 2))
          .append(bar.toString().stripTrailing()).append('\n');
    }
    out.append('\n');
    out.append(" ".repeat(LABEL_WIDTH)).append(Texts.pad("typical", 26))
        .append(Texts.pad("earliest start", 16)).append("latest end\n");
    for (PlannedPhase p : plan.phases()) {
      out.append("  ").append(Texts.pad(p.phase().name(), LABEL_WIDTH - 2))
          .append(Texts.pad(DAY.format(p.start().atZone(zone)) + " - "
              + DAY.format(p.end().atZone(zone)), 26))
          .append(Texts.pad(DAY.format(p.earliest().start().atZone(zone)), 16))
          .append(DAY.format(p.latest().endExclusive().atZone(zone))).append('\n');
      if (p.isTentative()) {
        out.append(" ".repeat(LABEL_WIDTH)).append("starts once ")
            .append(p.entryCriteria().stream().map(Criterion::id)
                .collect(Collectors.joining(" and ")))
            .append('\n');
      }
    }
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
   * The sessions of {@code days} local days from {@code from}, grouped by day, in local time, and
   * the guidance that holds on each day; each intervention's instructions follow the first time it
   * appears. {@code today} marks the current day; a session ending the next day is marked {@code
   * +1}.
   */
  public static String days(Plan plan, LocalDate from, int days, LocalDate today) {
    requireNonNull(plan, "plan");
    requireNonNull(from, "from");
    requireNonNull(today, "today");
    ZoneId zone = plan.zone();
    StringBuilder out = new StringBuilder();
    Set<String> explained = new HashSet<>();
    for (int d = 0; d < days; d++) {
      LocalDate date = from.plusDays(d);
      Instant dayStart = date.atStartOfDay(zone).toInstant();
      Instant dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant();
      out.append(DAY_YEAR.format(date)).append(date.equals(today) ? " (today)" : "")
          .append('\n');
      for (GuidanceSpan s : plan.guidanceSpans()) {
        if (s.interval().start().isBefore(dayEnd) && dayStart.isBefore(s.interval()
            .endExclusive())) {
          out.append("  all day      ").append(s.intervention().title()).append('\n');
          explain(out, s.intervention().id(), s.intervention().instructions(), explained);
        }
      }
      List<Session> sessions = plan.sessionsOn(date);
      for (Session s : sessions) {
        ZonedDateTime start = s.start().atZone(zone);
        ZonedDateTime end = s.end().atZone(zone);
        String times = TIME.format(start) + "-" + TIME.format(end)
            + (end.toLocalDate().isAfter(date) ? "+1" : "");
        out.append("  ").append(Texts.pad(times, SESSION_INDENT.length() - 2))
            .append(s.intervention().title()).append("  [").append(s.phase().name())
            .append("]\n");
        explain(out, s.intervention().id(), s.intervention().instructions(), explained);
      }
      if (sessions.isEmpty()) {
        out.append("  no sessions\n");
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static void explain(
      StringBuilder out, String interventionId, String instructions, Set<String> explained) {
    if (explained.add(interventionId)) {
      for (String line : Texts.wrap(instructions, TEXT_WIDTH - SESSION_INDENT.length(),
          SESSION_INDENT)) {
        out.append(line).append('\n');
      }
    }
  }

  /** How to import {@code fileName} into the common calendar apps. */
  public static String importHelp(String fileName) {
    requireNonNull(fileName, "fileName");
    return "To import " + fileName + ", best into a new calendar of its own (so that you\n"
        + "can remove the whole plan in one step):\n"
        + "  Google Calendar  on a computer: Settings > Import & export > Import. Google\n"
        + "                   ignores the reminders in imported files and uses the\n"
        + "                   calendar's own notifications instead.\n"
        + "  Apple Calendar   Mac: File > Import. iPhone or iPad: open the file (from Mail\n"
        + "                   or Files) and tap Add All.\n"
        + "  Outlook          File > Open & Export > Import/Export > Import an iCalendar\n"
        + "                   (.ics) file; on the web: Add calendar > Upload from file.\n";
  }
}
