package org.rehabplan;

import static java.util.Objects.requireNonNull;

/**
 * Where a piece of protocol content comes from: a cited source, or an editorial choice made by the
 * protocol's authors where no source gives a figure.
 *
 * @param kind whether this is a source fact or a choice
 * @param citation the source (for {@link Kind#SOURCE}) or who made the choice (for {@link
 *     Kind#CHOICE})
 * @param detail what exactly the source says, or why the choice was made
 */
public record Provenance(Kind kind, String citation, String detail) {

  /** Whether content is backed by a source or is a choice. */
  public enum Kind {
    /** Stated by the cited source. */
    SOURCE,
    /** A default chosen by the protocol's authors, not stated by any source. */
    CHOICE
  }

  /**
   * Validates the components.
   *
   * @param kind whether this is a source fact or a choice; not null
   * @param citation the source or who made the choice; not blank, within the instructions
   *     length limit
   * @param detail what the source says, or why the choice was made; not blank, same limit
   * @throws IllegalArgumentException if the citation or the detail is blank or too long
   */
  public Provenance {
    requireNonNull(kind, "kind");
    Checks.checkText(citation, "citation", Limits.MAX_INSTRUCTIONS_LENGTH);
    Checks.checkText(detail, "detail", Limits.MAX_INSTRUCTIONS_LENGTH);
  }

  /**
   * A fact stated by {@code citation}.
   *
   * @param citation the source, e.g. an article's authors, title and year
   * @param detail what exactly the source says, in our words
   * @return a {@link Kind#SOURCE} provenance
   * @throws IllegalArgumentException if either text is blank or too long
   */
  public static Provenance source(String citation, String detail) {
    return new Provenance(Kind.SOURCE, citation, detail);
  }

  /**
   * A default chosen by {@code citation} (usually the protocol's authors), with its rationale.
   *
   * @param citation who made the choice
   * @param rationale why the choice was made where no source gives a figure
   * @return a {@link Kind#CHOICE} provenance
   * @throws IllegalArgumentException if either text is blank or too long
   */
  public static Provenance choice(String citation, String rationale) {
    return new Provenance(Kind.CHOICE, citation, rationale);
  }

  /**
   * Whether this marks an editorial choice rather than a source fact.
   *
   * @return true for {@link Kind#CHOICE}
   */
  public boolean isChoice() {
    return kind == Kind.CHOICE;
  }
}
