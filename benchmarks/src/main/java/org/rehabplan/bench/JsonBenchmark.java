package org.rehabplan.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.rehabplan.CheckIn;
import org.rehabplan.Plan;
import org.rehabplan.PlanRecord;
import org.rehabplan.Protocol;
import org.rehabplan.Session;
import org.rehabplan.SessionOutcome;
import org.rehabplan.json.PlanRecordJson;
import org.rehabplan.json.ProtocolJson;

/**
 * Reading and writing the JSON formats (issue 12) against jackson-core floors in the same run.
 *
 * <ul>
 *   <li>{@code read}: {@code ProtocolJson.read(InputStream)} or {@code PlanRecordJson.read(
 *       InputStream)} of the document's bytes (strict UTF-8, every rule checked; a record is also
 *       re-planned from its history).
 *   <li>{@code write}: {@code ProtocolJson.write} or {@code PlanRecordJson.write} through a UTF-8
 *       writer into a byte buffer.
 *   <li>{@code floorScan}: jackson-core's parser over the same bytes, every token read and every
 *       name, string and number materialised: the least a reader of the document must do.
 *   <li>{@code floorWrite}: jackson-core's generator writing the same tokens (recorded once in
 *       the set-up) with the same pretty printer into the same kind of writer; the set-up checks
 *       that it gives exactly the bytes of {@code write}.
 *   <li>{@code rebuild} (records only): {@code PlanRecord.of} from the record's already-read
 *       parts, the re-planning that {@code read} includes; {@code read - rebuild} is the JSON
 *       part.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class JsonBenchmark {
  /** The documents measured. */
  public enum Document {
    /** The built-in hamstring protocol, the resource file Protocols.hamstringStrain() reads. */
    HAMSTRING_PROTOCOL,
    /**
     * A person's record: the hamstring protocol (moderate; referenced by id and hash), a check-in
     * every morning for 30 days, each re-planned, and an outcome (done, every third skipped, some
     * with a note) for every firm session started by the last check-in.
     */
    RECORD_30_DAYS
  }

  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  @Param({"HAMSTRING_PROTOCOL", "RECORD_30_DAYS"})
  public Document document;

  private Protocol protocol;
  private PlanRecord record;
  private byte[] bytes;
  private JsonToken[] tokens;
  private String[] texts;

  @Setup
  public void setUp() throws IOException {
    protocol = Workloads.HAMSTRING_MODERATE.protocol();
    record = document == Document.RECORD_30_DAYS ? record() : null;
    bytes = write();
    if (!Arrays.equals(bytes, write())) {
      throw new IllegalStateException("writing twice gave different bytes");
    }
    Object read = read();
    if (!read.equals(document == Document.RECORD_30_DAYS ? record : protocol)) {
      throw new IllegalStateException("read(write(x)) is not x");
    }
    List<JsonToken> tokenList = new ArrayList<>();
    List<String> textList = new ArrayList<>();
    try (JsonParser p = FACTORY.createParser(bytes)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        tokenList.add(t);
        textList.add(t.isScalarValue() || t == JsonToken.FIELD_NAME ? p.getText() : "");
      }
    }
    tokens = tokenList.toArray(new JsonToken[0]);
    texts = textList.toArray(new String[0]);
    if (!Arrays.equals(bytes, floorWrite())) {
      throw new IllegalStateException("the floor writer does not give the same bytes");
    }
    System.out.printf("%n%s: %,d bytes, %,d tokens%s%n", document, bytes.length, tokens.length,
        record == null ? "" : ", " + record.checkIns().size() + " check-ins, "
            + record.outcomes().outcomes().size() + " outcomes, "
            + record.plan().sessions().size() + " sessions");
  }

  private static PlanRecord record() {
    Workloads w = Workloads.HAMSTRING_MODERATE;
    PlanRecord r = PlanRecord.start(w.request(), w.protocol());
    Instant morning = w.request().injuredAt().toLocalDate().plusDays(1).atTime(8, 0)
        .atZone(w.request().injuredAt().getZone()).toInstant();
    Instant last = morning;
    for (int day = 0; day < 30; day++) {
      last = morning.plus(Duration.ofDays(day));
      int rest = Math.max(0, 4 - day);
      int activity = Math.max(0, 6 - day / 2);
      Set<String> met = day >= 24 ? Set.of("pain-relieved", "healed")
          : day >= 6 ? Set.of("pain-relieved") : Set.of();
      if (day >= 6) {
        rest = 0;
        activity = day >= 24 ? 0 : 1;
      }
      r = r.withCheckIn(CheckIn.of(last, rest, activity, met), last.plusSeconds(60));
    }
    Plan plan = r.plan();
    int i = 0;
    for (Session s : plan.sessions()) {
      if (s.isConditional() || !s.start().isBefore(last)) {
        continue;
      }
      SessionOutcome o = i % 3 == 2 ? SessionOutcome.skipped(s.id(), s.end().plusSeconds(120))
          : SessionOutcome.done(s.id(), s.end().plusSeconds(300));
      r = r.withOutcome(i % 5 == 0 ? o.withNote("felt fine, a little tight afterwards") : o);
      i++;
    }
    return r;
  }

  @Benchmark
  public Object read() throws IOException {
    ByteArrayInputStream in = new ByteArrayInputStream(bytes);
    return document == Document.RECORD_30_DAYS ? PlanRecordJson.read(in) : ProtocolJson.read(in);
  }

  @Benchmark
  public byte[] write() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
      if (document == Document.RECORD_30_DAYS) {
        PlanRecordJson.write(record, w);
      } else {
        ProtocolJson.write(protocol, w);
      }
    }
    return out.toByteArray();
  }

  @Benchmark
  public long floorScan() throws IOException {
    long sum = 0;
    try (JsonParser p = FACTORY.createParser(bytes)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        switch (t) {
          case FIELD_NAME, VALUE_STRING -> sum += p.getText().length();
          case VALUE_NUMBER_INT -> sum += p.getLongValue();
          case VALUE_NUMBER_FLOAT -> sum += (long) p.getDoubleValue();
          default -> sum++;
        }
      }
    }
    return sum;
  }

  @Benchmark
  public byte[] floorWrite() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
      try (JsonGenerator g = generator(w)) {
        for (int i = 0; i < tokens.length; i++) {
          switch (tokens[i]) {
            case START_OBJECT -> g.writeStartObject();
            case END_OBJECT -> g.writeEndObject();
            case START_ARRAY -> g.writeStartArray();
            case END_ARRAY -> g.writeEndArray();
            case FIELD_NAME -> g.writeFieldName(texts[i]);
            case VALUE_STRING -> g.writeString(texts[i]);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> g.writeNumber(texts[i]);
            case VALUE_TRUE -> g.writeBoolean(true);
            case VALUE_FALSE -> g.writeBoolean(false);
            case VALUE_NULL -> g.writeNull();
            default -> throw new IllegalStateException("token " + tokens[i]);
          }
        }
      }
      w.write('\n');
    }
    return out.toByteArray();
  }

  /** The same formatting as rehabplan's writers: two-space indentation, "key": value. */
  private static JsonGenerator generator(Writer w) throws IOException {
    JsonGenerator g = FACTORY.createGenerator(w);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withArrayEmptySeparator("")
        .withObjectEmptySeparator(""))
        .withObjectIndenter(indenter);
    printer.indentArraysWith(indenter);
    g.setPrettyPrinter(printer);
    return g;
  }

  @Benchmark
  public Object rebuild() {
    if (record == null) {
      return protocol;
    }
    return PlanRecord.of(record.request(), record.protocol(), record.checkIns(), record.replans(),
        record.outcomes(), record.calendar());
  }
}
