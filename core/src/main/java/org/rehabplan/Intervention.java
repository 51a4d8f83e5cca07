package org.rehabplan;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.List;
import java.util.Objects;
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
  }

  /** A builder for an intervention with the given id. */
  public static Builder builder(String id) {
    return new Builder(Checks.checkId(id, "intervention id"));
  }

  /** A builder holding this intervention's values, to make a modified copy. */
  public Builder toBuilder() {
    Builder b = new Builder(id).kind(kind).title(title).instructions(instructions).timing(timing);
    b.requiredCriteria.addAll(requiredCriteria);
    b.provenance.addAll(provenance);
    return b;
  }

  /** The id, unique within its protocol. */
  public String id() {
    return id;
  }

  /** What kind of intervention this is. */
  public InterventionKind kind() {
    return kind;
  }

  /** The patient-facing title, e.g. "Ice the back of the thigh". */
  public String title() {
    return title;
  }

  /** The patient-facing instructions. */
  public String instructions() {
    return instructions;
  }

  /** When it happens. */
  public Timing timing() {
    return timing;
  }

  /** Ids of the criteria that must be met before any session of this intervention. */
  public Set<String> requiredCriteria() {
    return requiredCriteria;
  }

  /** Where the content comes from. */
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
        && provenance.equals(other.provenance);
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

    private Builder(String id) {
      this.id = id;
    }

    /** Sets the kind; default {@link InterventionKind#OTHER}. */
    public Builder kind(InterventionKind kind) {
      this.kind = requireNonNull(kind, "kind");
      return this;
    }

    /** Sets the patient-facing title. */
    public Builder title(String title) {
      this.title = requireNonNull(title, "title");
      return this;
    }

    /** Sets the patient-facing instructions. */
    public Builder instructions(String instructions) {
      this.instructions = requireNonNull(instructions, "instructions");
      return this;
    }

    /** Sets the timing. */
    public Builder timing(Timing timing) {
      this.timing = requireNonNull(timing, "timing");
      return this;
    }

    /** Adds criteria that must be met before any session. */
    public Builder requires(String... criterionIds) {
      for (String c : requireNonNull(criterionIds, "criterionIds")) {
        requiredCriteria.add(requireNonNull(c, "criterionId"));
      }
      return this;
    }

    /** Adds provenance entries. */
    public Builder provenance(Provenance... entries) {
      for (Provenance p : requireNonNull(entries, "provenance")) {
        provenance.add(requireNonNull(p, "provenance"));
      }
      return this;
    }

    /** Validates and builds the intervention. */
    public Intervention build() {
      return new Intervention(this);
    }
  }
}
