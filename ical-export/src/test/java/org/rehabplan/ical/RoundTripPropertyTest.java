package org.rehabplan.ical;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.fortuna.ical4j.validate.ValidationResult;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;
import org.rehabplan.testing.RehabArbitraries;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.rehabplan.Interval;
import org.rehabplan.Plan;
import org.rehabplan.Session;

/**
 * The promise of the export: expanding the file gives exactly the plan's sessions, start and end
 * instant for instant, whichever of two independent parsers (iCal4j and biweekly) reads it, in the
 * compact and the one-event-per-session form. {@value #TRIES} random plans per property (see
 * {@link RandomPlans}).
 */
class RoundTripPropertyTest {
  static final int TRIES = 300;

  private static final IcalExporter PORTABLE = IcalExporter.builder().build();
  private static final IcalExporter COMPACT =
      IcalExporter.builder().encoding(SessionEncoding.COMPACT).build();
  private static final IcalExporter ONE_EACH =
      IcalExporter.builder().oneEventPerSession(true).noAlarms().build();

  @Provide
  Arbitrary<Plan> plans() {
    return Arbitraries.frequencyOf(
        Tuple.of(1, RandomPlans.plans()), Tuple.of(1, RehabArbitraries.plans()));
  }

  @Property(tries = TRIES)
  void portableExportExpandsToTheSessionsAndKeepsOutlooksRules(@ForAll("plans") Plan plan) {
    String ics = PORTABLE.export(plan).text();
    assertRoundTrip(plan, ics);
    OutlookRules.assertClean(ics);
  }

  @Property(tries = TRIES)
  void compactExportExpandsToTheSessions(@ForAll("plans") Plan plan) {
    assertRoundTrip(plan, COMPACT.export(plan).text());
  }

  @Property(tries = TRIES)
  void oneEventPerSessionExpandsToTheSessions(@ForAll("plans") Plan plan) {
    assertRoundTrip(plan, ONE_EACH.export(plan).text());
  }

  @Property(tries = TRIES)
  void everyExportValidates(@ForAll("plans") Plan plan) {
    ValidationResult portable = PORTABLE.export(plan).toCalendar().validate();
    assertFalse(portable.hasErrors(), () -> portable + "\n" + plan);
    ValidationResult result = COMPACT.export(plan).toCalendar().validate();
    assertFalse(result.hasErrors(), () -> result + "\n" + plan);
    ValidationResult each = ONE_EACH.export(plan).toCalendar().validate();
    assertFalse(each.hasErrors(), () -> each + "\n" + plan);
  }

  @Property(tries = TRIES)
  void everyLineIsFoldedByOctets(@ForAll("plans") Plan plan) {
    Rfc5545.assertWellFormed(PORTABLE.export(plan).bytes());
    Rfc5545.assertWellFormed(COMPACT.export(plan).bytes());
  }

  private static void assertRoundTrip(Plan plan, String ics) {
    List<Interval> expected = Expansions.expected(plan);
    Instant last = plan.interval().endExclusive();
    for (Session s : plan.sessions()) {
      last = s.end().isAfter(last) ? s.end() : last;
    }
    Interval window = Interval.of(plan.interval().start().minus(Duration.ofDays(2)),
        last.plus(Duration.ofDays(2)));
    List<Interval> ical4j = Expansions.ical4j(ics, window);
    assertTrue(expected.equals(ical4j),
        () -> "iCal4j: " + Diff.of(expected, ical4j) + "\n" + plan.request() + "\n" + ics);
    List<Interval> biweekly = Expansions.biweekly(ics);
    assertTrue(expected.equals(biweekly),
        () -> "biweekly: " + Diff.of(expected, biweekly) + "\n" + plan.request() + "\n" + ics);
  }
}
