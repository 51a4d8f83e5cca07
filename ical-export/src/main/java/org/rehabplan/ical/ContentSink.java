package org.rehabplan.ical;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import net.fortuna.ical4j.model.Property;

/**
 * Where {@link CalendarAssembler} puts a calendar, component by component and property by
 * property, in file order: an iCal4j model ({@link Ical4jSink}, for {@link
 * IcsFile#toCalendar}) or the bytes of the file ({@link IcsWriter}, for {@link
 * IcsFile#bytes}). Both give the same calendar; the golden files and the round-trip
 * properties hold the bytes to iCal4j's rendering of the model.
 */
interface ContentSink {
  /** Starts a component: VCALENDAR, VEVENT or VALARM. */
  void begin(String component);

  /** Ends the component begun last. */
  void end(String component);

  /** The VTIMEZONE of the calendar's zone. */
  void timeZone(VTimeZones.Entry zone);

  /** A TEXT property (escaped in the file): PRODID, NAME, UID, SUMMARY, X-... */
  void text(String name, String value);

  /** An INTEGER property: SEQUENCE. */
  void integer(String name, int value);

  /** A property with a fixed value, such as VERSION or STATUS. */
  void constant(Property property);

  /** CATEGORIES with two TEXT values, or one if they are equal. */
  void categories(String first, String second);

  /** DTSTAMP in UTC. */
  void stamp(Instant instant);

  /** DTSTART or DTEND: the local time with TZID, or UTC; whole seconds. */
  void dateTime(String name, Instant instant, boolean utc);

  /** DTSTART or DTEND of an all-day event ({@code VALUE=DATE}). */
  void date(String name, LocalDate date);

  /** RRULE. */
  void rule(RecurrenceEncoder.Rule rule);

  /** EXDATE or RDATE: local times with TZID, or UTC; whole seconds. */
  void dateList(String name, List<Instant> instants, boolean utc);

  /**
   * A DURATION property of the calendar, in whole seconds: REFRESH-INTERVAL (written with {@code
   * VALUE=DURATION}, as RFC 7986 requires) or X-PUBLISHED-TTL.
   */
  void duration(String name, java.time.Duration value);

  /** TRIGGER of a display alarm, {@code minutes} before the start. */
  void trigger(int minutes);
}
