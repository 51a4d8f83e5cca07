package org.rehabplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jspecify.annotations.Nullable;

/**
 * {@link TakenTime} answers exactly what a scan of every taken interval answers (the placement
 * rule before issue 14), on random intervals that overlap, touch and nest.
 */
class TakenTimeProperties {
  private static final Instant T0 = Instant.parse("2027-01-01T00:00:00Z");

  @Provide
  Arbitrary<List<int[]>> takenMinutes() {
    return Arbitraries.integers().between(0, 300).tuple2()
        .map(t -> new int[] {t.get1(), 1 + t.get2() % 40})
        .list().ofMaxSize(60);
  }

  @Property(tries = 500)
  void firstFreeIsTheFirstStartOverlappingNoTakenInterval(
      @ForAll("takenMinutes") List<int[]> taken,
      @ForAll("minutes") int start, @ForAll("lengths") int length, @ForAll("minutes") int limit) {
    TakenTime time = new TakenTime();
    List<Instant[]> all = new ArrayList<>();
    for (int[] t : taken) {
      Instant s = T0.plus(Duration.ofMinutes(t[0]));
      Instant e = s.plus(Duration.ofMinutes(t[1]));
      time.take(s, e);
      all.add(new Instant[] {s, e});
    }
    Instant from = T0.plus(Duration.ofMinutes(start));
    Instant until = T0.plus(Duration.ofMinutes(limit));
    Duration len = Duration.ofMinutes(length);
    assertEquals(naiveFirstFree(all, from, len, until), time.firstFree(from, len, until));
    assertTrue(time.size() <= taken.size());
  }

  @Provide
  Arbitrary<Integer> minutes() {
    // The ends only: with the default edge cases the combinations of four parameters outnumber
    // the tries and leave no random case.
    return Arbitraries.integers().between(0, 400).edgeCases(c -> c.includeOnly(0, 400));
  }

  @Provide
  Arbitrary<Integer> lengths() {
    return Arbitraries.integers().between(1, 30).edgeCases(c -> c.includeOnly(1, 30));
  }

  /** Tries every minute from {@code start}: the rule, spelled out. */
  private static @Nullable Instant naiveFirstFree(
      List<Instant[]> taken, Instant start, Duration length, Instant limit) {
    for (Instant s = start; !s.plus(length).isAfter(limit); s = s.plus(Duration.ofMinutes(1))) {
      Instant e = s.plus(length);
      boolean free = true;
      for (Instant[] t : taken) {
        if (t[0].isBefore(e) && t[1].isAfter(s)) {
          free = false;
          break;
        }
      }
      if (free) {
        return s;
      }
    }
    return null;
  }
}
