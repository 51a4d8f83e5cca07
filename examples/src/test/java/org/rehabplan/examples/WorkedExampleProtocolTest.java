package org.rehabplan.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.rehabplan.Plan;
import org.rehabplan.PlanRequest;
import org.rehabplan.Protocol;
import org.rehabplan.Protocols;
import org.rehabplan.Scheduler;
import org.rehabplan.Session;
import org.rehabplan.json.ProtocolJson;

/**
 * The worked example protocol file {@code examples/protocols/hamstring-strain-ice-every-2h.json}:
 * valid against the shipped schema, in the library's own formatting, different from the built-in
 * protocol in exactly the documented ways, and planned with icing every 2 hours.
 */
class WorkedExampleProtocolTest {
  private static final Path FILE = Path.of("protocols/hamstring-strain-ice-every-2h.json");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private static String resource(String name) throws Exception {
    try (InputStream in = Protocols.class.getResourceAsStream(name)) {
      assertTrue(in != null, name);
      return new String(in.readAllBytes(), UTF_8);
    }
  }

  @Test
  void theFileIsValidAndInTheLibrarysOwnFormatting() throws Exception {
    String text = Files.readString(FILE, UTF_8);
    Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(resource("/org/rehabplan/json/protocol.schema.json"), InputFormat.JSON);
    List<Error> errors = schema.validate(text, InputFormat.JSON);
    assertEquals(List.of(), errors.stream().map(Error::toString).toList());
    StringWriter rewritten = new StringWriter();
    ProtocolJson.write(ProtocolJson.read(FILE), rewritten);
    assertEquals(text, rewritten.toString());
  }

  @Test
  void itDiffersFromTheBuiltInProtocolInExactlyTheDocumentedWays() throws Exception {
    String example = Files.readString(FILE, UTF_8);
    // Undo each documented change (both files are in the library's own formatting); what
    // remains must be the built-in protocol's file, byte for byte.
    String[][] changes = {
        {"\"id\": \"hamstring-strain-ice-every-2h\"", "\"id\": \"hamstring-strain\""},
        {"\"title\": \"Hamstring strain (worked example: ice every 2 hours)\"",
            "\"title\": \"Hamstring strain\""},
        {",\n    {\n      \"kind\": \"CHOICE\",\n      \"citation\": \"rehabplan authors (worked"
            + " example)\",\n      \"detail\": \"A worked example of the protocol format, not a"
            + " clinical recommendation: the built-in hamstring-strain protocol with one change,"
            + " icing planned every 2 hours instead of every 90 minutes, still within the"
            + " article's 'once every 1-2 hours'.\"\n    }\n  ],", "\n  ],"},
        {"\"preferred\": \"PT2H\"", "\"preferred\": \"PT1H30M\""},
        {"Worked example's choice: planned every 2 hours (the longest gap the article gives),",
            "Planned every 90 minutes (the middle of 1-2 hours),"}};
    String undone = example;
    for (String[] change : changes) {
      assertEquals(1, count(undone, change[0]), change[0]);
      undone = undone.replace(change[0], change[1]);
    }
    assertEquals(resource("hamstring-strain.json"), undone);
    assertTrue(example.contains("\"maximum\": \"PT2H\""), "the article's upper bound stays");
  }

  private static int count(String text, String what) {
    int n = 0;
    for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }

  @Test
  void plannedItIcesEveryTwoHoursAndLeavesEveryOtherSessionAsBuiltIn() throws Exception {
    Protocol example = ProtocolJson.read(FILE);
    PlanRequest request = PlanRequest.builder()
        .injuredAt(ZonedDateTime.of(LocalDateTime.parse("2027-03-27T18:30"), BERLIN)).build();
    Plan adapted = Scheduler.plan(example, request);
    Plan builtIn = Scheduler.plan(Protocols.hamstringStrain(), request);
    assertEquals(others(builtIn), others(adapted));
    // Within a day, every gap between two ice sessions is 90 minutes as built in, 2 hours here.
    assertEquals(java.util.Set.of(Duration.ofMinutes(90)), gaps(builtIn).keySet());
    assertEquals(java.util.Set.of(Duration.ofHours(2)), gaps(adapted).keySet());
    assertTrue(ice(adapted).size() < ice(builtIn).size());
  }

  private static List<Session> ice(Plan plan) {
    return plan.sessions().stream().filter(s -> s.intervention().id().equals("ice")).toList();
  }

  /** Every session but the icing, as (intervention, phase, start, end). */
  private static List<String> others(Plan plan) {
    List<String> out = new ArrayList<>();
    for (Session s : plan.sessions()) {
      if (!s.intervention().id().equals("ice")) {
        out.add(s.intervention().id() + " " + s.phase().id() + " " + s.start() + " " + s.end());
      }
    }
    return out;
  }

  /** How often each gap between consecutive ice sessions of one local day occurs. */
  private static Map<Duration, Integer> gaps(Plan plan) {
    Map<Duration, Integer> out = new TreeMap<>();
    List<Session> ice = ice(plan);
    for (int i = 1; i < ice.size(); i++) {
      Session a = ice.get(i - 1);
      Session b = ice.get(i);
      if (a.start().atZone(BERLIN).toLocalDate().equals(b.start().atZone(BERLIN).toLocalDate())) {
        out.merge(Duration.between(a.start(), b.start()), 1, Integer::sum);
      }
    }
    return out;
  }
}
