package org.rehabplan.testing;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.Collection;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.arbitraries.ArbitraryDecorator;
import org.jspecify.annotations.Nullable;
import org.rehabplan.PlanRequest;
import org.rehabplan.Severity;
import org.rehabplan.WakingHours;

final class DefaultRequestArbitrary extends ArbitraryDecorator<PlanRequest>
    implements RequestArbitrary {
  private @Nullable List<ZoneId> zones;
  private boolean aroundDst;
  private List<Severity> severities = List.of(Severity.values());
  private @Nullable List<WakingHours> wakingHours;
  private int firstYear = 2020;
  private int lastYear = 2035;

  /** How an injury time is drawn; the first shrinks best. */
  private enum Kind { ANYWHERE, NEAR_TRANSITION, MINUTES_BEFORE_TRANSITION, LATE_NIGHT, LEAP_DAY,
    YEAR_END }

  @Override
  protected Arbitrary<PlanRequest> arbitrary() {
    Arbitrary<ZoneId> zoneArbitrary =
        zones == null ? TimeArbitraries.zones() : Arbitraries.of(zones);
    Arbitrary<WakingHours> waking =
        wakingHours == null ? TimeArbitraries.wakingHours() : Arbitraries.of(wakingHours);
    Arbitrary<Kind> kinds = aroundDst
        ? Arbitraries.frequency(Tuple.of(3, Kind.NEAR_TRANSITION),
            Tuple.of(1, Kind.MINUTES_BEFORE_TRANSITION))
        : Arbitraries.frequency(Tuple.of(4, Kind.ANYWHERE), Tuple.of(3, Kind.NEAR_TRANSITION),
            Tuple.of(2, Kind.MINUTES_BEFORE_TRANSITION), Tuple.of(1, Kind.LATE_NIGHT),
            Tuple.of(1, Kind.LEAP_DAY), Tuple.of(1, Kind.YEAR_END));
    // Few edge cases (jqwik combines every component's, which would outnumber the tries many
    // times over): the first date, time of day, offset and severity; the kinds above draw the
    // others that matter (DST changes, late night, leap day, year end).
    LocalDate first = LocalDate.of(firstYear, 1, 1);
    Arbitrary<LocalDate> dates = Arbitraries.longs()
        .between(first.toEpochDay(), LocalDate.of(lastYear, 12, 31).toEpochDay())
        .map(LocalDate::ofEpochDay).edgeCases(c -> c.includeOnly(first));
    Arbitrary<Integer> minuteOfDay =
        Arbitraries.integers().between(0, 24 * 60 - 1).edgeCases(c -> c.includeOnly(0));
    Arbitrary<Integer> fromTransition = Arbitraries.integers().between(-3 * 24 * 60, 24 * 60)
        .edgeCases(c -> c.includeOnly(0));
    Arbitrary<Severity> severityArbitrary =
        Arbitraries.of(severities).edgeCases(c -> c.includeOnly(severities.get(0)));
    return Combinators.combine(zoneArbitrary, kinds, dates, minuteOfDay, fromTransition,
            severityArbitrary, waking)
        .as((zone, kind, date, minute, minutes, severity, hours) -> PlanRequest.builder()
            .injuredAt(injury(zone, kind, date, minute, minutes))
            .severity(severity).wakingHours(hours).build());
  }

  private ZonedDateTime injury(ZoneId zone, Kind kind, LocalDate date, int minute, int minutes) {
    LocalTime time = LocalTime.of(minute / 60, minute % 60);
    switch (kind) {
      case NEAR_TRANSITION -> {
        return nearTransition(zone, date.getYear(), date.getMonthValue() - 1, minutes);
      }
      case MINUTES_BEFORE_TRANSITION -> {
        return nearTransition(zone, date.getYear(), date.getMonthValue() - 1,
            -1 - Math.floorMod(minutes, 180));
      }
      case LATE_NIGHT -> {
        return ZonedDateTime.of(date, LocalTime.of(23, 59), zone);
      }
      case LEAP_DAY -> {
        int year = date.getYear();
        while (!LocalDate.of(year, 1, 1).isLeapYear()) {
          year = year + 1 > lastYear ? firstYear : year + 1;
          if (year == date.getYear()) {
            return ZonedDateTime.of(date, time, zone); // no leap year in range
          }
        }
        return ZonedDateTime.of(LocalDate.of(year, 2, 29), time, zone);
      }
      case YEAR_END -> {
        return ZonedDateTime.of(LocalDate.of(date.getYear(), 12, 31), time, zone);
      }
      default -> {
        return ZonedDateTime.of(date, time, zone);
      }
    }
  }

  private static ZonedDateTime nearTransition(ZoneId zone, int year, int month, int minutes) {
    Instant from = LocalDate.of(year, month + 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    ZoneOffsetTransition t = zone.getRules().nextTransition(from);
    Instant base = t == null ? from : t.getInstant();
    return base.plus(Duration.ofMinutes(minutes)).atZone(zone).withSecond(0).withNano(0);
  }

  @Override
  public RequestArbitrary zones(Collection<ZoneId> zones) {
    requireNonNull(zones, "zones");
    checkArgument(!zones.isEmpty(), "zones must not be empty");
    DefaultRequestArbitrary copy = typedClone();
    copy.zones = List.copyOf(zones);
    return copy;
  }

  @Override
  public RequestArbitrary aroundDstTransitions() {
    DefaultRequestArbitrary copy = typedClone();
    copy.aroundDst = true;
    return copy;
  }

  @Override
  public RequestArbitrary severities(Collection<Severity> severities) {
    requireNonNull(severities, "severities");
    checkArgument(!severities.isEmpty(), "severities must not be empty");
    DefaultRequestArbitrary copy = typedClone();
    copy.severities = List.copyOf(severities);
    return copy;
  }

  @Override
  public RequestArbitrary wakingHours(Collection<WakingHours> wakingHours) {
    requireNonNull(wakingHours, "wakingHours");
    checkArgument(!wakingHours.isEmpty(), "wakingHours must not be empty");
    DefaultRequestArbitrary copy = typedClone();
    copy.wakingHours = List.copyOf(wakingHours);
    return copy;
  }

  @Override
  public RequestArbitrary years(int firstYear, int lastYear) {
    checkArgument(firstYear >= 1900 && firstYear <= lastYear && lastYear <= 2200,
        "years must satisfy 1900 <= firstYear <= lastYear <= 2200: %s, %s", firstYear, lastYear);
    DefaultRequestArbitrary copy = typedClone();
    copy.firstYear = firstYear;
    copy.lastYear = lastYear;
    return copy;
  }
}
