package org.rehabplan.ical;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalInt;
import net.fortuna.ical4j.model.Calendar;
import org.jspecify.annotations.Nullable;
import org.rehabplan.Plan;

/**
 * Exports a {@link Plan} as an iCalendar (RFC 5545) file: import it into Google Calendar, Apple
 * Calendar, Outlook or Thunderbird and see the plan's sessions at the plan's instants, in the
 * person's time zone, with the instructions attached. Immutable and thread-safe; build with
 * {@link #builder()}.
 *
 * <pre>{@code
 * IcalExporter exporter = IcalExporter.builder().calendarName("Hamstring rehab").build();
 * String ics = exporter.toIcs(plan);
 * }</pre>
 *
 * <h2>What the calendar holds</h2>
 *
 * <ul>
 *   <li>Every session as a timed event: SUMMARY the intervention's title, DESCRIPTION its
 *       instructions, phase and timing, CATEGORIES the phase and the kind, DTSTART/DTEND with the
 *       person's TZID, and a display alarm {@linkplain Builder#alarmMinutesBefore(int) some
 *       minutes before} unless {@linkplain Builder#noAlarms() turned off}. By default sessions that
 *       repeat are written compactly as one event with an RRULE ({@code FREQ=DAILY} or {@code
 *       FREQ=WEEKLY;BYDAY=..}, {@code BYHOUR}/{@code BYMINUTE} for several times a day, UTC {@code
 *       UNTIL}) plus EXDATEs, or as an RDATE list; {@linkplain Builder#oneEventPerSession(boolean)
 *       one event per session} on request. Either way the file expands to exactly the plan's
 *       sessions.
 *   <li>Continuous guidance and the phases as all-day events ({@code VALUE=DATE}, exclusive DTEND,
 *       TRANSP:TRANSPARENT); a phase whose start depends on criteria not yet met is
 *       STATUS:TENTATIVE, and its event lists the as-needed interventions (which get no timed
 *       events).
 *   <li>The milestones (projected phase starts) as short transparent events.
 * </ul>
 *
 * <h2>RFC 5545</h2>
 *
 * <p>Lines end in CRLF and are folded at 75 octets without splitting a UTF-8 sequence; TEXT values
 * are escaped. Every component has a UID and a UTC DTSTAMP. UIDs are hashes of the plan's identity
 * (protocol, injury instant, zone, severity, waking hours) and the event's series, so they hold no
 * personal data and stay the same when an unchanged plan is exported again. DTSTAMP is the injury
 * instant (for a re-planned plan, its {@linkplain Plan#asOf() moment of re-planning}), or the
 * instant of an {@linkplain Builder#clock(Clock) injected clock}: equal plans and options give
 * byte-identical files. The VTIMEZONE is written from the JDK's zone rules (the rules
 * the scheduler used); zones with a fixed offset are written in UTC, without TZID. iCalendar has
 * whole seconds: fractions of a second in a plan are dropped.
 *
 * <h2>Calendar updates</h2>
 *
 * <p>A re-planned plan ({@link org.rehabplan.Scheduler#replan}) exported as an update of an
 * earlier export ({@link #toIcs(Plan, Plan)}, {@link #toBytes(Plan, byte[])} and their siblings)
 * updates what the person imported or subscribed to instead of duplicating it:
 *
 * <ul>
 *   <li>UIDs depend only on the plan's identity (protocol id, injury instant, zone, severity,
 *       waking hours; not its version, moment of re-planning or check-ins) and the event's key:
 *       the phase (and its occurrence after a setback), the guidance span, the milestone, or the
 *       id of the first session of a timed event. Sessions keep their ids when re-planning moves
 *       them, so a series that moves, or is cut short, keeps its UID.
 *   <li>Events are matched by UID with the previous export. Content the same (every line but
 *       DTSTAMP and SEQUENCE, alarms included): SEQUENCE kept. Content changed: the previous
 *       SEQUENCE + 1. An event of the previous export that this version lacks (a series split at a
 *       phase change starts a new UID, for instance) is written again with STATUS:CANCELLED and
 *       SEQUENCE + 1, with its DTSTART, DTEND, RRULE, EXDATE, RDATE and SUMMARY, so that clients
 *       match and remove it; cancelled events stay in every later update. SEQUENCE 0 is the
 *       default and not written.
 *   <li>A client that keeps, for each UID, the event with the highest SEQUENCE and drops
 *       cancelled ones sees exactly the new version's sessions. An update that changes nothing is
 *       byte for byte the plain export; the same update made twice gives the same bytes.
 *   <li>For a chain of versions pass the file written last ({@link #toBytes(Plan, byte[])}):
 *       SEQUENCE then never decreases along the chain. {@link #toBytes(Plan, Plan)} compares with
 *       the plain export of the previous version, as if that was the file written last.
 *   <li>The previous export should be made with the same options: with others (compact against
 *       one event per session, say) the UIDs or contents differ, and the update cancels and
 *       replaces more events than needed, still correctly. In privacy mode cancelled events carry
 *       no SUMMARY.
 *   <li>No METHOD is written (a plain iCalendar object for import and subscription, not an iTIP
 *       message).
 * </ul>
 *
 * <p>iCal4j's time-zone updates over the network are switched off: loading this class sets the
 * system property {@value #TIMEZONE_UPDATE_PROPERTY} to {@code false} unless it is already set.
 * The exporter never asks iCal4j's time-zone registry for a zone.
 */
public final class IcalExporter {
  /** iCal4j's switch for fetching time-zone definitions over the network. */
  public static final String TIMEZONE_UPDATE_PROPERTY =
      "net.fortuna.ical4j.timezone.update.enabled";

  /** The alarm lead when none is set: 10 minutes. */
  public static final int DEFAULT_ALARM_MINUTES = 10;

  /** The longest alarm lead accepted: one week, in minutes. */
  public static final int MAX_ALARM_MINUTES = 7 * 24 * 60;

  /** The longest calendar name accepted, in characters. */
  public static final int MAX_NAME_LENGTH = 255;

  static {
    System.getProperties().putIfAbsent(TIMEZONE_UPDATE_PROPERTY, "false");
  }

  private final @Nullable String calendarName;
  private final int alarmMinutes;
  private final boolean oneEventPerSession;
  private final boolean privacyMode;
  private final @Nullable Clock clock;
  private final VTimeZones timeZones = new VTimeZones();

  private IcalExporter(Builder b) {
    this.calendarName = b.calendarName == null ? null : Texts.checkName(b.calendarName);
    if (b.alarms && (b.alarmMinutes < 0 || b.alarmMinutes > MAX_ALARM_MINUTES)) {
      throw new IllegalArgumentException("alarm lead must be between 0 and " + MAX_ALARM_MINUTES
          + " minutes: " + b.alarmMinutes);
    }
    this.alarmMinutes = b.alarms ? b.alarmMinutes : -1;
    this.oneEventPerSession = b.oneEventPerSession;
    this.privacyMode = b.privacyMode;
    this.clock = b.clock;
  }

  /** A builder with the defaults: compact, 10-minute alarms, full text, DTSTAMP from the plan. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this exporter's options, to make a modified copy. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.calendarName = calendarName;
    b.alarms = alarmMinutes >= 0;
    b.alarmMinutes = alarmMinutes >= 0 ? alarmMinutes : DEFAULT_ALARM_MINUTES;
    b.oneEventPerSession = oneEventPerSession;
    b.privacyMode = privacyMode;
    b.clock = clock;
    return b;
  }

  /**
   * The plan as an iCal4j calendar. The calendar is new and not shared; it is not validated here
   * (call {@link Calendar#validate()} if you need to).
   *
   * @throws NullPointerException if {@code plan} is null
   * @throws IllegalArgumentException if a text of the plan holds a control character other than a
   *     line feed
   */
  public Calendar toCalendar(Plan plan) {
    requireNonNull(plan, "plan");
    Ical4jSink sink = new Ical4jSink(plan.zone(), true);
    new CalendarAssembler(this, plan, sink).assemble();
    return sink.calendar();
  }

  /**
   * The plan as iCalendar text: CRLF line ends, folded at 75 octets.
   *
   * @throws NullPointerException if {@code plan} is null
   * @throws IllegalArgumentException as {@link #toCalendar(Plan)}
   */
  public String toIcs(Plan plan) {
    return new String(toBytes(plan), StandardCharsets.UTF_8);
  }

  /**
   * The plan as the UTF-8 bytes of an {@code .ics} file.
   *
   * @throws NullPointerException if {@code plan} is null
   * @throws IllegalArgumentException as {@link #toCalendar(Plan)}
   */
  public byte[] toBytes(Plan plan) {
    requireNonNull(plan, "plan");
    // The content lines go straight into bytes: the same file as Folding.fold(toCalendar(plan)
    // .toString()), without the model (4x faster compact, 10x expanded; benchmarks/RESULTS.md).
    int sessions = plan.sessions().size();
    IcsWriter writer = new IcsWriter(plan.zone(),
        16 * 1024 + sessions * (oneEventPerSession ? 768 : 32));
    new CalendarAssembler(this, plan, writer).assemble();
    return writer.toByteArray();
  }

  /**
   * Writes the UTF-8 bytes of the plan's {@code .ics} file to {@code out}, then flushes it; does
   * not close it. The file is built completely before the first byte is written, so a bad plan
   * leaves the stream untouched.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException as {@link #toCalendar(Plan)}
   * @throws IOException if writing fails
   */
  public void write(Plan plan, OutputStream out) throws IOException {
    requireNonNull(plan, "plan");
    requireNonNull(out, "out");
    byte[] bytes = toBytes(plan);
    out.write(bytes);
    out.flush();
  }

  // ------------------------------------------------------------------ updates

  /**
   * The plan as an iCal4j calendar that updates the plain export of {@code previous} made with
   * these options (see Calendar updates in the class documentation).
   *
   * @param previous an earlier version of the same plan (same protocol and request), typically
   *     the first one
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code previous} is a plan of another protocol or request,
   *     or as {@link #toCalendar(Plan)}
   */
  public Calendar toCalendar(Plan plan, Plan previous) {
    return toCalendar(plan, toBytes(checkSamePlan(plan, previous)));
  }

  /**
   * The plan as an iCal4j calendar that updates {@code previousExport}, the file written before
   * for an earlier version of the same plan with these options (a plain export or an update).
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code previousExport} is not a calendar written by this
   *     exporter for the plan's time zone, holds a UID twice, or as {@link #toCalendar(Plan)}
   */
  public Calendar toCalendar(Plan plan, byte[] previousExport) {
    requireNonNull(plan, "plan");
    requireNonNull(previousExport, "previousExport");
    CalendarUpdate update = update(plan, previousExport);
    Ical4jSink sink = new Ical4jSink(plan.zone(), true);
    new CalendarAssembler(this, plan, sink, update).assemble();
    return sink.calendar();
  }

  /**
   * The plan as iCalendar text that updates the plain export of {@code previous}.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException as {@link #toCalendar(Plan, Plan)}
   */
  public String toIcs(Plan plan, Plan previous) {
    return new String(toBytes(plan, previous), StandardCharsets.UTF_8);
  }

  /**
   * The plan as iCalendar text that updates {@code previousExport}.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException as {@link #toCalendar(Plan, byte[])}
   */
  public String toIcs(Plan plan, byte[] previousExport) {
    return new String(toBytes(plan, previousExport), StandardCharsets.UTF_8);
  }

  /**
   * The UTF-8 bytes of an {@code .ics} file that updates the plain export of {@code previous}.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException as {@link #toCalendar(Plan, Plan)}
   */
  public byte[] toBytes(Plan plan, Plan previous) {
    return toBytes(plan, toBytes(checkSamePlan(plan, previous)));
  }

  /**
   * The UTF-8 bytes of an {@code .ics} file that updates {@code previousExport}, the file written
   * before: pass each written file to the next update for a chain of versions.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException as {@link #toCalendar(Plan, byte[])}
   */
  public byte[] toBytes(Plan plan, byte[] previousExport) {
    requireNonNull(plan, "plan");
    requireNonNull(previousExport, "previousExport");
    byte[] plain = toBytes(plan);
    CalendarUpdate update = CalendarUpdate.between(plain, previousExport, plan.zone(),
        CalendarAssembler.isUtcOnly(plan.zone()));
    if (update.isEmpty()) {
      return plain;
    }
    IcsWriter writer = new IcsWriter(plan.zone(), plain.length + 4096);
    new CalendarAssembler(this, plan, writer, update).assemble();
    return writer.toByteArray();
  }

  /**
   * Writes the bytes of {@link #toBytes(Plan, Plan)} to {@code out}, then flushes it; does not
   * close it.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException as {@link #toCalendar(Plan, Plan)}
   * @throws IOException if writing fails
   */
  public void write(Plan plan, Plan previous, OutputStream out) throws IOException {
    requireNonNull(out, "out");
    byte[] bytes = toBytes(plan, previous);
    out.write(bytes);
    out.flush();
  }

  /**
   * Writes the bytes of {@link #toBytes(Plan, byte[])} to {@code out}, then flushes it; does not
   * close it.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException as {@link #toCalendar(Plan, byte[])}
   * @throws IOException if writing fails
   */
  public void write(Plan plan, byte[] previousExport, OutputStream out) throws IOException {
    requireNonNull(out, "out");
    byte[] bytes = toBytes(plan, previousExport);
    out.write(bytes);
    out.flush();
  }

  private CalendarUpdate update(Plan plan, byte[] previousExport) {
    return CalendarUpdate.between(toBytes(plan), previousExport, plan.zone(),
        CalendarAssembler.isUtcOnly(plan.zone()));
  }

  private static Plan checkSamePlan(Plan plan, Plan previous) {
    requireNonNull(plan, "plan");
    requireNonNull(previous, "previous");
    if (!plan.protocol().id().equals(previous.protocol().id())
        || !plan.request().equals(previous.request())) {
      throw new IllegalArgumentException("previous is not a version of the same plan: "
          + previous + " and " + plan);
    }
    return previous;
  }

  /** The calendar name, if set; otherwise the protocol's title is used (or a generic name). */
  public Optional<String> calendarName() {
    return Optional.ofNullable(calendarName);
  }

  /** Minutes between a session's alarm and its start, or empty when alarms are off. */
  public OptionalInt alarmMinutesBefore() {
    return alarmMinutes < 0 ? OptionalInt.empty() : OptionalInt.of(alarmMinutes);
  }

  /** Whether each session is written as its own event instead of the compact series form. */
  public boolean oneEventPerSession() {
    return oneEventPerSession;
  }

  /** Whether personal text is left out: generic titles only, no descriptions or categories. */
  public boolean privacyMode() {
    return privacyMode;
  }

  /** The clock that supplies DTSTAMP, if one was injected; otherwise DTSTAMP is the injury. */
  public Optional<Clock> clock() {
    return Optional.ofNullable(clock);
  }

  VTimeZones timeZones() {
    return timeZones;
  }

  @Override
  public String toString() {
    return "IcalExporter[name=" + calendarName + ", alarm="
        + (alarmMinutes < 0 ? "off" : alarmMinutes + " min")
        + (oneEventPerSession ? ", one event per session" : ", compact")
        + (privacyMode ? ", privacy mode" : "") + (clock == null ? "" : ", clock=" + clock) + "]";
  }

  /** Collects an exporter's options; {@link #build()} validates them all at once. */
  public static final class Builder {
    private @Nullable String calendarName;
    private boolean alarms = true;
    private int alarmMinutes = DEFAULT_ALARM_MINUTES;
    private boolean oneEventPerSession;
    private boolean privacyMode;
    private @Nullable Clock clock;

    private Builder() {}

    /**
     * Sets the calendar's display name (NAME and X-WR-CALNAME): not blank, no control characters,
     * at most {@value IcalExporter#MAX_NAME_LENGTH} characters. Default: the protocol's title, or
     * "Rehab plan" in privacy mode.
     */
    public Builder calendarName(String calendarName) {
      this.calendarName = requireNonNull(calendarName, "calendarName");
      return this;
    }

    /**
     * Sets the display alarm of each session to {@code minutes} before its start (0 to {@value
     * IcalExporter#MAX_ALARM_MINUTES}); default {@value IcalExporter#DEFAULT_ALARM_MINUTES}.
     */
    public Builder alarmMinutesBefore(int minutes) {
      this.alarms = true;
      this.alarmMinutes = minutes;
      return this;
    }

    /** Turns alarms off; {@link #alarmMinutesBefore(int)} turns them on again. */
    public Builder noAlarms() {
      this.alarms = false;
      return this;
    }

    /**
     * Whether to write one event per session (for clients that want that) instead of the compact
     * form with recurrence rules; default {@code false}.
     */
    public Builder oneEventPerSession(boolean oneEventPerSession) {
      this.oneEventPerSession = oneEventPerSession;
      return this;
    }

    /**
     * Whether to leave out personal text: events get generic titles ("Rehab session", "Rehab
     * phase 1 of 4") and no descriptions or categories; default {@code false}.
     */
    public Builder privacyMode(boolean privacyMode) {
      this.privacyMode = privacyMode;
      return this;
    }

    /** Sets the clock whose instant becomes every DTSTAMP; default: the plan's injury instant. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /** Validates the options and builds the exporter. */
    public IcalExporter build() {
      return new IcalExporter(this);
    }
  }
}
