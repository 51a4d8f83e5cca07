package org.rehabplan.ical;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.property.immutable.ImmutableAction;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.jspecify.annotations.Nullable;
import org.rehabplan.Criterion;
import org.rehabplan.Intervention;
import org.rehabplan.Milestone;
import org.rehabplan.Phase;
import org.rehabplan.Plan;
import org.rehabplan.PlannedPhase;
import org.rehabplan.Session;
import org.rehabplan.GuidanceSpan;
import org.rehabplan.Timing;

/**
 * One export: walks the plan once and puts the calendar into a {@link ContentSink}, component by
 * component in file order; with a {@link CalendarUpdate}, each event gets its SEQUENCE and the
 * cancelled events of the previous export follow the plan's events. Depends on the options value
 * ({@link ExportOptions}), not on the exporter. Not thread-safe; used once.
 *
 * <p>UID keys (hashed by {@link Uids}): {@code phase:ID} for a phase ({@code phase:ID/N} for its
 * N-th occurrence after setbacks, N &ge; 2), {@code guidance:SPAN-ID} (also with {@code /N} for
 * repeated occurrences), {@code milestone:ID}, and for sessions {@code series:SESSION-ID} or
 * {@code session:SESSION-ID} with the id of the event's first session (series forms and
 * one-event-per-session form). Session ids survive re-planning (a moved session keeps its id), so
 * a series that moves or is cut short keeps its UID.
 */
final class CalendarAssembler {
  /** The PRODID of every exported calendar. */
  static final String PRODUCT_ID = Texts.PRODUCT_ID;
  /** The X-property telling what a component shows: session, guidance, phase or milestone. */
  static final String ITEM_PROPERTY = Texts.ITEM_PROPERTY;
  /** How long a milestone event lasts. */
  static final Duration MILESTONE_LENGTH = Duration.ofMinutes(15);

  private static final String GENERIC_CALENDAR_NAME = "Rehab plan";
  private static final String REFRESH_INTERVAL = "REFRESH-INTERVAL";
  private static final String PUBLISHED_TTL = "X-PUBLISHED-TTL";

  private final ExportOptions options;
  private final VTimeZones timeZones;
  private final Plan plan;
  private final ContentSink out;
  private final @Nullable CalendarUpdate update;
  private final ZoneId zone;
  private final boolean utcOnly;
  private final Instant stamp;
  private final Uids uids;

  /**
   * @param timeZones the VTIMEZONE cache
   * @param update the update rules relative to a previous export, or null for a plain export
   */
  CalendarAssembler(ExportOptions options, VTimeZones timeZones, Plan plan, ContentSink out,
      @Nullable CalendarUpdate update) {
    this.options = options;
    this.timeZones = timeZones;
    this.plan = plan;
    this.out = out;
    this.update = update;
    this.zone = plan.zone();
    this.utcOnly = isUtcOnly(zone);
    Clock clock = options.clock();
    Instant stampInstant = clock != null ? clock.instant()
        : plan.asOf().orElse(plan.request().injuredAt().toInstant());
    this.stamp = stampInstant.truncatedTo(ChronoUnit.SECONDS);
    this.uids = new Uids(plan);
  }

  /** Whether every date-time of a plan in {@code zone} is written in UTC, without a VTIMEZONE. */
  static boolean isUtcOnly(ZoneId zone) {
    return zone.getRules().isFixedOffset();
  }

  /** The educational-content notice, on the calendar and on every phase event. */
  static final String NOTICE = "Educational content, not medical advice: this plan restates"
      + " general patient-education material and does not replace a clinician's assessment.";


  void assemble() {
    String name = options.name().orElse(
        options.privacyMode() ? GENERIC_CALENDAR_NAME : plan.protocol().title());
    out.begin("VCALENDAR");
    out.text(Property.PRODID, PRODUCT_ID);
    out.constant(ImmutableVersion.VERSION_2_0);
    out.constant(ImmutableCalScale.GREGORIAN);
    out.text(Property.NAME, text(name, "calendar name"));
    out.text("X-WR-CALNAME", text(name, "calendar name"));
    String description = calendarDescription(name);
    out.text(Property.DESCRIPTION, description);
    out.text("X-WR-CALDESC", description);
    Duration refresh = options.refreshInterval();
    if (refresh != null) {
      out.duration(REFRESH_INTERVAL, refresh);
    }
    Duration ttl = options.publishedTtl();
    if (ttl != null) {
      out.duration(PUBLISHED_TTL, ttl);
    }
    Instant last = lastInstant();
    if (!utcOnly) {
      out.text("X-WR-TIMEZONE", zone.getId());
      out.timeZone(timeZones.forRange(zone, plan.interval().start(), last));
    }
    List<PlannedPhase> phases = plan.phases();
    Map<String, Integer> occurrences = new HashMap<>();
    for (int i = 0; i < phases.size(); i++) {
      phaseEvent(phases.get(i), i, phases.size(),
          occurrence("phase:" + phases.get(i).id(), occurrences));
    }
    for (GuidanceSpan span : plan.guidanceSpans()) {
      spanEvent(span, occurrence("guidance:" + span.id(), occurrences));
    }
    for (Milestone milestone : plan.milestones()) {
      milestoneEvent(milestone);
    }
    // A week either side: a weekly rule looks at the whole week of its days.
    ZoneTable table = new ZoneTable(zone, plan.interval().start().minus(Duration.ofDays(8)),
        last.plus(Duration.ofDays(8)));
    RecurrenceEncoder encoder = new RecurrenceEncoder(table, utcOnly);
    List<RecurrenceEncoder.TimedEvent> timed = switch (options.encoding()) {
      case PORTABLE -> encoder.portable(plan.sessions());
      case COMPACT -> encoder.compact(plan.sessions());
      case ONE_EVENT_PER_SESSION -> encoder.oneEach(plan.sessions());
    };
    for (RecurrenceEncoder.TimedEvent e : timed) {
      sessionEvent(e);
    }
    if (update != null) {
      for (CalendarUpdate.Cancelled c : update.cancelled()) {
        cancelledEvent(c);
      }
    }
    out.end("VCALENDAR");
  }

  /**
   * {@code key} the first time, {@code key/N} the N-th time: phases and guidance spans of a phase
   * the person was set back to occur more than once.
   */
  private static String occurrence(String key, Map<String, Integer> seen) {
    int n = seen.merge(key, 1, Integer::sum);
    return n == 1 ? key : key + "/" + n;
  }

  /**
   * An event of the previous export that this version no longer has: its times and rule,
   * STATUS:CANCELLED and a higher SEQUENCE, so that calendars that imported or subscribed to the
   * previous file remove it. Its SUMMARY (checked as new text) only outside privacy mode.
   */
  private void cancelledEvent(CalendarUpdate.Cancelled c) {
    out.begin("VEVENT");
    out.text(Property.UID, c.uid());
    out.stamp(stamp);
    out.integer(Property.SEQUENCE, c.sequence());
    IcsReader.Kept kept = c.kept();
    for (IcsReader.Value v : kept.times()) {
      v.writeTo(out);
    }
    String summary = kept.summary();
    if (summary != null && !options.privacyMode()) {
      out.text(Property.SUMMARY, summary);
    }
    out.constant(ImmutableStatus.VEVENT_CANCELLED);
    String item = kept.item();
    if (item != null) {
      out.text(ITEM_PROPERTY, item);
    }
    out.end("VEVENT");
  }

  /**
   * The calendar's own description: what it is, and that it is educational content, not medical
   * advice.
   */
  private String calendarDescription(String name) {
    return text(name, "calendar name") + ": the sessions, phases and milestones of a"
        + " rehabilitation plan, made by rehabplan from "
        + (options.privacyMode() ? "a protocol" : "the protocol \"" + text(plan.protocol()
            .title(), "protocol title") + "\"")
        + ". Educational content, not medical advice.";
  }

  /** SEQUENCE of the event with {@code uid}, when an update makes it more than 0 (the default). */
  private void sequence(String uid) {
    if (update != null) {
      int n = update.sequence(uid);
      if (n > 0) {
        out.integer(Property.SEQUENCE, n);
      }
    }
  }

  /** The latest instant any timed value of the export refers to. */
  private Instant lastInstant() {
    Instant last = plan.interval().endExclusive();
    if (update != null) {
      last = update.lastInstant(last);
    }
    for (Session s : plan.sessions()) {
      if (s.end().isAfter(last)) {
        last = s.end();
      }
    }
    for (Milestone m : plan.milestones()) {
      Instant end = m.projected().plus(MILESTONE_LENGTH);
      if (end.isAfter(last)) {
        last = end;
      }
    }
    return last;
  }

  // ------------------------------------------------------------------ sessions

  private void sessionEvent(RecurrenceEncoder.TimedEvent e) {
    Session master = e.master();
    Intervention intervention = master.intervention();
    out.begin("VEVENT");
    String id = uid(e.key());
    out.stamp(stamp);
    sequence(id);
    out.dateTime(Property.DTSTART, master.start(), e.utc());
    out.dateTime(Property.DTEND, master.end(), e.utc());
    RecurrenceEncoder.Rule rule = e.rule();
    if (rule != null) {
      out.rule(rule);
      if (!e.exdates().isEmpty()) {
        out.dateList(Property.EXDATE, e.exdates(), e.utc());
      }
    }
    if (!e.rdates().isEmpty()) {
      List<Session> rdates = e.rdates();
      List<Instant> starts = new ArrayList<>(rdates.size());
      for (Session s : rdates) {
        starts.add(s.start());
      }
      out.dateList(Property.RDATE, starts, e.utc());
    }
    String title = options.privacyMode() ? "Rehab session" : text(intervention.title(), "title");
    out.text(Property.SUMMARY, title);
    if (!options.privacyMode()) {
      out.text(Property.DESCRIPTION, sessionDescription(master));
      out.categories(text(master.phase().name(), "phase name"), Texts.kind(intervention.kind()));
    }
    // A session that waits on a criterion not yet reported is a projection, not an appointment:
    // tentative and without a reminder until the re-plan from the reporting check-in.
    out.constant(master.isConditional() ? ImmutableStatus.VEVENT_TENTATIVE
        : ImmutableStatus.VEVENT_CONFIRMED);
    out.text(ITEM_PROPERTY, "session");
    if (hasAlarm(master)) {
      out.begin("VALARM");
      out.constant(ImmutableAction.DISPLAY);
      out.text(Property.DESCRIPTION, title);
      out.trigger(options.alarmMinutes());
      out.end("VALARM");
    }
    out.end("VEVENT");
  }

  /**
   * Whether a timed event's sessions get a display alarm: the one place that decides it. A
   * session that waits on a criterion not yet reported ({@link Session#isConditional()}) gets
   * none: it is not due until the re-plan from the reporting check-in makes it firm.
   */
  private boolean hasAlarm(Session master) {
    return options.alarmMinutes() >= 0 && !master.isConditional();
  }

  private String sessionDescription(Session s) {
    Intervention i = s.intervention();
    Phase phase = s.phase();
    String condition = s.isConditional() ? "Only once you report "
        + s.awaitedCriteria().stream().map(c -> c.id().replace('-', ' '))
            .collect(java.util.stream.Collectors.joining(" and "))
        + " in a check-in; until then this time is a projection, not yet due. "
        + questions(s.awaitedCriteria()) + "\n\n" : "";
    String referral = "";
    if (plan.protocol().referral().map(r -> r.interventionId().equals(i.id())).orElse(false)
        && !plan.referralReasons().isEmpty()) {
      referral = "Get seen by a clinician promptly:\n- "
          + String.join("\n- ", plan.referralReasons().stream()
              .map(r -> text(r, "referral reason")).toList()) + "\n\n";
    }
    return condition + referral + text(i.instructions(), "instructions")
        + "\n\nPhase: " + text(phase.name(), "phase name") + " — " + text(phase.goal(), "goal")
        + "\nHow often: " + i.timing().describe();
  }

  // ------------------------------------------------------------------ all-day and milestones

  private void phaseEvent(PlannedPhase planned, int index, int count, String key) {
    Phase phase = planned.phase();
    out.begin("VEVENT");
    String id = uid(key);
    out.stamp(stamp);
    sequence(id);
    dates(planned.start(), planned.end());
    if (options.privacyMode()) {
      out.text(Property.SUMMARY, "Rehab phase " + (index + 1) + " of " + count);
    } else {
      out.text(Property.SUMMARY, text(phase.name(), "phase name") + " phase");
      out.text(Property.DESCRIPTION, phaseDescription(planned) + "\n\n" + NOTICE);
      out.categories(text(phase.name(), "phase name"), "Phase");
    }
    out.constant(planned.isTentative() ? ImmutableStatus.VEVENT_TENTATIVE
        : ImmutableStatus.VEVENT_CONFIRMED);
    out.constant(ImmutableTransp.TRANSPARENT);
    out.text(ITEM_PROPERTY, "phase");
    out.end("VEVENT");
  }

  private String phaseDescription(PlannedPhase planned) {
    StringBuilder d = new StringBuilder(text(planned.phase().goal(), "goal"));
    d.append("\n\nPlanned ").append(Texts.dateTime(planned.start(), zone)).append(" to ")
        .append(Texts.dateTime(planned.end(), zone)).append(" (").append(zone.getId())
        .append(").");
    if (planned.isTentative()) {
      d.append("\nThis phase starts only once you can answer yes: ")
          .append(questions(planned.entryCriteria()))
          .append("\nEarliest start ").append(Texts.dateTime(planned.earliest().start(), zone))
          .append(", latest ").append(Texts.dateTime(planned.latest().start(), zone)).append('.');
    }
    boolean first = true;
    for (String id : planned.phase().interventionIds()) {
      Intervention i = plan.protocol().intervention(id).orElseThrow();
      if (i.timing() instanceof Timing.AsNeeded) {
        if (first) {
          d.append("\n\nAs needed:");
          first = false;
        }
        d.append("\n- ").append(text(i.title(), "title")).append(" (")
            .append(i.timing().describe()).append("): ")
            .append(text(i.instructions(), "instructions"));
      }
    }
    return d.toString();
  }

  private void spanEvent(GuidanceSpan span, String key) {
    Intervention i = span.intervention();
    out.begin("VEVENT");
    String id = uid(key);
    out.stamp(stamp);
    sequence(id);
    dates(span.interval().start(), span.interval().endExclusive());
    if (options.privacyMode()) {
      out.text(Property.SUMMARY, "Rehab guidance");
    } else {
      out.text(Property.SUMMARY, text(i.title(), "title"));
      out.text(Property.DESCRIPTION, text(i.instructions(), "instructions")
          + "\n\nPhase: " + text(span.phase().name(), "phase name")
          + "\nFrom " + Texts.dateTime(span.interval().start(), zone)
          + " to " + Texts.dateTime(span.interval().endExclusive(), zone)
          + " (" + zone.getId() + ").");
      out.categories(text(span.phase().name(), "phase name"), Texts.kind(i.kind()));
    }
    out.constant(ImmutableTransp.TRANSPARENT);
    out.text(ITEM_PROPERTY, "guidance");
    out.end("VEVENT");
  }

  private void milestoneEvent(Milestone m) {
    out.begin("VEVENT");
    String id = uid("milestone:" + m.id());
    out.stamp(stamp);
    sequence(id);
    Instant start = m.projected();
    Instant end = start.plus(MILESTONE_LENGTH);
    boolean utc = utcOnly || !unambiguous(start) || !unambiguous(end)
        || !zone.getRules().getOffset(start).equals(zone.getRules().getOffset(end));
    out.dateTime(Property.DTSTART, start, utc);
    out.dateTime(Property.DTEND, end, utc);
    if (options.privacyMode()) {
      out.text(Property.SUMMARY, "Rehab milestone");
    } else {
      String name = text(m.phase().name(), "phase name");
      StringBuilder d = new StringBuilder("The ").append(name)
          .append(" phase is projected to begin now (earliest ")
          .append(Texts.dateTime(m.earliest(), zone)).append(", latest ")
          .append(Texts.dateTime(m.latest(), zone)).append(").");
      if (!m.criteria().isEmpty()) {
        d.append("\nIt begins once you can answer yes: ").append(questions(m.criteria()));
      }
      out.text(Property.SUMMARY, "Milestone: " + name + " phase begins");
      out.text(Property.DESCRIPTION, d.toString());
      out.categories(name, "Milestone");
    }
    out.constant(m.criteria().isEmpty() ? ImmutableStatus.VEVENT_CONFIRMED
        : ImmutableStatus.VEVENT_TENTATIVE);
    out.constant(ImmutableTransp.TRANSPARENT);
    out.text(ITEM_PROPERTY, "milestone");
    out.end("VEVENT");
  }

  private String questions(Set<Criterion> criteria) {
    StringBuilder b = new StringBuilder();
    for (Criterion c : criteria) {
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(text(c.question(), "criterion question"));
    }
    return b.toString();
  }

  // ------------------------------------------------------------------ values

  /**
   * DTSTART and exclusive DTEND of an all-day event covering the local days of {@code [start,
   * end)}: the end date is the day after the last day touched.
   */
  private void dates(Instant start, Instant end) {
    LocalDate first = LocalDate.ofInstant(start, zone);
    LocalDateTime endLocal = LocalDateTime.ofInstant(end, zone);
    LocalDate endExclusive = endLocal.toLocalTime().equals(LocalTime.MIDNIGHT)
        ? endLocal.toLocalDate() : endLocal.toLocalDate().plusDays(1);
    if (!endExclusive.isAfter(first)) {
      endExclusive = first.plusDays(1);
    }
    out.date(Property.DTSTART, first);
    out.date(Property.DTEND, endExclusive);
  }

  private boolean unambiguous(Instant t) {
    return zone.getRules().getValidOffsets(LocalDateTime.ofInstant(t, zone)).size() == 1;
  }

  /** Writes the UID of the event with {@code key}; returns it. */
  private String uid(String key) {
    String value = uids.of(key);
    out.text(Property.UID, value);
    return value;
  }

  private static String text(String s, String what) {
    return Texts.checkText(s, what);
  }
}
