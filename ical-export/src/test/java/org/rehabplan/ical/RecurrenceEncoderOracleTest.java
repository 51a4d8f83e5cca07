package org.rehabplan.ical;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.rehabplan.Plan;
import org.rehabplan.Session;

/**
 * The encoder's series planning on day-indexed arrays gives exactly the events of the
 * map-based one it replaced ({@link RecurrenceEncoderOracle}), in every encoding, for random
 * plans in every zone (DST days both ways, 30/45-minute offsets, fixed offsets).
 */
class RecurrenceEncoderOracleTest {
  @Provide
  Arbitrary<Plan> plans() {
    return RandomPlans.plans();
  }

  @Property(tries = 300)
  void theEncoderGivesTheOraclesEvents(@ForAll("plans") Plan plan) {
    Instant last = plan.interval().endExclusive();
    for (Session s : plan.sessions()) {
      last = s.end().isAfter(last) ? s.end() : last;
    }
    for (boolean utcOnly : new boolean[] {false, true}) {
      ZoneTable a = new ZoneTable(plan.zone(), plan.interval().start().minus(Duration.ofDays(8)),
          last.plus(Duration.ofDays(8)));
      ZoneTable b = new ZoneTable(plan.zone(), plan.interval().start().minus(Duration.ofDays(8)),
          last.plus(Duration.ofDays(8)));
      RecurrenceEncoder encoder = new RecurrenceEncoder(a, utcOnly);
      RecurrenceEncoderOracle oracle = new RecurrenceEncoderOracle(b, utcOnly);
      List<Session> sessions = plan.sessions();
      assertEquals(describeOracle(oracle.portable(sessions)), describe(encoder.portable(sessions)),
          "portable, utcOnly " + utcOnly);
      assertEquals(describeOracle(oracle.compact(sessions)), describe(encoder.compact(sessions)),
          "compact, utcOnly " + utcOnly);
      assertEquals(describeOracle(oracle.oneEach(sessions)), describe(encoder.oneEach(sessions)),
          "one each, utcOnly " + utcOnly);
    }
  }

  private static List<String> describe(List<RecurrenceEncoder.TimedEvent> events) {
    List<String> out = new ArrayList<>();
    for (RecurrenceEncoder.TimedEvent e : events) {
      RecurrenceEncoder.Rule r = e.rule();
      out.add(e.key() + " " + e.master().id() + " " + e.master().start() + " utc=" + e.utc()
          + (r == null ? " single" : " " + r.frequency() + r.days() + r.hours() + ":"
              + r.minute() + " until " + r.until())
          + " ex" + e.exdates() + " r" + e.rdates().stream().map(Session::id).toList());
    }
    return out;
  }

  private static List<String> describeOracle(List<RecurrenceEncoderOracle.TimedEvent> events) {
    List<String> out = new ArrayList<>();
    for (RecurrenceEncoderOracle.TimedEvent e : events) {
      RecurrenceEncoderOracle.Rule r = e.rule();
      out.add(e.key() + " " + e.master().id() + " " + e.master().start() + " utc=" + e.utc()
          + (r == null ? " single" : " " + r.frequency() + r.days() + r.hours() + ":"
              + r.minute() + " until " + r.until())
          + " ex" + e.exdates() + " r" + e.rdates().stream().map(Session::id).toList());
    }
    return out;
  }
}
