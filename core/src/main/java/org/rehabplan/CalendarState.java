package org.rehabplan;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a calendar application holds after importing the last {@code .ics} file written for a
 * plan: per event UID its SEQUENCE, whether it is cancelled, and its content lines. It is what is
 * needed to continue the SEQUENCE chain of calendar updates without keeping the file: the next
 * update from a state is the update the exporter would write from the file itself (ical-export's
 * {@code IcalExporter.stateOf} and {@code IcalExporter.update(Plan, CalendarState)}).
 *
 * <p>Immutable; events keep the file's order. The content lines are the exporter's and are not
 * interpreted here.
 */
public final class CalendarState {
  /** The most events a state may hold (a plan has at most {@value Scheduler#MAX_SESSIONS}). */
  public static final int MAX_EVENTS = 200_000;

  /** The highest SEQUENCE a state may hold. */
  public static final int MAX_SEQUENCE = 1_000_000;

  private static final CalendarState EMPTY = new CalendarState(ImmutableMap.of());

  private final ImmutableMap<String, Event> events;

  /**
   * One event of the calendar.
   *
   * @param uid the event's UID
   * @param sequence its SEQUENCE, 0 to {@value #MAX_SEQUENCE}
   * @param cancelled whether its STATUS is CANCELLED
   * @param lines its unfolded content lines, from {@code BEGIN:VEVENT} to {@code END:VEVENT}
   */
  public record Event(String uid, int sequence, boolean cancelled, List<String> lines) {
    /**
     * Validates the components and copies the lines.
     *
     * @param uid the event's UID
     * @param sequence its SEQUENCE
     * @param cancelled whether it is cancelled
     * @param lines its unfolded content lines
     * @throws IllegalArgumentException if a component is out of bounds or a line malformed
     */
    public Event {
      Checks.checkText(uid, "uid", Limits.MAX_TITLE_LENGTH);
      checkArgument(sequence >= 0 && sequence <= MAX_SEQUENCE,
          "sequence must be between 0 and %s: %s", MAX_SEQUENCE, sequence);
      lines = ImmutableList.copyOf(Checks.checkNoNulls(lines, "lines"));
      checkArgument(lines.size() >= 2 && lines.get(0).equals("BEGIN:VEVENT")
              && lines.get(lines.size() - 1).equals("END:VEVENT"),
          "event %s: lines must run from BEGIN:VEVENT to END:VEVENT", uid);
      for (String line : lines) {
        checkArgument(!line.isEmpty() && line.charAt(0) != ' ' && line.charAt(0) != '\t',
            "event %s: a content line is empty or starts with white space", uid);
        for (int i = 0; i < line.length(); i++) {
          char c = line.charAt(i);
          checkArgument((c >= ' ' && c != 0x7f) || c == '\t',
              "event %s: a content line holds a control character", uid);
        }
      }
    }
  }

  private CalendarState(ImmutableMap<String, Event> events) {
    this.events = events;
  }

  /**
   * Returns the state of no calendar: nothing exported yet.
   *
   * @return the empty state
   */
  public static CalendarState empty() {
    return EMPTY;
  }

  /**
   * Returns the state holding the given events.
   *
   * @param events the events, in the file's order; UIDs distinct
   * @return the state
   * @throws IllegalArgumentException if a UID repeats or there are more than {@value #MAX_EVENTS}
   * @throws NullPointerException if {@code events} or an event is null
   */
  public static CalendarState of(List<Event> events) {
    Checks.checkNoNulls(events, "events");
    checkArgument(events.size() <= MAX_EVENTS, "at most %s events: %s", MAX_EVENTS,
        events.size());
    Map<String, Event> byUid = new LinkedHashMap<>();
    for (Event e : events) {
      checkArgument(byUid.put(e.uid(), e) == null, "UID %s appears twice", e.uid());
    }
    return byUid.isEmpty() ? EMPTY : new CalendarState(ImmutableMap.copyOf(byUid));
  }

  /**
   * Returns the events in the file's order.
   *
   * @return the events
   */
  public List<Event> events() {
    return events.values().asList();
  }

  /**
   * Returns the SEQUENCE of each UID.
   *
   * @return UID to SEQUENCE, in the file's order
   */
  public Map<String, Integer> sequences() {
    return ImmutableMap.copyOf(
        com.google.common.collect.Maps.transformValues(events, Event::sequence));
  }

  /**
   * Returns the UIDs of the cancelled events.
   *
   * @return the cancelled UIDs, in the file's order
   */
  public Set<String> cancelled() {
    return events.values().stream().filter(Event::cancelled).map(Event::uid)
        .collect(ImmutableSet.toImmutableSet());
  }

  /**
   * Returns whether nothing was exported yet.
   *
   * @return true for the empty state
   */
  public boolean isEmpty() {
    return events.isEmpty();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof CalendarState other && events.equals(other.events)
        && events().equals(other.events());
  }

  @Override
  public int hashCode() {
    return events.hashCode();
  }

  @Override
  public String toString() {
    return "CalendarState[" + events.size() + " events, " + cancelled().size() + " cancelled]";
  }
}
