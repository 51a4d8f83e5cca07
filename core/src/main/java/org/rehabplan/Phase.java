package org.rehabplan;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedMap;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A stage of rehabilitation (protect, restore, strengthen, return to sport): its goal, the
 * interventions active in it, the gate that ends it, and how long it is expected to take at each
 * {@link Severity}. Immutable and thread-safe; build with {@link #builder(String)}.
 *
 * <p>Rules checked by {@link #builder(String) build()}: every severity has a duration estimate;
 * the exit gate's minimum time is not longer than any severity's earliest estimate (so projections
 * never end a phase before its gate may open); intervention ids are distinct.
 */
public final class Phase {
  private final String id;
  private final String name;
  private final String goal;
  private final ImmutableList<String> interventionIds;
  private final ExitGate exitGate;
  private final ImmutableSortedMap<Severity, DurationEstimate> durations;
  private final @Nullable SetbackRule setback;

  private Phase(Builder b) {
    this.id = Checks.checkId(b.id, "phase id");
    checkArgument(b.name != null, "phase %s needs a name", b.id);
    this.name = Checks.checkText(b.name, "name", Limits.MAX_TITLE_LENGTH);
    checkArgument(b.goal != null, "phase %s needs a goal", b.id);
    this.goal = Checks.checkText(b.goal, "goal", Limits.MAX_INSTRUCTIONS_LENGTH);
    ImmutableList<String> ids = b.interventionIds.build();
    ids.forEach(i -> Checks.checkId(i, "intervention id"));
    // A set's list view: display order, and contains() in constant time for large protocols.
    this.interventionIds = ImmutableSet.copyOf(ids).asList();
    checkArgument(
        interventionIds.size() == ids.size(),
        "phase %s lists an intervention twice: %s",
        b.id,
        ids);
    this.exitGate = requireNonNull(b.exitGate, "exitGate");
    for (Severity s : Severity.values()) {
      DurationEstimate estimate = b.durations.get(s);
      checkArgument(estimate != null, "phase %s has no duration estimate for %s", b.id, s);
      checkArgument(
          exitGate.minimumTime().compareTo(estimate.earliest()) <= 0,
          "phase %s: exit gate minimum %s is longer than the earliest %s estimate %s",
          b.id,
          exitGate.minimumTime(),
          s,
          estimate.earliest());
    }
    this.durations = ImmutableSortedMap.copyOf(b.durations);
    this.setback = b.setback;
  }

  /**
   * A builder for a phase with the given id.
   *
   * @param id the id, unique within its protocol: letters, digits, {@code -} and {@code _}
   * @return a builder whose exit gate has no minimum time and no criteria
   * @throws IllegalArgumentException if {@code id} is not a valid id
   */
  public static Builder builder(String id) {
    return new Builder(Checks.checkId(id, "phase id"));
  }

  /**
   * A builder holding this phase's values, to make a modified copy.
   *
   * @return a new builder; changing it leaves this phase unchanged
   */
  public Builder toBuilder() {
    Builder b = new Builder(id).name(name).goal(goal).exitGate(exitGate);
    b.interventionIds.addAll(interventionIds);
    b.durations.putAll(durations);
    b.setback = setback;
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
   * The display name, e.g. "Protect".
   *
   * @return the name, one line
   */
  public String name() {
    return name;
  }

  /**
   * What the phase aims at, in a sentence.
   *
   * @return the goal
   */
  public String goal() {
    return goal;
  }

  /**
   * The ids of the interventions active in this phase, in display order.
   *
   * @return an immutable list without duplicates; may be empty
   */
  public List<String> interventionIds() {
    return interventionIds;
  }

  /**
   * When the phase may end.
   *
   * @return the exit gate: minimum time and criteria
   */
  public ExitGate exitGate() {
    return exitGate;
  }

  /**
   * The expected durations, one per severity.
   *
   * @return an immutable map with an estimate for every {@link Severity}, in severity order
   */
  public Map<Severity, DurationEstimate> durations() {
    return durations;
  }

  /**
   * The expected duration at {@code severity}.
   *
   * @param severity the injury's severity
   * @return the estimate; every phase has one for each severity
   */
  public DurationEstimate duration(Severity severity) {
    // The constructor requires one estimate per severity, so the lookup always finds one.
    return requireNonNull(durations.get(requireNonNull(severity, "severity")), "duration");
  }

  /**
   * What a check-in with too much pain with activity does in this phase, if anything.
   *
   * @return the setback rule, or empty when such a check-in changes nothing
   */
  public Optional<SetbackRule> setback() {
    return Optional.ofNullable(setback);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Phase other
        && Objects.equals(setback, other.setback)
        && id.equals(other.id)
        && name.equals(other.name)
        && goal.equals(other.goal)
        && interventionIds.equals(other.interventionIds)
        && exitGate.equals(other.exitGate)
        && durations.equals(other.durations);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, name, goal, interventionIds, exitGate, durations, setback);
  }

  @Override
  public String toString() {
    return "Phase[" + id + ", " + interventionIds + ", exit " + exitGate + "]";
  }

  /** Collects a phase's values; {@link #build()} validates them all at once. */
  public static final class Builder {
    private final String id;
    private @Nullable String name;
    private @Nullable String goal;
    private final ImmutableList.Builder<String> interventionIds = ImmutableList.builder();
    private ExitGate exitGate = ExitGate.afterTime(java.time.Duration.ZERO);
    private final Map<Severity, DurationEstimate> durations = new EnumMap<>(Severity.class);
    private @Nullable SetbackRule setback;

    private Builder(String id) {
      this.id = id;
    }

    /**
     * Sets the display name.
     *
     * @param name the name, one line (required); checked by {@link #build()}
     * @return this builder
     */
    public Builder name(String name) {
      this.name = requireNonNull(name, "name");
      return this;
    }

    /**
     * Sets the goal.
     *
     * @param goal what the phase aims at, in a sentence (required); checked by {@link #build()}
     * @return this builder
     */
    public Builder goal(String goal) {
      this.goal = requireNonNull(goal, "goal");
      return this;
    }

    /**
     * Adds interventions, by id, in display order.
     *
     * @param ids ids of interventions of the protocol; no nulls; appended, and {@link #build()} refuses
     *     one listed twice
     * @return this builder
     */
    public Builder interventions(String... ids) {
      for (String i : requireNonNull(ids, "interventionIds")) {
        interventionIds.add(requireNonNull(i, "interventionId"));
      }
      return this;
    }

    /**
     * Sets the exit gate; default: no minimum time and no criteria.
     *
     * @param exitGate when the phase may end; its minimum time not longer than any earliest estimate
     * @return this builder
     */
    public Builder exitGate(ExitGate exitGate) {
      this.exitGate = requireNonNull(exitGate, "exitGate");
      return this;
    }

    /**
     * Sets the expected duration at {@code severity}.
     *
     * @param severity the severity the estimate is for
     * @param estimate the expected duration; replaces an earlier one for {@code severity}
     * @return this builder
     */
    public Builder duration(Severity severity, DurationEstimate estimate) {
      durations.put(requireNonNull(severity, "severity"), requireNonNull(estimate, "estimate"));
      return this;
    }

    /**
     * Sets the same expected duration for every severity.
     *
     * @param estimate the expected duration at every severity
     * @return this builder
     */
    public Builder durationForAll(DurationEstimate estimate) {
      for (Severity s : Severity.values()) {
        duration(s, estimate);
      }
      return this;
    }

    /**
     * Sets what a check-in with too much pain with activity does; default nothing.
     *
     * @param setback the rule
     * @return this builder
     */
    public Builder setback(SetbackRule setback) {
      this.setback = requireNonNull(setback, "setback");
      return this;
    }

    /**
     * Validates and builds the phase.
     *
     * @return the phase
     * @throws IllegalArgumentException if the name or goal is missing, too long or blank, an
     *     intervention is listed twice, a severity has no estimate, or the exit gate's minimum time
     *     is longer than an earliest estimate
     */
    public Phase build() {
      return new Phase(this);
    }
  }
}
