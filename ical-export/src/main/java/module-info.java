/**
 * rehabplan iCalendar export: turns a {@code org.rehabplan.Plan} into an RFC 5545 calendar with
 * iCal4j.
 */
module org.rehabplan.ical {
  requires transitive org.rehabplan.core;
  requires transitive ical4j.core;
  requires static org.jspecify;

  exports org.rehabplan.ical;
}
