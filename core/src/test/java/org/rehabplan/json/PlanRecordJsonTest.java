package org.rehabplan.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Schema;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.rehabplan.Adherence;
import org.rehabplan.CalendarState;
import org.rehabplan.CheckIn;
import org.rehabplan.Interval;
import org.rehabplan.OutcomeLog;
import org.rehabplan.Plan;
import org.rehabplan.PlanRecord;
import org.rehabplan.PlanRequest;
import org.rehabplan.PlanningException;
import org.rehabplan.Protocols;
import org.rehabplan.Scheduler;
import org.rehabplan.Session;
import org.rehabplan.SessionOutcome;
import org.rehabplan.Severity;
import org.rehabplan.testing.RehabArbitraries;
import tools.jackson.databind.ObjectMapper;

/** A person's record: round trips, the same plan, the schema, and refused bad records. */
class PlanRecordJsonTest {
  private static final Schema RECORD_SCHEMA = Schemas.load("plan-record.schema.json");
  private static final Schema PROTOCOL_SCHEMA = Schemas.load("protocol.schema.json");

  static String write(PlanRecord r) throws IOException {
    StringWriter out = new StringWriter();
    PlanRecordJson.write(r, out);
    return out.toString();
  }

  static PlanRecord read(String json) throws IOException {
    return PlanRecordJson.read(new StringReader(json));
  }

  /** A record built as an app builds one: start, each check-in re-planned at its time, marks. */
  @Provide
  Arbitrary<PlanRecord> records() {
    return RehabArbitraries.plans().flatMap(plan -> Combinators.combine(
            RehabArbitraries.checkInLogs(plan),
            // Four mark counts and a pick, all reached by random tries; their edge cases, combined
            // with the plans' and logs', outnumbered the tries and jqwik logged a warning.
            Arbitraries.integers().between(0, 3).withoutEdgeCases(),
            Arbitraries.integers().between(0, 1000).withoutEdgeCases())
        .as((log, marks, pick) -> {
          PlanRecord r = PlanRecord.start(plan.request(), plan.protocol());
          for (CheckIn c : log.checkIns()) {
            r = r.withCheckIn(c, c.at());
          }
          List<Session> sessions = r.plan().sessions();
          for (int i = 0; i < marks && !sessions.isEmpty(); i++) {
            Session s = sessions.get((pick + 7 * i) % sessions.size());
            if (r.outcomes().outcome(s.id()).isEmpty()) {
              SessionOutcome o = i % 2 == 0 ? SessionOutcome.done(s.id(), s.end())
                  : SessionOutcome.skipped(s.id(), s.start()).withNote("too tired\nsorry");
              r = r.withOutcome(o);
            }
          }
          if (marks == 3) {
            r = r.withCalendarState(CalendarState.of(List.of(new CalendarState.Event(
                "a@rehabplan", 2, true, List.of("BEGIN:VEVENT", "UID:a@rehabplan",
                    "STATUS:CANCELLED", "END:VEVENT")))));
          }
          return r;
        }));
  }

  @Property(tries = 100)
  void writeThenReadGivesAnEqualRecordTheSamePlanAndTheSameBytes(
      @ForAll("records") PlanRecord record) throws IOException {
    String json = write(record);
    PlanRecord back = read(json);
    assertEquals(record, back);
    assertEquals(record.plan(), back.plan());
    assertEquals(record.plan().sessions(), back.plan().sessions());
    assertEquals(json, write(back));
    Schemas.assertValid(RECORD_SCHEMA, json);
    tools.jackson.databind.JsonNode embedded =
        new ObjectMapper().readTree(json).get("protocol").get("embedded");
    if (embedded != null) {
      Schemas.assertValid(PROTOCOL_SCHEMA, embedded.toString());
    }
  }

  @Property(tries = 50)
  void theRecordsPlanIsTheSchedulersPlanFromItsHistory(@ForAll("records") PlanRecord record) {
    Plan expected = Scheduler.plan(record.protocol(), record.request());
    for (PlanRecord.Replan r : record.replans()) {
      expected = Scheduler.replan(expected,
          org.rehabplan.ProgressLog.of(record.checkIns().subList(0, r.checkIns())), r.at());
    }
    assertEquals(expected, record.plan());
  }

  private static PlanRecord hamstringRecord() {
    PlanRequest request = PlanRequest.builder()
        .injuredAt(ZonedDateTime.parse("2027-03-29T18:30+02:00[Europe/Paris]"))
        .severity(Severity.MILD)
        .build();
    return PlanRecord.start(request, Protocols.hamstringStrain());
  }

  @Test
  void aBuiltInProtocolIsReferencedByIdAndHash() throws IOException {
    String json = write(hamstringRecord());
    assertTrue(json.contains("\"builtIn\": \"hamstring-strain\""), json);
    assertTrue(json.contains("\"sha256\": \"" + PlanRecordJson.sha256(Protocols.hamstringStrain())
        + "\""), json);
    JsonFormatException e = assertThrows(JsonFormatException.class,
        () -> read(json.replaceFirst("\"sha256\": \"[0-9a-f]", "\"sha256\": \"x")));
    assertEquals("protocol.sha256", e.path());
    assertTrue(e.getMessage().contains("has changed since this record was written"),
        e.getMessage());
  }

  @Test
  void anOutcomeNeverChangesAndMarksOnlyPlannedSessions() {
    PlanRecord r = hamstringRecord();
    Session first = r.plan().sessions().get(0);
    PlanRecord done = r.withOutcome(SessionOutcome.done(first.id(), first.end()));
    PlanningException again = assertThrows(PlanningException.class,
        () -> done.withOutcome(SessionOutcome.skipped(first.id(), first.end())));
    assertTrue(again.getMessage().contains("already marked done"), again.getMessage());
    assertThrows(PlanningException.class,
        () -> r.withOutcome(SessionOutcome.done("no-such/session/1", first.end())));
  }

  @Test
  void aSecondOutcomeOfASessionInAFileIsRefusedAtItsItem() throws IOException {
    PlanRecord r = hamstringRecord();
    List<Session> sessions = r.plan().sessions();
    PlanRecord marked = r.withOutcome(SessionOutcome.done(sessions.get(0).id(),
            sessions.get(0).end()))
        .withOutcome(SessionOutcome.skipped(sessions.get(1).id(), sessions.get(1).end()));
    String json = write(marked);
    // The second item made to mark the first session again.
    String bad = json.replace("\"" + sessions.get(1).id() + "\"", "\"" + sessions.get(0).id()
        + "\"");
    JsonFormatException e = assertThrows(JsonFormatException.class, () -> read(bad));
    assertEquals("outcomes[1]", e.path(), e.getMessage());
    assertTrue(e.getMessage().contains("session " + sessions.get(0).id()
        + " was already marked done"), e.getMessage());
  }

  @Test
  void aLogOfManyOutcomesIsBuiltAtOnceAndStillRefusesASecondOutcome() {
    List<SessionOutcome> many = new ArrayList<>();
    Instant at = Instant.parse("2027-03-28T08:00:00Z");
    for (int i = 0; i < 1_000; i++) {
      many.add(SessionOutcome.done("s/" + i, at.plusSeconds(i)));
    }
    OutcomeLog log = OutcomeLog.of(many);
    assertEquals(many, log.outcomes());
    many.add(SessionOutcome.skipped("s/7", at));
    PlanningException e = assertThrows(PlanningException.class, () -> OutcomeLog.of(many));
    assertTrue(e.getMessage().startsWith("session s/7 was already marked done at "),
        e.getMessage());
  }

  @Test
  void aMovedSessionKeepsItsOutcomeAndAdherenceCountsIt() {
    PlanRecord r = hamstringRecord();
    Session first = r.plan().sessions().get(0);
    PlanRecord marked = r.withOutcome(SessionOutcome.done(first.id(), first.end()));
    Instant later = first.end().plus(Duration.ofHours(30));
    PlanRecord replanned = marked.withCheckIn(
        CheckIn.of(later.minusSeconds(60), 1, 1, List.of("pain-relieved")), later);
    assertEquals(marked.outcomes(), replanned.outcomes());
    Interval range = Interval.of(first.start(), first.end());
    Adherence a = replanned.outcomes().byIntervention(replanned.plan(), range)
        .get(first.intervention().id());
    assertEquals(new Adherence(1, 1, 0), a);
  }

  @Test
  void aRecordWithAHistoryTheSchedulerRefusesIsRefusedWhole() throws IOException {
    PlanRecord r = hamstringRecord();
    Instant at = r.request().injuredAt().toInstant().plus(Duration.ofDays(1));
    String json = write(r.withCheckIn(CheckIn.of(at, 1, 1, List.of()), at));
    String bad = json.replace("\"checkIns\": 1", "\"checkIns\": 2");
    JsonFormatException e = assertThrows(JsonFormatException.class, () -> read(bad));
    assertEquals("", e.path());
    assertTrue(e.getMessage().contains("re-plan at"), e.getMessage());
  }

  @Test
  void aNewerRecordFormatIsRefused() throws IOException {
    String json = write(hamstringRecord()).replace("\"formatVersion\": 1", "\"formatVersion\": 2");
    JsonFormatException e = assertThrows(JsonFormatException.class, () -> read(json));
    assertTrue(e.getMessage().endsWith("written by a newer rehabplan (format 2; this reads 1)"),
        e.getMessage());
  }

  @Test
  void aProtocolFileReadAsARecordAndTheReverseAreNamedByTheirFormat() throws IOException {
    StringWriter protocol = new StringWriter();
    ProtocolJson.write(Protocols.hamstringStrain(), protocol);
    JsonFormatException asRecord = assertThrows(JsonFormatException.class,
        () -> read(protocol.toString()));
    assertEquals("format (line 2, column 13): this is a \"rehabplan-protocol\" file, not a"
        + " \"rehabplan-record\" file", asRecord.getMessage());
    String record = write(hamstringRecord());
    JsonFormatException asProtocol = assertThrows(JsonFormatException.class,
        () -> ProtocolJson.read(new StringReader(record)));
    assertEquals("format (line 2, column 13): this is a \"rehabplan-record\" file, not a"
        + " \"rehabplan-protocol\" file", asProtocol.getMessage());
  }
}
