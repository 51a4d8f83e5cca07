package org.rehabplan.ical;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rehabplan.Plan;
import org.rehabplan.PlanRequest;
import org.rehabplan.Protocols;
import org.rehabplan.Scheduler;
import org.rehabplan.Severity;

/**
 * Plans at both ends of the supported years (issue 14: injuries in year 9999, -1 and 1 wrote dates
 * no client reads) export with four-digit years that iCal4j parses back.
 */
class SupportedYearsTest {
  private static final Pattern DATE = Pattern.compile(
      "^(DTSTART|DTEND|DTSTAMP|RDATE|EXDATE|RRULE|TRIGGER)[^:]*:(.*)$", Pattern.MULTILINE);

  @ParameterizedTest
  @ValueSource(strings = {"1900-01-01T00:00+01:00[Europe/Berlin]",
      "1900-01-01T00:00-05:00[America/New_York]", "2200-12-31T23:59+09:00[Asia/Tokyo]",
      "2200-12-31T23:59Z"})
  void theFirstAndLastSupportedYearsExportAsFourDigitYears(String injury) throws Exception {
    for (boolean expanded : new boolean[] {false, true}) {
      Plan plan = Scheduler.plan(Protocols.hamstringStrain(), PlanRequest.builder()
          .injuredAt(ZonedDateTime.parse(injury)).severity(Severity.SEVERE).build());
      byte[] bytes = IcalExporter.builder().oneEventPerSession(expanded).build().export(plan)
          .bytes();
      String ics = new String(bytes, UTF_8).replace("\r\n ", "");
      Matcher m = DATE.matcher(ics.replace("\r\n", "\n"));
      int dates = 0;
      while (m.find()) {
        for (String value : m.group(2).split(",")) {
          String date = m.group(1).equals("RRULE")
              ? value.replaceFirst("^.*UNTIL=([^;]*).*$|^.*$", "$1") : value;
          if (date.isEmpty()) {
            continue; // an RRULE with COUNT
          }
          if (!date.startsWith("P") && !date.startsWith("-P")) {
            // Four-digit years (VTIMEZONE history may reach back to the 1880s).
            assertTrue(date.matches("(1[89]|2[0-2])\\d{6}(T\\d{6}Z?)?"), () -> m.group());
            dates++;
          }
        }
      }
      assertFalse(dates == 0);
      Calendar parsed = new CalendarBuilder().build(new StringReader(new String(bytes, UTF_8)));
      assertFalse(parsed.getComponents(VEvent.VEVENT).isEmpty());
    }
  }
}
