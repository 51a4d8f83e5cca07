package org.rehabplan.ical;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The events of an exported file read back line by line, independently of the exporter's own
 * reader: UID, SEQUENCE, STATUS and the content lines other than DTSTAMP and SEQUENCE.
 */
final class UpdateFiles {
  private UpdateFiles() {}

  /** One VEVENT. */
  record Event(String uid, int sequence, String status, List<String> content) {
    boolean cancelled() {
      return status.equals("CANCELLED");
    }
  }

  /** The VEVENTs of {@code ics} by UID, in file order; fails if a UID occurs twice. */
  static Map<String, Event> events(String ics) {
    List<String> lines = Rfc5545.unfold(Rfc5545.assertWellFormed(ics.getBytes(UTF_8)));
    Map<String, Event> out = new LinkedHashMap<>();
    List<String> content = null;
    String uid = null;
    int sequence = 0;
    String status = "";
    int depth = 0;
    for (String line : lines) {
      if (line.equals("BEGIN:VEVENT")) {
        content = new ArrayList<>();
        uid = null;
        sequence = 0;
        status = "";
        depth = 0;
      }
      if (content == null) {
        continue;
      }
      if (line.startsWith("BEGIN:")) {
        depth++;
      }
      boolean top = depth == 1;
      if (line.startsWith("END:")) {
        depth--;
      }
      if (top && line.startsWith("UID:")) {
        uid = line.substring(4);
      } else if (top && line.startsWith("STATUS:")) {
        status = line.substring(7);
      }
      if (top && line.startsWith("SEQUENCE:")) {
        sequence = Integer.parseInt(line.substring(9));
      } else if (!(top && line.startsWith("DTSTAMP:"))) {
        content.add(line);
      }
      if (line.equals("END:VEVENT")) {
        Event e = new Event(uid, sequence, status, content);
        assertNull(out.put(uid, e), () -> "UID " + e.uid() + " twice in one file");
        content = null;
      }
    }
    return out;
  }
}
