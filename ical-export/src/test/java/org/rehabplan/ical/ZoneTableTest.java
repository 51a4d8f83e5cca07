package org.rehabplan.ical;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.rehabplan.testing.RehabArbitraries;

/** {@link ZoneTable} answers as {@link java.time.zone.ZoneRules} does, in and out of its range. */
class ZoneTableTest {
  private static final Instant FROM = Instant.parse("2024-01-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-01-01T00:00:00Z");

  @Provide
  Arbitrary<ZoneId> zones() {
    return Arbitraries.of(RehabArbitraries.allZones());
  }

  @Property(tries = 300)
  void offsetsLocalTimesAndDaysAgreeWithTheZoneRules(@ForAll("zones") ZoneId zone,
      @ForAll @LongRange(min = -30 * 86_400L, max = 760 * 86_400L) long seconds,
      @ForAll @IntRange(min = -180, max = 180) int minutesFromAChange) {
    ZoneTable table = new ZoneTable(zone, FROM, TO);
    Instant t = FROM.plusSeconds(seconds);
    // Half the tries land near an offset change, where the answers differ.
    ZoneOffsetTransition change = zone.getRules().nextTransition(t);
    if (change != null && seconds % 2 == 0) {
      t = change.getInstant().plus(Duration.ofMinutes(minutesFromAChange));
    }
    assertEquals(zone.getRules().getOffset(t), table.offset(t), t::toString);
    assertEquals(LocalDateTime.ofInstant(t, zone), table.local(t));
    for (LocalDateTime l : new LocalDateTime[] {LocalDateTime.ofInstant(t, zone),
        LocalDateTime.ofInstant(t, java.time.ZoneOffset.UTC)}) {
      assertEquals(zone.getRules().getValidOffsets(l).size(), table.validOffsets(l),
          l::toString);
      assertEquals(l.atZone(zone).toInstant(), table.instant(l), l::toString);
    }
    LocalDate d = LocalDate.ofInstant(t, zone);
    assertEquals(d.atStartOfDay(zone).toInstant(), table.startOfDay(d), d::toString);
    Instant end = t.plus(Duration.ofHours(30));
    ZoneOffsetTransition next = zone.getRules().nextTransition(t.minusNanos(1));
    assertEquals(next != null && next.getInstant().isBefore(end), table.changesWithin(t, end));
  }
}
