package org.rehabplan;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed between two versions of a plan, by session id: sessions added, moved (same id, new
 * times or phase) and cancelled (in the old plan, not in the new one). Sessions with the same id,
 * times and phase are unchanged and not listed.
 *
 * @param added sessions of the new plan whose ids the old plan did not have, in plan order
 * @param moved pairs of (old, new) sessions with the same id that differ, in new-plan order
 * @param cancelled sessions of the old plan whose ids the new plan does not have, in plan order
 */
public record PlanDiff(List<Session> added, List<Move> moved, List<Session> cancelled) {

  /**
   * A session that kept its id but changed its interval or its phase.
   *
   * @param before the session in the old plan
   * @param after the session with the same id in the new plan
   */
  public record Move(Session before, Session after) {
    /**
     * Validates the components.
     *
     * @param before the session in the old plan
     * @param after the session with the same id in the new plan
     * @throws NullPointerException if either is null
     */
    public Move {
      requireNonNull(before, "before");
      requireNonNull(after, "after");
    }
  }

  /**
   * Copies the components.
   *
   * @param added sessions of the new plan whose ids the old plan did not have
   * @param moved pairs of (old, new) sessions with the same id that differ
   * @param cancelled sessions of the old plan whose ids the new plan does not have
   * @throws NullPointerException if a list or an element is null
   */
  public PlanDiff {
    added = List.copyOf(added);
    moved = List.copyOf(moved);
    cancelled = List.copyOf(cancelled);
  }

  /**
   * The changes from {@code before} to {@code after}, matching sessions by id.
   *
   * @param before the old plan, usually the previous version
   * @param after the new plan
   * @return the sessions added, moved (other interval or phase) and cancelled; empty when the
   *     plans have the same sessions at the same times
   */
  public static PlanDiff between(Plan before, Plan after) {
    requireNonNull(before, "before");
    requireNonNull(after, "after");
    Map<String, Session> old = new LinkedHashMap<>();
    for (Session s : before.sessions()) {
      old.put(s.id(), s);
    }
    ImmutableList.Builder<Session> added = ImmutableList.builder();
    ImmutableList.Builder<Move> moved = ImmutableList.builder();
    for (Session s : after.sessions()) {
      Session was = old.remove(s.id());
      if (was == null) {
        added.add(s);
      } else if (!was.interval().equals(s.interval()) || !was.phase().id().equals(s.phase().id())) {
        moved.add(new Move(was, s));
      }
    }
    return new PlanDiff(added.build(), moved.build(), List.copyOf(old.values()));
  }

  /**
   * Whether nothing changed.
   *
   * @return true when no session was added, moved or cancelled
   */
  public boolean isEmpty() {
    return added.isEmpty() && moved.isEmpty() && cancelled.isEmpty();
  }

  @Override
  public String toString() {
    return "PlanDiff[" + added.size() + " added, " + moved.size() + " moved, " + cancelled.size()
        + " cancelled]";
  }
}
