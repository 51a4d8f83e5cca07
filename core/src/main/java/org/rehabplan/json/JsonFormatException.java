package org.rehabplan.json;

import static java.util.Objects.requireNonNull;

import org.rehabplan.PlanningException;

/**
 * A JSON file that cannot be read as a protocol or a record: malformed, truncated, too large or
 * too deep, of an unknown or newer format, or breaking a rule of the model. The message names
 * where (the path in the document, then line and column) and the rule, for example {@code
 * phases[2].exitGate (line 41, column 19): minimumTime must not be negative: -PT1H}.
 *
 * <p>It is the person's bad input, so it is a {@link PlanningException} (the command-line program
 * exits 2 on it).
 */
public final class JsonFormatException extends PlanningException {
  private static final long serialVersionUID = 1L;

  /** The path of the offending value, e.g. {@code phases[2].exitGate}; empty for the document. */
  private final String path;

  /** The line of the offending value, from 1; 0 when unknown. */
  private final int line;

  /** The column of the offending value, from 1; 0 when unknown. */
  private final int column;

  /**
   * Creates an exception for a value at a place in the document.
   *
   * @param path the path of the offending value, e.g. {@code phases[2].exitGate}; empty for the
   *     whole document
   * @param line the line of the value, from 1; 0 when unknown
   * @param column the column of the value, from 1; 0 when unknown
   * @param rule what is wrong, for a person editing the file
   * @param cause the underlying failure, if any
   */
  JsonFormatException(String path, int line, int column, String rule, Throwable cause) {
    super(format(path, line, column, rule), cause);
    this.path = requireNonNull(path, "path");
    this.line = line;
    this.column = column;
  }

  /**
   * Creates an exception for a value at a place in the document, with no underlying failure.
   *
   * @param path the path of the offending value; empty for the whole document
   * @param line the line of the value, from 1; 0 when unknown
   * @param column the column of the value, from 1; 0 when unknown
   * @param rule what is wrong, for a person editing the file
   */
  JsonFormatException(String path, int line, int column, String rule) {
    super(format(path, line, column, rule));
    this.path = requireNonNull(path, "path");
    this.line = line;
    this.column = column;
  }

  private static String format(String path, int line, int column, String rule) {
    String where = path.isEmpty() ? "document" : path;
    return line > 0
        ? where + " (line " + line + ", column " + column + "): " + rule
        : where + ": " + rule;
  }

  /**
   * Returns the path of the offending value in the document's own names.
   *
   * @return the path, e.g. {@code phases[2].exitGate.criteria[0]}; empty for the whole document
   */
  public String path() {
    return path;
  }

  /**
   * Returns the JSON Pointer (RFC 6901) of the offending value.
   *
   * @return the pointer, e.g. {@code /phases/2/exitGate/criteria/0}; empty for the document
   */
  public String pointer() {
    if (path.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (String part : path.replace("[", ".").replace("]", "").split("\\.", -1)) {
      out.append('/').append(part.replace("~", "~0").replace("/", "~1"));
    }
    return out.toString();
  }

  /**
   * Returns the line of the offending value.
   *
   * @return the line, from 1; 0 when unknown
   */
  public int line() {
    return line;
  }

  /**
   * Returns the column of the offending value.
   *
   * @return the column, from 1; 0 when unknown
   */
  public int column() {
    return column;
  }
}
