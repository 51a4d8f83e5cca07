package org.rehabplan.ical;

/**
 * How an {@link IcalExporter} writes a plan's sessions as events. Whatever the encoding, the file
 * expands to exactly the plan's sessions in an RFC 5545 reader; they differ in which real clients
 * read them so.
 */
public enum SessionEncoding {
  /**
   * The default: only forms that Outlook, Google Calendar, Apple Calendar, ical.js (Thunderbird,
   * many web calendars), sabre/vobject (Nextcloud, Baïkal), libical (GNOME Evolution) and Python
   * icalendar + dateutil all expand the same way. No RDATE; RRULEs only inside Outlook's
   * recurrence templates ([MS-OXCICAL] 2.1.3.2.2): {@code FREQ=DAILY} or {@code
   * FREQ=WEEKLY;BYDAY=..}, one time of day per series (no {@code BYHOUR}/{@code BYMINUTE}
   * lists), so at most one instance per local day, with a UTC {@code UNTIL}; EXDATE in the same
   * form and TZID as DTSTART for the days a series skips; a rule never spans a change of UTC
   * offset; every other session is a single event. Five sessions a day become five series.
   */
  PORTABLE,

  /**
   * Fewer, larger events: {@code BYHOUR}/{@code BYMINUTE} lists for several times a day, and
   * RDATE lists for sessions that fit no rule. Valid RFC 5545, but mis-read by clients: Outlook
   * and Exchange do not open an event with RDATE and no RRULE, and map no rule outside their
   * templates, such as a BYHOUR list ([MS-OXCICAL] 2.1.3.1.1.20.18, 2.1.3.2.2; Microsoft KB
   * 2643084); Mozilla ical.js 2.2.1 drops the DTSTART instance of an event with RDATE and no
   * RRULE (kewisch/ical.js pull request 534); sabre/vobject ignores the RRULE of an event that
   * also has RDATE (sabre-io/vobject#700); libical 3 reads {@code RDATE;TZID=..} values as UTC;
   * Google Calendar hides RDATEs after an RRULE's UNTIL. Use it only for readers known to handle
   * it (iCal4j, biweekly).
   */
  COMPACT,

  /**
   * Every session as its own event: the largest file, read alike by every client; for tools that
   * want one event per session (no recurrence at all).
   */
  ONE_EVENT_PER_SESSION
}
