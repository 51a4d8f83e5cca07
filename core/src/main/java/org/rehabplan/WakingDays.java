package org.rehabplan;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The waking windows of a run of local dates, as sorted, non-empty, non-overlapping instants. A
 * date whose window resolves to nothing (a zone that skipped the day, or a window swallowed by a
 * DST gap) or that would overlap the previous window is left out.
 */
final class WakingDays {
  private final List<LocalDate> dates = new ArrayList<>();
  private final List<Interval> windows = new ArrayList<>();

  WakingDays(WakingHours hours, ZoneId zone, LocalDate firstDate, LocalDate lastDate) {
    Instant previousEnd = Instant.MIN;
    for (LocalDate d = firstDate; !d.isAfter(lastDate); d = d.plusDays(1)) {
      Interval w = hours.windowStartingOn(d, zone);
      if (w.isEmpty() || w.start().isBefore(previousEnd)) {
        continue;
      }
      dates.add(d);
      windows.add(w);
      previousEnd = w.endExclusive();
    }
  }

  int size() {
    return windows.size();
  }

  Interval window(int index) {
    return windows.get(index);
  }

  LocalDate date(int index) {
    return dates.get(index);
  }

  /** Index of the first window that ends after {@code t}, or {@link #size()} if none does. */
  int firstEndingAfter(Instant t) {
    int lo = 0;
    int hi = windows.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (windows.get(mid).endExclusive().isAfter(t)) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }
}
