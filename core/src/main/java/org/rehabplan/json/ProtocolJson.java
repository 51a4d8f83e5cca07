package org.rehabplan.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Files;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.rehabplan.Anchor;
import org.rehabplan.Contradiction;
import org.rehabplan.Criterion;
import org.rehabplan.DurationEstimate;
import org.rehabplan.ExitGate;
import org.rehabplan.Intervention;
import org.rehabplan.InterventionKind;
import org.rehabplan.Phase;
import org.rehabplan.Protocol;
import org.rehabplan.Provenance;
import org.rehabplan.Referral;
import org.rehabplan.SetbackRule;
import org.rehabplan.Severity;
import org.rehabplan.Spacing;
import org.rehabplan.Timing;
import org.rehabplan.Window;

/**
 * Reads and writes a {@link Protocol} as JSON, format {@value #FORMAT}, version {@value
 * #FORMAT_VERSION}; the schema is the resource {@code org/rehabplan/json/protocol.schema.json}.
 * Durations are ISO-8601 ({@code PT15M}, {@code P14D}), local times {@code HH:mm}, days of the
 * week and other constants by their names ({@code MONDAY}).
 *
 * <p>Reading refuses unknown properties, duplicate keys and ids, a newer format version, and
 * anything the model refuses, each with the value's path, line and column; nothing half-read is
 * returned. Writing is deterministic: the same protocol gives the same bytes, and a written file
 * read and written again is byte-identical.
 */
public final class ProtocolJson {
  /** The {@code format} name at the top of every protocol file. */
  public static final String FORMAT = "rehabplan-protocol";

  /** The newest format version this library reads and the one it writes. */
  public static final int FORMAT_VERSION = 1;

  private ProtocolJson() {}

  /**
   * Reads a protocol from bytes that must be UTF-8 (without a byte-order mark): unlike {@link
   * #read(Reader)}, bytes that are not UTF-8 are refused with their line, column and byte offset.
   *
   * @param in the bytes; read to the end, not closed
   * @return the protocol
   * @throws JsonFormatException if the bytes are not UTF-8 or not a valid file, naming where and
   *     why
   * @throws IOException if the stream fails
   */
  public static Protocol read(InputStream in) throws IOException {
    return protocol(JsonNode.parse(in));
  }

  /**
   * Reads a file, as {@link #read(InputStream)}.
   *
   * @param file the file
   * @return the protocol
   * @throws JsonFormatException if the file is not UTF-8 or not valid, naming where and why
   * @throws IOException if the file cannot be read, e.g. {@link java.nio.file.NoSuchFileException}
   */
  public static Protocol read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    }
  }

  /**
   * Reads a protocol.
   *
   * @param reader the JSON text; read to its end, not closed
   * @return the protocol
   * @throws JsonFormatException if the text is not a valid protocol file, naming where and why
   * @throws IOException if the reader fails
   */
  public static Protocol read(Reader reader) throws IOException {
    JsonNode root = JsonNode.parse(reader);
    return protocol(root);
  }

  /**
   * Writes a protocol, ending with a line break.
   *
   * @param protocol the protocol
   * @param writer where the JSON goes; flushed, not closed
   * @throws IOException if the writer fails
   */
  public static void write(Protocol protocol, Writer writer) throws IOException {
    requireNonNull(protocol, "protocol");
    requireNonNull(writer, "writer");
    try (JsonGenerator g = JsonOut.open(writer)) {
      g.writeStartObject();
      g.writeStringField("format", FORMAT);
      g.writeNumberField("formatVersion", FORMAT_VERSION);
      writeBody(protocol, g);
      g.writeEndObject();
    }
    writer.write('\n');
    writer.flush();
  }

  // ---- reading ----

  /**
   * Refuses a file of another rehabplan format (a protocol given as a record, or the reverse)
   * by its {@code format} before its other properties, so the error names what the file is.
   *
   * @param root the file's top node
   * @param format the format expected
   */
  static void checkFormat(JsonNode root, String format) {
    Optional<String> found = root.textOf("format");
    if (found.isPresent() && !found.get().equals(format)) {
      throw root.get("format").error(otherFormat(found.get(), format));
    }
  }

  private static String otherFormat(String found, String format) {
    return "this is a \"" + found + "\" file, not a \"" + format + "\" file";
  }

  static void checkHeader(JsonNode root, String format, int newest) {
    String found = root.get("format").text();
    if (!found.equals(format)) {
      throw root.get("format").error(otherFormat(found, format));
    }
    int version = root.get("formatVersion").integer(1, Integer.MAX_VALUE);
    if (version > newest) {
      throw root.get("formatVersion").error("written by a newer rehabplan (format " + version
          + "; this reads " + (newest == 1 ? "1" : "1–" + newest) + ")");
    }
  }

  private static final Set<String> PROTOCOL_KEYS = Set.of("format", "formatVersion", "id",
      "title", "condition", "provenance", "projectionNote", "referral", "interventions", "phases");

  static Protocol protocol(JsonNode root) {
    checkFormat(root, FORMAT);
    root.object(PROTOCOL_KEYS);
    checkHeader(root, FORMAT, FORMAT_VERSION);
    return body(root, PROTOCOL_KEYS);
  }

  static Protocol body(JsonNode root, Set<String> keys) {
    root.object(keys);
    Protocol.Builder b = root.get("id").map(n -> Protocol.builder(n.text()));
    b.title(root.get("title").text());
    b.condition(root.get("condition").text());
    root.find("provenance").ifPresent(n -> b.provenance(provenanceList(n)));
    root.find("projectionNote").ifPresent(n -> b.projectionNote(n.text()));
    root.find("referral").ifPresent(n -> b.referral(n.map(ProtocolJson::referral)));
    List<Intervention> interventions =
        root.get("interventions").list(ProtocolJson::intervention, Intervention::id,
            "intervention id");
    interventions.forEach(b::intervention);
    JsonNode phasesNode = root.get("phases");
    List<Phase> phases = phasesNode.list(ProtocolJson::phase, Phase::id, "phase id");
    phases.forEach(b::phase);
    return root.map(n -> b.build());
  }

  private static Provenance[] provenanceList(JsonNode n) {
    List<Provenance> list = new ArrayList<>();
    for (JsonNode item : n.items()) {
      list.add(item.map(ProtocolJson::provenance));
    }
    return list.toArray(new Provenance[0]);
  }

  private static Provenance provenance(JsonNode n) {
    n.object(Set.of("kind", "citation", "detail"));
    return new Provenance(n.get("kind").constant(Provenance.Kind.class),
        n.get("citation").text(), n.get("detail").text());
  }

  private static Referral referral(JsonNode n) {
    n.object(Set.of("interventionId", "alwaysAt", "alwaysAdvice", "painAtLeast", "within",
        "painAdvice", "provenance"));
    return new Referral(
        n.get("interventionId").text(),
        Set.copyOf(n.get("alwaysAt").constants(Severity.class)),
        n.get("alwaysAdvice").text(),
        n.get("painAtLeast").integer(1, 10),
        n.get("within").duration(),
        n.get("painAdvice").text(),
        n.find("provenance").map(p -> List.of(provenanceList(p))).orElse(List.of()));
  }

  private static Intervention intervention(JsonNode n) {
    n.object(Set.of("id", "kind", "title", "instructions", "timing", "requires",
        "selfCheckFor", "provenance"));
    Intervention.Builder b = Intervention.builder(n.get("id").text())
        .kind(n.get("kind").constant(InterventionKind.class))
        .title(n.get("title").text())
        .instructions(n.get("instructions").text())
        .timing(n.get("timing").map(ProtocolJson::timing));
    n.find("requires").ifPresent(r -> b.requires(r.strings("criterion id")
        .toArray(new String[0])));
    n.find("selfCheckFor").ifPresent(s -> b.selfCheckFor(s.text()));
    n.find("provenance").ifPresent(p -> b.provenance(provenanceList(p)));
    return b.build();
  }

  private static final List<String> TIMING_TYPES = List.of("repeating", "timesPerDay",
      "atLocalTimes", "continuous", "once", "relative", "asNeeded");

  private static Timing timing(JsonNode n) {
    String type = n.object(Set.of("type", "sessionLength", "interval", "window",
        "wakingHoursOnly", "count", "days", "times", "anchor", "offset", "targets",
        "minimumSpacing", "maximumPerDay")).get("type").oneOf(TIMING_TYPES);
    return switch (type) {
      case "repeating" -> {
        n.object(Set.of("type", "sessionLength", "interval", "window", "wakingHoursOnly"));
        yield new Timing.Repeating(n.get("sessionLength").duration(),
            n.get("interval").map(ProtocolJson::spacing), window(n.get("window")),
            n.get("wakingHoursOnly").bool());
      }
      case "timesPerDay" -> {
        n.object(Set.of("type", "count", "sessionLength", "days", "window"));
        yield new Timing.TimesPerDay(n.get("count").integer(1, 24),
            n.get("sessionLength").duration(), days(n.get("days")), window(n.get("window")));
      }
      case "atLocalTimes" -> {
        n.object(Set.of("type", "times", "sessionLength", "days", "window"));
        List<LocalTime> times =
            n.get("times").list(JsonNode::localTime, t -> t, "time");
        yield new Timing.AtLocalTimes(times, n.get("sessionLength").duration(),
            days(n.get("days")), window(n.get("window")));
      }
      case "continuous" -> {
        n.object(Set.of("type", "window"));
        yield new Timing.Continuous(window(n.get("window")));
      }
      case "once" -> {
        n.object(Set.of("type", "anchor", "offset", "sessionLength"));
        yield new Timing.Once(n.get("anchor").constant(Anchor.class),
            n.get("offset").duration(), n.get("sessionLength").duration());
      }
      case "relative" -> {
        n.object(Set.of("type", "targets", "offset", "sessionLength"));
        yield new Timing.Relative(
            com.google.common.collect.ImmutableSet.copyOf(
                n.get("targets").strings("intervention id")),
            n.get("offset").duration(), n.get("sessionLength").duration());
      }
      default -> {
        n.object(Set.of("type", "minimumSpacing", "maximumPerDay"));
        Optional<Duration> spacing = n.find("minimumSpacing").map(JsonNode::duration);
        OptionalInt most = n.find("maximumPerDay")
            .map(m -> OptionalInt.of(m.integer(1, 1000))).orElse(OptionalInt.empty());
        yield new Timing.AsNeeded(spacing, most);
      }
    };
  }

  private static Set<DayOfWeek> days(JsonNode n) {
    return n.map(d -> Set.copyOf(d.constants(DayOfWeek.class)));
  }

  private static Spacing spacing(JsonNode n) {
    n.object(Set.of("minimum", "preferred", "maximum"));
    return new Spacing(n.get("minimum").duration(), n.get("preferred").duration(),
        n.get("maximum").duration());
  }

  private static Window window(JsonNode n) {
    return n.map(w -> {
      w.object(Set.of("anchor", "offset", "minimumExtent", "maximumExtent"));
      return new Window(w.get("anchor").constant(Anchor.class), w.get("offset").duration(),
          w.get("minimumExtent").duration(), w.find("maximumExtent").map(JsonNode::duration));
    });
  }

  private static Phase phase(JsonNode n) {
    n.object(Set.of("id", "name", "goal", "interventions", "exitGate", "durations", "setback"));
    Phase.Builder b = Phase.builder(n.get("id").text())
        .name(n.get("name").text())
        .goal(n.get("goal").text())
        .interventions(n.get("interventions").strings("intervention id").toArray(new String[0]))
        .exitGate(n.get("exitGate").map(ProtocolJson::exitGate));
    JsonNode durations = n.get("durations");
    durations.object(Set.of("MILD", "MODERATE", "SEVERE"));
    for (Severity s : Severity.values()) {
      b.duration(s, durations.get(s.name()).map(ProtocolJson::estimate));
    }
    n.find("setback").ifPresent(s -> b.setback(s.map(ProtocolJson::setback)));
    return b.build();
  }

  private static ExitGate exitGate(JsonNode n) {
    n.object(Set.of("minimumTime", "criteria"));
    List<Criterion> criteria = n.find("criteria")
        .map(c -> c.list(ProtocolJson::criterion, Criterion::id, "criterion id"))
        .orElse(List.of());
    return ExitGate.after(n.get("minimumTime").duration(), criteria);
  }

  private static Criterion criterion(JsonNode n) {
    n.object(Set.of("id", "question", "contradictions"));
    Criterion c = new Criterion(n.get("id").text(), n.get("question").text());
    for (JsonNode item : n.find("contradictions").map(JsonNode::items).orElse(List.of())) {
      c = c.contradictedBy(item.map(ProtocolJson::contradiction));
    }
    return c;
  }

  private static Contradiction contradiction(JsonNode n) {
    n.object(Set.of("type", "atLeast", "provenance"));
    n.get("type").oneOf(List.of("painWithActivity"));
    return new Contradiction.PainWithActivity(n.get("atLeast").integer(1, 10),
        n.get("provenance").map(ProtocolJson::provenance));
  }

  private static DurationEstimate estimate(JsonNode n) {
    n.object(Set.of("earliest", "typical", "latest", "provenance"));
    return new DurationEstimate(n.get("earliest").duration(), n.get("typical").duration(),
        n.get("latest").duration(),
        n.find("provenance").map(p -> List.of(provenanceList(p))).orElse(List.of()));
  }

  private static SetbackRule setback(JsonNode n) {
    n.object(Set.of("painWithActivityAtLeast", "action", "minimumTime"));
    return new SetbackRule(n.get("painWithActivityAtLeast").integer(1, 10),
        n.get("action").constant(SetbackRule.Action.class), n.get("minimumTime").duration());
  }

  // ---- writing ----

  static void writeBody(Protocol p, JsonGenerator g) throws IOException {
    g.writeStringField("id", p.id());
    g.writeStringField("title", p.title());
    g.writeStringField("condition", p.condition());
    if (!p.provenance().isEmpty()) {
      g.writeFieldName("provenance");
      writeProvenance(p.provenance(), g);
    }
    if (p.projectionNote().isPresent()) {
      g.writeStringField("projectionNote", p.projectionNote().get());
    }
    if (p.referral().isPresent()) {
      Referral r = p.referral().get();
      g.writeObjectFieldStart("referral");
      g.writeStringField("interventionId", r.interventionId());
      g.writeArrayFieldStart("alwaysAt");
      for (Severity s : Severity.values()) {
        if (r.alwaysAt().contains(s)) {
          g.writeString(s.name());
        }
      }
      g.writeEndArray();
      g.writeStringField("alwaysAdvice", r.alwaysAdvice());
      g.writeNumberField("painAtLeast", r.painAtLeast());
      g.writeStringField("within", r.within().toString());
      g.writeStringField("painAdvice", r.painAdvice());
      if (!r.provenance().isEmpty()) {
        g.writeFieldName("provenance");
        writeProvenance(r.provenance(), g);
      }
      g.writeEndObject();
    }
    g.writeArrayFieldStart("interventions");
    for (Intervention i : p.interventions()) {
      writeIntervention(i, g);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("phases");
    for (Phase phase : p.phases()) {
      writePhase(phase, g);
    }
    g.writeEndArray();
  }

  private static void writeProvenance(List<Provenance> list, JsonGenerator g) throws IOException {
    g.writeStartArray();
    for (Provenance p : list) {
      writeProvenance(p, g);
    }
    g.writeEndArray();
  }

  private static void writeProvenance(Provenance p, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("kind", p.kind().name());
    g.writeStringField("citation", p.citation());
    g.writeStringField("detail", p.detail());
    g.writeEndObject();
  }

  private static void writeIntervention(Intervention i, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", i.id());
    g.writeStringField("kind", i.kind().name());
    g.writeStringField("title", i.title());
    g.writeStringField("instructions", i.instructions());
    g.writeFieldName("timing");
    writeTiming(i.timing(), g);
    if (!i.requiredCriteria().isEmpty()) {
      g.writeArrayFieldStart("requires");
      for (String c : i.requiredCriteria()) {
        g.writeString(c);
      }
      g.writeEndArray();
    }
    if (i.selfCheckFor().isPresent()) {
      g.writeStringField("selfCheckFor", i.selfCheckFor().get());
    }
    if (!i.provenance().isEmpty()) {
      g.writeFieldName("provenance");
      writeProvenance(i.provenance(), g);
    }
    g.writeEndObject();
  }

  /** A deferred write, so that the timing visitor can choose what to write. */
  private interface Write {
    void to(JsonGenerator g) throws IOException;
  }

  private static void writeTiming(Timing timing, JsonGenerator g) throws IOException {
    g.writeStartObject();
    timing.accept(TIMING_WRITER).to(g);
    g.writeEndObject();
  }

  private static final Timing.Visitor<Write> TIMING_WRITER = new Timing.Visitor<>() {
    @Override
    public Write repeating(Timing.Repeating t) {
      return g -> {
        g.writeStringField("type", "repeating");
        g.writeStringField("sessionLength", t.sessionLength().toString());
        g.writeObjectFieldStart("interval");
        g.writeStringField("minimum", t.interval().minimum().toString());
        g.writeStringField("preferred", t.interval().preferred().toString());
        g.writeStringField("maximum", t.interval().maximum().toString());
        g.writeEndObject();
        writeWindow(t.window(), g);
        g.writeBooleanField("wakingHoursOnly", t.wakingHoursOnly());
      };
    }

    @Override
    public Write timesPerDay(Timing.TimesPerDay t) {
      return g -> {
        g.writeStringField("type", "timesPerDay");
        g.writeNumberField("count", t.count());
        g.writeStringField("sessionLength", t.sessionLength().toString());
        writeDays(t.days(), g);
        writeWindow(t.window(), g);
      };
    }

    @Override
    public Write atLocalTimes(Timing.AtLocalTimes t) {
      return g -> {
        g.writeStringField("type", "atLocalTimes");
        g.writeArrayFieldStart("times");
        for (LocalTime time : t.times()) {
          g.writeString(String.format(Locale.ROOT, "%02d:%02d", time.getHour(), time.getMinute()));
        }
        g.writeEndArray();
        g.writeStringField("sessionLength", t.sessionLength().toString());
        writeDays(t.days(), g);
        writeWindow(t.window(), g);
      };
    }

    @Override
    public Write continuous(Timing.Continuous t) {
      return g -> {
        g.writeStringField("type", "continuous");
        writeWindow(t.window(), g);
      };
    }

    @Override
    public Write once(Timing.Once t) {
      return g -> {
        g.writeStringField("type", "once");
        g.writeStringField("anchor", t.anchor().name());
        g.writeStringField("offset", t.offset().toString());
        g.writeStringField("sessionLength", t.sessionLength().toString());
      };
    }

    @Override
    public Write relative(Timing.Relative t) {
      return g -> {
        g.writeStringField("type", "relative");
        g.writeArrayFieldStart("targets");
        for (String target : t.targets()) {
          g.writeString(target);
        }
        g.writeEndArray();
        g.writeStringField("offset", t.offset().toString());
        g.writeStringField("sessionLength", t.sessionLength().toString());
      };
    }

    @Override
    public Write asNeeded(Timing.AsNeeded t) {
      return g -> {
        g.writeStringField("type", "asNeeded");
        if (t.minimumSpacing().isPresent()) {
          g.writeStringField("minimumSpacing", t.minimumSpacing().get().toString());
        }
        if (t.maximumPerDay().isPresent()) {
          g.writeNumberField("maximumPerDay", t.maximumPerDay().getAsInt());
        }
      };
    }
  };

  private static void writeDays(Set<DayOfWeek> days, JsonGenerator g) throws IOException {
    g.writeArrayFieldStart("days");
    for (DayOfWeek d : DayOfWeek.values()) {
      if (days.contains(d)) {
        g.writeString(d.name());
      }
    }
    g.writeEndArray();
  }

  private static void writeWindow(Window w, JsonGenerator g) throws IOException {
    g.writeObjectFieldStart("window");
    g.writeStringField("anchor", w.anchor().name());
    g.writeStringField("offset", w.offset().toString());
    g.writeStringField("minimumExtent", w.minimumExtent().toString());
    if (w.maximumExtent().isPresent()) {
      g.writeStringField("maximumExtent", w.maximumExtent().get().toString());
    }
    g.writeEndObject();
  }

  private static void writePhase(Phase p, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", p.id());
    g.writeStringField("name", p.name());
    g.writeStringField("goal", p.goal());
    g.writeArrayFieldStart("interventions");
    for (String id : p.interventionIds()) {
      g.writeString(id);
    }
    g.writeEndArray();
    g.writeObjectFieldStart("exitGate");
    g.writeStringField("minimumTime", p.exitGate().minimumTime().toString());
    if (p.exitGate().hasCriteria()) {
      g.writeArrayFieldStart("criteria");
      for (Criterion c : p.exitGate().criteria()) {
        g.writeStartObject();
        g.writeStringField("id", c.id());
        g.writeStringField("question", c.question());
        if (!c.contradictions().isEmpty()) {
          g.writeArrayFieldStart("contradictions");
          for (Contradiction x : c.contradictions()) {
            // PainWithActivity is the only kind (sealed): the cast fails loudly if one is added.
            Contradiction.PainWithActivity pain = (Contradiction.PainWithActivity) x;
            g.writeStartObject();
            g.writeStringField("type", "painWithActivity");
            g.writeNumberField("atLeast", pain.atLeast());
            g.writeFieldName("provenance");
            writeProvenance(pain.provenance(), g);
            g.writeEndObject();
          }
          g.writeEndArray();
        }
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
    g.writeObjectFieldStart("durations");
    Map<Severity, DurationEstimate> durations = new EnumMap<>(p.durations());
    for (Map.Entry<Severity, DurationEstimate> e : durations.entrySet()) {
      DurationEstimate d = e.getValue();
      g.writeObjectFieldStart(e.getKey().name());
      g.writeStringField("earliest", d.earliest().toString());
      g.writeStringField("typical", d.typical().toString());
      g.writeStringField("latest", d.latest().toString());
      if (!d.provenance().isEmpty()) {
        g.writeFieldName("provenance");
        writeProvenance(d.provenance(), g);
      }
      g.writeEndObject();
    }
    g.writeEndObject();
    if (p.setback().isPresent()) {
      SetbackRule s = p.setback().get();
      g.writeObjectFieldStart("setback");
      g.writeNumberField("painWithActivityAtLeast", s.painWithActivityAtLeast());
      g.writeStringField("action", s.action().name());
      g.writeStringField("minimumTime", s.minimumTime().toString());
      g.writeEndObject();
    }
    g.writeEndObject();
  }
}
