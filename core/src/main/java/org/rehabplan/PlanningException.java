package org.rehabplan;

/**
 * What the person's input cannot give: a rejection of the situation, check-ins or files a person
 * (or a clinician editing a protocol file) supplied, as opposed to a programming error in the
 * calling code.
 *
 * <p>Examples: waking hours too short for a daily pattern, a plan that would exceed the session
 * cap, a check-in after "now" or before the injury, an unknown criterion, a malformed protocol
 * file. The message is one sentence that a patient-facing app can show as it is; it names the
 * input and the bad value.
 *
 * <p>It extends {@link IllegalArgumentException}, so code that catches that keeps working; an app
 * that wants to tell the person's input apart from its own bugs catches this type first. Other
 * {@code IllegalArgumentException}s and {@code NullPointerException}s thrown by rehabplan mean the
 * calling code broke a documented precondition.
 */
public class PlanningException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * A rejection with a message for the person.
   *
   * @param message one sentence naming the input, the bad value and the reason
   */
  public PlanningException(String message) {
    super(message);
  }

  /**
   * A rejection with a message for the person and the underlying cause.
   *
   * @param message one sentence naming the input, the bad value and the reason
   * @param cause the lower-level exception that revealed the problem
   */
  public PlanningException(String message, Throwable cause) {
    super(message, cause);
  }
}
