package org.rehabplan.examples.cli;

import static java.util.Objects.requireNonNull;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.rehabplan.Plan;
import org.rehabplan.Session;

/**
 * A plan's sessions as CSV (RFC 4180, CRLF line ends): a header {@code
 * session_id,intervention_id,kind,phase_id,start,end,title}, then one line per session in plan order,
 * with start and end as ISO-8601 date-times with the offset in the plan's zone, e.g. {@code
 * 2027-03-27T18:30:00+01:00}, and the session's title last (quoted when it holds a comma, quote or
 * line break).
 */
public final class SessionsCsv {
  /** The header line, without its line end. */
  public static final String HEADER = "session_id,intervention_id,kind,phase_id,start,end,title";

  private static final DateTimeFormatter OFFSET_DATE_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);

  private SessionsCsv() {}

  /** The CSV text of {@code plan}'s sessions. */
  public static String of(Plan plan) {
    requireNonNull(plan, "plan");
    ZoneId zone = plan.zone();
    StringBuilder out = new StringBuilder(HEADER).append("\r\n");
    for (Session s : plan.sessions()) {
      out.append(field(s.id())).append(',')
          .append(field(s.intervention().id())).append(',')
          .append(s.intervention().kind().name()).append(',')
          .append(field(s.phase().id())).append(',')
          .append(OFFSET_DATE_TIME.format(s.start().atZone(zone))).append(',')
          .append(OFFSET_DATE_TIME.format(s.end().atZone(zone))).append(',')
          .append(field(s.intervention().title())).append("\r\n");
    }
    return out.toString();
  }

  private static String field(String value) {
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0
        && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}
