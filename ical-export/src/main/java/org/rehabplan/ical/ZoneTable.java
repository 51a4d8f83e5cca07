package org.rehabplan.ical;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The offset changes of one zone over one export's range, looked up by binary search: the answers
 * of {@link ZoneRules} without its per-call work (for zones with yearly rules, {@code ZoneRules}
 * builds a year's transitions on many calls). Outside the range, and for the rare local time near
 * two changes, it asks the rules. Not thread-safe (it remembers its last answer); one per export.
 */
final class ZoneTable {
  /** More than any offset (18 hours), so that a window around a local time holds its offsets. */
  private static final long REACH = 18 * 3600;

  private final ZoneId zone;
  private final ZoneRules rules;
  private final long from;
  private final long to;
  /** Instants of the changes in the range, ascending. */
  private final long[] changes;
  /** {@code offsets[i]}: the offset before {@code changes[i]}; the last one after the last. */
  private final ZoneOffset[] offsets;
  /**
   * {@code byDay[k]}: the number of changes at or before {@code from + k} days, for each UTC day
   * of the range (empty when the range is too long for a table: then binary search only).
   */
  private final int[] byDay;
  /** The last index found (see {@link #index}); not thread-safe, like the export. */
  private int hint;

  private static final int DAY = 86_400;
  /** The longest range, in days, given a per-day table (about 270 years). */
  private static final int MAX_TABLE_DAYS = 100_000;

  /** A table for instants in {@code [from, to)}. */
  ZoneTable(ZoneId zone, Instant from, Instant to) {
    this.zone = zone;
    this.rules = zone.getRules();
    this.from = from.getEpochSecond();
    this.to = Math.max(this.from, to.getEpochSecond());
    List<ZoneOffsetTransition> found = new ArrayList<>();
    if (!rules.isFixedOffset()) {
      for (ZoneOffsetTransition t = rules.nextTransition(Instant.ofEpochSecond(this.from - 1));
          t != null && t.toEpochSecond() < this.to;
          t = rules.nextTransition(t.getInstant())) {
        found.add(t);
      }
    }
    this.changes = new long[found.size()];
    this.offsets = new ZoneOffset[found.size() + 1];
    offsets[0] = rules.getOffset(Instant.ofEpochSecond(this.from));
    for (int i = 0; i < found.size(); i++) {
      changes[i] = found.get(i).toEpochSecond();
      offsets[i + 1] = found.get(i).getOffsetAfter();
    }
    long days = (this.to - this.from) / DAY + 1;
    this.byDay = new int[changes.length == 0 || days > MAX_TABLE_DAYS ? 0 : (int) days];
    int h = 0;
    for (int k = 0; k < byDay.length; k++) {
      long t = this.from + (long) k * DAY;
      while (h < changes.length && changes[h] <= t) {
        h++;
      }
      byDay[k] = h;
    }
  }

  /** The offset at {@code epochSecond}. */
  ZoneOffset offset(long epochSecond) {
    if (epochSecond < from || epochSecond >= to) {
      return rules.getOffset(Instant.ofEpochSecond(epochSecond));
    }
    return offsets[index(epochSecond)];
  }

  /**
   * The index in {@link #offsets} of the offset at {@code epochSecond} (in the range): the number
   * of changes at or before it. Tries the last answer first (calls come in time order mostly),
   * then the per-day table, then binary search.
   */
  private int index(long epochSecond) {
    int h = hint;
    if ((h == 0 || changes[h - 1] <= epochSecond)
        && (h == changes.length || epochSecond < changes[h])) {
      return h;
    }
    if (byDay.length > 0) {
      // The day's count, then the few changes later that day.
      h = byDay[(int) ((epochSecond - from) / DAY)];
      while (h < changes.length && changes[h] <= epochSecond) {
        h++;
      }
      hint = h;
      return h;
    }
    int i = Arrays.binarySearch(changes, epochSecond);
    h = i >= 0 ? i + 1 : -i - 1;
    hint = h;
    return h;
  }

  /** The offset at {@code t}. */
  ZoneOffset offset(Instant t) {
    return offset(t.getEpochSecond());
  }

  /** The local date-time of {@code t}. */
  LocalDateTime local(Instant t) {
    return LocalDateTime.ofEpochSecond(t.getEpochSecond(), t.getNano(), offset(t));
  }

  /** How many offsets are valid for {@code l}: 0 in a gap, 2 in an overlap, else 1. */
  int validOffsets(LocalDateTime l) {
    long utc = l.toEpochSecond(ZoneOffset.UTC);
    if (utc - REACH < from || utc + REACH >= to) {
      return rules.getValidOffsets(l).size();
    }
    int i = index(utc - REACH);
    if (i == changes.length || changes[i] >= utc + REACH) {
      return 1; // no change within reach: one offset
    }
    if (changesBetween(utc - REACH, utc + REACH) > 1) {
      return rules.getValidOffsets(l).size();
    }
    ZoneOffset early = offset(utc - REACH);
    ZoneOffset late = offset(utc + REACH);
    int n = isValid(utc, early) ? 1 : 0;
    if (!late.equals(early) && isValid(utc, late)) {
      n++;
    }
    return n;
  }

  /** Whether {@code l} exists exactly once. */
  boolean isUnambiguous(LocalDateTime l) {
    return validOffsets(l) == 1;
  }

  /** The instant of {@code l}, as {@code l.atZone(zone).toInstant()}. */
  Instant instant(LocalDateTime l) {
    long utc = l.toEpochSecond(ZoneOffset.UTC);
    if (utc - REACH >= from && utc + REACH < to) {
      int i = index(utc - REACH);
      if (i == changes.length || changes[i] >= utc + REACH) {
        return l.toInstant(offsets[i]);
      }
    }
    if (validOffsets(l) == 1) {
      ZoneOffset o = offset(utc - REACH);
      if (!isValid(utc, o)) {
        o = offset(utc + REACH);
      }
      return l.toInstant(o);
    }
    return l.atZone(zone).toInstant();
  }

  /**
   * As {@link #instant(LocalDateTime)} in epoch seconds, for a local date-time of whole seconds
   * given as its epoch second read in UTC ({@code l.toEpochSecond(ZoneOffset.UTC)}): without
   * objects where no change is near.
   */
  long instantSecond(long localSecond) {
    if (localSecond - REACH >= from && localSecond + REACH < to) {
      int i = index(localSecond - REACH);
      if (i == changes.length || changes[i] >= localSecond + REACH) {
        return localSecond - offsets[i].getTotalSeconds();
      }
    }
    return instant(LocalDateTime.ofEpochSecond(localSecond, 0, ZoneOffset.UTC)).getEpochSecond();
  }

  /** The first instant of {@code d}, as {@code d.atStartOfDay(zone).toInstant()}. */
  Instant startOfDay(LocalDate d) {
    return instant(d.atStartOfDay());
  }

  /** Whether an offset change happens in {@code [start, end)}. */
  boolean changesWithin(Instant start, Instant end) {
    long s = start.getEpochSecond();
    long e = end.getEpochSecond();
    if (s < from || e > to) {
      ZoneOffsetTransition t = rules.nextTransition(start.minusNanos(1));
      return t != null && t.getInstant().isBefore(end);
    }
    return anyChangeBetween(s, e);
  }

  /**
   * As {@link #changesWithin(Instant, Instant)} for instants of whole seconds: whether an offset
   * change happens in {@code [s, e)}.
   */
  boolean changesWithin(long s, long e) {
    if (s < from || e > to) {
      return changesWithin(Instant.ofEpochSecond(s), Instant.ofEpochSecond(e));
    }
    return anyChangeBetween(s, e);
  }

  /**
   * Whether a change happens in {@code [s, e)}, within the range: as {@code changesBetween(s, e)
   * > 0}, but with the remembered index instead of two binary searches where it can.
   */
  private boolean anyChangeBetween(long s, long e) {
    if (s >= e) {
      return false;
    }
    int h = index(s); // the number of changes at or before s
    if (h > 0 && changes[h - 1] == s) {
      return true;
    }
    return h < changes.length && changes[h] < e;
  }

  /** How many changes in {@code [s, e)}, within the range. */
  private int changesBetween(long s, long e) {
    int a = Arrays.binarySearch(changes, s);
    int first = a >= 0 ? a : -a - 1;
    int b = Arrays.binarySearch(changes, e);
    int end = b >= 0 ? b : -b - 1;
    return end - first;
  }

  private boolean isValid(long utc, ZoneOffset o) {
    return offset(utc - o.getTotalSeconds()).equals(o);
  }
}
