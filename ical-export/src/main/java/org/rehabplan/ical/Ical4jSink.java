package org.rehabplan.ical;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.DateList;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.TextList;
import net.fortuna.ical4j.model.WeekDay;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.Name;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RDate;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Trigger;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.transform.recurrence.Frequency;
import org.jspecify.annotations.Nullable;

/** Builds the iCal4j model of a calendar. Not thread-safe; used once. */
final class Ical4jSink implements ContentSink {
  /** A component being built: its properties and subcomponents. */
  private static final class Frame {
    final List<Property> properties = new ArrayList<>(16);
    final List<Component> components = new ArrayList<>();
  }

  private final ZoneId zone;
  private final ParameterList tzParameters;
  private final boolean copyShared;
  private final Deque<Frame> open = new ArrayDeque<>();
  private @Nullable Calendar calendar;

  /**
   * @param copyShared whether cached components are copied (the calendar goes to a caller who
   *     may modify it)
   */
  Ical4jSink(ZoneId zone, boolean copyShared) {
    this.zone = zone;
    this.tzParameters = new ParameterList(List.of(new TzId(zone.getId())));
    this.copyShared = copyShared;
  }

  /** The calendar, once VCALENDAR has ended. */
  Calendar calendar() {
    if (calendar == null) {
      throw new IllegalStateException("calendar not complete");
    }
    return calendar;
  }

  @Override
  public void begin(String component) {
    open.push(new Frame());
  }

  @Override
  @SuppressWarnings("unchecked")
  public void end(String component) {
    Frame f = open.pop();
    PropertyList properties = new PropertyList(f.properties);
    switch (component) {
      case "VCALENDAR" -> calendar = new Calendar(properties,
          new ComponentList<>((List<CalendarComponent>) (List<?>) f.components));
      case "VEVENT" -> open.element().components.add(f.components.isEmpty()
          ? new VEvent(properties)
          : new VEvent(properties, new ComponentList<>((List<VAlarm>) (List<?>) f.components)));
      case "VALARM" -> open.element().components.add(new VAlarm(properties));
      default -> throw new IllegalArgumentException("unexpected component: " + component);
    }
  }

  @Override
  public void timeZone(VTimeZones.Entry entry) {
    open.element().components.add(copyShared ? entry.component().copy() : entry.component());
  }

  @Override
  public void text(String name, String value) {
    add(switch (name) {
      case Property.PRODID -> new ProdId(value);
      case Property.NAME -> new Name(value);
      case Property.UID -> new Uid(value);
      case Property.SUMMARY -> new Summary(value);
      case Property.DESCRIPTION -> new Description(value);
      default -> new XProperty(name, value);
    });
  }

  @Override
  public void integer(String name, int value) {
    if (!name.equals(Property.SEQUENCE)) {
      throw new IllegalArgumentException("unexpected integer property: " + name);
    }
    add(new Sequence(value));
  }

  @Override
  public void constant(Property property) {
    add(property);
  }

  @Override
  public void categories(String first, String second) {
    add(new Categories(new TextList(first, second)));
  }

  @Override
  public void stamp(Instant instant) {
    add(new DtStamp(instant.truncatedTo(ChronoUnit.SECONDS)));
  }

  @Override
  public void dateTime(String name, Instant instant, boolean utc) {
    boolean start = name.equals(Property.DTSTART);
    if (utc) {
      Instant t = instant.truncatedTo(ChronoUnit.SECONDS);
      add(start ? new DtStart<>(t) : new DtEnd<>(t));
    } else {
      LocalDateTime t = local(instant);
      add(start ? new DtStart<>(tzParameters, t) : new DtEnd<>(tzParameters, t));
    }
  }

  @Override
  public void date(String name, LocalDate date) {
    add(name.equals(Property.DTSTART) ? new DtStart<>(date) : new DtEnd<>(date));
  }

  @Override
  public void rule(RecurrenceEncoder.Rule rule) {
    Recur.Builder<Temporal> b = new Recur.Builder<Temporal>()
        .frequency(rule.frequency() == RecurrenceEncoder.Frequency.DAILY
            ? Frequency.DAILY : Frequency.WEEKLY)
        .until(rule.until().truncatedTo(ChronoUnit.SECONDS));
    if (!rule.days().isEmpty()) {
      b.dayList(rule.days().stream().map(WeekDay::getWeekDay).toList());
    }
    if (rule.hours().size() > 1) {
      b.hourList(rule.hours()).minuteList(List.of(rule.minute()));
    }
    add(new RRule<>(b.build()));
  }

  @Override
  public void dateList(String name, List<Instant> instants, boolean utc) {
    boolean exdate = name.equals(Property.EXDATE);
    if (utc) {
      List<Instant> out = new ArrayList<>(instants.size());
      for (Instant t : instants) {
        out.add(t.truncatedTo(ChronoUnit.SECONDS));
      }
      DateList<Instant> list = new DateList<>(out);
      add(exdate ? new ExDate<>(list) : new RDate<>(list));
    } else {
      List<LocalDateTime> out = new ArrayList<>(instants.size());
      for (Instant t : instants) {
        out.add(local(t));
      }
      DateList<LocalDateTime> list = new DateList<>(out);
      add(exdate ? new ExDate<>(tzParameters, list) : new RDate<>(tzParameters, list));
    }
  }

  @Override
  public void duration(String name, Duration value) {
    add(name.equals(RefreshInterval.PROPERTY_NAME)
        ? new RefreshInterval(new ParameterList(List.of(Value.DURATION)), value.toString())
        : new XProperty(name, value.toString()));
  }

  @Override
  public void trigger(int minutes) {
    add(new Trigger(Duration.ofMinutes(-minutes)));
  }

  private void add(Property p) {
    open.element().properties.add(p);
  }

  private LocalDateTime local(Instant t) {
    return LocalDateTime.ofInstant(t, zone).truncatedTo(ChronoUnit.SECONDS);
  }
}
