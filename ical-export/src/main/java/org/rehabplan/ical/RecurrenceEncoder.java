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
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.rehabplan.Criterion;
import org.rehabplan.Session;

/**
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
final class RecurrenceEncoder {

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
  private static final long DAY = 86_400;

  private static final Comparator<Session> BY_START =
      Comparator.comparing(Session::start).thenComparing(Session::id);

  private final ZoneTable zone;
  private final boolean utcOnly;

  /**
   * @param zone the offset changes of the person's zone over the export's range
   * @param utcOnly whether every date-time is written in UTC (fixed-offset zones); then the
   *     analysis runs in UTC
   */
  RecurrenceEncoder(ZoneTable zone, boolean utcOnly) {
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

  /**
   * A session with what the encoder asks of it more than once, computed once per export: its
   * local start and whether it may join a series.
   */
  private static final class Item {
    final Session session;
    final LocalDateTime local;
    final boolean regular;

    Item(Session session, LocalDateTime local, boolean regular) {
      this.session = session;
      this.local = local;
      this.regular = regular;
    }
  }

  private List<TimedEvent> grouped(List<Session> sessions, boolean portable) {
    record GroupKey(
        String intervention, String phase, Duration length, List<String> awaited) {}
    Map<GroupKey, List<Item>> groups = new LinkedHashMap<>();
    // The awaited criteria's ids, by the set's identity: sessions share few such sets.
    IdentityHashMap<Set<Criterion>, List<String>> awaitedIds = new IdentityHashMap<>();
    for (Session s : sessions) {
      // Firm and conditional sessions never share a series: their status and alarms differ.
      List<String> awaited = awaitedIds.computeIfAbsent(s.awaitedCriteria(), RecurrenceEncoder::ids);
      GroupKey key = new GroupKey(s.intervention().id(), s.phase().id(), s.duration(), awaited);
      groups.computeIfAbsent(key, k -> new ArrayList<>())
          .add(new Item(s, zone.local(s.start()), isRegular(s)));
    }
    List<TimedEvent> out = new ArrayList<>();
    for (List<Item> group : groups.values()) {
      group(group, portable, out);
    }
    out.sort(Comparator.comparing((TimedEvent e) -> e.master().start())
        .thenComparing(e -> e.master().id()));
    return out;
  }

  private static List<String> ids(Set<Criterion> criteria) {
    List<String> ids = new ArrayList<>(criteria.size());
    for (Criterion c : criteria) {
      ids.add(c.id());
    }
    return List.copyOf(ids);
  }

  private void group(List<Item> group, boolean portable, List<TimedEvent> out) {
    List<Session> leftovers = new ArrayList<>();
    // Buckets of regular sessions by their local start: the second of the day (portable, one
    // time of day per series) or of the hour (compact, BYHOUR for several hours).
    Map<Integer, List<Item>> buckets = new TreeMap<>();
    for (Item item : group) {
      if (item.regular) {
        LocalTime t = item.local.toLocalTime();
        int key = (portable ? t.getHour() * 3600 : 0) + t.getMinute() * 60 + t.getSecond();
        buckets.computeIfAbsent(key, k -> new ArrayList<>()).add(item);
      } else {
        out.add(single("series:", item.session, false));
      }
    }
    for (List<Item> bucket : buckets.values()) {
      planBucket(bucket, leftovers, out);
    }
    leftovers.sort(BY_START);
    if (portable || leftovers.size() == 1) {
      for (Session s : leftovers) {
        out.add(single("series:", s, true));
      }
    } else if (!leftovers.isEmpty()) {
      out.add(new TimedEvent("series:" + leftovers.get(0).id(), leftovers.get(0), null, List.of(),
          leftovers.subList(1, leftovers.size()), utcOnly));
    }
  }

  /**
   * A bucket's sessions by local date and hour, in arrays indexed by the day from the first
   * date and by the hour's place among the bucket's hours.
   */
  private static final class Days {
    final long firstEpochDay;
    final int span;
    /** The bucket's hours of the day, ascending. */
    final int[] hours;
    /** {@code slot[hour]}: the hour's index in {@link #hours}, or -1. */
    final int[] slot = new int[24];
    /** {@code sessions[day * hours.length + slot]}; null where there is none. */
    final @Nullable Session[] sessions;
    /** How many sessions each day has. */
    final int[] perDay;
    /** How many days have a session. */
    final int dates;

    Days(List<Item> bucket) {
      LocalDate min = bucket.get(0).local.toLocalDate();
      LocalDate max = min;
      boolean[] present = new boolean[24];
      for (Item item : bucket) {
        LocalDate d = item.local.toLocalDate();
        min = d.isBefore(min) ? d : min;
        max = d.isAfter(max) ? d : max;
        present[item.local.getHour()] = true;
      }
      firstEpochDay = min.toEpochDay();
      span = (int) ChronoUnit.DAYS.between(min, max) + 1;
      int n = 0;
      java.util.Arrays.fill(slot, -1);
      for (int h = 0; h < 24; h++) {
        if (present[h]) {
          slot[h] = n++;
        }
      }
      hours = new int[n];
      for (int h = 0; h < 24; h++) {
        if (present[h]) {
          hours[slot[h]] = h;
        }
      }
      sessions = new Session[span * n];
      perDay = new int[span];
      for (Item item : bucket) {
        int day = day(item.local.toLocalDate());
        int at = day * n + slot[item.local.getHour()];
        if (sessions[at] == null) {
          perDay[day]++;
        }
        sessions[at] = item.session; // as a map's put: a later session at the same time wins
      }
      int withSessions = 0;
      for (int c : perDay) {
        withSessions += c > 0 ? 1 : 0;
      }
      dates = withSessions;
    }

    int day(LocalDate d) {
      return (int) (d.toEpochDay() - firstEpochDay);
    }

    @Nullable Session at(int day, int hour) {
      int k = slot[hour];
      return k < 0 ? null : sessions[day * hours.length + k];
    }

    /** Adds every session of {@code day} to {@code out}. */
    void addAll(int day, List<Session> out) {
      for (int k = 0; k < hours.length; k++) {
        Session s = sessions[day * hours.length + k];
        if (s != null) {
          out.add(s);
        }
      }
    }
  }

  private void planBucket(List<Item> bucket, List<Session> leftovers, List<TimedEvent> out) {
    Duration length = bucket.get(0).session.duration();
    LocalTime first = bucket.get(0).local.toLocalTime();
    int minute = first.getMinute();
    int second = first.getSecond();
    Days days = new Days(bucket);
    // The hours that occur on most of the bucket's dates.
    int[] counts = new int[24];
    for (int d = 0; d < days.span; d++) {
      for (int h : days.hours) {
        if (days.at(d, h) != null) {
          counts[h]++;
        }
      }
    }
    int chosen = 0;
    int[] pattern = new int[days.hours.length];
    for (int h : days.hours) {
      if (2 * counts[h] > days.dates) {
        pattern[chosen++] = h;
      }
    }
    int[] hours = java.util.Arrays.copyOf(pattern, chosen);
    if (hours.length == 0 || (days.dates < 2 && hours.length < 2)) {
      for (Item item : bucket) {
        leftovers.add(item.session);
      }
      return;
    }
    Set<DayOfWeek> weekdays = EnumSet.noneOf(DayOfWeek.class);
    for (int d = 0; d < days.span; d++) {
      if (days.perDay[d] > 0) {
        weekdays.add(dayOfWeek(days.firstEpochDay + d));
      }
    }
    Frequency frequency =
        days.span == days.dates || weekdays.size() == 7 ? Frequency.DAILY : Frequency.WEEKLY;

    // Runs of consecutive pattern dates with one UTC offset throughout, on which every expansion
    // is safe: a rule never spans an offset change. A run is [runStart, runEnd) of day indexes,
    // skipping days that are not the pattern's (weekly).
    int runStart = -1;
    int runEnd = -1;
    ZoneOffset runOffset = null;
    long lengthSeconds = length.toSeconds();
    for (int i = 0; i < days.span; i++) {
      long epochDay = days.firstEpochDay + i;
      if (frequency == Frequency.WEEKLY && !weekdays.contains(dayOfWeek(epochDay))) {
        continue;
      }
      long dayStart = zone.instantSecond(epochDay * DAY);
      ZoneOffset offset = zone.offset(dayStart);
      boolean safe;
      if (frequency == Frequency.DAILY) {
        // The first test of isSafeDate, without objects: no offset change near the day.
        safe = !zone.changesWithin(dayStart - DAY, dayStart + 2 * DAY + lengthSeconds)
            || isSafeDate(LocalDate.ofEpochDay(epochDay), Instant.ofEpochSecond(dayStart), hours,
                minute, second, length);
      } else {
        long monday = epochDay - dayOfWeek(epochDay).getValue() + 1;
        long weekStart = zone.instantSecond(monday * DAY);
        // The first test of isSafeWeek, without objects: no offset change near the week.
        safe = !zone.changesWithin(weekStart - DAY, weekStart + 9 * DAY + lengthSeconds)
            || isSafeWeek(LocalDate.ofEpochDay(epochDay), hours, minute, second, length);
      }
      if (safe) {
        if (!offset.equals(runOffset)) {
          planRun(days, runStart, runEnd, hours, frequency, weekdays, minute, second, leftovers,
              out);
          runStart = i;
          runOffset = offset;
        }
        runEnd = i + 1;
      } else {
        planRun(days, runStart, runEnd, hours, frequency, weekdays, minute, second, leftovers,
            out);
        runStart = -1;
        runEnd = -1;
        runOffset = null;
        days.addAll(i, leftovers);
      }
    }
    planRun(days, runStart, runEnd, hours, frequency, weekdays, minute, second, leftovers, out);
  }

  /**
   * Plans one run: the days {@code [runStart, runEnd)} of {@code days} (for a weekly rule, only
   * those on its weekdays); nothing when {@code runStart} is negative.
   */
  private void planRun(
      Days days, int runStart, int runEnd, int[] hours, Frequency frequency,
      Set<DayOfWeek> weekdays, int minute, int second, List<Session> leftovers,
      List<TimedEvent> out) {
    if (runStart < 0) {
      return;
    }
    int minHour = hours[0];
    int start = runStart;
    // DTSTART must be the rule's first expansion: skip days that lack a session at the first hour.
    while (start < runEnd) {
      if (isRunDay(days, start, frequency, weekdays)) {
        if (days.at(start, minHour) != null) {
          break;
        }
        days.addAll(start, leftovers);
      }
      start++;
    }
    if (start == runEnd) {
      return;
    }
    List<Session> inRun = new ArrayList<>();
    for (int i = start; i < runEnd; i++) {
      if (!isRunDay(days, i, frequency, weekdays)) {
        continue;
      }
      for (int h : days.hours) {
        Session s = days.at(i, h);
        if (s == null) {
          continue;
        }
        if (java.util.Arrays.binarySearch(hours, h) >= 0) {
          inRun.add(s);
        } else {
          leftovers.add(s);
        }
      }
    }
    inRun.sort(BY_START);
    Session master = inRun.get(0);
    Instant until = inRun.get(inRun.size() - 1).start();
    List<Instant> exdates = new ArrayList<>();
    int covered = 0;
    long timeOfDay = minute * 60L + second;
    for (int i = start; i < runEnd; i++) {
      if (!isRunDay(days, i, frequency, weekdays)) {
        continue;
      }
      long localDay = (days.firstEpochDay + i) * DAY + timeOfDay;
      for (int h : hours) {
        // The expansion's instant, in whole seconds (as zone.instant of the local date-time).
        long t = zone.instantSecond(localDay + h * 3600L);
        if (isBefore(t, master.start()) || t > until.getEpochSecond()) {
          continue;
        }
        if (days.at(i, h) != null) {
          covered++;
        } else {
          exdates.add(Instant.ofEpochSecond(t));
        }
      }
    }
    if (covered < 2 || exdates.size() * 2 > covered) {
      leftovers.addAll(inRun);
      return;
    }
    exdates.sort(Comparator.naturalOrder());
    List<DayOfWeek> ruleDays = frequency == Frequency.WEEKLY
        ? new ArrayList<>(new TreeSet<>(weekdays)) : List.of();
    List<Integer> ruleHours = new ArrayList<>(hours.length);
    for (int h : hours) {
      ruleHours.add(h);
    }
    out.add(new TimedEvent("series:" + master.id(), master,
        new Rule(frequency, ruleDays, ruleHours, minute, until), exdates, List.of(), utcOnly));
  }

  /** Whether day {@code i} belongs to a run: every day for a daily rule, its weekdays for weekly. */
  private static boolean isRunDay(Days days, int i, Frequency frequency, Set<DayOfWeek> weekdays) {
    return frequency == Frequency.DAILY || weekdays.contains(dayOfWeek(days.firstEpochDay + i));
  }

  /** The day of the week of an epoch day, as {@link LocalDate#getDayOfWeek()}. */
  private static DayOfWeek dayOfWeek(long epochDay) {
    return DayOfWeek.of((int) Math.floorMod(epochDay + 3, 7L) + 1);
  }

  /** Whether the instant at {@code second} (no fraction) is before {@code t}. */
  private static boolean isBefore(long second, Instant t) {
    return second < t.getEpochSecond() || (second == t.getEpochSecond() && t.getNano() > 0);
  }

  /**
   * Whether the offset is the same all day on {@code d} and every expansion on it is at an
   * unambiguous local time and straddles no change.
   */
  private boolean isSafeDate(
      LocalDate d, Instant dayStart, int[] hours, int minute, int second, Duration length) {
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
      LocalDate d, int[] hours, int minute, int second, Duration length) {
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
    return single(prefix, s, isRegular(s));
  }

  /** As {@link #single(String, Session)}, with {@code regular} = {@link #isRegular}. */
  private TimedEvent single(String prefix, Session s, boolean regular) {
    boolean utc = utcOnly || !regular;
    return new TimedEvent(prefix + s.id(), s, null, List.of(), List.of(), utc);
  }

  /** Unambiguous start and end, same offset at both: may join a series. */
  private boolean isRegular(Session s) {
    if (!zone.changesWithin(s.start().getEpochSecond() - DAY, s.end().getEpochSecond() + DAY)) {
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
}
