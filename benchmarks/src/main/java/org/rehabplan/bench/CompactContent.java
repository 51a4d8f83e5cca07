package org.rehabplan.bench;

import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.ComponentContainer;
import net.fortuna.ical4j.model.Encodable;
import net.fortuna.ical4j.model.Property;

/**
 * The content lines of a calendar, taken once from an iCal4j model, for the floor benchmark of
 * the compact export: {@link #write()} only escapes, folds and encodes them with {@link
 * MinimalIcsWriter}, so it measures the least work that gives the same bytes.
 */
public final class CompactContent {
  private record Line(String nameAndParams, String value, boolean escape) {}

  private final List<Line> lines = new ArrayList<>();

  public CompactContent(Calendar calendar) {
    lines.add(new Line(null, "BEGIN:VCALENDAR\r\n", false));
    calendar.getProperties().forEach(this::property);
    calendar.getComponents().forEach(c -> component((Component) c));
    lines.add(new Line(null, "END:VCALENDAR\r\n", false));
  }

  private void component(Component c) {
    lines.add(new Line(null, "BEGIN:" + c.getName() + "\r\n", false));
    c.getProperties().forEach(this::property);
    if (c instanceof ComponentContainer<?> container) {
      for (Component sub : container.getComponentList().getAll()) {
        component(sub);
      }
    }
    lines.add(new Line(null, "END:" + c.getName() + "\r\n", false));
  }

  private void property(Object o) {
    Property p = (Property) o;
    lines.add(new Line(p.getName() + p.getParameterList(), p.getValue(), p instanceof Encodable));
  }

  public byte[] write() {
    MinimalIcsWriter w = new MinimalIcsWriter(64 * 1024);
    for (Line l : lines) {
      if (l.nameAndParams() == null) {
        w.raw(l.value());
      } else {
        w.line(l.nameAndParams(), l.value(), l.escape());
      }
    }
    return w.toByteArray();
  }
}
