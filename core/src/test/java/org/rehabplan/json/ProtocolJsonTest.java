package org.rehabplan.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.rehabplan.PlanningException;
import org.rehabplan.Protocol;
import org.rehabplan.Protocols;
import org.rehabplan.testing.RehabArbitraries;

/** The protocol format: round trips, stable bytes, and located errors for bad files. */
class ProtocolJsonTest {

  static String write(Protocol p) throws IOException {
    StringWriter out = new StringWriter();
    ProtocolJson.write(p, out);
    return out.toString();
  }

  static Protocol read(String json) throws IOException {
    return ProtocolJson.read(new StringReader(json));
  }

  @Provide
  Arbitrary<Protocol> protocols() {
    return RehabArbitraries.protocols();
  }

  @Property(tries = 200)
  void writeThenReadGivesAnEqualProtocolAndTheSameBytes(@ForAll("protocols") Protocol protocol)
      throws IOException {
    String json = write(protocol);
    Protocol back = read(json);
    assertEquals(protocol, back);
    assertEquals(json, write(back));
  }

  @Test
  void theHamstringProtocolRoundTripsWithItsProvenance() throws IOException {
    Protocol hamstring = Protocols.hamstringStrain();
    String json = write(hamstring);
    Protocol back = read(json);
    assertEquals(hamstring, back);
    assertEquals(hamstring.provenance(), back.provenance());
    assertEquals(json, write(back));
  }

  @Test
  void theHamstringResourceReWrittenIsByteIdentical() throws IOException {
    String resource;
    try (java.io.InputStream in = java.util.Objects.requireNonNull(
        Protocols.class.getResourceAsStream("/org/rehabplan/hamstring-strain.json"))) {
      resource = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    assertEquals(resource, write(read(resource)));
    assertEquals(resource, write(Protocols.hamstringStrain()));
  }

  @Test
  void theReadmeExampleIsAValidProtocolThatPlans() throws IOException {
    String readme = java.nio.file.Files.readString(java.nio.file.Path.of("../README.md"));
    String start = "A short, illustrative file (not medical advice):\n\n```json\n";
    int from = readme.indexOf(start);
    if (from < 0) {
      throw new AssertionError("README has no protocol example");
    }
    from += start.length();
    String json = readme.substring(from, readme.indexOf("```", from));
    Protocol example = read(json);
    assertEquals("example", example.id());
    org.rehabplan.Plan plan = org.rehabplan.Scheduler.plan(example,
        org.rehabplan.PlanRequest.builder()
            .injuredAt(java.time.ZonedDateTime.parse("2027-03-01T08:00+01:00[Europe/Paris]"))
            .severity(org.rehabplan.Severity.MILD)
            .build());
    assertEquals(false, plan.sessions().isEmpty());
  }

  private static JsonFormatException refused(String json) {
    return assertThrows(JsonFormatException.class, () -> read(json));
  }

  private static String hamstringWith(String from, String to) throws IOException {
    String json = write(Protocols.hamstringStrain());
    if (!json.contains(from)) {
      throw new AssertionError("the hamstring file has no " + from);
    }
    return json.replaceFirst(java.util.regex.Pattern.quote(from),
        java.util.regex.Matcher.quoteReplacement(to));
  }

  @Test
  void aFormatErrorIsThePersonsBadInput() {
    PlanningException e = refused("{");
    assertEquals("document (line 1, column 2): the file ends too early (truncated?)",
        e.getMessage().substring(0, e.getMessage().indexOf("?)") + 2));
  }

  @Test
  void aNewerFormatVersionIsRefused() throws IOException {
    JsonFormatException e = refused(hamstringWith("\"formatVersion\": 1", "\"formatVersion\": 3"));
    assertEquals("formatVersion (line 3, column 20): written by a newer rehabplan (format 3;"
        + " this reads 1)", e.getMessage());
  }

  @Test
  void anUnknownPropertyIsRefusedWhereItIs() throws IOException {
    JsonFormatException e = refused(hamstringWith("\"goal\"", "\"gaol\""));
    assertEquals("phases[0].gaol", e.path());
    assertEquals("/phases/0/gaol", e.pointer());
  }

  @Test
  void aNumberWhereADurationBelongsIsRefused() throws IOException {
    String json = write(Protocols.hamstringStrain())
        .replaceFirst("\"minimumTime\": \"[^\"]*\"", "\"minimumTime\": 3");
    JsonFormatException e = refused(json);
    assertEquals("phases[0].exitGate.minimumTime", e.path());
    assertEquals(true, e.getMessage().contains("found the number 3"), e.getMessage());
  }

  @Test
  void aZeroOrNegativeLengthIsRefusedAtTheEstimate() throws IOException {
    JsonFormatException e = refused(hamstringWith("\"earliest\": \"", "\"earliest\": \"-"));
    assertEquals("phases[0].durations.MILD", e.path());
  }

  @Test
  void anUndefinedRequiredCriterionNamesTheDefinedOnes() throws IOException {
    String json = write(Protocols.hamstringStrain());
    int at = json.indexOf("\"requires\": [");
    if (at < 0) {
      throw new AssertionError("no requires in the hamstring file");
    }
    int open = json.indexOf('"', at + "\"requires\": [".length());
    int close = json.indexOf('"', open + 1);
    JsonFormatException e =
        refused(json.substring(0, open + 1) + "heald" + json.substring(close));
    assertEquals(true, e.getMessage().contains("\"heald\""), e.getMessage());
  }

  @Test
  void duplicateKeysAndIdsAreRefused() throws IOException {
    JsonFormatException key =
        refused(hamstringWith("\"title\": ", "\"title\": \"a\", \"title\": "));
    assertEquals(true, key.getMessage().contains("Duplicate field 'title'"), key.getMessage());
    Protocol hamstring = Protocols.hamstringStrain();
    String first = hamstring.phases().get(0).id();
    String second = hamstring.phases().get(1).id();
    String json = write(hamstring);
    String phases = json.substring(json.indexOf("\"phases\": ["));
    String twice = json.substring(0, json.indexOf("\"phases\": ["))
        + phases.replace("\"id\": \"" + second + "\"", "\"id\": \"" + first + "\"");
    JsonFormatException id = refused(twice);
    assertEquals("phases[1]", id.path());
    assertEquals(true, id.getMessage().contains("duplicate phase id \"" + first + "\""),
        id.getMessage());
  }

  @Test
  void aByteOrderMarkIsNamed() throws IOException {
    JsonFormatException e = refused("\uFEFF" + write(Protocols.hamstringStrain()));
    assertEquals(true, e.getMessage().contains("byte-order mark"), e.getMessage());
  }

  @Test
  void deepNestingIsRefusedWithoutAStackOverflow() {
    String deep = "[".repeat(10_000) + "]".repeat(10_000);
    JsonFormatException e = refused(deep);
    assertEquals(true, e.getMessage().contains("nested"), e.getMessage());
  }

  @Test
  void aHugeDocumentIsRefusedWithBoundedMemory() {
    java.io.Reader endless = new java.io.Reader() {
      private long left = 100L * 1024 * 1024;
      private boolean opened;

      @Override
      public int read(char[] buf, int off, int len) {
        if (!opened) {
          opened = true;
          buf[off] = '[';
          return 1;
        }
        if (left <= 0) {
          return -1;
        }
        int n = (int) Math.min(len, left);
        for (int i = 0; i < n; i++) {
          buf[off + i] = i % 2 == 0 ? '1' : ',';
        }
        left -= n;
        return n;
      }

      @Override
      public void close() {}
    };
    JsonFormatException e =
        assertThrows(JsonFormatException.class, () -> ProtocolJson.read(endless));
    assertEquals(true, e.getMessage().contains("too large"), e.getMessage());
  }
}
