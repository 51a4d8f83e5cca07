package org.rehabplan.ical;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.component.Daylight;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.Standard;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.TzOffsetFrom;
import net.fortuna.ical4j.model.property.TzOffsetTo;

/**
 * VTIMEZONE components written from the JDK's time-zone rules, the rules the scheduler used, with
 * one observance per offset change in the covered years (iCal4j's bundled definitions lag behind
 * the tz database for dozens of zones, e.g. America/Sao_Paulo, which dropped DST in 2019).
 * Components are cached per zone and range of years, with their folded text; callers must not
 * modify them.
 */
final class VTimeZones {
  private static final int MAX_CACHED = 256;

  /**
   * A cached VTIMEZONE.
   *
   * @param component the component; not to be modified
   * @param folded its content lines as iCal4j writes them, folded, in UTF-8; not to be modified
   * @param tzidParameter {@code ;TZID=} and the zone's id as a parameter value, in UTF-8; not to
   *     be modified
   */
  // A cache entry, never compared or hashed: the arrays are shared read-only bytes, not copied.
  @SuppressWarnings("ArrayRecordComponent")
  record Entry(VTimeZone component, byte[] folded, byte[] tzidParameter) {}

  private final Map<String, Entry> cache = new ConcurrentHashMap<>();

  /**
   * The VTIMEZONE for {@code zone} that defines every local time between the start of the year of
   * {@code from} and the end of the year of {@code to} (both in UTC).
   */
  Entry forRange(ZoneId zone, Instant from, Instant to) {
    int fromYear = LocalDateTime.ofInstant(from, ZoneOffset.UTC).getYear();
    int toYear = LocalDateTime.ofInstant(to, ZoneOffset.UTC).getYear();
    String key = zone.getId() + "/" + fromYear + "/" + toYear;
    Entry cached = cache.get(key);
    if (cached != null) {
      return cached;
    }
    if (cache.size() >= MAX_CACHED) {
      cache.clear();
    }
    VTimeZone built = build(zone,
        LocalDate.of(fromYear, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC),
        LocalDate.of(toYear + 1, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC));
    Entry entry = new Entry(built,
        Folding.fold(built.toString()).getBytes(StandardCharsets.UTF_8),
        new ParameterList(List.of(new net.fortuna.ical4j.model.parameter.TzId(zone.getId())))
            .toString().getBytes(StandardCharsets.UTF_8));
    Entry raced = cache.putIfAbsent(key, entry);
    return raced == null ? entry : raced;
  }

  private static VTimeZone build(ZoneId zone, Instant from, Instant to) {
    ZoneRules rules = zone.getRules();
    List<Observance> observances = new ArrayList<>();
    // The offset in force at the start of the range comes from the last change before it,
    // written as a real onset (some readers mishandle an observance whose offsets are equal).
    ZoneOffsetTransition previous = rules.previousTransition(from.plusNanos(1));
    if (previous != null) {
      observances.add(observance(rules.isDaylightSavings(previous.getInstant()),
          previous.getDateTimeBefore(), previous.getOffsetBefore(), previous.getOffsetAfter()));
    } else {
      ZoneOffset initial = rules.getOffset(from);
      observances.add(observance(rules.isDaylightSavings(from),
          LocalDateTime.ofInstant(from, initial).minusYears(1), initial, initial));
    }
    for (ZoneOffsetTransition t = rules.nextTransition(from);
        t != null && t.getInstant().isBefore(to);
        t = rules.nextTransition(t.getInstant())) {
      observances.add(observance(rules.isDaylightSavings(t.getInstant()), t.getDateTimeBefore(),
          t.getOffsetBefore(), t.getOffsetAfter()));
    }
    if (observances.stream().allMatch(o -> o instanceof Daylight)) {
      // A zone on permanent "daylight" time (Africa/Tripoli since 2013, for one): written as
      // STANDARD, which readers need at least one of (Python icalendar refuses a VTIMEZONE of
      // DAYLIGHT observances only); the offsets are what count.
      List<Observance> standard = new ArrayList<>(observances.size());
      for (Observance o : observances) {
        standard.add(new Standard(o.getPropertyList()));
      }
      observances = standard;
    }
    return new VTimeZone(new PropertyList(List.of(new TzId(zone.getId()))),
        new ComponentList<>(observances));
  }

  private static Observance observance(
      boolean daylight, LocalDateTime onset, ZoneOffset from, ZoneOffset to) {
    PropertyList p = new PropertyList(List.of(
        new DtStart<>(onset.withNano(0)), new TzOffsetFrom(from), new TzOffsetTo(to)));
    return daylight ? new Daylight(p) : new Standard(p);
  }
}
