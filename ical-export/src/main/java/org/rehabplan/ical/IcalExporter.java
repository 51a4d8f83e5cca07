package org.rehabplan.ical;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;
import org.rehabplan.CalendarState;
import org.rehabplan.Plan;

/**
 * Exports a {@link Plan} as an iCalendar (RFC 5545) file: import it into Google Calendar, Apple
 * Calendar, Outlook or Thunderbird and see the plan's sessions at the plan's instants, in the
 * person's time zone, with the instructions attached. Two verbs: {@link #export(Plan)} and {@link
 * #update(Plan, byte[])} (or {@link #update(Plan, Plan)}), each giving one {@link IcsFile}.
 * Immutable and thread-safe; build with {@link #builder()}.
 *
 * <pre>{@code
 * IcalExporter exporter = IcalExporter.builder().calendarName("Hamstring rehab").build();
 * IcsFile file = exporter.export(plan);
 * file.writeTo(out);                                  // or file.bytes(), file.text()
 * IcsFile next = exporter.update(replanned, file.bytes());
 * }</pre>
 *
 * <h2>What the calendar holds</h2>
 *
 * <ul>
 *   <li>Every session as a timed event: SUMMARY the intervention's title, DESCRIPTION its
 *       instructions, phase and timing, CATEGORIES the phase and the kind, DTSTART/DTEND with the
 *       person's TZID, and a display alarm {@linkplain Builder#alarmMinutesBefore(int) some
 *       minutes before} unless {@linkplain Builder#noAlarms() turned off}. How sessions become
 *       events is the {@linkplain Builder#encoding(SessionEncoding) encoding}: by default {@link
 *       SessionEncoding#PORTABLE}, series that every client expands alike (one time of day per
 *       daily or weekly rule, no RDATE); {@link SessionEncoding#COMPACT} or {@link
 *       SessionEncoding#ONE_EVENT_PER_SESSION} on request. Every encoding expands to exactly the
 *       plan's sessions.
 *   <li>Continuous guidance and the phases as all-day events ({@code VALUE=DATE}, exclusive DTEND,
 *       TRANSP:TRANSPARENT); a phase whose start depends on criteria not yet met is
 *       STATUS:TENTATIVE, and its event lists the as-needed interventions (which get no timed
 *       events).
 *   <li>The milestones (projected phase starts) as short transparent events.
 *   <li>The calendar's own DESCRIPTION and X-WR-CALDESC: what the calendar is, and that it is
 *       educational content, not medical advice. For files served as subscriptions, {@linkplain
 *       Builder#refreshInterval(Duration) REFRESH-INTERVAL} (RFC 7986) and {@linkplain
 *       Builder#publishedTtl(Duration) X-PUBLISHED-TTL} on request.
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
 * earlier export ({@link #update(Plan, byte[])}, {@link #update(Plan, Plan)}) updates what the
 * person imported or subscribed to instead of duplicating it:
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
 *       SEQUENCE + 1, with its DTSTART, DTEND, a rule that fits Outlook's templates with its
 *       EXDATEs, and SUMMARY, so that clients match and remove it; cancelled events stay in every
 *       later update. SEQUENCE 0 is the default and not written.
 *   <li>A client that keeps, for each UID, the event with the highest SEQUENCE and drops
 *       cancelled ones sees exactly the new version's sessions. An update that changes nothing is
 *       byte for byte the plain export; the same update made twice gives the same bytes.
 *   <li>For a chain of versions pass the file written last ({@link #update(Plan, byte[])}):
 *       SEQUENCE then never decreases along the chain. {@link #update(Plan, Plan)} compares with
 *       the plain export of the previous version, as if that was the file written last.
 *   <li>Nothing of the previous file reaches the new one unchecked: UIDs must have this
 *       exporter's form, a SUMMARY passes the checks of new text, times and rules are parsed and
 *       written anew, a SEQUENCE above {@value #MAX_SEQUENCE} is refused (so it never overflows),
 *       and a control character anywhere is refused. A leading byte order mark and LF line ends
 *       are accepted.
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
  public static final int MAX_NAME_LENGTH = Texts.MAX_NAME_LENGTH;

  /** The highest SEQUENCE an update accepts in the previous file. */
  public static final int MAX_SEQUENCE = IcsReader.MAX_SEQUENCE;

  /** The shortest REFRESH-INTERVAL or X-PUBLISHED-TTL accepted: one minute. */
  public static final Duration MIN_FEED_INTERVAL = Duration.ofMinutes(1);

  /** The longest REFRESH-INTERVAL or X-PUBLISHED-TTL accepted: 366 days. */
  public static final Duration MAX_FEED_INTERVAL = Duration.ofDays(366);

  static {
    System.getProperties().putIfAbsent(TIMEZONE_UPDATE_PROPERTY, "false");
  }

  private final ExportOptions options;
  private final VTimeZones timeZones = new VTimeZones();

  private IcalExporter(Builder b) {
    String name = b.calendarName == null ? null : Texts.checkName(b.calendarName);
    if (b.alarms && (b.alarmMinutes < 0 || b.alarmMinutes > MAX_ALARM_MINUTES)) {
      throw new IllegalArgumentException("alarm lead must be between 0 and " + MAX_ALARM_MINUTES
          + " minutes: " + b.alarmMinutes);
    }
    this.options = new ExportOptions(name, b.alarms ? b.alarmMinutes : -1, b.encoding,
        b.privacyMode, b.clock, feedInterval(b.refreshInterval, "refreshInterval"),
        feedInterval(b.publishedTtl, "publishedTtl"));
  }

  private static @Nullable Duration feedInterval(@Nullable Duration d, String what) {
    if (d != null && (d.compareTo(MIN_FEED_INTERVAL) < 0 || d.compareTo(MAX_FEED_INTERVAL) > 0
        || d.toNanosPart() != 0)) {
      throw new IllegalArgumentException(what + " must be whole seconds from "
          + MIN_FEED_INTERVAL + " to " + MAX_FEED_INTERVAL + ": " + d);
    }
    return d;
  }

  /**
   * A builder with the defaults: portable encoding, 10-minute alarms, full text, DTSTAMP from the
   * plan, no feed hints.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this exporter's options, to make a modified copy.
   *
   * @return a new builder; changing it leaves this exporter unchanged
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.calendarName = options.calendarName();
    b.alarms = options.alarmMinutes() >= 0;
    b.alarmMinutes = options.alarmMinutes() >= 0 ? options.alarmMinutes() : DEFAULT_ALARM_MINUTES;
    b.encoding = options.encoding();
    b.privacyMode = options.privacyMode();
    b.clock = options.clock();
    b.refreshInterval = options.refreshInterval();
    b.publishedTtl = options.publishedTtl();
    return b;
  }

  /**
   * The plan's {@code .ics} file.
   *
   * @param plan the plan to export, a first plan or a re-plan
   * @return the file; the same bytes for the same plan and options
   * @throws NullPointerException if {@code plan} is null
   * @throws IllegalArgumentException if a text of the plan holds a control character other than a
   *     line feed
   */
  public IcsFile export(Plan plan) {
    requireNonNull(plan, "plan");
    return new IcsFile(plainBytes(plan), options, timeZones, plan, null);
  }

  /**
   * The plan's {@code .ics} file as an update of {@code previousExport}, the file written before
   * for an earlier version of the same plan with these options (a plain export or an update):
   * pass each written file to the next update for a chain of versions (see Calendar updates in
   * the class documentation).
   *
   * @param plan the new version of the plan
   * @param previousExport the bytes of the file written before for an earlier version
   * @return the file: changed events with SEQUENCE + 1, events the new version lacks written again
   *     with STATUS:CANCELLED; byte for byte the plain export when nothing changed
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code previousExport} is not a calendar written by this
   *     exporter for the plan's time zone, holds a UID twice, a SEQUENCE above {@value
   *     #MAX_SEQUENCE}, a control character or a value it cannot read, or as {@link
   *     #export(Plan)}; the message names the problem
   */
  public IcsFile update(Plan plan, byte[] previousExport) {
    requireNonNull(plan, "plan");
    requireNonNull(previousExport, "previousExport");
    byte[] plain = plainBytes(plan);
    CalendarUpdate update = CalendarUpdate.between(plain, previousExport, plan.zone(),
        CalendarAssembler.isUtcOnly(plan.zone()));
    if (update.isEmpty()) {
      return new IcsFile(plain, options, timeZones, plan, null);
    }
    IcsWriter writer = new IcsWriter(plan.zone(), plain.length + 4096);
    new CalendarAssembler(options, timeZones, plan, writer, update).assemble();
    return new IcsFile(writer.toByteArray(), options, timeZones, plan, update);
  }

  /**
   * The plan's {@code .ics} file as an update of the plain export of {@code previous} made with
   * these options.
   *
   * @param plan the new version of the plan
   * @param previous an earlier version of the same plan (same protocol and request), typically
   *     the first one
   * @return the file, as {@link #update(Plan, byte[])} with the plain export of {@code previous}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code previous} is a plan of another protocol or request,
   *     or as {@link #export(Plan)}
   */
  public IcsFile update(Plan plan, Plan previous) {
    requireNonNull(plan, "plan");
    requireNonNull(previous, "previous");
    if (!plan.protocol().id().equals(previous.protocol().id())
        || !plan.request().equals(previous.request())) {
      throw new IllegalArgumentException("previous is not a version of the same plan: "
          + previous + " and " + plan);
    }
    return update(plan, plainBytes(previous));
  }

  /**
   * The plan's {@code .ics} file as an update of the calendar whose state is {@code previous}:
   * the same file as {@link #update(Plan, byte[])} with the file that state was taken from
   * ({@link #stateOf(byte[])}), so an app can keep the state instead of the file. From the empty
   * state it is the plain export.
   *
   * @param plan the plan's current version
   * @param previous the state of the file written before for an earlier version of this plan
   * @return the update
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException as {@link #update(Plan, byte[])}
   */
  public IcsFile update(Plan plan, CalendarState previous) {
    requireNonNull(plan, "plan");
    requireNonNull(previous, "previous");
    if (previous.isEmpty()) {
      return export(plan);
    }
    return update(plan, toBytes(previous));
  }

  /**
   * The state of a calendar this exporter wrote (a plain export or an update): per event UID its
   * SEQUENCE, whether it is cancelled, and its content lines.
   *
   * @param export the bytes of the {@code .ics} file
   * @return its state, to be passed to {@link #update(Plan, CalendarState)}
   * @throws NullPointerException if {@code export} is null
   * @throws IllegalArgumentException if {@code export} is not a calendar written by this exporter,
   *     holds a UID twice, a SEQUENCE above {@value #MAX_SEQUENCE} or a control character
   */
  public static CalendarState stateOf(byte[] export) {
    requireNonNull(export, "export");
    List<CalendarState.Event> events = new ArrayList<>();
    for (IcsReader.Event e : IcsReader.events(export, "the calendar").values()) {
      events.add(new CalendarState.Event(e.uid(), e.sequence(), e.cancelled(), e.lines()));
    }
    return CalendarState.of(events);
  }

  /** A minimal calendar holding the state's events, as the reader of updates reads a file. */
  private static byte[] toBytes(CalendarState state) {
    StringBuilder out = new StringBuilder("BEGIN:VCALENDAR\r\nPRODID:")
        .append(Texts.PRODUCT_ID).append("\r\n");
    for (CalendarState.Event e : state.events()) {
      for (String line : e.lines()) {
        out.append(line).append("\r\n");
      }
    }
    return out.append("END:VCALENDAR\r\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  private byte[] plainBytes(Plan plan) {
    // The content lines go straight into bytes: the same file as Folding.fold(toCalendar()
    // .toString()), without the model (benchmarks/RESULTS.md).
    int sessions = plan.sessions().size();
    IcsWriter writer = new IcsWriter(plan.zone(), 16 * 1024
        + sessions * (options.encoding() == SessionEncoding.ONE_EVENT_PER_SESSION ? 768 : 64));
    new CalendarAssembler(options, timeZones, plan, writer, null).assemble();
    return writer.toByteArray();
  }

  /**
   * The calendar name, if set; otherwise the protocol's title is used (or a generic name).
   *
   * @return the name set on the builder, or empty
   */
  public Optional<String> calendarName() {
    return options.name();
  }

  /**
   * Minutes between a session's alarm and its start, or empty when alarms are off.
   *
   * @return 0 to {@value #MAX_ALARM_MINUTES}, or empty
   */
  public OptionalInt alarmMinutesBefore() {
    return options.alarm();
  }

  /**
   * How sessions are written as events.
   *
   * @return the encoding; {@link SessionEncoding#PORTABLE} unless set
   */
  public SessionEncoding encoding() {
    return options.encoding();
  }

  /**
   * Whether the encoding is {@link SessionEncoding#ONE_EVENT_PER_SESSION}.
   *
   * @return true for one VEVENT per session
   */
  public boolean oneEventPerSession() {
    return options.encoding() == SessionEncoding.ONE_EVENT_PER_SESSION;
  }

  /**
   * Whether personal text is left out: generic titles only, no descriptions or categories.
   *
   * @return true in privacy mode
   */
  public boolean privacyMode() {
    return options.privacyMode();
  }

  /**
   * The clock that supplies DTSTAMP, if one was injected; otherwise DTSTAMP is the injury.
   *
   * @return the clock, or empty
   */
  public Optional<Clock> clock() {
    return Optional.ofNullable(options.clock());
  }

  /**
   * The REFRESH-INTERVAL written, if any.
   *
   * @return the interval, or empty when none is written
   */
  public Optional<Duration> refreshInterval() {
    return Optional.ofNullable(options.refreshInterval());
  }

  /**
   * The X-PUBLISHED-TTL written, if any.
   *
   * @return the time to live, or empty when none is written
   */
  public Optional<Duration> publishedTtl() {
    return Optional.ofNullable(options.publishedTtl());
  }

  @Override
  public String toString() {
    return "IcalExporter[name=" + options.calendarName() + ", alarm="
        + (options.alarmMinutes() < 0 ? "off" : options.alarmMinutes() + " min")
        + ", " + options.encoding().name().toLowerCase(java.util.Locale.ROOT)
        + (options.privacyMode() ? ", privacy mode" : "")
        + (options.clock() == null ? "" : ", clock=" + options.clock())
        + (options.refreshInterval() == null ? "" : ", refresh " + options.refreshInterval())
        + (options.publishedTtl() == null ? "" : ", ttl " + options.publishedTtl()) + "]";
  }

  /** Collects an exporter's options; {@link #build()} validates them all at once. */
  public static final class Builder {
    private @Nullable String calendarName;
    private boolean alarms = true;
    private int alarmMinutes = DEFAULT_ALARM_MINUTES;
    private SessionEncoding encoding = SessionEncoding.PORTABLE;
    private boolean privacyMode;
    private @Nullable Clock clock;
    private @Nullable Duration refreshInterval;
    private @Nullable Duration publishedTtl;

    private Builder() {}

    /**
     * Sets the calendar's display name (NAME and X-WR-CALNAME): not blank, no control characters,
     * at most {@value IcalExporter#MAX_NAME_LENGTH} characters. Default: the protocol's title, or
     * "Rehab plan" in privacy mode.
     *
     * @param calendarName the name; checked by {@link #build()}
     * @return this builder
     */
    public Builder calendarName(String calendarName) {
      this.calendarName = requireNonNull(calendarName, "calendarName");
      return this;
    }

    /**
     * Sets the display alarm of each session to {@code minutes} before its start (0 to {@value
     * IcalExporter#MAX_ALARM_MINUTES}); default {@value IcalExporter#DEFAULT_ALARM_MINUTES}.
     *
     * @param minutes the alarm's lead; checked by {@link #build()}
     * @return this builder
     */
    public Builder alarmMinutesBefore(int minutes) {
      this.alarms = true;
      this.alarmMinutes = minutes;
      return this;
    }

    /**
     * Turns alarms off; {@link #alarmMinutesBefore(int)} turns them on again.
     *
     * @return this builder
     */
    public Builder noAlarms() {
      this.alarms = false;
      return this;
    }

    /**
     * Sets how sessions are written as events; default {@link SessionEncoding#PORTABLE}, which
     * every client expands alike. {@link SessionEncoding#COMPACT} is mis-read by Outlook,
     * ical.js, sabre/vobject, libical and Google Calendar (see its documentation).
     *
     * @param encoding the encoding
     * @return this builder
     */
    public Builder encoding(SessionEncoding encoding) {
      this.encoding = requireNonNull(encoding, "encoding");
      return this;
    }

    /**
     * {@code true}: {@link SessionEncoding#ONE_EVENT_PER_SESSION}; {@code false}: the default,
     * {@link SessionEncoding#PORTABLE}. A shorthand of {@link #encoding(SessionEncoding)}.
     *
     * @param oneEventPerSession whether to write one VEVENT per session
     * @return this builder
     */
    public Builder oneEventPerSession(boolean oneEventPerSession) {
      this.encoding = oneEventPerSession
          ? SessionEncoding.ONE_EVENT_PER_SESSION : SessionEncoding.PORTABLE;
      return this;
    }

    /**
     * Sets the calendar's REFRESH-INTERVAL (RFC 7986, written with {@code VALUE=DURATION}): how
     * often a subscribed client should fetch the file again; whole seconds, {@link
     * IcalExporter#MIN_FEED_INTERVAL} to {@link IcalExporter#MAX_FEED_INTERVAL}. Default: none.
     *
     * @param interval the interval; checked by {@link #build()}
     * @return this builder
     */
    public Builder refreshInterval(Duration interval) {
      this.refreshInterval = requireNonNull(interval, "interval");
      return this;
    }

    /**
     * Sets the calendar's X-PUBLISHED-TTL, the same hint in the form Outlook and Apple Calendar
     * read; same bounds as {@link #refreshInterval(Duration)}. Default: none.
     *
     * @param ttl the time to live; checked by {@link #build()}
     * @return this builder
     */
    public Builder publishedTtl(Duration ttl) {
      this.publishedTtl = requireNonNull(ttl, "ttl");
      return this;
    }

    /**
     * Whether to leave out personal text: events get generic titles ("Rehab session", "Rehab
     * phase 1 of 4") and no descriptions or categories; default {@code false}.
     *
     * @param privacyMode true to leave out personal text
     * @return this builder
     */
    public Builder privacyMode(boolean privacyMode) {
      this.privacyMode = privacyMode;
      return this;
    }

    /**
     * Sets the clock whose instant becomes every DTSTAMP; default: the plan's injury instant.
     *
     * @param clock the clock, read once per export
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Validates the options and builds the exporter.
     *
     * @return the exporter, immutable and thread-safe
     * @throws IllegalArgumentException if the calendar name is blank, too long or holds a control
     *     character, the alarm lead is outside 0 to {@value IcalExporter#MAX_ALARM_MINUTES} minutes,
     *     or a feed interval is outside its bounds or not whole seconds
     */
    public IcalExporter build() {
      return new IcalExporter(this);
    }
  }
}
