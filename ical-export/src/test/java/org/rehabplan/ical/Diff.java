package org.rehabplan.ical;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.rehabplan.Interval;

/** A short description of the difference between two interval lists, for assertion messages. */
final class Diff {
  private Diff() {}

  static String of(List<Interval> expected, List<Interval> actual) {
    List<Interval> missing = new ArrayList<>(expected);
    List<Interval> extra = new ArrayList<>(actual);
    for (Interval i : actual) {
      missing.remove(i);
    }
    for (Interval i : expected) {
      extra.remove(i);
    }
    return "expected " + expected.size() + ", got " + actual.size() + "; missing "
        + first(missing) + "; unexpected " + first(extra);
  }

  private static String first(List<Interval> list) {
    List<Interval> sorted = new ArrayList<>(new TreeSet<>(list));
    return list.size() + " " + sorted.subList(0, Math.min(8, sorted.size()));
  }
}
