package org.rehabplan.rules;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.List;
import org.rehabplan.Session;
import org.rehabplan.GuidanceSpan;

/**
 * One breach of a schedule rule: which rule, the sessions or spans involved, and a sentence a
 * person understands, e.g. "ice at 10:00 and 10:40 are 40 min apart; the protocol asks for at
 * least 1 h".
 *
 * @param rule the name of the rule broken
 * @param sessions the sessions involved, in plan order (may be empty)
 * @param spans the guidance spans involved (may be empty)
 * @param message what is wrong, in plain English
 */
public record Violation(String rule, List<Session> sessions, List<GuidanceSpan> spans, String message) {
  /**
   * Validates and copies the components.
   *
   * @param rule the name of the rule broken
   * @param sessions the sessions involved, in plan order (may be empty)
   * @param spans the guidance spans involved (may be empty)
   * @param message what is wrong, in plain English; not blank
   * @throws IllegalArgumentException if {@code message} is blank
   */
  public Violation {
    requireNonNull(rule, "rule");
    sessions = List.copyOf(sessions);
    spans = List.copyOf(spans);
    requireNonNull(message, "message");
    checkArgument(!message.isBlank(), "message must not be blank");
  }

  /**
   * A violation involving {@code sessions}.
   *
   * @param rule the name of the rule broken
   * @param message what is wrong, in plain English; not blank
   * @param sessions the sessions involved, in plan order
   * @return the violation, with no guidance spans
   * @throws IllegalArgumentException if {@code message} is blank
   */
  public static Violation of(String rule, String message, Session... sessions) {
    return new Violation(rule, List.of(sessions), List.of(), message);
  }

  /** {@code rule: message}. */
  @Override
  public String toString() {
    return rule + ": " + message;
  }
}
