package org.rehabplan;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A person's situation, the input to {@link Scheduler#plan(Protocol, PlanRequest)}: when the injury
 * happened (its zone is the person's time zone), how severe it is, and when the person is awake.
 * Immutable and thread-safe; build with {@link #builder()}.
 *
 * <p><b>Supported years:</b> the injury's local date lies in the years {@value #FIRST_YEAR} to
 * {@value #LAST_YEAR}; earlier or later injuries are refused with a {@link PlanningException}. A
 * protocol runs at most {@link Limits#MAX_DURATION} (about 20 years), so every plan, and every
 * re-plan at a moment in the same range, lies in the years 1899 to 2222: inside the four-digit
 * years an iCalendar file can hold, and after the local mean times of the 19th century that
 * time-zone rules give for older dates.
 */
public final class PlanRequest {
  /** The first year an injury may lie in (its local date). */
  public static final int FIRST_YEAR = 1900;

  /** The last year an injury may lie in (its local date). */
  public static final int LAST_YEAR = 2200;

  /**
   * The local days every plan and re-plan lies within, {@code [FIRST_PLANNED_DAY,
   * END_OF_PLANNED_DAYS)}: from the year before {@link #FIRST_YEAR} (a waking day may start the day
   * before the injury) to 22 years after {@link #LAST_YEAR} (a setback of at most a year, then at
   * most {@link Limits#MAX_DURATION}).
   */
  static final LocalDate FIRST_PLANNED_DAY = LocalDate.of(FIRST_YEAR - 1, 1, 1);

  /** The day after the last local day any plan reaches; see {@link #FIRST_PLANNED_DAY}. */
  static final LocalDate END_OF_PLANNED_DAYS = LocalDate.of(LAST_YEAR + 23, 1, 1);

  private final ZonedDateTime injuredAt;
  private final Severity severity;
  private final WakingHours wakingHours;

  private PlanRequest(ZonedDateTime injuredAt, Severity severity, WakingHours wakingHours) {
    this.injuredAt = checkSupportedYear(requireNonNull(injuredAt, "injuredAt"), "injuredAt");
    this.severity = requireNonNull(severity, "severity");
    this.wakingHours = requireNonNull(wakingHours, "wakingHours");
  }

  /**
   * Checks that the local date of {@code t} lies in {@link #FIRST_YEAR} to {@link #LAST_YEAR}.
   *
   * @throws PlanningException if it does not
   */
  static ZonedDateTime checkSupportedYear(ZonedDateTime t, String name) {
    int year = t.getYear();
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw new PlanningException(String.format(Locale.ROOT,
          "%s must lie in the years %d to %d (the supported range): %s",
          name, FIRST_YEAR, LAST_YEAR, t));
    }
    return t;
  }

  /**
   * Checks that {@code t}, in {@code zone}, lies in {@link #FIRST_YEAR} to {@link #LAST_YEAR}.
   *
   * @throws PlanningException if it does not
   */
  static Instant checkSupportedYear(Instant t, ZoneId zone, String name) {
    Instant first = LocalDate.of(FIRST_YEAR, 1, 1).atStartOfDay(zone).toInstant();
    Instant after = LocalDate.of(LAST_YEAR + 1, 1, 1).atStartOfDay(zone).toInstant();
    if (t.isBefore(first) || !t.isBefore(after)) {
      throw new PlanningException(String.format(Locale.ROOT,
          "%s must lie in the years %d to %d (the supported range): %s",
          name, FIRST_YEAR, LAST_YEAR, t));
    }
    return t;
  }

  /**
   * A builder; injury time is required, severity defaults to MODERATE, waking hours to 07–22.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * When the injury happened, in the person's time zone.
   *
   * @return the injury's date, time and zone; the plan starts here
   */
  public ZonedDateTime injuredAt() {
    return injuredAt;
  }

  /**
   * The person's time zone: the zone of {@link #injuredAt()}.
   *
   * @return the zone in which sessions are placed on local dates and times
   */
  public ZoneId zone() {
    return injuredAt.getZone();
  }

  /**
   * How severe the injury is.
   *
   * @return the severity, which picks each phase's duration estimate
   */
  public Severity severity() {
    return severity;
  }

  /**
   * When the person is awake.
   *
   * @return the waking hours, {@code [wake, sleep)} each day
   */
  public WakingHours wakingHours() {
    return wakingHours;
  }

  /**
   * A builder holding this request's values.
   *
   * @return a new builder; changing it leaves this request unchanged
   */
  public Builder toBuilder() {
    return new Builder().injuredAt(injuredAt).severity(severity).wakingHours(wakingHours);
  }

  /**
   * Returns a copy with a different severity. This instance is immutable and unaffected by this
   * method call.
   *
   * @param severity the new severity
   * @return the copy
   */
  public PlanRequest withSeverity(Severity severity) {
    return new PlanRequest(injuredAt, severity, wakingHours);
  }

  /**
   * Returns a copy with different waking hours. This instance is immutable and unaffected by this
   * method call.
   *
   * @param wakingHours the new waking hours
   * @return the copy
   */
  public PlanRequest withWakingHours(WakingHours wakingHours) {
    return new PlanRequest(injuredAt, severity, wakingHours);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof PlanRequest other
        && injuredAt.equals(other.injuredAt)
        && severity == other.severity
        && wakingHours.equals(other.wakingHours);
  }

  @Override
  public int hashCode() {
    return Objects.hash(injuredAt, severity, wakingHours);
  }

  @Override
  public String toString() {
    return "PlanRequest[injuredAt=" + injuredAt + ", severity=" + severity + ", wakingHours="
        + wakingHours + "]";
  }

  /** Collects a request's values; {@link #build()} validates them. */
  public static final class Builder {
    private @Nullable ZonedDateTime injuredAt;
    private Severity severity = Severity.MODERATE;
    private WakingHours wakingHours = WakingHours.DEFAULT;

    private Builder() {}

    /**
     * Sets when the injury happened; its zone is the person's zone. Required.
     *
     * @param injuredAt the injury's local date-time and the person's zone; {@link #build()} refuses one
     *     outside the supported years
     * @return this builder
     */
    public Builder injuredAt(ZonedDateTime injuredAt) {
      this.injuredAt = requireNonNull(injuredAt, "injuredAt");
      return this;
    }

    /**
     * Sets the severity; default {@link Severity#MODERATE}.
     *
     * @param severity how severe the injury is
     * @return this builder
     */
    public Builder severity(Severity severity) {
      this.severity = requireNonNull(severity, "severity");
      return this;
    }

    /**
     * Sets the waking hours {@code [wake, sleep)}; default 07:00–22:00.
     *
     * @param wake when the person gets up
     * @param sleep when the person goes to sleep; before {@code wake} for a day that spans midnight
     * @return this builder
     */
    public Builder wakingHours(LocalTime wake, LocalTime sleep) {
      return wakingHours(WakingHours.of(wake, sleep));
    }

    /**
     * Sets the waking hours; default {@link WakingHours#DEFAULT}.
     *
     * @param wakingHours when the person is awake
     * @return this builder
     */
    public Builder wakingHours(WakingHours wakingHours) {
      this.wakingHours = requireNonNull(wakingHours, "wakingHours");
      return this;
    }

    /**
     * Validates and builds the request.
     *
     * @return the request
     * @throws IllegalArgumentException if the injury time is missing
     * @throws PlanningException if the injury lies outside the years {@value #FIRST_YEAR} to
     *     {@value #LAST_YEAR}
     */
    public PlanRequest build() {
      checkArgument(injuredAt != null, "injuredAt is required");
      return new PlanRequest(injuredAt, severity, wakingHours);
    }
  }
}
