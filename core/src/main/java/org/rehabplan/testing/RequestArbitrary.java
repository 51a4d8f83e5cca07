package org.rehabplan.testing;

import java.time.ZoneId;
import java.util.Collection;
import net.jqwik.api.Arbitrary;
import org.rehabplan.PlanRequest;
import org.rehabplan.Severity;
import org.rehabplan.WakingHours;

/**
 * Generates {@link PlanRequest}s. By default: every available zone plus fixed offsets, with edge
 * cases weighted in (zones with 30- and 45-minute offsets, injuries minutes before DST changes in
 * both directions and both hemispheres, 23:59, leap days, year ends), every severity, and waking
 * hours that may cross midnight. Values shrink toward UTC, 2020-01-01 00:00, the first severity and
 * the default waking hours. Configuring methods return copies.
 */
public interface RequestArbitrary extends Arbitrary<PlanRequest> {

  /**
   * Only these zones (shrinking toward the first).
   *
   * @param zones the zones, at least one
   * @return a copy drawing its zones from {@code zones}
   */
  RequestArbitrary zones(Collection<ZoneId> zones);

  /**
   * Only these zones (shrinking toward the first).
   *
   * @param zones the zones, at least one
   * @return a copy drawing its zones from {@code zones}
   */
  default RequestArbitrary zones(ZoneId... zones) {
    return zones(java.util.List.of(zones));
  }

  /**
   * Only injuries within a few days of a DST transition of the zone (or any time without one).
   *
   * @return a copy that draws injury times near transitions
   */
  RequestArbitrary aroundDstTransitions();

  /**
   * Only these severities.
   *
   * @param severities the severities, at least one
   * @return a copy drawing its severities from {@code severities}
   */
  RequestArbitrary severities(Collection<Severity> severities);

  /**
   * Only these severities.
   *
   * @param severities the severities, at least one
   * @return a copy drawing its severities from {@code severities}
   */
  default RequestArbitrary severities(Severity... severities) {
    return severities(java.util.List.of(severities));
  }

  /**
   * Only these waking hours.
   *
   * @param wakingHours the waking hours, at least one
   * @return a copy drawing its waking hours from {@code wakingHours}
   */
  RequestArbitrary wakingHours(Collection<WakingHours> wakingHours);

  /**
   * Injury years from {@code firstYear} to {@code lastYear} inclusive (default 2020–2035).
   *
   * @param firstYear the earliest injury year, within the supported years of {@link
   *     org.rehabplan.PlanRequest}
   * @param lastYear the latest injury year, from {@code firstYear} on and within those years
   * @return a copy with that range
   */
  RequestArbitrary years(int firstYear, int lastYear);
}
