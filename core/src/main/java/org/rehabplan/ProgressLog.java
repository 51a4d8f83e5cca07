package org.rehabplan;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An immutable, time-ordered list of {@link CheckIn}s. {@link #append(CheckIn)} returns a new log;
 * two check-ins at the same instant are rejected. Thread-safe.
 */
public final class ProgressLog {
  private static final ProgressLog EMPTY = new ProgressLog(ImmutableList.of());

  private final ImmutableList<CheckIn> checkIns;

  private ProgressLog(ImmutableList<CheckIn> sortedCheckIns) {
    this.checkIns = sortedCheckIns;
  }

  /**
   * The empty log.
   *
   * @return the log without check-ins, the same instance on every call
   */
  public static ProgressLog empty() {
    return EMPTY;
  }

  /**
   * A log of {@code checkIns}, in any order; no two may share an instant.
   *
   * @param checkIns the check-ins; no nulls
   * @return the log, sorted oldest first
   * @throws PlanningException if two check-ins share an instant
   */
  public static ProgressLog of(Collection<CheckIn> checkIns) {
    requireNonNull(checkIns, "checkIns");
    List<CheckIn> sorted = new ArrayList<>(checkIns);
    sorted.forEach(c -> requireNonNull(c, "checkIn"));
    sorted.sort(Comparator.comparing(CheckIn::at));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).at().equals(sorted.get(i - 1).at())) {
        throw new PlanningException("two check-ins at the same instant " + sorted.get(i).at());
      }
    }
    return sorted.isEmpty() ? EMPTY : new ProgressLog(ImmutableList.copyOf(sorted));
  }

  /**
   * A log of {@code checkIns}, in any order; no two may share an instant.
   *
   * @param checkIns the check-ins; no nulls
   * @return the log, sorted oldest first
   * @throws PlanningException if two check-ins share an instant
   */
  public static ProgressLog of(CheckIn... checkIns) {
    return of(Arrays.asList(Checks.checkNoNulls(checkIns, "checkIns")));
  }

  /**
   * Returns a log with {@code checkIn} added in time order. This instance is immutable and
   * unaffected by this method call.
   *
   * @param checkIn the check-in to add, at any instant
   * @return the longer log
   * @throws PlanningException if a check-in at the same instant is already in the log
   */
  public ProgressLog append(CheckIn checkIn) {
    requireNonNull(checkIn, "checkIn");
    List<CheckIn> all = new ArrayList<>(checkIns);
    all.add(checkIn);
    return of(all);
  }

  /**
   * The check-ins, oldest first.
   *
   * @return an immutable list, ordered by {@link CheckIn#at()}
   */
  public List<CheckIn> checkIns() {
    return checkIns;
  }

  /**
   * The check-ins at or before {@code instant}, oldest first.
   *
   * @param instant the last instant to keep, inclusive
   * @return this log when none is later, otherwise the shorter log
   */
  public ProgressLog upTo(Instant instant) {
    requireNonNull(instant, "instant");
    int n = 0;
    while (n < checkIns.size() && !checkIns.get(n).at().isAfter(instant)) {
      n++;
    }
    return n == checkIns.size() ? this : new ProgressLog(checkIns.subList(0, n));
  }

  /**
   * Whether the log has no check-ins.
   *
   * @return true for the empty log
   */
  public boolean isEmpty() {
    return checkIns.isEmpty();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ProgressLog other && checkIns.equals(other.checkIns);
  }

  @Override
  public int hashCode() {
    return checkIns.hashCode();
  }

  @Override
  public String toString() {
    return "ProgressLog" + checkIns;
  }
}
