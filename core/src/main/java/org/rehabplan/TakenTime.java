package org.rehabplan;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The time taken by sessions placed so far, as sorted, disjoint, non-adjacent half-open intervals
 * (touching or overlapping intervals are merged when taken). Finding the first free start costs
 * one lookup per taken interval skipped, and taking an interval is amortised logarithmic, so a
 * plan's placement stays near-linear in its sessions. Not thread-safe.
 */
final class TakenTime {
  /** Start to exclusive end of each merged interval. */
  private final TreeMap<Instant, Instant> intervals = new TreeMap<>();

  /** Marks {@code [start, endExclusive)} as taken. */
  void take(Instant start, Instant endExclusive) {
    if (!start.isBefore(endExclusive)) {
      return;
    }
    Instant s = start;
    Instant e = endExclusive;
    Map.Entry<Instant, Instant> before = intervals.floorEntry(s);
    if (before != null && !before.getValue().isBefore(s)) {
      s = before.getKey();
      e = later(e, before.getValue());
    }
    Iterator<Map.Entry<Instant, Instant>> it =
        intervals.subMap(s, true, e, true).entrySet().iterator();
    while (it.hasNext()) {
      e = later(e, it.next().getValue());
      it.remove();
    }
    intervals.put(s, e);
  }

  /**
   * The first start at or after {@code start} where a block of {@code length} overlaps no taken
   * time and ends by {@code limit}; null if there is none.
   */
  @Nullable Instant firstFree(Instant start, Duration length, Instant limit) {
    Instant s = start;
    while (true) {
      Instant e = s.plus(length);
      if (e.isAfter(limit)) {
        return null;
      }
      // Disjoint and sorted: the last interval starting before e ends last of those that do.
      Map.Entry<Instant, Instant> last = intervals.lowerEntry(e);
      if (last == null || !last.getValue().isAfter(s)) {
        return s;
      }
      s = last.getValue();
    }
  }

  /** The number of merged intervals (for tests). */
  int size() {
    return intervals.size();
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
