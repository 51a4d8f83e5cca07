package org.rehabplan;

import java.util.ArrayList;
import java.util.List;

/**
 * Which phases an intervention is active in, as runs of consecutive phases: an intervention listed
 * in consecutive phases runs through them as one series. Shared by the protocol's checks and the
 * session expander; depends on {@link Phase} only.
 */
final class PhaseRuns {
  private PhaseRuns() {}

  /** Indexes of the phases (or phase occurrences) listing {@code interventionId}, ascending. */
  static List<Integer> phaseIndexes(List<Phase> phases, String interventionId) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < phases.size(); i++) {
      if (phases.get(i).interventionIds().contains(interventionId)) {
        out.add(i);
      }
    }
    return out;
  }

  /**
   * The runs of consecutive phases listing {@code interventionId}: an intervention listed in
   * consecutive phases runs through them as one series.
   */
  static List<List<Integer>> runs(List<Phase> phases, String interventionId) {
    List<List<Integer>> runs = new ArrayList<>();
    List<Integer> current = new ArrayList<>();
    for (int i : phaseIndexes(phases, interventionId)) {
      if (!current.isEmpty() && current.get(current.size() - 1) != i - 1) {
        runs.add(current);
        current = new ArrayList<>();
      }
      current.add(i);
    }
    if (!current.isEmpty()) {
      runs.add(current);
    }
    return runs;
  }
}
