package org.rehabplan;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A rehabilitation protocol: what it treats, where its content comes from, its ordered phases and
 * the interventions active in them. Immutable and thread-safe; build with {@link #builder(String)}.
 *
 * <p>{@link Builder#build()} is the one place a protocol's cross-references are checked:
 *
 * <ul>
 *   <li>ids are unique (phases among phases, interventions among interventions, criteria among
 *       all exit gates);
 *   <li>every intervention a phase names is defined, and every defined intervention is used;
 *   <li>every {@link Timing.Relative} target is defined and schedules sessions of its own;
 *   <li>every criterion an intervention requires is met by a phase that ends before every phase
 *       the intervention is active in (a criterion no phase can meet is rejected);
 *   <li>every window's minimum extent and every {@link Timing.Once} offset fits in the earliest
 *       projection of the phases it applies to.
 * </ul>
 *
 * <p><b>Horizon:</b> a protocol has at most {@value #MAX_PHASES} phases and each phase's latest
 * estimate is at most {@link DurationEstimate#MAX_PHASE_DURATION}, so every plan is bounded;
 * offsets, window extents and spacings are at most {@link Limits#MAX_DURATION} and a setback at
 * most {@link SetbackRule#MAX_MINIMUM_TIME}, so re-plans are bounded too. Texts are bounded as
 * {@link Limits} states.
 */
public final class Protocol {
  /** The most phases a protocol may have. */
  public static final int MAX_PHASES = 20;

  private final String id;
  private final String title;
  private final String condition;
  private final ImmutableList<Provenance> provenance;
  private final ImmutableMap<String, Intervention> interventions;
  private final ImmutableList<Phase> phases;
  private final Optional<Referral> referral;
  private final Optional<String> projectionNote;

  private Protocol(Builder b) {
    this.id = Checks.checkId(b.id, "protocol id");
    checkArgument(b.title != null, "protocol %s needs a title", b.id);
    this.title = Checks.checkText(b.title, "title", Limits.MAX_TITLE_LENGTH);
    checkArgument(b.condition != null, "protocol %s needs a condition", b.id);
    this.condition = Checks.checkText(b.condition, "condition", Limits.MAX_TITLE_LENGTH);
    this.provenance = b.provenance.build();
    this.interventions = ImmutableMap.copyOf(b.interventions);
    this.phases = ImmutableList.copyOf(b.phases.values());
    checkArgument(!phases.isEmpty(), "protocol %s needs at least one phase", id);
    checkArgument(
        phases.size() <= MAX_PHASES,
        "protocol %s has %s phases; at most %s are allowed",
        id,
        phases.size(),
        MAX_PHASES);
    this.referral = b.referral;
    this.projectionNote = b.projectionNote.map(n -> Checks.checkText(n, "projectionNote"));
    checkReferences();
    checkSelfChecksAndReferral();
  }

  private void checkSelfChecksAndReferral() {
    for (Intervention intervention : interventions.values()) {
      if (intervention.selfCheckFor().isEmpty()) {
        continue;
      }
      String criterion = intervention.selfCheckFor().get();
      boolean endsAListingPhase = phases.stream().anyMatch(p ->
          p.interventionIds().contains(intervention.id())
              && p.exitGate().criteria().stream().anyMatch(c -> c.id().equals(criterion)));
      checkArgument(
          endsAListingPhase,
          "intervention %s is a self-check for \"%s\", which ends no phase that lists it",
          intervention.id(),
          criterion);
    }
    if (referral.isPresent()) {
      Intervention carrier = interventions.get(referral.get().interventionId());
      checkArgument(
          carrier != null,
          "the referral names intervention \"%s\", which is not defined; defined: %s",
          referral.get().interventionId(),
          interventions.keySet());
      checkArgument(
          carrier.timing().schedulesSessions(),
          "the referral's intervention %s has no dated sessions (%s)",
          carrier.id(),
          carrier.timing().describe());
    }
  }

  private void checkReferences() {
    Map<String, Integer> criterionPhase = new HashMap<>();
    for (int i = 0; i < phases.size(); i++) {
      Phase phase = phases.get(i);
      for (String interventionId : phase.interventionIds()) {
        checkArgument(
            interventions.containsKey(interventionId),
            "phase %s references intervention \"%s\", which is not defined; defined: %s",
            phase.id(),
            interventionId,
            interventions.keySet());
      }
      for (Criterion c : phase.exitGate().criteria()) {
        Integer earlier = criterionPhase.put(c.id(), i);
        checkArgument(
            earlier == null,
            "criterion \"%s\" ends both phase %s and phase %s; a criterion may end one phase only",
            c.id(),
            earlier == null ? "" : phases.get(earlier).id(),
            phase.id());
      }
    }
    for (Intervention intervention : interventions.values()) {
      List<Integer> active = PhaseRuns.phaseIndexes(phases, intervention.id());
      checkArgument(
          !active.isEmpty(),
          "intervention %s is defined but no phase lists it",
          intervention.id());
      for (String criterion : intervention.requiredCriteria()) {
        Integer metBy = criterionPhase.get(criterion);
        checkArgument(
            metBy != null,
            "intervention %s requires criterion \"%s\", which no phase can meet; exit criteria: %s",
            intervention.id(),
            criterion,
            criterionPhase.keySet().stream().sorted().toList());
        checkArgument(
            metBy < active.get(0),
            "intervention %s requires criterion \"%s\", which is met only when phase %s ends, but"
                + " it is active in phase %s",
            intervention.id(),
            criterion,
            phases.get(metBy).id(),
            phases.get(active.get(0)).id());
      }
      if (intervention.timing() instanceof Timing.Relative relative) {
        for (String target : relative.targets()) {
          Intervention t = interventions.get(target);
          checkArgument(
              t != null,
              "intervention %s is timed relative to \"%s\", which is not defined",
              intervention.id(),
              target);
          checkArgument(
              t.timing().schedulesSessions() && !(t.timing() instanceof Timing.Relative),
              "intervention %s is timed relative to %s, which has no sessions of its own (%s)",
              intervention.id(),
              target,
              t.timing().describe());
        }
      }
      checkMinimumExtents(intervention);
    }
  }

  /** How far from its anchor a timing must be able to reach in its phases. */
  private record Reach(Anchor anchor, Duration required) {
    static Optional<Reach> of(Window window) {
      return Optional.of(new Reach(window.anchor(), window.minimumEnd()));
    }
  }

  /** A window's minimum end, or a single session's end; empty for timings without either. */
  private static Optional<Reach> reachOf(Timing timing) {
    return timing.accept(new Timing.Visitor<Optional<Reach>>() {
      @Override
      public Optional<Reach> repeating(Timing.Repeating t) {
        return Reach.of(t.window());
      }

      @Override
      public Optional<Reach> timesPerDay(Timing.TimesPerDay t) {
        return Reach.of(t.window());
      }

      @Override
      public Optional<Reach> atLocalTimes(Timing.AtLocalTimes t) {
        return Reach.of(t.window());
      }

      @Override
      public Optional<Reach> continuous(Timing.Continuous t) {
        return Reach.of(t.window());
      }

      @Override
      public Optional<Reach> once(Timing.Once t) {
        return Optional.of(new Reach(t.anchor(), t.offset().plus(t.sessionLength())));
      }

      @Override
      public Optional<Reach> relative(Timing.Relative t) {
        return Optional.empty(); // placed by its targets, which are checked themselves
      }

      @Override
      public Optional<Reach> asNeeded(Timing.AsNeeded t) {
        return Optional.empty();
      }
    });
  }

  private void checkMinimumExtents(Intervention intervention) {
    Optional<Reach> reach = reachOf(intervention.timing());
    if (reach.isEmpty()) {
      return;
    }
    Duration required = reach.get().required();
    Anchor anchor = reach.get().anchor();
    for (List<Integer> run : PhaseRuns.runs(phases, intervention.id())) {
      int first = run.get(0);
      int last = run.get(run.size() - 1);
      for (Severity severity : Severity.values()) {
        Duration available = Duration.ZERO;
        for (int i = anchor == Anchor.INJURY ? 0 : first; i <= last; i++) {
          available = available.plus(phases.get(i).duration(severity).earliest());
        }
        checkArgument(
            required.compareTo(available) <= 0,
            "intervention %s needs %s from the %s, but at %s its phases may end after %s",
            intervention.id(),
            required,
            anchor == Anchor.INJURY ? "injury" : "start of phase " + phases.get(first).id(),
            severity,
            available);
      }
      if (anchor == Anchor.INJURY) {
        return; // later runs start after the window; nothing more to guarantee
      }
    }
  }

  /**
   * A builder for a protocol with the given id.
   *
   * @param id the id, e.g. {@code hamstring-strain}: letters, digits, {@code -} and {@code _}
   * @return a builder with nothing else set
   * @throws IllegalArgumentException if {@code id} is not a valid id
   */
  public static Builder builder(String id) {
    return new Builder(Checks.checkId(id, "protocol id"));
  }

  /**
   * A builder holding this protocol's values, to derive a changed copy (like {@link
   * Phase#toBuilder()}). This instance is immutable and unaffected by the builder.
   *
   * @return a builder whose {@link Builder#build()} gives a protocol equal to this one
   */
  public Builder toBuilder() {
    Builder b = new Builder(id).title(title).condition(condition);
    b.provenance.addAll(provenance);
    interventions.values().forEach(b::intervention);
    phases.forEach(b::phase);
    return b;
  }

  /**
   * The id, e.g. {@code hamstring-strain}.
   *
   * @return the id, as given to {@link #builder(String)}
   */
  public String id() {
    return id;
  }

  /**
   * The display title.
   *
   * @return the title, one line
   */
  public String title() {
    return title;
  }

  /**
   * The condition the protocol treats.
   *
   * @return the condition, one line
   */
  public String condition() {
    return condition;
  }

  /**
   * Where the protocol's content comes from.
   *
   * @return an immutable list of sources, in the order given
   */
  public List<Provenance> provenance() {
    return provenance;
  }

  /**
   * The phases, in order.
   *
   * @return an immutable, non-empty list of at most {@value #MAX_PHASES} phases
   */
  public List<Phase> phases() {
    return phases;
  }

  /**
   * The interventions, in definition order.
   *
   * @return an immutable list; every one is active in at least one phase
   */
  public List<Intervention> interventions() {
    return interventions.values().asList();
  }

  /**
   * Every exit criterion of the phases, in phase order: the criteria a check-in may report.
   *
   * @return an immutable list with unique ids; empty when no phase waits for a criterion
   */
  public List<Criterion> criteria() {
    ImmutableList.Builder<Criterion> out = ImmutableList.builder();
    phases.forEach(p -> out.addAll(p.exitGate().criteria()));
    return out.build();
  }

  /**
   * The exit criterion with {@code id}, if a phase ends on it.
   *
   * @param id a criterion id
   * @return the criterion, or empty when no phase's exit gate has it
   */
  public Optional<Criterion> criterion(String id) {
    requireNonNull(id, "id");
    return criteria().stream().filter(c -> c.id().equals(id)).findFirst();
  }

  /**
   * When the protocol tells the person to get seen by a clinician promptly, if it does.
   *
   * @return the referral, or empty when the protocol has none
   */
  public Optional<Referral> referral() {
    return referral;
  }

  /**
   * What the projected phase dates mean, for the person, if the protocol says: where the typical,
   * earliest and latest estimates come from and what else changes healing time.
   *
   * @return the note, or empty when the protocol has none
   */
  public Optional<String> projectionNote() {
    return projectionNote;
  }

  /**
   * The intervention with {@code id}, if defined.
   *
   * @param id an intervention id
   * @return the intervention, or empty when the protocol defines none with that id
   */
  public Optional<Intervention> intervention(String id) {
    return Optional.ofNullable(interventions.get(requireNonNull(id, "id")));
  }

  /**
   * The phase with {@code id}, if defined.
   *
   * @param id a phase id
   * @return the phase, or empty when the protocol has none with that id
   */
  public Optional<Phase> phase(String id) {
    requireNonNull(id, "id");
    return phases.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Protocol other
        && id.equals(other.id)
        && title.equals(other.title)
        && condition.equals(other.condition)
        && provenance.equals(other.provenance)
        && interventions().equals(other.interventions())
        && phases.equals(other.phases)
        && referral.equals(other.referral)
        && projectionNote.equals(other.projectionNote);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, title, condition, provenance, interventions(), phases);
  }

  @Override
  public String toString() {
    return "Protocol[" + id + ", phases " + phases.stream().map(Phase::id).toList() + "]";
  }

  /** Collects a protocol's values; {@link #build()} validates them all at once. */
  public static final class Builder {
    private final String id;
    private @Nullable String title;
    private @Nullable String condition;
    private final ImmutableList.Builder<Provenance> provenance = ImmutableList.builder();
    private final Map<String, Intervention> interventions = new LinkedHashMap<>();
    private final Map<String, Phase> phases = new LinkedHashMap<>();
    private Optional<Referral> referral = Optional.empty();
    private Optional<String> projectionNote = Optional.empty();

    private Builder(String id) {
      this.id = id;
    }

    /**
     * Sets the display title.
     *
     * @param title one line (required); checked by {@link #build()}
     * @return this builder
     */
    public Builder title(String title) {
      this.title = requireNonNull(title, "title");
      return this;
    }

    /**
     * Sets the condition treated.
     *
     * @param condition one line (required); checked by {@link #build()}
     * @return this builder
     */
    public Builder condition(String condition) {
      this.condition = requireNonNull(condition, "condition");
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
     * Defines an intervention; ids must be unique.
     *
     * @param intervention the intervention, to be named by at least one phase
     * @return this builder
     * @throws IllegalArgumentException if an intervention with the same id was defined already
     */
    public Builder intervention(Intervention intervention) {
      requireNonNull(intervention, "intervention");
      checkArgument(
          !interventions.containsKey(intervention.id()),
          "duplicate intervention id: %s",
          intervention.id());
      interventions.put(intervention.id(), intervention);
      return this;
    }

    /**
     * Appends a phase; ids must be unique.
     *
     * @param phase the next phase in order
     * @return this builder
     * @throws IllegalArgumentException if a phase with the same id was appended already
     */
    public Builder phase(Phase phase) {
      requireNonNull(phase, "phase");
      checkArgument(!phases.containsKey(phase.id()), "duplicate phase id: %s", phase.id());
      phases.put(phase.id(), phase);
      return this;
    }

    /**
     * Sets when the protocol tells the person to get seen by a clinician; default never.
     *
     * @param referral the referral
     * @return this builder
     */
    public Builder referral(Referral referral) {
      this.referral = Optional.of(requireNonNull(referral, "referral"));
      return this;
    }

    /**
     * Sets what the projected phase dates mean, for the person; default none.
     *
     * @param note the note, shown with the projected dates
     * @return this builder
     */
    public Builder projectionNote(String note) {
      this.projectionNote = Optional.of(requireNonNull(note, "note"));
      return this;
    }

    /**
     * Validates and builds the protocol: the one place its cross-references are checked (see
     * {@link Protocol}).
     *
     * @return the protocol
     * @throws IllegalArgumentException if the title or condition is missing, too long or blank, or
     *     a rule listed on {@link Protocol} does not hold; the message names the id and the value
     */
    public Protocol build() {
      return new Protocol(this);
    }
  }
}
