package org.rehabplan.testing;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.rehabplan.WakingHours;

/**
 * Generators of zones and waking hours, shared by {@link RehabArbitraries} (which exposes them)
 * and the request arbitrary (which uses them as defaults) so that neither depends on the other.
 */
final class TimeArbitraries {
  /** Zones that make schedules interesting: 30/45-minute offsets, DST in both hemispheres. */
  static final List<ZoneId> EDGE_ZONES = List.of(
      ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Asia/Kathmandu"), ZoneId.of("Pacific/Chatham"),
      ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"), ZoneId.of("Australia/Sydney"),
      ZoneId.of("America/Santiago"), ZoneId.of("Pacific/Auckland"), ZoneId.of("America/St_Johns"),
      ZoneId.of("Asia/Kolkata"), ZoneId.of("Pacific/Apia"));

  private TimeArbitraries() {}

  /** Every zone id the JDK knows, UTC first, then fixed offsets, then the rest sorted. */
  static List<ZoneId> allZones() {
    List<ZoneId> zones = new ArrayList<>();
    zones.add(ZoneOffset.UTC);
    zones.add(ZoneOffset.ofHoursMinutes(5, 45));
    zones.add(ZoneOffset.ofHours(-11));
    for (String id : new TreeSet<>(ZoneId.getAvailableZoneIds())) {
      // Skip ids other libraries register at run time without usable rules (iCal4j adds some).
      if (id.startsWith("ical4j")) {
        continue;
      }
      zones.add(ZoneId.of(id));
    }
    return zones;
  }

  /**
   * Zones: every available zone and some fixed offsets, with edge-case zones weighted in;
   * shrinks toward UTC.
   */
  static Arbitrary<ZoneId> zones() {
    List<ZoneId> weighted = new ArrayList<>(allZones());
    for (int i = 0; i < 8; i++) {
      weighted.addAll(EDGE_ZONES);
    }
    return Arbitraries.of(weighted);
  }

  /** Waking hours of 8 to 20 hours in quarter hours, some crossing midnight. */
  static Arbitrary<WakingHours> wakingHours() {
    Arbitrary<WakingHours> any = Combinators.combine(
            Arbitraries.integers().between(0, 24 * 4 - 1),
            Arbitraries.integers().between(8 * 4, 20 * 4))
        .as((startQuarter, lengthQuarters) -> {
          LocalTime wake = LocalTime.of(startQuarter / 4, startQuarter % 4 * 15);
          return WakingHours.of(wake, wake.plusMinutes(lengthQuarters * 15L));
        });
    WakingHours nightShift = WakingHours.of(LocalTime.of(15, 0), LocalTime.of(7, 0));
    return Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.just(WakingHours.DEFAULT)),
            Tuple.of(1, Arbitraries.just(nightShift)),
            Tuple.of(6, any))
        // Two edge cases, not jqwik's combinations of the quarter hours' (see requests()).
        .edgeCases(c -> c.includeOnly(WakingHours.DEFAULT, nightShift));
  }
}
