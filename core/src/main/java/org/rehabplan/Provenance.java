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

  /** Validates the components. */
  public Provenance {
    requireNonNull(kind, "kind");
    Checks.checkText(citation, "citation", Limits.MAX_INSTRUCTIONS_LENGTH);
    Checks.checkText(detail, "detail", Limits.MAX_INSTRUCTIONS_LENGTH);
  }

  /** A fact stated by {@code citation}. */
  public static Provenance source(String citation, String detail) {
    return new Provenance(Kind.SOURCE, citation, detail);
  }

  /** A default chosen by {@code citation} (usually the protocol's authors), with its rationale. */
  public static Provenance choice(String citation, String rationale) {
    return new Provenance(Kind.CHOICE, citation, rationale);
  }

  /** Whether this marks an editorial choice rather than a source fact. */
  public boolean isChoice() {
    return kind == Kind.CHOICE;
  }
}
