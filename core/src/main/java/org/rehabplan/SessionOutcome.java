package org.rehabplan;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * What the person reported about one session: done or skipped, when, and an optional note.
 * Outcomes are history: once recorded, an outcome never changes ({@link OutcomeLog}). A session
 * keeps its id when a re-plan moves it, so it keeps its outcome.
 *
 * @param sessionId the {@linkplain Session#id() session id}
 * @param status done or skipped
 * @param at when the person reported it
 * @param note free text, if the person wrote any: not blank, no control characters other than
 *     line feed, at most {@value Limits#MAX_NOTE_LENGTH} characters
 */
public record SessionOutcome(String sessionId, Status status, Instant at, Optional<String> note) {

  /** Done or skipped. */
  public enum Status {
    /** The person did the session. */
    DONE,
    /** The person skipped the session. */
    SKIPPED
  }

  /**
   * Validates the components.
   *
   * @param sessionId the session id
   * @param status done or skipped
   * @param at when the person reported it
   * @param note the note, if any
   * @throws IllegalArgumentException if the id or the note is malformed
   */
  public SessionOutcome {
    Checks.checkText(sessionId, "sessionId", Limits.MAX_TITLE_LENGTH);
    requireNonNull(status, "status");
    requireNonNull(at, "at");
    requireNonNull(note, "note");
    note.ifPresent(n -> Checks.checkText(n, "note", Limits.MAX_NOTE_LENGTH));
  }

  /**
   * Returns the outcome "done" without a note.
   *
   * @param sessionId the session id
   * @param at when the person reported it
   * @return the outcome
   */
  public static SessionOutcome done(String sessionId, Instant at) {
    return new SessionOutcome(sessionId, Status.DONE, at, Optional.empty());
  }

  /**
   * Returns the outcome "skipped" without a note.
   *
   * @param sessionId the session id
   * @param at when the person reported it
   * @return the outcome
   */
  public static SessionOutcome skipped(String sessionId, Instant at) {
    return new SessionOutcome(sessionId, Status.SKIPPED, at, Optional.empty());
  }

  /**
   * Returns a copy with the given note; this instance is unaffected.
   *
   * @param note the note
   * @return the copy
   */
  public SessionOutcome withNote(String note) {
    return new SessionOutcome(sessionId, status, at, Optional.of(requireNonNull(note, "note")));
  }
}
