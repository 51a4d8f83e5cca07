package org.rehabplan.ical;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * The validated options of an {@link IcalExporter}, handed to {@link CalendarAssembler}: the
 * assembler depends on this value, not on the exporter. Immutable.
 *
 * @param calendarName the calendar name, or null for the protocol's title
 * @param alarmMinutes minutes between a session's alarm and its start, or -1 for no alarms
 * @param encoding how sessions become events
 * @param privacyMode whether personal text is left out
 * @param clock the clock of DTSTAMP, or null for the plan's instant
 * @param refreshInterval REFRESH-INTERVAL, or null for none
 * @param publishedTtl X-PUBLISHED-TTL, or null for none
 */
record ExportOptions(
    @Nullable String calendarName, int alarmMinutes, SessionEncoding encoding,
    boolean privacyMode, @Nullable Clock clock, @Nullable Duration refreshInterval,
    @Nullable Duration publishedTtl) {

  Optional<String> name() {
    return Optional.ofNullable(calendarName);
  }

  OptionalInt alarm() {
    return alarmMinutes < 0 ? OptionalInt.empty() : OptionalInt.of(alarmMinutes);
  }
}
