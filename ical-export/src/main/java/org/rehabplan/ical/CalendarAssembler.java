package org.rehabplan.ical;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.DateList;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.TextList;
import net.fortuna.ical4j.model.WeekDay;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.Name;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RDate;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Trigger;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableAction;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.transform.recurrence.Frequency;
import org.jspecify.annotations.Nullable;
import org.rehabplan.Criterion;
import org.rehabplan.Intervention;
import org.rehabplan.Milestone;
import org.rehabplan.Phase;
import org.rehabplan.Plan;
import org.rehabplan.PlannedPhase;
import org.rehabplan.Session;
import org.rehabplan.Span;
import org.rehabplan.Timing;

/** One export: builds the calendar of one plan in a single pass. Not thread-safe; used once. */
final class CalendarAssembler {
  /** The PRODID of every exported calendar. */
  static final String PRODUCT_ID = "-//rehabplan//rehabplan ical-export//EN";
  /** The X-property telling what a component shows: session, guidance, phase or milestone. */
  static final String ITEM_PROPERTY = "X-REHABPLAN-ITEM";
  /** How long a milestone event lasts. */
  static final Duration MILESTONE_LENGTH = Duration.ofMinutes(15);

  private static final String GENERIC_CALENDAR_NAME = "Rehab plan";
  private static final HexFormat HEX = HexFormat.of();

  private final IcalExporter options;
  private final Plan plan;
  private final boolean forCaller;
  private final ZoneId zone;
  private final boolean utcOnly;
  private final ParameterList tzParameters;
  private final DtStamp stamp;
  private final byte[] identity;
  private final MessageDigest sha256;

  /**
   * @param forCaller whether the calendar is handed to the caller (then shared components are
   *     copied)
   */
  CalendarAssembler(IcalExporter options, Plan plan, boolean forCaller) {
    this.options = options;
    this.plan = plan;
    this.forCaller = forCaller;
    this.zone = plan.zone();
    this.utcOnly = zone.getRules().isFixedOffset();
    this.tzParameters = new ParameterList(List.of(new TzId(zone.getId())));
    Instant stampInstant = options.clock().map(java.time.Clock::instant)
        .orElse(plan.request().injuredAt().toInstant());
    this.stamp = new DtStamp(stampInstant.truncatedTo(ChronoUnit.SECONDS));
    this.identity = (plan.protocol().id() + '\u0000' + plan.request().injuredAt().toInstant()
        + '\u0000' + zone.getId() + '\u0000' + plan.request().severity() + '\u0000'
        + plan.request().wakingHours().wake() + '\u0000' + plan.request().wakingHours().sleep()
        + '\u0000').getBytes(StandardCharsets.UTF_8);
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  Calendar assemble() {
    List<CalendarComponent> components = new ArrayList<>();
    if (!utcOnly) {
      VTimeZone vtz = options.timeZones().forRange(zone, plan.span().start(), lastInstant());
      components.add(forCaller ? vtz.copy() : vtz);
    }
    List<PlannedPhase> phases = plan.phases();
    for (int i = 0; i < phases.size(); i++) {
      components.add(phaseEvent(phases.get(i), i, phases.size()));
    }
    for (Span span : plan.spans()) {
      components.add(spanEvent(span));
    }
    for (Milestone milestone : plan.milestones()) {
      components.add(milestoneEvent(milestone));
    }
    SeriesPlanner planner = new SeriesPlanner(zone, utcOnly);
    List<SeriesPlanner.TimedEvent> timed = options.oneEventPerSession()
        ? planner.oneEach(plan.sessions()) : planner.compact(plan.sessions());
    for (SeriesPlanner.TimedEvent e : timed) {
      components.add(sessionEvent(e));
    }

    String name = options.calendarName().orElse(
        options.privacyMode() ? GENERIC_CALENDAR_NAME : plan.protocol().title());
    List<Property> properties = new ArrayList<>(7);
    properties.add(new ProdId(PRODUCT_ID));
    properties.add(ImmutableVersion.VERSION_2_0);
    properties.add(ImmutableCalScale.GREGORIAN);
    properties.add(new Name(text(name, "calendar name")));
    properties.add(new XProperty("X-WR-CALNAME", text(name, "calendar name")));
    if (!utcOnly) {
      properties.add(new XProperty("X-WR-TIMEZONE", zone.getId()));
    }
    return new Calendar(new PropertyList(properties), new ComponentList<>(components));
  }

  /** The latest instant any timed value of the export refers to. */
  private Instant lastInstant() {
    Instant last = plan.span().endExclusive();
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

  private VEvent sessionEvent(SeriesPlanner.TimedEvent e) {
    Session master = e.master();
    Intervention intervention = master.intervention();
    List<Property> p = new ArrayList<>(14);
    p.add(uid(e.key()));
    p.add(stamp);
    addStartEnd(p, master.start(), master.end(), e.utc());
    SeriesPlanner.Rule rule = e.rule();
    if (rule != null) {
      p.add(new RRule<>(recur(rule)));
      if (!e.exdates().isEmpty()) {
        p.add(e.utc() ? new ExDate<>(new DateList<>(utc(e.exdates())))
            : new ExDate<>(tzParameters, new DateList<>(local(e.exdates()))));
      }
    }
    if (!e.rdates().isEmpty()) {
      List<Instant> starts = e.rdates().stream().map(Session::start).toList();
      p.add(e.utc() ? new RDate<>(new DateList<>(utc(starts)))
          : new RDate<>(tzParameters, new DateList<>(local(starts))));
    }
    String title = options.privacyMode() ? "Rehab session" : text(intervention.title(), "title");
    p.add(new Summary(title));
    if (!options.privacyMode()) {
      p.add(new Description(sessionDescription(master)));
      p.add(new Categories(new TextList(
          text(master.phase().name(), "phase name"), Texts.kind(intervention.kind()))));
    }
    p.add(new XProperty(ITEM_PROPERTY, "session"));
    if (options.alarmMinutesBefore().isPresent()) {
      int minutes = options.alarmMinutesBefore().getAsInt();
      VAlarm alarm = new VAlarm(new PropertyList(List.of(
          ImmutableAction.DISPLAY,
          new Description(title),
          new Trigger(Duration.ofMinutes(-minutes)))));
      return new VEvent(new PropertyList(p), new ComponentList<>(List.of(alarm)));
    }
    return new VEvent(new PropertyList(p));
  }

  private String sessionDescription(Session s) {
    Intervention i = s.intervention();
    Phase phase = s.phase();
    return text(i.instructions(), "instructions")
        + "\n\nPhase: " + text(phase.name(), "phase name") + " — " + text(phase.goal(), "goal")
        + "\nHow often: " + i.timing().describe();
  }

  private Recur<Temporal> recur(SeriesPlanner.Rule rule) {
    Recur.Builder<Temporal> b = new Recur.Builder<Temporal>()
        .frequency(rule.frequency() == SeriesPlanner.Frequency.DAILY
            ? Frequency.DAILY : Frequency.WEEKLY)
        .until(rule.until().truncatedTo(ChronoUnit.SECONDS));
    if (!rule.days().isEmpty()) {
      b.dayList(rule.days().stream().map(WeekDay::getWeekDay).toList());
    }
    if (rule.hours().size() > 1) {
      b.hourList(rule.hours()).minuteList(List.of(rule.minute()));
    }
    return b.build();
  }

  // ------------------------------------------------------------------ all-day and milestones

  private VEvent phaseEvent(PlannedPhase planned, int index, int count) {
    Phase phase = planned.phase();
    List<Property> p = new ArrayList<>(12);
    p.add(uid("phase:" + phase.id()));
    p.add(stamp);
    addDates(p, planned.start(), planned.end());
    if (options.privacyMode()) {
      p.add(new Summary("Rehab phase " + (index + 1) + " of " + count));
    } else {
      p.add(new Summary(text(phase.name(), "phase name") + " phase"));
      p.add(new Description(phaseDescription(planned)));
      p.add(new Categories(new TextList(text(phase.name(), "phase name"), "Phase")));
    }
    p.add(planned.isTentative() ? ImmutableStatus.VEVENT_TENTATIVE
        : ImmutableStatus.VEVENT_CONFIRMED);
    p.add(ImmutableTransp.TRANSPARENT);
    p.add(new XProperty(ITEM_PROPERTY, "phase"));
    return new VEvent(new PropertyList(p));
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

  private VEvent spanEvent(Span span) {
    Intervention i = span.intervention();
    List<Property> p = new ArrayList<>(12);
    p.add(uid("guidance:" + span.id()));
    p.add(stamp);
    addDates(p, span.interval().start(), span.interval().endExclusive());
    if (options.privacyMode()) {
      p.add(new Summary("Rehab guidance"));
    } else {
      p.add(new Summary(text(i.title(), "title")));
      p.add(new Description(text(i.instructions(), "instructions")
          + "\n\nPhase: " + text(span.phase().name(), "phase name")
          + "\nFrom " + Texts.dateTime(span.interval().start(), zone)
          + " to " + Texts.dateTime(span.interval().endExclusive(), zone)
          + " (" + zone.getId() + ")."));
      p.add(new Categories(new TextList(
          text(span.phase().name(), "phase name"), Texts.kind(i.kind()))));
    }
    p.add(ImmutableTransp.TRANSPARENT);
    p.add(new XProperty(ITEM_PROPERTY, "guidance"));
    return new VEvent(new PropertyList(p));
  }

  private VEvent milestoneEvent(Milestone m) {
    List<Property> p = new ArrayList<>(12);
    p.add(uid("milestone:" + m.id()));
    p.add(stamp);
    Instant start = m.projected();
    Instant end = start.plus(MILESTONE_LENGTH);
    boolean utc = utcOnly || !unambiguous(start) || !unambiguous(end);
    addStartEnd(p, start, end, utc);
    if (options.privacyMode()) {
      p.add(new Summary("Rehab milestone"));
    } else {
      String name = text(m.phase().name(), "phase name");
      StringBuilder d = new StringBuilder("The ").append(name)
          .append(" phase is projected to begin now (earliest ")
          .append(Texts.dateTime(m.earliest(), zone)).append(", latest ")
          .append(Texts.dateTime(m.latest(), zone)).append(").");
      if (!m.criteria().isEmpty()) {
        d.append("\nIt begins once you can answer yes: ").append(questions(m.criteria()));
      }
      p.add(new Summary("Milestone: " + name + " phase begins"));
      p.add(new Description(d.toString()));
      p.add(new Categories(new TextList(name, "Milestone")));
    }
    p.add(m.criteria().isEmpty() ? ImmutableStatus.VEVENT_CONFIRMED
        : ImmutableStatus.VEVENT_TENTATIVE);
    p.add(ImmutableTransp.TRANSPARENT);
    p.add(new XProperty(ITEM_PROPERTY, "milestone"));
    return new VEvent(new PropertyList(p));
  }

  private String questions(Set<Criterion> criteria) {
    return criteria.stream().map(c -> text(c.question(), "criterion question"))
        .collect(Collectors.joining(" "));
  }

  // ------------------------------------------------------------------ values

  /** DTSTART and DTEND of a timed event: local time with TZID, or UTC. */
  private void addStartEnd(List<Property> p, Instant start, Instant end, boolean utc) {
    if (utc) {
      p.add(new DtStart<>(start.truncatedTo(ChronoUnit.SECONDS)));
      p.add(new DtEnd<>(end.truncatedTo(ChronoUnit.SECONDS)));
    } else {
      p.add(new DtStart<>(tzParameters, local(start)));
      p.add(new DtEnd<>(tzParameters, local(end)));
    }
  }

  /**
   * DTSTART and exclusive DTEND of an all-day event covering the local days of {@code [start,
   * end)}: the end date is the day after the last day touched.
   */
  private static void addDates(List<Property> p, LocalDate first, LocalDate endExclusive) {
    p.add(new DtStart<>(first));
    p.add(new DtEnd<>(endExclusive));
  }

  private void addDates(List<Property> p, Instant start, Instant end) {
    LocalDate first = LocalDate.ofInstant(start, zone);
    LocalDateTime endLocal = LocalDateTime.ofInstant(end, zone);
    LocalDate endExclusive = endLocal.toLocalTime().equals(LocalTime.MIDNIGHT)
        ? endLocal.toLocalDate() : endLocal.toLocalDate().plusDays(1);
    if (!endExclusive.isAfter(first)) {
      endExclusive = first.plusDays(1);
    }
    addDates(p, first, endExclusive);
  }

  private LocalDateTime local(Instant t) {
    return LocalDateTime.ofInstant(t, zone).truncatedTo(ChronoUnit.SECONDS);
  }

  private List<LocalDateTime> local(List<Instant> instants) {
    List<LocalDateTime> out = new ArrayList<>(instants.size());
    for (Instant t : instants) {
      out.add(local(t));
    }
    return out;
  }

  private static List<Instant> utc(List<Instant> instants) {
    List<Instant> out = new ArrayList<>(instants.size());
    for (Instant t : instants) {
      out.add(t.truncatedTo(ChronoUnit.SECONDS));
    }
    return out;
  }

  private boolean unambiguous(Instant t) {
    return zone.getRules().getValidOffsets(LocalDateTime.ofInstant(t, zone)).size() == 1;
  }

  private Uid uid(String key) {
    sha256.reset();
    sha256.update(identity);
    sha256.update(key.getBytes(StandardCharsets.UTF_8));
    byte[] hash = sha256.digest();
    return new Uid(HEX.formatHex(hash, 0, 16) + "@rehabplan");
  }

  private static String text(String s, String what) {
    return Texts.checkText(s, what);
  }
}
