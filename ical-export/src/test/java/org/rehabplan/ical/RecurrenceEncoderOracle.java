package org.rehabplan.ical;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.rehabplan.Session;

/**
 * The test oracle for {@link RecurrenceEncoder}: the encoder as it was before its grouping moved
 * to day-indexed arrays (main at e4a6c5e), kept unchanged so that {@link
 * RecurrenceEncoderOracleTest} can check the faster one gives the same events for every plan.
 *
 * <p>The original description follows.
 *
 * Splits a plan's sessions into the timed VEVENTs of the export: single events, or series written
 * as {@code DTSTART} + {@code RRULE} (+ {@code EXDATE}), or in the compact form also {@code
 * DTSTART} + {@code RDATE}. Pure
 * {@code java.time} logic; the recurrence sets it describes are computed here with RFC 5545's rules
 * and equal the sessions exactly.
 *
 * <p>Rules kept so that every client expands the file the same way:
 *
 * <ul>
 *   <li>A session whose local start or end is ambiguous (in a DST overlap) cannot be written with
 *       a TZID without loss; it becomes a single event in UTC form.
 *   <li>A session that straddles an offset change becomes a single event in UTC form (its DTEND
 *       is then an exact point in time, not a duration some client applies in local time).
 *   <li>Series use only regular sessions, and an RRULE never spans a change of UTC offset: a day
 *       with a change, or on which an expansion would fall in a DST gap or overlap or straddle a
 *       change, splits the rule, and its sessions become single events (portable) or go to an
 *       RDATE list (compact; its values are resolved one by one). Rule expansion across DST
 *       changes is where clients disagree most (biweekly, for one, shifts some BYHOUR instances
 *       on the day of the change); a weekly rule also stops before a week with such a day (see
 *       {@link #isSafeWeek}).
 *   <li>Rules are {@code FREQ=DAILY} or {@code FREQ=WEEKLY;BYDAY=..}, with {@code BYHOUR} and
 *       {@code BYMINUTE} for several times a day (one minute-of-hour per rule, so the BYHOUR ×
 *       BYMINUTE product never adds instances), {@code UNTIL} at the last instance, and DTSTART
 *       at the rule's first expansion.
 * </ul>
 */
final class RecurrenceEncoderOracle {

  /** The frequency of a rule. */
  enum Frequency {
    DAILY,
    WEEKLY
  }

  /**
   * A recurrence rule in the analysis zone.
   *
   * @param frequency daily or weekly
   * @param days the weekdays ({@link Frequency#WEEKLY} only), in Monday-first order
   * @param hours the hours of the day, ascending; more than one means {@code BYHOUR}
   * @param minute the minute of the hour
   * @param until the last instance, inclusive
   */
  record Rule(Frequency frequency, List<DayOfWeek> days, List<Integer> hours, int minute,
      Instant until) {
    Rule {
      days = List.copyOf(days);
      hours = List.copyOf(hours);
    }
  }

  /**
   * One timed VEVENT.
   *
   * @param key a key unique within one export, stable for equal plans (hashed into the UID)
   * @param master the first session: DTSTART and DTEND
   * @param rule the RRULE, if any
   * @param exdates expansions of the rule that are not sessions, ascending
   * @param rdates further sessions, ascending
   * @param utc whether the event's date-times are written in UTC rather than with a TZID
   */
  record TimedEvent(
      String key, Session master, @Nullable Rule rule, List<Instant> exdates, List<Session> rdates,
      boolean utc) {
    TimedEvent {
      exdates = List.copyOf(exdates);
      rdates = List.copyOf(rdates);
    }
  }

  private static final Duration ONE_DAY = Duration.ofDays(1);
  private static final Duration TWO_DAYS = Duration.ofDays(2);
  private static final Duration NINE_DAYS = Duration.ofDays(9);

  private static final Comparator<Session> BY_START =
      Comparator.comparing(Session::start).thenComparing(Session::id);

  private final ZoneTable zone;
  private final boolean utcOnly;
  private IdentityHashMap<Session, LocalDateTime> localStarts = new IdentityHashMap<>();

  /**
   * @param zone the offset changes of the person's zone over the export's range
   * @param utcOnly whether every date-time is written in UTC (fixed-offset zones); then the
   *     analysis runs in UTC
   */
  RecurrenceEncoderOracle(ZoneTable zone, boolean utcOnly) {
    this.zone = utcOnly ? new ZoneTable(ZoneOffset.UTC, Instant.EPOCH, Instant.EPOCH) : zone;
    this.utcOnly = utcOnly;
  }

  /** One single event per session. */
  List<TimedEvent> oneEach(List<Session> sessions) {
    List<TimedEvent> out = new ArrayList<>(sessions.size());
    for (Session s : sessions) {
      out.add(single("session:", s));
    }
    return out;
  }

  /**
   * The portable form: series only where every client expands them alike, single events
   * otherwise. A series is one time of day ({@code FREQ=DAILY} or {@code FREQ=WEEKLY;BYDAY=..},
   * no {@code BYHOUR}/{@code BYMINUTE}: DTSTART gives the time), so it has at most one instance a
   * local day; UNTIL in UTC; EXDATE in DTSTART's form; no RDATE. Every rule fits Outlook's
   * recurrence templates ([MS-OXCICAL] 2.1.3.2.2).
   */
  List<TimedEvent> portable(List<Session> sessions) {
    return grouped(sessions, true);
  }

  /** The compact form: series where sessions repeat, RDATE lists or single events otherwise. */
  List<TimedEvent> compact(List<Session> sessions) {
    return grouped(sessions, false);
  }

  private List<TimedEvent> grouped(List<Session> sessions, boolean portable) {
    localStarts = new IdentityHashMap<>(sessions.size());
    record GroupKey(
        String intervention, String phase, Duration length, List<String> awaited) {}
    Map<GroupKey, List<Session>> groups = new LinkedHashMap<>();
    for (Session s : sessions) {
      // Firm and conditional sessions never share a series: their status and alarms differ.
      GroupKey key = new GroupKey(s.intervention().id(), s.phase().id(), s.duration(),
          s.awaitedCriteria().stream().map(c -> c.id()).toList());
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
    }
    List<TimedEvent> out = new ArrayList<>();
    for (List<Session> group : groups.values()) {
      group(group, portable, out);
    }
    out.sort(Comparator.comparing((TimedEvent e) -> e.master().start())
        .thenComparing(e -> e.master().id()));
    return out;
  }

  private void group(List<Session> group, boolean portable, List<TimedEvent> out) {
    List<Session> leftovers = new ArrayList<>();
    // Buckets of regular sessions by their local start: the second of the day (portable, one
    // time of day per series) or of the hour (compact, BYHOUR for several hours).
    Map<Integer, List<Session>> buckets = new TreeMap<>();
    for (Session s : group) {
      if (isRegular(s)) {
        LocalTime t = localStart(s).toLocalTime();
        int key = (portable ? t.getHour() * 3600 : 0) + t.getMinute() * 60 + t.getSecond();
        buckets.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
      } else {
        out.add(single("series:", s));
      }
    }
    for (List<Session> bucket : buckets.values()) {
      planBucket(bucket, leftovers, out);
    }
    leftovers.sort(BY_START);
    if (portable || leftovers.size() == 1) {
      for (Session s : leftovers) {
        out.add(single("series:", s));
      }
    } else if (!leftovers.isEmpty()) {
      out.add(new TimedEvent("series:" + leftovers.get(0).id(), leftovers.get(0), null, List.of(),
          leftovers.subList(1, leftovers.size()), utcOnly));
    }
  }

  private void planBucket(List<Session> bucket, List<Session> leftovers, List<TimedEvent> out) {
    Duration length = bucket.get(0).duration();
    LocalTime first = localStart(bucket.get(0)).toLocalTime();
    int minute = first.getMinute();
    int second = first.getSecond();
    TreeMap<LocalDate, Map<Integer, Session>> byDate = new TreeMap<>();
    for (Session s : bucket) {
      LocalDateTime l = localStart(s);
      byDate.computeIfAbsent(l.toLocalDate(), d -> new HashMap<>()).put(l.getHour(), s);
    }
    // The hours that occur on most of the bucket's dates.
    Map<Integer, Integer> counts = new TreeMap<>();
    for (Map<Integer, Session> day : byDate.values()) {
      for (int h : day.keySet()) {
        counts.merge(h, 1, Integer::sum);
      }
    }
    TreeSet<Integer> hours = new TreeSet<>();
    counts.forEach((h, n) -> {
      if (2 * n > byDate.size()) {
        hours.add(h);
      }
    });
    if (hours.isEmpty() || (byDate.size() < 2 && hours.size() < 2)) {
      leftovers.addAll(bucket);
      return;
    }
    Set<DayOfWeek> weekdays = EnumSet.noneOf(DayOfWeek.class);
    byDate.keySet().forEach(d -> weekdays.add(d.getDayOfWeek()));
    LocalDate firstDate = byDate.firstKey();
    LocalDate lastDate = byDate.lastKey();
    long span = ChronoUnit.DAYS.between(firstDate, lastDate) + 1;
    Frequency frequency =
        span == byDate.size() || weekdays.size() == 7 ? Frequency.DAILY : Frequency.WEEKLY;

    // Runs of consecutive pattern dates with one UTC offset throughout, on which every expansion
    // is safe: a rule never spans an offset change.
    List<LocalDate> run = new ArrayList<>();
    ZoneOffset runOffset = null;
    for (LocalDate d = firstDate; !d.isAfter(lastDate); d = d.plusDays(1)) {
      if (frequency == Frequency.WEEKLY && !weekdays.contains(d.getDayOfWeek())) {
        continue;
      }
      Instant dayStart = zone.startOfDay(d);
      ZoneOffset offset = zone.offset(dayStart);
      boolean safe = frequency == Frequency.DAILY
          ? isSafeDate(d, dayStart, hours, minute, second, length)
          : isSafeWeek(d, hours, minute, second, length);
      if (safe) {
        if (!offset.equals(runOffset)) {
          planRun(run, byDate, hours, frequency, weekdays, minute, second, leftovers, out);
          run = new ArrayList<>();
          runOffset = offset;
        }
        run.add(d);
      } else {
        planRun(run, byDate, hours, frequency, weekdays, minute, second, leftovers, out);
        run = new ArrayList<>();
        runOffset = null;
        Map<Integer, Session> day = byDate.get(d);
        if (day != null) {
          leftovers.addAll(day.values());
        }
      }
    }
    planRun(run, byDate, hours, frequency, weekdays, minute, second, leftovers, out);
  }

  private void planRun(
      List<LocalDate> run, Map<LocalDate, Map<Integer, Session>> byDate, SortedSet<Integer> hours,
      Frequency frequency, Set<DayOfWeek> weekdays, int minute, int second,
      List<Session> leftovers, List<TimedEvent> out) {
    if (run.isEmpty()) {
      return;
    }
    int minHour = hours.first();
    int start = 0;
    // DTSTART must be the rule's first expansion: skip days that lack a session at the first hour.
    while (start < run.size()) {
      Map<Integer, Session> day = byDate.get(run.get(start));
      if (day != null && day.containsKey(minHour)) {
        break;
      }
      if (day != null) {
        leftovers.addAll(day.values());
      }
      start++;
    }
    if (start == run.size()) {
      return;
    }
    List<Session> inRun = new ArrayList<>();
    for (int i = start; i < run.size(); i++) {
      Map<Integer, Session> day = byDate.get(run.get(i));
      if (day == null) {
        continue;
      }
      for (Map.Entry<Integer, Session> e : day.entrySet()) {
        if (hours.contains(e.getKey())) {
          inRun.add(e.getValue());
        } else {
          leftovers.add(e.getValue());
        }
      }
    }
    inRun.sort(BY_START);
    Session master = inRun.get(0);
    Instant until = inRun.get(inRun.size() - 1).start();
    List<Instant> exdates = new ArrayList<>();
    int covered = 0;
    for (int i = start; i < run.size(); i++) {
      LocalDate d = run.get(i);
      Map<Integer, Session> day = byDate.get(d);
      for (int h : hours) {
        Instant t = zone.instant(LocalDateTime.of(d, LocalTime.of(h, minute, second)));
        if (t.isBefore(master.start()) || t.isAfter(until)) {
          continue;
        }
        if (day != null && day.containsKey(h)) {
          covered++;
        } else {
          exdates.add(t);
        }
      }
    }
    if (covered < 2 || exdates.size() * 2 > covered) {
      leftovers.addAll(inRun);
      return;
    }
    exdates.sort(Comparator.naturalOrder());
    List<DayOfWeek> days = frequency == Frequency.WEEKLY
        ? new ArrayList<>(new TreeSet<>(weekdays)) : List.of();
    out.add(new TimedEvent("series:" + master.id(), master,
        new Rule(frequency, days, new ArrayList<>(hours), minute, until), exdates, List.of(),
        utcOnly));
  }

  /**
   * Whether the offset is the same all day on {@code d} and every expansion on it is at an
   * unambiguous local time and straddles no change.
   */
  private boolean isSafeDate(
      LocalDate d, Instant dayStart, Set<Integer> hours, int minute, int second,
      Duration length) {
    if (!zone.changesWithin(dayStart.minus(ONE_DAY), dayStart.plus(TWO_DAYS).plus(length))) {
      return true; // no offset change near: every local time of the day exists once
    }
    if (zone.changesWithin(dayStart, zone.startOfDay(d.plusDays(1)))) {
      return false;
    }
    for (int h : hours) {
      LocalDateTime l = LocalDateTime.of(d, LocalTime.of(h, minute, second));
      if (!isUnambiguous(l)) {
        return false;
      }
      Instant t = zone.instant(l);
      if (!zone.offset(t).equals(zone.offset(t.plus(length)))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether every day of the ISO week (Monday to Sunday, RFC 5545's default WKST) of {@code d} is
   * {@linkplain #isSafeDate safe}. iCal4j 4.4.0 expands a {@code FREQ=WEEKLY;BYDAY=..} week from
   * one date-time of that week: when the rule's local time falls in a DST gap on any day of the
   * week, the shifted wall time is carried to the week's other days (Europe/Jersey, 23 to 29
   * March 2020: 01:20 became 02:20 on Monday and Wednesday, and Friday fell after UNTIL). So a
   * weekly rule only covers weeks in which its times exist once on every day.
   */
  private boolean isSafeWeek(
      LocalDate d, Set<Integer> hours, int minute, int second, Duration length) {
    LocalDate monday = d.minusDays(d.getDayOfWeek().getValue() - 1L);
    Instant start = zone.startOfDay(monday);
    if (!zone.changesWithin(start.minus(ONE_DAY), start.plus(NINE_DAYS).plus(length))) {
      return true; // no offset change near the week
    }
    for (int i = 0; i < 7; i++) {
      LocalDate day = monday.plusDays(i);
      if (!isSafeDate(day, zone.startOfDay(day), hours, minute, second, length)) {
        return false;
      }
    }
    return true;
  }

  /**
   * A single event. In UTC form when its local start or end is ambiguous, or when it straddles an
   * offset change: ical.js 2.2.1 takes such an event's end as its local start plus the exact
   * duration, which lands in the DST gap (Australia/NSW, 01:45 to 03:00 on 2 October 2033 read as
   * ending 15:00Z instead of 16:00Z).
   */
  private TimedEvent single(String prefix, Session s) {
    boolean utc = utcOnly || !isRegular(s);
    return new TimedEvent(prefix + s.id(), s, null, List.of(), List.of(), utc);
  }

  /** Unambiguous start and end, same offset at both: may join a series. */
  private boolean isRegular(Session s) {
    if (!zone.changesWithin(s.start().minus(ONE_DAY), s.end().plus(ONE_DAY))) {
      return true; // no offset change near
    }
    return isUnambiguous(local(s.start())) && isUnambiguous(local(s.end()))
        && zone.offset(s.start()).equals(zone.offset(s.end()));
  }

  private boolean isUnambiguous(LocalDateTime l) {
    return zone.isUnambiguous(l);
  }

  private LocalDateTime local(Instant t) {
    return zone.local(t);
  }

  /** The local start of {@code s}, computed once per session and export. */
  private LocalDateTime localStart(Session s) {
    return localStarts.computeIfAbsent(s, x -> zone.local(x.start()));
  }
}
