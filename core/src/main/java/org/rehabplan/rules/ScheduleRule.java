package org.rehabplan.rules;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.rehabplan.Plan;

/**
 * A named rule a plan should keep. {@link #check(Plan)} returns every violation found, in plan
 * order; an empty list means the plan keeps the rule. Implementations must be immutable,
 * thread-safe and deterministic.
 */
public interface ScheduleRule {

  /**
   * The rule's name, e.g. {@code no-overlap}; used in violations.
   *
   * @return the name, stable across calls
   */
  String name();

  /**
   * Every violation of this rule in {@code plan}; empty if there is none.
   *
   * @param plan the plan to check
   * @return an immutable list in plan order; empty when the plan keeps the rule
   */
  List<Violation> check(Plan plan);

  /**
   * A rule that checks this rule, then {@code other}, and reports the violations of both.
   *
   * @param other the second rule
   * @return a rule named {@code "this and other"}; this rule's violations come first
   */
  default ScheduleRule and(ScheduleRule other) {
    requireNonNull(other, "other");
    ScheduleRule first = this;
    return of(first.name() + " and " + other.name(), plan -> {
      List<Violation> out = new ArrayList<>(first.check(plan));
      out.addAll(other.check(plan));
      return out;
    });
  }

  /**
   * Throws {@link AssertionError} listing the violations, if there are any: for tests.
   *
   * @param plan the plan to check
   * @throws AssertionError if {@link #check(Plan)} finds a violation; the message lists them all
   */
  default void assertKeptBy(Plan plan) {
    List<Violation> violations = check(plan);
    if (!violations.isEmpty()) {
      StringBuilder out = new StringBuilder(violations.size() + " violation(s) in " + plan + ":");
      for (Violation v : violations) {
        out.append("\n  ").append(v);
      }
      throw new AssertionError(out.toString());
    }
  }

  /**
   * A rule from a name and a checking function.
   *
   * @param name the rule's name, used in violations
   * @param check returns the violations in a plan, in plan order; must be deterministic
   * @return the rule; its {@link #check(Plan)} copies what {@code check} returns
   */
  static ScheduleRule of(String name, Function<Plan, List<Violation>> check) {
    requireNonNull(name, "name");
    requireNonNull(check, "check");
    return new ScheduleRule() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public List<Violation> check(Plan plan) {
        return List.copyOf(check.apply(requireNonNull(plan, "plan")));
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }
}
