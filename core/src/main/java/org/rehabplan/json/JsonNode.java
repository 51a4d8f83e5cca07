package org.rehabplan.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.CoderResult;
import java.nio.charset.CharsetDecoder;
import java.nio.CharBuffer;
import java.nio.ByteBuffer;
import java.io.InputStream;
import java.io.CharArrayReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A parsed JSON value with its place in the document, so that every rule broken while mapping it
 * to the model is reported at the value's path, line and column. Reading is bounded: at most
 * {@link #MAX_CHARS} characters and {@link #MAX_DEPTH} levels of nesting, enforced by jackson-core
 * while it parses (no recursion deeper than that, no unbounded buffer).
 */
final class JsonNode {
  /** The most characters a document may hold (a protocol or a record is far smaller). */
  static final int MAX_CHARS = 4 * 1024 * 1024;

  /** The deepest nesting a document may have (the formats need fewer than 10 levels). */
  static final int MAX_DEPTH = 32;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(MAX_DEPTH)
                  .maxDocumentLength(MAX_CHARS)
                  .maxStringLength(MAX_CHARS)
                  .maxNumberLength(20)
                  .maxNameLength(200)
                  .build())
          .build();

  private static final Pattern LOCAL_TIME = Pattern.compile("\\d\\d:\\d\\d");

  private enum Kind {
    OBJECT,
    ARRAY,
    STRING,
    NUMBER,
    BOOLEAN,
    NULL
  }

  private final Kind kind;
  private final String path;
  private final int line;
  private final int column;
  private final @Nullable Object value;

  private JsonNode(Kind kind, String path, JsonLocation at, @Nullable Object value) {
    this.kind = kind;
    this.path = path;
    this.line = at.getLineNr();
    this.column = at.getColumnNr();
    this.value = value;
  }

  /**
   * Parses a document from bytes that must be UTF-8: read to the end (at most {@code 4 *
   * MAX_CHARS} bytes, else refused as too large), decoded strictly, then parsed as {@link
   * #parse(Reader)}.
   *
   * @param in the bytes of the document; read to the end, not closed
   * @return the top-level value
   * @throws JsonFormatException for bytes that are not UTF-8 (naming the line, the column and the
   *     byte offset), a document too large, or as {@link #parse(Reader)}
   * @throws IOException if the stream fails
   */
  static JsonNode parse(InputStream in) throws IOException {
    requireNonNull(in, "in");
    int limit = 4 * MAX_CHARS;
    byte[] bytes = in.readNBytes(limit + 1);
    if (bytes.length > limit) {
      throw new JsonFormatException("", 0, 0, "the file is too large (more than " + limit
          + " bytes)");
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    CharBuffer chars = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(buffer, chars, true);
    if (!result.isError()) {
      result = decoder.flush(chars);
    }
    if (result.isError()) {
      int offset = buffer.position();
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < offset; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      // The column counts characters, as the parser's columns do.
      int column = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes, lineStart,
          offset - lineStart)).length() + 1;
      throw new JsonFormatException("", line, column, "not UTF-8 text (byte " + offset
          + " is 0x" + String.format(Locale.ROOT, "%02x", bytes[offset] & 0xff)
          + "); save the file as UTF-8");
    }
    chars.flip();
    return parse(new CharArrayReader(chars.array(), 0, chars.limit()));
  }

  /**
   * Parses a whole document; nothing follows the top-level value.
   *
   * @param reader the characters of the document
   * @return the top-level value
   * @throws JsonFormatException if the document is not well-formed JSON within the bounds, has a
   *     duplicate key, starts with a byte-order mark, or holds a NUL or unpaired surrogate
   * @throws IOException if the reader fails
   */
  static JsonNode parse(Reader reader) throws IOException {
    PushbackReader in = new PushbackReader(requireNonNull(reader, "reader"), 1);
    int c = in.read();
    if (c == '\uFEFF') {
      throw new JsonFormatException(
          "", 1, 1, "the file starts with a byte-order mark; save it as UTF-8 without a BOM");
    }
    if (c >= 0) {
      in.unread(c);
    }
    try (JsonParser p = FACTORY.createParser(in)) {
      p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new JsonFormatException("", 0, 0, "the file is empty; expected a JSON object");
      }
      JsonNode root = read(p, "");
      JsonToken after = p.nextToken();
      if (after != null) {
        JsonLocation at = p.currentTokenLocation();
        throw new JsonFormatException(
            "", at.getLineNr(), at.getColumnNr(), "unexpected content after the top-level value");
      }
      return root;
    } catch (JsonEOFException e) {
      JsonLocation at = e.getLocation();
      throw new JsonFormatException(
          "", line(at), column(at), "the file ends too early (truncated?)", e);
    } catch (StreamConstraintsException e) {
      throw new JsonFormatException(
          "", 0, 0,
          "the file is too large or too deeply nested (at most " + MAX_CHARS
              + " characters and " + MAX_DEPTH + " levels): " + firstLine(e.getOriginalMessage()),
          e);
    } catch (JsonParseException e) {
      JsonLocation at = e.getLocation();
      throw new JsonFormatException("", line(at), column(at), firstLine(e.getOriginalMessage()), e);
    }
  }

  private static int line(@Nullable JsonLocation at) {
    return at == null ? 0 : Math.max(0, at.getLineNr());
  }

  private static int column(@Nullable JsonLocation at) {
    return at == null ? 0 : Math.max(0, at.getColumnNr());
  }

  private static String firstLine(@Nullable String message) {
    if (message == null) {
      return "malformed JSON";
    }
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }

  // Recursion is bounded by MAX_DEPTH: jackson-core refuses deeper nesting before we recurse.
  private static JsonNode read(JsonParser p, String path) throws IOException {
    JsonLocation at = p.currentTokenLocation();
    JsonToken token = requireNonNull(p.currentToken(), "token");
    switch (token) {
      case START_OBJECT -> {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = requireNonNull(p.currentName(), "name");
          p.nextToken();
          fields.put(name, read(p, path.isEmpty() ? name : path + "." + name));
        }
        return new JsonNode(Kind.OBJECT, path, at, fields);
      }
      case START_ARRAY -> {
        List<JsonNode> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          items.add(read(p, path + "[" + items.size() + "]"));
        }
        return new JsonNode(Kind.ARRAY, path, at, items);
      }
      case VALUE_STRING -> {
        return new JsonNode(Kind.STRING, path, at, p.getText());
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return new JsonNode(Kind.NUMBER, path, at, p.getText());
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return new JsonNode(Kind.BOOLEAN, path, at, token == JsonToken.VALUE_TRUE);
      }
      case VALUE_NULL -> {
        return new JsonNode(Kind.NULL, path, at, null);
      }
      default -> throw new JsonFormatException(
          path, at.getLineNr(), at.getColumnNr(), "unexpected " + token);
    }
  }

  /**
   * Returns an exception for this value breaking a rule.
   *
   * @param rule what is wrong
   * @return the exception, located at this value
   */
  JsonFormatException error(String rule) {
    return new JsonFormatException(path, line, column, rule);
  }

  /**
   * Returns an exception for this value breaking a rule of the model.
   *
   * @param e the model's rejection
   * @return the exception, located at this value, with the model's message
   */
  JsonFormatException error(IllegalArgumentException e) {
    return new JsonFormatException(path, line, column, String.valueOf(e.getMessage()), e);
  }

  /**
   * Maps this value with the model's constructor, locating its rejection here.
   *
   * @param <T> the model type
   * @param mapping builds the model value from this node
   * @return the model value
   */
  <T> T map(Function<JsonNode, T> mapping) {
    try {
      return mapping.apply(this);
    } catch (JsonFormatException e) {
      throw e;
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new JsonFormatException(path, line, column, String.valueOf(e.getMessage()), e);
    }
  }

  private String describeKind() {
    return switch (kind) {
      case OBJECT -> "an object";
      case ARRAY -> "an array";
      case STRING -> "a string " + quote((String) requireNonNull(value));
      case NUMBER -> "the number " + value;
      case BOOLEAN -> String.valueOf(value);
      case NULL -> "null";
    };
  }

  static String quote(String s) {
    String shown = s.length() > 60 ? s.substring(0, 60) + "…" : s;
    return "\"" + shown.replace("\"", "\\\"") + "\"";
  }

  private JsonFormatException expected(String what) {
    return error("expected " + what + ", found " + describeKind());
  }

  /**
   * Checks that this is an object with only the given properties.
   *
   * @param allowed the property names the object may have
   * @return this node
   * @throws JsonFormatException if this is no object or has another property
   */
  JsonNode object(Set<String> allowed) {
    if (kind != Kind.OBJECT) {
      throw expected("an object");
    }
    for (Map.Entry<String, JsonNode> e : fields().entrySet()) {
      if (!allowed.contains(e.getKey())) {
        throw e.getValue().error("unknown property \"" + e.getKey() + "\"; allowed here: "
            + String.join(", ", new TreeSet<>(allowed)));
      }
    }
    return this;
  }

  @SuppressWarnings("unchecked")
  private Map<String, JsonNode> fields() {
    return (Map<String, JsonNode>) requireNonNull(value);
  }

  /**
   * Returns the text of a string property of this node, when this is an object that has one,
   * whatever its other properties: a file's {@code format}, checked before anything else.
   *
   * @param name the property name
   * @return its text, or empty when this is no object or the property is absent or no string
   */
  Optional<String> textOf(String name) {
    if (kind != Kind.OBJECT) {
      return Optional.empty();
    }
    JsonNode n = fields().get(name);
    return n == null || n.kind != Kind.STRING ? Optional.empty()
        : Optional.of((String) requireNonNull(n.value));
  }

  /**
   * Returns a property that must be present.
   *
   * @param name the property name
   * @return its value
   * @throws JsonFormatException if it is missing
   */
  JsonNode get(String name) {
    JsonNode n = fields().get(name);
    if (n == null) {
      throw error("missing property \"" + name + "\"");
    }
    return n;
  }

  /**
   * Returns a property that may be absent (an explicit null counts as absent).
   *
   * @param name the property name
   * @return its value, or empty
   */
  Optional<JsonNode> find(String name) {
    JsonNode n = fields().get(name);
    return n == null || n.kind == Kind.NULL ? Optional.empty() : Optional.of(n);
  }

  /**
   * Returns the items of an array.
   *
   * @return the items in order
   * @throws JsonFormatException if this is no array
   */
  @SuppressWarnings("unchecked")
  List<JsonNode> items() {
    if (kind != Kind.ARRAY) {
      throw expected("an array");
    }
    return (List<JsonNode>) requireNonNull(value);
  }

  /**
   * Maps the items of an array, refusing two items with the same key.
   *
   * @param <T> the model type
   * @param mapping maps one item
   * @param key the item's identity for duplicate detection, e.g. its id
   * @param what what the key is called in the message, e.g. "phase id"
   * @return the mapped items in order
   */
  <T> List<T> list(Function<JsonNode, T> mapping, Function<T, ?> key, String what) {
    List<T> out = new ArrayList<>();
    Map<Object, Integer> seen = new LinkedHashMap<>();
    List<JsonNode> items = items();
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      T t = item.map(mapping);
      Integer earlier = seen.put(key.apply(t), i);
      if (earlier != null) {
        throw item.error("duplicate " + what + " " + quote(String.valueOf(key.apply(t)))
            + " (also at " + items.get(earlier).path + ")");
      }
      out.add(t);
    }
    return out;
  }

  /**
   * Returns the text of a string.
   *
   * @return the text
   * @throws JsonFormatException if this is no string
   */
  String text() {
    if (kind != Kind.STRING) {
      throw expected("a string");
    }
    return (String) requireNonNull(value);
  }

  /**
   * Returns a boolean.
   *
   * @return the value
   * @throws JsonFormatException if this is no boolean
   */
  boolean bool() {
    if (kind != Kind.BOOLEAN) {
      throw expected("true or false");
    }
    return (Boolean) requireNonNull(value);
  }

  /**
   * Returns a whole number within bounds.
   *
   * @param min the least allowed
   * @param max the most allowed
   * @return the number
   * @throws JsonFormatException if this is no whole number or out of bounds
   */
  int integer(int min, int max) {
    if (kind != Kind.NUMBER) {
      throw expected("a whole number");
    }
    String text = (String) requireNonNull(value);
    long n;
    try {
      n = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw error("expected a whole number from " + min + " to " + max + ", found " + text);
    }
    if (n < min || n > max) {
      throw error("expected a whole number from " + min + " to " + max + ", found " + text);
    }
    return (int) n;
  }

  /**
   * Returns an ISO-8601 duration such as {@code PT15M} or {@code P14D}.
   *
   * @return the duration
   * @throws JsonFormatException if this is no string in that form
   */
  Duration duration() {
    if (kind != Kind.STRING) {
      throw expected("an ISO-8601 duration such as \"PT15M\" or \"P14D\"");
    }
    String text = text();
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException | ArithmeticException e) {
      throw error("expected an ISO-8601 duration such as \"PT15M\" or \"P14D\", found "
          + quote(text));
    }
  }

  /**
   * Returns a local time written {@code HH:mm}.
   *
   * @return the time
   * @throws JsonFormatException if this is no string in that form
   */
  LocalTime localTime() {
    String text = kind == Kind.STRING ? text() : "";
    if (kind != Kind.STRING || !LOCAL_TIME.matcher(text).matches()) {
      throw expected("a local time \"HH:mm\"");
    }
    try {
      return LocalTime.parse(text);
    } catch (DateTimeParseException e) {
      throw error("no such time of day: " + quote(text));
    }
  }

  /**
   * Returns one constant of an enum, written by its name.
   *
   * @param <E> the enum type
   * @param type the enum class
   * @return the constant
   * @throws JsonFormatException if the text names no constant
   */
  <E extends Enum<E>> E constant(Class<E> type) {
    String text = text();
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(text)) {
        return e;
      }
    }
    List<String> names = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      names.add(e.name());
    }
    throw error(quote(text) + " is not one of " + String.join(", ", names));
  }

  /**
   * Returns the distinct strings of an array.
   *
   * @param what what the strings are, for the duplicate message
   * @return the strings in order
   * @throws JsonFormatException if an item is no string or repeats
   */
  List<String> strings(String what) {
    return list(JsonNode::text, s -> s, what);
  }

  /**
   * Returns the distinct constants of an array of enum names.
   *
   * @param <E> the enum type
   * @param type the enum class
   * @return the constants in order
   */
  <E extends Enum<E>> List<E> constants(Class<E> type) {
    return list(n -> n.constant(type), e -> e, type.getSimpleName().toLowerCase(Locale.ROOT));
  }

  /**
   * Returns the path of this value.
   *
   * @return e.g. {@code phases[2].exitGate}
   */
  String path() {
    return path;
  }

  /**
   * Checks this node is one of the given strings.
   *
   * @param allowed the allowed values
   * @return the text
   */
  String oneOf(Collection<String> allowed) {
    String text = text();
    if (!allowed.contains(text)) {
      throw error(quote(text) + " is not one of " + String.join(", ", allowed));
    }
    return text;
  }
}
