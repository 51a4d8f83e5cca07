package org.rehabplan.bench;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VAlarm;
import biweekly.component.VEvent;
import biweekly.io.TimezoneAssignment;
import biweekly.property.Trigger;
import biweekly.util.Duration;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.rehabplan.Plan;
import org.rehabplan.Session;

/**
 * Baseline 2: the same calendar as {@link NaiveIcal4jExporter} (one VEVENT per session), built and
 * written with biweekly. Date-times are written in the plan's zone with a VTIMEZONE.
 */
public final class BiweeklyExporter {
  private final TimezoneAssignment timezone;
  private final int alarmMinutes;

  /** @param timezone the plan zone's assignment (a java.util.TimeZone and its VTIMEZONE) */
  public BiweeklyExporter(TimezoneAssignment timezone, int alarmMinutes) {
    this.timezone = timezone;
    this.alarmMinutes = alarmMinutes;
  }

  public byte[] toBytes(Plan plan) {
    ICalendar ical = new ICalendar();
    ical.setProductId(SessionTexts.PRODID);
    ical.getTimezoneInfo().setDefaultTimezone(timezone);
    Date stamp = Date.from(SessionTexts.stamp(plan));
    Duration lead = Duration.builder().prior(true).minutes(alarmMinutes).build();
    for (Session s : plan.sessions()) {
      VEvent event = new VEvent();
      event.setUid(SessionTexts.uid(plan, s));
      event.setDateTimeStamp(stamp);
      event.setDateStart(Date.from(s.start()));
      event.setDateEnd(Date.from(s.end()));
      event.setSummary(SessionTexts.summary(s));
      event.setDescription(SessionTexts.description(s));
      event.addCategories(s.phase().name(), SessionTexts.kind(s.intervention().kind()));
      event.addExperimentalProperty("X-REHABPLAN-ITEM", "session");
      event.addAlarm(VAlarm.display(
          new Trigger(lead, biweekly.parameter.Related.START), SessionTexts.summary(s)));
      ical.addEvent(event);
    }
    return Biweekly.write(ical).go().getBytes(StandardCharsets.UTF_8);
  }
}
