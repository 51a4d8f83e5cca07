package org.rehabplan.ical;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.io.ParseWarning;
import biweekly.io.TimezoneAssignment;
import biweekly.util.com.google.ical.compat.javautil.DateIterator;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.TimeZone;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.rehabplan.Interval;
import org.rehabplan.Plan;
import org.rehabplan.Session;

/**
 * Expands the session events of an exported file into {@code [start, end)} intervals, with iCal4j
 * and, independently, with biweekly.
 */
final class Expansions {
  private Expansions() {}

  /** The plan's sessions as intervals, in start order. */
  static List<Interval> expected(Plan plan) {
    List<Interval> out = new ArrayList<>();
    for (Session s : plan.sessions()) {
      out.add(s.interval());
    }
    out.sort(null);
    return out;
  }

  /** Parses {@code ics} with iCal4j and expands every session event. */
  static List<Interval> ical4j(String ics, Interval window) {
    Calendar calendar = parseIcal4j(ics);
    return ical4j(calendar.<VEvent>getComponents(Component.VEVENT), window);
  }

  /**
   * What a calendar client shows after importing (or re-reading the subscribed feed) {@code
   * files} in order, read with iCal4j: for each UID the event with the highest SEQUENCE (a later
   * file wins a tie), without cancelled events; its session events expanded.
   */
  static List<Interval> ical4jAfterUpdates(List<String> files, Interval window) {
    Map<String, VEvent> store = new LinkedHashMap<>();
    for (String ics : files) {
      for (VEvent e : parseIcal4j(ics).<VEvent>getComponents(Component.VEVENT)) {
        String uid = e.getProperty(Property.UID).orElseThrow().getValue();
        VEvent kept = store.get(uid);
        if (kept == null || sequence(e) >= sequence(kept)) {
          store.put(uid, e);
        }
      }
    }
    List<VEvent> shown = new ArrayList<>();
    for (VEvent e : store.values()) {
      if (!e.getProperty(Property.STATUS).map(Property::getValue).orElse("")
          .equals("CANCELLED")) {
        shown.add(e);
      }
    }
    return ical4j(shown, window);
  }

  private static int sequence(VEvent e) {
    return e.getProperty(Property.SEQUENCE).map(p -> Integer.parseInt(p.getValue())).orElse(0);
  }

  private static List<Interval> ical4j(List<VEvent> events, Interval window) {
    Period<ZonedDateTime> period = new Period<>(window.start().atZone(ZoneOffset.UTC),
        window.endExclusive().atZone(ZoneOffset.UTC));
    List<Interval> out = new ArrayList<>();
    for (VEvent e : events) {
      if (!isSession(e.getProperty(CalendarAssembler.ITEM_PROPERTY).map(Property::getValue)
          .orElse(""))) {
        continue;
      }
      for (Period<Temporal> p : e.<Temporal>calculateRecurrenceSet(period)) {
        out.add(Interval.of(Instant.from(p.getStart()), Instant.from(p.getEnd())));
      }
    }
    out.sort(null);
    return out;
  }

  static Calendar parseIcal4j(String ics) {
    try {
      return new CalendarBuilder().build(new StringReader(ics));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ParserException e) {
      throw new AssertionError("iCal4j cannot parse the export: " + e.getMessage(), e);
    }
  }

  /**
   * Parses {@code ics} with biweekly and expands every session event. The VTIMEZONE components
   * are removed first, so biweekly resolves each TZID as a tz database id with the JDK's rules:
   * biweekly 0.6.8's own VTIMEZONE interpreter ({@code ICalTimeZone}) resolves some local times
   * on the day of a DST change with the wrong offset when observances are one-off onsets (as the
   * exporter writes them). The VTIMEZONE itself is checked by the iCal4j leg, which uses it.
   */
  static List<Interval> biweekly(String ics) {
    ICalendar ical = parseBiweekly(ics);
    List<Interval> out = new ArrayList<>();
    for (biweekly.component.VEvent e : ical.getEvents()) {
      expand(ical, e, out);
    }
    out.sort(null);
    return out;
  }

  /** As {@link #ical4jAfterUpdates}, read with biweekly. */
  static List<Interval> biweeklyAfterUpdates(List<String> files) {
    record Kept(ICalendar calendar, biweekly.component.VEvent event) {
      int sequence() {
        return event.getSequence() == null ? 0 : event.getSequence().getValue();
      }
    }
    Map<String, Kept> store = new LinkedHashMap<>();
    for (String ics : files) {
      ICalendar ical = parseBiweekly(ics);
      for (biweekly.component.VEvent e : ical.getEvents()) {
        Kept k = new Kept(ical, e);
        Kept kept = store.get(e.getUid().getValue());
        if (kept == null || k.sequence() >= kept.sequence()) {
          store.put(e.getUid().getValue(), k);
        }
      }
    }
    List<Interval> out = new ArrayList<>();
    for (Kept k : store.values()) {
      if (k.event().getStatus() == null || !k.event().getStatus().isCancelled()) {
        expand(k.calendar(), k.event(), out);
      }
    }
    out.sort(null);
    return out;
  }

  private static ICalendar parseBiweekly(String ics) {
    List<List<ParseWarning>> warnings = new ArrayList<>();
    String withoutZones = ics.replaceAll("(?s)BEGIN:VTIMEZONE\r\n.*?END:VTIMEZONE\r\n", "");
    List<ICalendar> all = Biweekly.parse(withoutZones).warnings(warnings).all();
    if (all.size() != 1) {
      throw new AssertionError("expected one calendar, biweekly read " + all.size());
    }
    for (List<ParseWarning> w : warnings) {
      List<ParseWarning> relevant = w.stream()
          .filter(x -> !x.getMessage().contains("treated as an Olsen timezone ID")).toList();
      if (!relevant.isEmpty()) {
        throw new AssertionError("biweekly warnings: " + relevant);
      }
    }
    return all.get(0);
  }

  private static void expand(ICalendar ical, biweekly.component.VEvent e, List<Interval> out) {
    var item = e.getExperimentalProperty(CalendarAssembler.ITEM_PROPERTY);
    if (item == null || !isSession(item.getValue())) {
      return;
    }
    TimezoneAssignment tza = ical.getTimezoneInfo().getTimezone(e.getDateStart());
    TimeZone tz = tza == null ? TimeZone.getTimeZone("UTC") : tza.getTimeZone();
    Instant start = e.getDateStart().getValue().toInstant();
    long length = e.getDateEnd().getValue().getTime() - start.toEpochMilli();
    // RFC 5545 3.8.5.2: DTSTART is always the first instance. biweekly's iterator yields it only
    // through an RRULE, so an event with RDATEs only (or no recurrence) misses it: add it.
    Set<Instant> starts = new TreeSet<>();
    starts.add(start);
    for (DateIterator it = e.getDateIterator(tz); it.hasNext(); ) {
      starts.add(it.next().toInstant());
    }
    for (Instant s : starts) {
      out.add(Interval.of(s, s.plusMillis(length)));
    }
  }

  private static boolean isSession(String item) {
    return item.equals("session");
  }
}
