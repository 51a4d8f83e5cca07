package org.rehabplan;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A person's record: the request, the protocol, the check-ins in the order they were entered,
 * the moments the plan was re-planned, the session outcomes and the state of the last calendar
 * exported. From a record the scheduler reproduces exactly the same current {@link #plan()}:
 * version 1 from the request, then one re-plan per {@link Replan}, each from the check-ins known
 * then. Immutable; every {@code with…} method returns a new record. Stored as JSON by {@code
 * org.rehabplan.json.PlanRecordJson}.
 */
public final class PlanRecord {
  /** The most check-ins a record holds. */
  public static final int MAX_CHECK_INS = 10_000;

  /** The most re-plans a record holds. */
  public static final int MAX_REPLANS = 10_000;

  private final PlanRequest request;
  private final Protocol protocol;
  private final ImmutableList<CheckIn> checkIns;
  private final ImmutableList<Replan> replans;
  private final OutcomeLog outcomes;
  private final CalendarState calendar;
  private final Plan plan;

  /**
   * One re-plan: when, and how many of the record's check-ins (in entry order) were known then.
   *
   * @param at the moment of re-planning ({@code now})
   * @param checkIns how many of the first check-ins were used, zero or more
   */
  public record Replan(Instant at, int checkIns) {
    /**
     * Validates the components.
     *
     * @param at the moment of re-planning
     * @param checkIns how many of the first check-ins were used
     * @throws IllegalArgumentException if {@code checkIns} is negative
     */
    public Replan {
      requireNonNull(at, "at");
      checkArgument(checkIns >= 0, "checkIns must not be negative: %s", checkIns);
    }
  }

  private PlanRecord(PlanRequest request, Protocol protocol, List<CheckIn> checkIns,
      List<Replan> replans, OutcomeLog outcomes, CalendarState calendar) {
    this.request = requireNonNull(request, "request");
    this.protocol = requireNonNull(protocol, "protocol");
    this.checkIns = ImmutableList.copyOf(Checks.checkNoNulls(checkIns, "checkIns"));
    this.replans = ImmutableList.copyOf(Checks.checkNoNulls(replans, "replans"));
    this.outcomes = requireNonNull(outcomes, "outcomes");
    this.calendar = requireNonNull(calendar, "calendar");
    if (this.checkIns.size() > MAX_CHECK_INS) {
      throw new PlanningException("a record holds at most " + MAX_CHECK_INS + " check-ins");
    }
    if (this.replans.size() > MAX_REPLANS) {
      throw new PlanningException("a record holds at most " + MAX_REPLANS + " re-plans");
    }
    Plan current = Scheduler.plan(protocol, request);
    int known = 0;
    for (Replan r : this.replans) {
      if (r.checkIns() < known || r.checkIns() > this.checkIns.size()) {
        throw new PlanningException("re-plan at " + r.at() + " uses " + r.checkIns()
            + " check-ins; it must use from " + known + " (the previous re-plan's) to "
            + this.checkIns.size() + " (all)");
      }
      known = r.checkIns();
      current = Scheduler.replan(current, ProgressLog.of(this.checkIns.subList(0, known)),
          r.at());
    }
    this.plan = current;
  }

  /**
   * Returns the validating funnel: a record of all its parts.
   *
   * @param request the person's situation
   * @param protocol the protocol followed
   * @param checkIns the check-ins in the order they were entered
   * @param replans the re-plans in order
   * @param outcomes the session outcomes
   * @param calendar the state of the last calendar exported; empty if none
   * @return the record, with its plan computed
   * @throws PlanningException if the re-plans or check-ins are not a valid history of the plan
   *     (as {@link Scheduler#replan}), or a re-plan uses fewer check-ins than the one before it
   * @throws NullPointerException if an argument or element is null
   */
  public static PlanRecord of(PlanRequest request, Protocol protocol, List<CheckIn> checkIns,
      List<Replan> replans, OutcomeLog outcomes, CalendarState calendar) {
    return new PlanRecord(request, protocol, checkIns, replans, outcomes, calendar);
  }

  /**
   * Starts a record: no check-ins, outcomes or calendar yet; its plan is version 1.
   *
   * @param request the person's situation
   * @param protocol the protocol followed
   * @return the record
   * @throws PlanningException as {@link Scheduler#plan}
   * @throws NullPointerException if an argument is null
   */
  public static PlanRecord start(PlanRequest request, Protocol protocol) {
    return of(request, protocol, List.of(), List.of(), OutcomeLog.empty(),
        CalendarState.empty());
  }

  /**
   * Returns this record with one more check-in, re-planned at {@code now} with every check-in.
   *
   * @param checkIn the check-in, at or before {@code now}
   * @param now the moment of re-planning, not before the last re-plan
   * @return the new record
   * @throws PlanningException as {@link Scheduler#replan}, e.g. a check-in after {@code now} or
   *     reporting a criterion the protocol does not have
   * @throws NullPointerException if an argument is null
   */
  public PlanRecord withCheckIn(CheckIn checkIn, Instant now) {
    requireNonNull(checkIn, "checkIn");
    requireNonNull(now, "now");
    List<CheckIn> more = new ArrayList<>(checkIns);
    more.add(checkIn);
    List<Replan> moreReplans = new ArrayList<>(replans);
    moreReplans.add(new Replan(now, more.size()));
    return of(request, protocol, more, moreReplans, outcomes, calendar);
  }

  /**
   * Returns this record re-planned at {@code now} with every check-in: what is in the past stays,
   * the future follows the check-ins.
   *
   * @param now the moment of re-planning, not before the last re-plan
   * @return the new record
   * @throws PlanningException as {@link Scheduler#replan}
   * @throws NullPointerException if {@code now} is null
   */
  public PlanRecord replannedAt(Instant now) {
    List<Replan> more = new ArrayList<>(replans);
    more.add(new Replan(requireNonNull(now, "now"), checkIns.size()));
    return of(request, protocol, checkIns, more, outcomes, calendar);
  }

  /**
   * Returns this record with one more session outcome.
   *
   * @param outcome the outcome of a session of the current plan that has none yet
   * @return the new record
   * @throws PlanningException if the current plan has no session with that id, or the session
   *     already has an outcome (outcomes never change)
   * @throws NullPointerException if {@code outcome} is null
   */
  public PlanRecord withOutcome(SessionOutcome outcome) {
    requireNonNull(outcome, "outcome");
    boolean planned = plan.sessions().stream().anyMatch(s -> s.id().equals(outcome.sessionId()));
    if (!planned) {
      throw new PlanningException("the plan has no session " + outcome.sessionId());
    }
    return of(request, protocol, checkIns, replans, outcomes.with(outcome), calendar);
  }

  /**
   * Returns this record with the state of the calendar just exported.
   *
   * @param calendar the state of the exported file
   * @return the new record
   * @throws NullPointerException if {@code calendar} is null
   */
  public PlanRecord withCalendarState(CalendarState calendar) {
    return of(request, protocol, checkIns, replans, outcomes,
        requireNonNull(calendar, "calendar"));
  }

  /**
   * Returns the person's situation.
   *
   * @return the request
   */
  public PlanRequest request() {
    return request;
  }

  /**
   * Returns the protocol followed.
   *
   * @return the protocol
   */
  public Protocol protocol() {
    return protocol;
  }

  /**
   * Returns the check-ins in the order they were entered.
   *
   * @return the check-ins
   */
  public List<CheckIn> checkIns() {
    return checkIns;
  }

  /**
   * Returns the re-plans in order.
   *
   * @return the re-plans
   */
  public List<Replan> replans() {
    return replans;
  }

  /**
   * Returns the session outcomes.
   *
   * @return the outcomes
   */
  public OutcomeLog outcomes() {
    return outcomes;
  }

  /**
   * Returns the state of the last calendar exported.
   *
   * @return the state; empty if none was exported
   */
  public CalendarState calendar() {
    return calendar;
  }

  /**
   * Returns the current plan: version 1 re-planned at each {@link Replan}.
   *
   * @return the plan
   */
  public Plan plan() {
    return plan;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof PlanRecord r && request.equals(r.request) && protocol.equals(r.protocol)
        && checkIns.equals(r.checkIns) && replans.equals(r.replans)
        && outcomes.equals(r.outcomes) && calendar.equals(r.calendar);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(request, protocol, checkIns, replans, outcomes, calendar);
  }

  @Override
  public String toString() {
    return "PlanRecord[" + protocol.id() + ", " + request + ", " + checkIns.size()
        + " check-ins, " + replans.size() + " re-plans, " + outcomes.outcomes().size()
        + " outcomes, " + calendar + "]";
  }
}
