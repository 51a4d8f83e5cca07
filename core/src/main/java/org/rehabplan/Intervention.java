package org.rehabplan;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Something the person does or observes during rehabilitation: icing, stretching, a self-check.
 * Immutable and thread-safe; build with {@link #builder(String)}.
 *
 * <p>An intervention may require criteria (e.g. {@code pain-relieved}); a {@link Protocol} checks
 * that each such criterion is met by a phase before every phase the intervention is active in, so
 * no session of it can come before the criterion is met.
 */
public final class Intervention {
  private final String id;
  private final InterventionKind kind;
  private final String title;
  private final String instructions;
  private final Timing timing;
  private final ImmutableSet<String> requiredCriteria;
  private final ImmutableList<Provenance> provenance;
  private final Optional<String> selfCheckFor;

  private Intervention(Builder b) {
    this.id = Checks.checkId(b.id, "intervention id");
    this.kind = requireNonNull(b.kind, "kind");
    checkArgument(b.title != null, "intervention %s needs a title", b.id);
    this.title = Checks.checkText(b.title, "title", Limits.MAX_TITLE_LENGTH);
    checkArgument(b.instructions != null, "intervention %s needs instructions", b.id);
    this.instructions =
        Checks.checkText(b.instructions, "instructions", Limits.MAX_INSTRUCTIONS_LENGTH);
    checkArgument(b.timing != null, "intervention %s needs a timing", b.id);
    this.timing = b.timing;
    this.requiredCriteria = ImmutableSet.copyOf(b.requiredCriteria.build());
    requiredCriteria.forEach(c -> Checks.checkId(c, "required criterion id"));
    this.provenance = b.provenance.build();
    this.selfCheckFor = b.selfCheckFor.map(c -> Checks.checkId(c, "self-check criterion id"));
  }

  /**
   * A builder for an intervention with the given id.
   *
   * @param id the id, unique within its protocol: letters, digits, {@code -} and {@code _}
   * @return a builder with kind {@link InterventionKind#OTHER} and nothing else set
   * @throws IllegalArgumentException if {@code id} is not a valid id
   */
  public static Builder builder(String id) {
    return new Builder(Checks.checkId(id, "intervention id"));
  }

  /**
   * A builder holding this intervention's values, to make a modified copy.
   *
   * @return a new builder; changing it leaves this intervention unchanged
   */
  public Builder toBuilder() {
    Builder b = new Builder(id).kind(kind).title(title).instructions(instructions).timing(timing);
    b.requiredCriteria.addAll(requiredCriteria);
    b.provenance.addAll(provenance);
    b.selfCheckFor = selfCheckFor;
    return b;
  }

  /**
   * The id, unique within its protocol.
   *
   * @return the id, as given to {@link #builder(String)}
   */
  public String id() {
    return id;
  }

  /**
   * What kind of intervention this is.
   *
   * @return the kind; {@link InterventionKind#OTHER} unless set
   */
  public InterventionKind kind() {
    return kind;
  }

  /**
   * The patient-facing title, e.g. "Ice the back of the thigh".
   *
   * @return the title, one line
   */
  public String title() {
    return title;
  }

  /**
   * The patient-facing instructions.
   *
   * @return the instructions, as written in the protocol
   */
  public String instructions() {
    return instructions;
  }

  /**
   * When it happens.
   *
   * @return the timing
   */
  public Timing timing() {
    return timing;
  }

  /**
   * Ids of the criteria that must be met before any session of this intervention.
   *
   * @return an immutable set of criterion ids, empty when no session waits for a criterion
   */
  public Set<String> requiredCriteria() {
    return requiredCriteria;
  }

  /**
   * The criterion this intervention is a self-check for, if it is one: its sessions ask the
   * criterion's question and repeat until it is reported met or its phase's latest estimate.
   *
   * @return the criterion id, or empty for an intervention that is no self-check
   */
  public Optional<String> selfCheckFor() {
    return selfCheckFor;
  }

  /**
   * Where the content comes from.
   *
   * @return an immutable list of sources, in the order given
   */
  public List<Provenance> provenance() {
    return provenance;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Intervention other
        && id.equals(other.id)
        && kind == other.kind
        && title.equals(other.title)
        && instructions.equals(other.instructions)
        && timing.equals(other.timing)
        && requiredCriteria.equals(other.requiredCriteria)
        && provenance.equals(other.provenance)
        && selfCheckFor.equals(other.selfCheckFor);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, kind, title, instructions, timing, requiredCriteria, provenance);
  }

  @Override
  public String toString() {
    return "Intervention[" + id + ", " + kind + ", " + timing.describe() + "]";
  }

  /** Collects an intervention's values; {@link #build()} validates them all at once. */
  public static final class Builder {
    private final String id;
    private InterventionKind kind = InterventionKind.OTHER;
    private @Nullable String title;
    private @Nullable String instructions;
    private @Nullable Timing timing;
    private final ImmutableSet.Builder<String> requiredCriteria = ImmutableSet.builder();
    private final ImmutableList.Builder<Provenance> provenance = ImmutableList.builder();
    private Optional<String> selfCheckFor = Optional.empty();

    private Builder(String id) {
      this.id = id;
    }

    /**
     * Sets the kind; default {@link InterventionKind#OTHER}.
     *
     * @param kind what kind of intervention this is
     * @return this builder
     */
    public Builder kind(InterventionKind kind) {
      this.kind = requireNonNull(kind, "kind");
      return this;
    }

    /**
     * Sets the patient-facing title (required).
     *
     * @param title one line, checked against the title length limit by {@link #build()}
     * @return this builder
     */
    public Builder title(String title) {
      this.title = requireNonNull(title, "title");
      return this;
    }

    /**
     * Sets the patient-facing instructions (required).
     *
     * @param instructions the text, checked against the instructions length limit by {@link
     *     #build()}
     * @return this builder
     */
    public Builder instructions(String instructions) {
      this.instructions = requireNonNull(instructions, "instructions");
      return this;
    }

    /**
     * Sets the timing (required).
     *
     * @param timing when the intervention happens
     * @return this builder
     */
    public Builder timing(Timing timing) {
      this.timing = requireNonNull(timing, "timing");
      return this;
    }

    /**
     * Adds criteria that must be met before any session.
     *
     * @param criterionIds ids of criteria of the protocol; no nulls; added to those already given
     * @return this builder
     */
    public Builder requires(String... criterionIds) {
      for (String c : requireNonNull(criterionIds, "criterionIds")) {
        requiredCriteria.add(requireNonNull(c, "criterionId"));
      }
      return this;
    }

    /**
     * Adds provenance entries.
     *
     * @param entries where the content comes from; no nulls; appended to those already given
     * @return this builder
     */
    public Builder provenance(Provenance... entries) {
      for (Provenance p : requireNonNull(entries, "provenance")) {
        provenance.add(requireNonNull(p, "provenance"));
      }
      return this;
    }

    /**
     * Makes the intervention a self-check for {@code criterionId}: the person asks themselves its
     * question. Its sessions repeat, as its timing says, after its phase's typical end until the
     * criterion is reported met or the phase's latest estimate is reached. The criterion must end
     * a phase that lists this intervention.
     *
     * @param criterionId the id of a criterion of the protocol
     * @return this builder
     */
    public Builder selfCheckFor(String criterionId) {
      this.selfCheckFor = Optional.of(requireNonNull(criterionId, "criterionId"));
      return this;
    }

    /**
     * Validates and builds the intervention.
     *
     * @return the intervention
     * @throws IllegalArgumentException if the title, instructions or timing is missing, a text is
     *     too long or blank, or an id is malformed
     */
    public Intervention build() {
      return new Intervention(this);
    }
  }
}
