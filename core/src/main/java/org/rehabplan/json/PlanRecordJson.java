package org.rehabplan.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Files;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.rehabplan.CalendarState;
import org.rehabplan.CheckIn;
import org.rehabplan.OutcomeLog;
import org.rehabplan.PlanRecord;
import org.rehabplan.PlanRequest;
import org.rehabplan.Protocol;
import org.rehabplan.Protocols;
import org.rehabplan.SessionOutcome;
import org.rehabplan.Severity;
import org.rehabplan.WakingHours;

/**
 * Reads and writes a {@link PlanRecord} as JSON, format {@value #FORMAT}, version {@value
 * #FORMAT_VERSION}; the schema is the resource {@code org/rehabplan/json/plan-record.schema.json}.
 * Instants are ISO-8601 in UTC ({@code 2027-03-30T07:00:00Z}); the injury time is written with
 * its offset and the zone beside it.
 *
 * <p>A built-in protocol is referenced by id and the SHA-256 of its JSON file; reading checks the
 * hash, so a record never silently follows a changed protocol. Any other protocol is embedded.
 * Reading re-plans the record ({@link PlanRecord#plan()}): a record whose history the scheduler
 * refuses is refused, located; nothing half-read is returned.
 */
public final class PlanRecordJson {
  /** The {@code format} name at the top of every record file. */
  public static final String FORMAT = "rehabplan-record";

  /** The newest format version this library reads and the one it writes. */
  public static final int FORMAT_VERSION = 1;

  /** The hashes of the built-in protocols, by id, computed on first use. */
  private static final ConcurrentMap<String, String> BUILT_IN_HASHES = new ConcurrentHashMap<>();

  private static final Set<String> KEYS = Set.of("format", "formatVersion", "request",
      "protocol", "checkIns", "replans", "outcomes", "calendar");

  private PlanRecordJson() {}

  /**
   * Reads a person's record from bytes that must be UTF-8 (without a byte-order mark): unlike {@link
   * #read(Reader)}, bytes that are not UTF-8 are refused with their line, column and byte offset.
   *
   * @param in the bytes; read to the end, not closed
   * @return the record
   * @throws JsonFormatException if the bytes are not UTF-8 or not a valid file, naming where and
   *     why
   * @throws IOException if the stream fails
   */
  public static PlanRecord read(InputStream in) throws IOException {
    return record(JsonNode.parse(in));
  }

  /**
   * Reads a file, as {@link #read(InputStream)}.
   *
   * @param file the file
   * @return the record
   * @throws JsonFormatException if the file is not UTF-8 or not valid, naming where and why
   * @throws IOException if the file cannot be read, e.g. {@link java.nio.file.NoSuchFileException}
   */
  public static PlanRecord read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    }
  }

  /**
   * Reads a record.
   *
   * @param reader the JSON text; read to its end, not closed
   * @return the record, its plan re-computed
   * @throws JsonFormatException if the text is not a valid record file, naming where and why
   * @throws IOException if the reader fails
   */
  public static PlanRecord read(Reader reader) throws IOException {
    return record(JsonNode.parse(reader));
  }

  private static PlanRecord record(JsonNode root) {
    ProtocolJson.checkFormat(root, FORMAT);
    root.object(KEYS);
    ProtocolJson.checkHeader(root, FORMAT, FORMAT_VERSION);
    PlanRequest request = root.get("request").map(PlanRecordJson::request);
    Protocol protocol = root.get("protocol").map(PlanRecordJson::protocol);
    List<CheckIn> checkIns = new ArrayList<>();
    root.find("checkIns").ifPresent(n -> n.items().forEach(i ->
        checkIns.add(i.map(PlanRecordJson::checkIn))));
    List<PlanRecord.Replan> replans = new ArrayList<>();
    root.find("replans").ifPresent(n -> n.items().forEach(i -> replans.add(i.map(r -> {
      r.object(Set.of("at", "checkIns"));
      return new PlanRecord.Replan(instant(r.get("at")),
          r.get("checkIns").integer(0, PlanRecord.MAX_CHECK_INS));
    }))));
    // Checked for a second outcome of a session item by item (the error names the item), the
    // log built once: OutcomeLog.with copies the log, so a with() per item would be quadratic.
    Map<String, SessionOutcome> bySession = new LinkedHashMap<>();
    for (JsonNode n : root.find("outcomes").map(JsonNode::items).orElse(List.of())) {
      SessionOutcome o = n.map(PlanRecordJson::outcome);
      SessionOutcome earlier = bySession.putIfAbsent(o.sessionId(), o);
      if (earlier != null) {
        n.map(x -> OutcomeLog.of(List.of(earlier, o))); // throws, located at this item
      }
    }
    OutcomeLog outcomes = OutcomeLog.of(new ArrayList<>(bySession.values()));
    CalendarState calendar = root.find("calendar").map(n -> n.map(PlanRecordJson::calendar))
        .orElse(CalendarState.empty());
    OutcomeLog all = outcomes;
    return root.map(n -> PlanRecord.of(request, protocol, checkIns, replans, all, calendar));
  }

  private static PlanRequest request(JsonNode n) {
    n.object(Set.of("injuredAt", "zone", "severity", "wakingHours"));
    ZoneId zone;
    JsonNode zoneNode = n.get("zone");
    try {
      zone = ZoneId.of(zoneNode.text());
    } catch (DateTimeException e) {
      throw zoneNode.error("unknown time zone " + JsonNode.quote(zoneNode.text()));
    }
    JsonNode at = n.get("injuredAt");
    OffsetDateTime injured;
    try {
      injured = OffsetDateTime.parse(at.text());
    } catch (DateTimeParseException e) {
      throw at.error("expected a date-time with offset such as \"2027-03-30T08:15+02:00\","
          + " found " + JsonNode.quote(at.text()));
    }
    JsonNode hours = n.get("wakingHours");
    hours.object(Set.of("wake", "sleep"));
    WakingHours waking = hours.map(h ->
        WakingHours.of(h.get("wake").localTime(), h.get("sleep").localTime()));
    return PlanRequest.builder()
        .injuredAt(injured.atZoneSameInstant(zone))
        .severity(n.get("severity").constant(Severity.class))
        .wakingHours(waking)
        .build();
  }

  private static Protocol protocol(JsonNode n) {
    n.object(Set.of("builtIn", "sha256", "embedded"));
    Optional<JsonNode> embedded = n.find("embedded");
    if (embedded.isPresent()) {
      if (n.find("builtIn").isPresent() || n.find("sha256").isPresent()) {
        throw n.error("a protocol is either embedded or built-in, not both");
      }
      return ProtocolJson.protocol(embedded.get());
    }
    JsonNode idNode = n.get("builtIn");
    String id = idNode.text();
    Protocol builtIn = Protocols.builtIn(id).orElseThrow(() -> idNode.error(
        "no built-in protocol " + JsonNode.quote(id) + "; built in: "
            + String.join(", ", Protocols.builtInIds())));
    JsonNode hashNode = n.get("sha256");
    String hash = builtInHash(builtIn);
    if (!hash.equals(hashNode.text())) {
      throw hashNode.error("the built-in protocol " + id + " has changed since this record was"
          + " written (sha256 " + hashNode.text() + ", now " + hash + "); the plan would not be"
          + " the same");
    }
    return builtIn;
  }

  private static CheckIn checkIn(JsonNode n) {
    n.object(Set.of("at", "painAtRest", "painWithActivity", "criteriaMet", "note"));
    return new CheckIn(instant(n.get("at")), n.get("painAtRest").integer(0, 10),
        n.get("painWithActivity").integer(0, 10),
        Set.copyOf(n.find("criteriaMet").map(c -> c.strings("criterion id")).orElse(List.of())),
        n.find("note").map(JsonNode::text));
  }

  private static SessionOutcome outcome(JsonNode n) {
    n.object(Set.of("session", "status", "at", "note"));
    return new SessionOutcome(n.get("session").text(),
        n.get("status").constant(SessionOutcome.Status.class), instant(n.get("at")),
        n.find("note").map(JsonNode::text));
  }

  private static CalendarState calendar(JsonNode n) {
    n.object(Set.of("events"));
    List<CalendarState.Event> events = new ArrayList<>();
    for (JsonNode e : n.get("events").items()) {
      events.add(e.map(x -> {
        x.object(Set.of("uid", "sequence", "cancelled", "lines"));
        return new CalendarState.Event(x.get("uid").text(),
            x.get("sequence").integer(0, CalendarState.MAX_SEQUENCE),
            x.find("cancelled").map(JsonNode::bool).orElse(false),
            x.get("lines").items().stream().map(JsonNode::text).toList());
      }));
    }
    return CalendarState.of(events);
  }

  private static Instant instant(JsonNode n) {
    try {
      return Instant.parse(n.text());
    } catch (DateTimeParseException e) {
      throw n.error("expected an instant such as \"2027-03-30T07:00:00Z\", found "
          + JsonNode.quote(n.text()));
    }
  }

  /**
   * Returns the SHA-256 of a protocol's JSON file as {@link ProtocolJson#write} writes it.
   *
   * @param protocol the protocol
   * @return the hash as 64 lower-case hex digits
   */
  public static String sha256(Protocol protocol) {
    return hash(requireNonNull(protocol, "protocol"));
  }

  /**
   * The hash of a built-in protocol, computed once per id: a built-in protocol is one shared
   * immutable instance, and hashing it means writing its whole file.
   */
  private static String builtInHash(Protocol builtIn) {
    return BUILT_IN_HASHES.computeIfAbsent(builtIn.id(), id -> hash(builtIn));
  }

  private static String hash(Protocol protocol) {
    StringWriter out = new StringWriter();
    try {
      ProtocolJson.write(protocol, out);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(out.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot hash a protocol", e); // a StringWriter, SHA-256
    }
  }

  /**
   * Writes a record, ending with a line break. A built-in protocol is referenced by id and hash,
   * any other embedded.
   *
   * @param record the record
   * @param writer where the JSON goes; flushed, not closed
   * @throws IOException if the writer fails
   */
  public static void write(PlanRecord record, Writer writer) throws IOException {
    requireNonNull(record, "record");
    requireNonNull(writer, "writer");
    try (JsonGenerator g = JsonOut.open(writer)) {
      g.writeStartObject();
      g.writeStringField("format", FORMAT);
      g.writeNumberField("formatVersion", FORMAT_VERSION);
      PlanRequest r = record.request();
      g.writeObjectFieldStart("request");
      g.writeStringField("injuredAt", r.injuredAt().toOffsetDateTime().toString());
      g.writeStringField("zone", r.zone().getId());
      g.writeStringField("severity", r.severity().name());
      g.writeObjectFieldStart("wakingHours");
      g.writeStringField("wake", hhmm(r.wakingHours().wake()));
      g.writeStringField("sleep", hhmm(r.wakingHours().sleep()));
      g.writeEndObject();
      g.writeEndObject();
      g.writeObjectFieldStart("protocol");
      Protocol p = record.protocol();
      if (Protocols.builtIn(p.id()).filter(p::equals).isPresent()) {
        g.writeStringField("builtIn", p.id());
        g.writeStringField("sha256", builtInHash(p));
      } else {
        g.writeObjectFieldStart("embedded");
        g.writeStringField("format", ProtocolJson.FORMAT);
        g.writeNumberField("formatVersion", ProtocolJson.FORMAT_VERSION);
        ProtocolJson.writeBody(p, g);
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeArrayFieldStart("checkIns");
      for (CheckIn c : record.checkIns()) {
        g.writeStartObject();
        g.writeStringField("at", c.at().toString());
        g.writeNumberField("painAtRest", c.painAtRest());
        g.writeNumberField("painWithActivity", c.painWithActivity());
        g.writeArrayFieldStart("criteriaMet");
        for (String id : c.criteriaMet()) {
          g.writeString(id);
        }
        g.writeEndArray();
        if (c.note().isPresent()) {
          g.writeStringField("note", c.note().get());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("replans");
      for (PlanRecord.Replan re : record.replans()) {
        g.writeStartObject();
        g.writeStringField("at", re.at().toString());
        g.writeNumberField("checkIns", re.checkIns());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("outcomes");
      for (SessionOutcome o : record.outcomes().outcomes()) {
        g.writeStartObject();
        g.writeStringField("session", o.sessionId());
        g.writeStringField("status", o.status().name());
        g.writeStringField("at", o.at().toString());
        if (o.note().isPresent()) {
          g.writeStringField("note", o.note().get());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeObjectFieldStart("calendar");
      g.writeArrayFieldStart("events");
      for (CalendarState.Event e : record.calendar().events()) {
        g.writeStartObject();
        g.writeStringField("uid", e.uid());
        g.writeNumberField("sequence", e.sequence());
        if (e.cancelled()) {
          g.writeBooleanField("cancelled", true);
        }
        g.writeArrayFieldStart("lines");
        for (String line : e.lines()) {
          g.writeString(line);
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndObject();
    }
    writer.write('\n');
    writer.flush();
  }

  private static String hhmm(java.time.LocalTime t) {
    return String.format(java.util.Locale.ROOT, "%02d:%02d", t.getHour(), t.getMinute());
  }
}
