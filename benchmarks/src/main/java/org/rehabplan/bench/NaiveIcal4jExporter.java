package org.rehabplan.bench;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TextList;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableAction;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;
import org.rehabplan.Plan;
import org.rehabplan.Session;

/**
 * Baseline 1: the straightforward iCal4j exporter. One VEVENT per session added with {@code
 * Calendar.add}, iCal4j's bundled VTIMEZONE, written with the default (validating) {@link
 * CalendarOutputter}.
 */
public final class NaiveIcal4jExporter {
  private final VTimeZone vtimezone;
  private final int alarmMinutes;

  /** @param vtimezone the zone's VTIMEZONE, as from iCal4j's time-zone registry */
  public NaiveIcal4jExporter(VTimeZone vtimezone, int alarmMinutes) {
    this.vtimezone = vtimezone;
    this.alarmMinutes = alarmMinutes;
  }

  public byte[] toBytes(Plan plan) {
    ZoneId zone = plan.zone();
    Calendar calendar = new Calendar();
    calendar.add(new ProdId(SessionTexts.PRODID));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    calendar.add(vtimezone);
    DtStamp stamp = new DtStamp(SessionTexts.stamp(plan).truncatedTo(ChronoUnit.SECONDS));
    for (Session s : plan.sessions()) {
      ParameterList tz = new ParameterList(List.of(new TzId(zone.getId())));
      VEvent event = new VEvent();
      event.add(new Uid(SessionTexts.uid(plan, s)));
      event.add(stamp);
      event.add(new DtStart<>(tz, LocalDateTime.ofInstant(s.start(), zone)
          .truncatedTo(ChronoUnit.SECONDS)));
      event.add(new DtEnd<>(tz, LocalDateTime.ofInstant(s.end(), zone)
          .truncatedTo(ChronoUnit.SECONDS)));
      event.add(new Summary(SessionTexts.summary(s)));
      event.add(new Description(SessionTexts.description(s)));
      event.add(new Categories(new TextList(
          s.phase().name(), SessionTexts.kind(s.intervention().kind()))));
      event.add(new XProperty("X-REHABPLAN-ITEM", "session"));
      VAlarm alarm = new VAlarm(Duration.ofMinutes(-alarmMinutes));
      alarm.add(ImmutableAction.DISPLAY);
      alarm.add(new Description(SessionTexts.summary(s)));
      event.add(alarm);
      calendar.add(event);
    }
    StringWriter out = new StringWriter();
    try {
      new CalendarOutputter().output(calendar, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ValidationException e) {
      throw new IllegalStateException(e);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

}
