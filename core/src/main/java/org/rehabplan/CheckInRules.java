package org.rehabplan;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * The checks a check-in log passes before re-planning: every criterion it reports is one of the
 * protocol's, and no check-in reports a criterion together with a value that contradicts it.
 * Package-private; used by {@link Scheduler#replan}.
 */
final class CheckInRules {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT);

  private CheckInRules() {}

  /**
   * Refuses a log that reports an unknown criterion or a contradicted one.
   *
   * @throws PlanningException naming the check-in, the criterion and the rule
   */
  static void check(Protocol protocol, ProgressLog log, ZoneId zone) {
    for (CheckIn c : log.checkIns()) {
      for (String id : c.criteriaMet()) {
        Optional<Criterion> criterion = protocol.criterion(id);
        if (criterion.isEmpty()) {
          throw new PlanningException(String.format(Locale.ROOT,
              "check-in %s reports criterion \"%s\", which protocol %s does not have; its"
                  + " criteria: %s", when(c, zone), id, protocol.id(), criteriaOf(protocol)));
        }
        Optional<String> why = criterion.get().contradictionIn(c);
        if (why.isPresent()) {
          throw new PlanningException("check-in " + when(c, zone) + ": " + why.get());
        }
      }
    }
  }

  /** The protocol's criteria ids, comma-separated, in phase order. */
  static String criteriaOf(Protocol protocol) {
    return String.join(", ", protocol.criteria().stream().map(Criterion::id).toList());
  }

  /** The check-in's local time, or its instant where no local date-time can hold it. */
  private static String when(CheckIn c, ZoneId zone) {
    try {
      return WHEN.format(c.at().atZone(zone));
    } catch (DateTimeException e) {
      return c.at().toString();
    }
  }
}
