package org.rehabplan.ical;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The update rules of one export relative to a previous export of the same plan: the SEQUENCE of
 * every event, and the events of the previous export that are cancelled. Made from two files this
 * exporter wrote ({@link #between}), read with {@link IcsReader}; immutable.
 *
 * <p>Events are matched by UID. Their content is every content line of the VEVENT (its VALARM
 * included) except DTSTAMP and SEQUENCE, compared as written:
 *
 * <ul>
 *   <li>a UID new in the current export gets SEQUENCE 0 (not written: it is the default);
 *   <li>a UID whose content is the same as in the previous export keeps its SEQUENCE;
 *   <li>a UID whose content changed, or that was cancelled before and is back, gets the previous
 *       SEQUENCE + 1;
 *   <li>a UID only in the previous export is written as a cancelled event: STATUS:CANCELLED with
 *       the previous SEQUENCE + 1, with what {@link IcsReader.Kept} keeps (times, a template rule,
 *       a checked SUMMARY, the item word; no description, no alarm); one that was already
 *       cancelled there is written again so, with the same SEQUENCE.
 * </ul>
 *
 * <p>So SEQUENCE never decreases along a chain of updates, cancelled events stay in every later
 * file, and an update that changes nothing is the plain export. No text of the previous file is
 * copied unchecked.
 */
final class CalendarUpdate {
  /** An event of the previous export written as cancelled. */
  record Cancelled(String uid, int sequence, IcsReader.Kept kept) {}

  private final Map<String, Integer> sequences;
  private final List<Cancelled> cancelled;

  private CalendarUpdate(Map<String, Integer> sequences, List<Cancelled> cancelled) {
    this.sequences = sequences;
    this.cancelled = List.copyOf(cancelled);
  }

  /**
   * The update from {@code previous} to {@code current}, two exports of one plan's versions in
   * {@code zone}.
   *
   * @param current the plain export (without update rules) of the new version
   * @param previous the file written before: a plain export or an update
   * @param utcOnly whether the current export writes every date-time in UTC
   * @throws IllegalArgumentException if {@code previous} is not an export of rehabplan's
   *     ical-export, holds a UID twice, a SEQUENCE above {@value IcsReader#MAX_SEQUENCE}, a
   *     control character, a bad value, or refers to another zone
   */
  static CalendarUpdate between(byte[] current, byte[] previous, ZoneId zone, boolean utcOnly) {
    Map<String, IcsReader.Event> now = IcsReader.events(current, "current export");
    Map<String, IcsReader.Event> before = IcsReader.events(previous, "previous export");
    Map<String, Integer> sequences = new HashMap<>();
    for (IcsReader.Event e : now.values()) {
      IcsReader.Event was = before.get(e.uid());
      int sequence = was == null ? 0
          : !was.cancelled() && was.content().equals(e.content()) ? was.sequence()
          : was.sequence() + 1;
      if (sequence != 0) {
        sequences.put(e.uid(), sequence);
      }
    }
    List<Cancelled> cancelled = new ArrayList<>();
    for (IcsReader.Event was : before.values()) {
      if (!now.containsKey(was.uid())) {
        cancelled.add(new Cancelled(was.uid(),
            was.cancelled() ? was.sequence() : was.sequence() + 1,
            IcsReader.kept(was, zone, utcOnly)));
      }
    }
    return new CalendarUpdate(sequences, cancelled);
  }

  /** Whether the update changes nothing: every SEQUENCE 0 and nothing cancelled. */
  boolean isEmpty() {
    return sequences.isEmpty() && cancelled.isEmpty();
  }

  /** The SEQUENCE of the event with {@code uid} in the current export. */
  int sequence(String uid) {
    return sequences.getOrDefault(uid, 0);
  }

  /** The cancelled events, in the previous export's order. */
  List<Cancelled> cancelled() {
    return cancelled;
  }

  /** The latest instant a cancelled event refers to, or {@code fallback} if later or none. */
  Instant lastInstant(Instant fallback) {
    Instant last = fallback;
    for (Cancelled c : cancelled) {
      for (IcsReader.Value v : c.kept().times()) {
        Instant t = v.latest();
        if (t.isAfter(last)) {
          last = t;
        }
      }
    }
    return last;
  }

  @Override
  public String toString() {
    return "CalendarUpdate[" + sequences.size() + " changed, " + cancelled.size()
        + " cancelled]";
  }
}
