package org.rehabplan;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The algorithm behind {@link Scheduler#replan}: checks the check-ins against the plan, takes the
 * phase time-line from them ({@link PhaseTimeline#fromCheckIns}), expands the sessions ({@link
 * SessionExpander}) and merges them with the history (sessions that started before now keep their
 * times and ids; future sessions continue the ids).
 */
final class Replanner {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT);

  private static final Instant EARLIEST_LOCAL = LocalDateTime.MIN.toInstant(ZoneOffset.MIN);
  private static final Instant LATEST_LOCAL = LocalDateTime.MAX.toInstant(ZoneOffset.MAX);

  private Replanner() {}

  static Plan replan(Plan previous, ProgressLog log, Instant now) {
    ZoneId zone = previous.zone();
    Instant injury = previous.request().injuredAt().toInstant();
    PlanRequest.checkSupportedYear(now, zone, "now");
    if (now.isBefore(injury)) {
      throw new PlanningException("now (" + when(now, zone) + ") is before the injury ("
          + when(injury, zone) + ")");
    }
    previous.asOf().ifPresent(asOf -> {
      if (now.isBefore(asOf)) {
        throw new PlanningException("now (" + when(now, zone) + ") is before the previous plan"
            + " was re-planned (" + when(asOf, zone) + ")");
      }
    });
    for (CheckIn c : log.checkIns()) {
      if (c.at().isAfter(now)) {
        throw new PlanningException("the check-in at " + when(c.at(), zone) + " is after now ("
            + when(now, zone) + ")");
      }
      if (c.at().isBefore(injury)) {
        throw new PlanningException("the check-in at " + when(c.at(), zone)
            + " is before the injury (" + when(injury, zone) + ")");
      }
    }
    Protocol protocol = previous.protocol();
    PlanRequest request = previous.request();
    PhaseTimeline.Result timeline = PhaseTimeline.fromCheckIns(protocol, request, log, now);
    SessionExpander expander = new SessionExpander(protocol, request, timeline.occurrences());
    SessionExpander.Expansion expansion = expander.expand();

    List<Session> sessions = new ArrayList<>();
    Map<String, Instant> historyEnd = new HashMap<>();
    Map<String, Integer> ordinals = new HashMap<>();
    for (Session s : previous.sessions()) {
      if (s.start().isBefore(now)) {
        sessions.add(s);
        historyEnd.merge(s.intervention().id(), s.end(), (a, b) -> a.isAfter(b) ? a : b);
        int slash = s.id().lastIndexOf('/');
        ordinals.merge(s.id().substring(0, slash + 1),
            Integer.parseInt(s.id().substring(slash + 1)), Math::max);
      }
    }
    List<SessionExpander.Draft> future = new ArrayList<>();
    for (SessionExpander.Draft d : expansion.drafts()) {
      Instant busyUntil = historyEnd.get(d.intervention().id());
      if (!d.interval().start().isBefore(now)
          && (busyUntil == null || !d.interval().start().isBefore(busyUntil))) {
        future.add(d);
      }
    }
    sessions.addAll(expander.assignIds(future, ordinals));
    return new Plan(protocol, request, timeline.occurrences(), sessions, expansion.spans(),
        PhaseTimeline.milestones(timeline.occurrences()), previous.version() + 1, now, log,
        timeline.adjustments());
  }

  private static String when(Instant t, ZoneId zone) {
    // A check-in may lie far outside the years a ZonedDateTime holds: then the instant as it is.
    return t.isAfter(LATEST_LOCAL) || t.isBefore(EARLIEST_LOCAL) ? t.toString()
        : WHEN.format(t.atZone(zone));
  }
}
