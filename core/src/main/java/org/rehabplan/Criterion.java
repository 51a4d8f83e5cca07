package org.rehabplan;

/**
 * A named condition a person reports as met, such as {@code pain-relieved} or {@code healed}.
 * Phases end when their criteria are met; interventions may require a criterion before they start.
 *
 * @param id the criterion's id, lower-case kebab-case
 * @param question the question a person answers to report it, e.g. "Is the pain relieved?"
 */
public record Criterion(String id, String question) {
  /** Validates the components. */
  public Criterion {
    Checks.checkId(id, "criterion id");
    Checks.checkText(question, "question", Limits.MAX_TITLE_LENGTH);
  }

  /** A criterion with the given id and question. */
  public static Criterion of(String id, String question) {
    return new Criterion(id, question);
  }
}
