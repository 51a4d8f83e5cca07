package org.rehabplan.ical;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rehabplan.Intervention;
import org.rehabplan.Interval;
import org.rehabplan.Plan;
import org.rehabplan.PlanRequest;
import org.rehabplan.Protocols;
import org.rehabplan.Scheduler;
import org.rehabplan.Severity;
import org.rehabplan.Timing;

class IcalExporterTest {
  private static final IcalExporter DEFAULT = IcalExporter.builder().build();

  private static Plan hamstring(String injuredAt) {
    return Scheduler.plan(Protocols.hamstringStrain(), PlanRequest.builder()
        .injuredAt(ZonedDateTime.parse(injuredAt))
        .severity(Severity.MODERATE)
        .wakingHours(LocalTime.of(7, 0), LocalTime.of(22, 0))
        .build());
  }

  private static List<String> contentLines(String ics) {
    return Rfc5545.unfold(Rfc5545.assertWellFormed(ics.getBytes(UTF_8)));
  }

  private static List<String> values(String ics, String prefix) {
    return contentLines(ics).stream().filter(l -> l.startsWith(prefix))
        .map(l -> l.substring(prefix.length())).toList();
  }

  private static void assertRoundTrip(Plan plan, String ics) {
    List<Interval> expected = Expansions.expected(plan);
    Interval window = Interval.of(plan.interval().start().minus(Duration.ofDays(2)),
        plan.interval().endExclusive().plus(Duration.ofDays(3)));
    List<Interval> ical4j = Expansions.ical4j(ics, window);
    assertTrue(expected.equals(ical4j), () -> "iCal4j: " + Diff.of(expected, ical4j));
    List<Interval> biweekly = Expansions.biweekly(ics);
    assertTrue(expected.equals(biweekly), () -> "biweekly: " + Diff.of(expected, biweekly));
  }

  @Test
  void sameInputGivesTheSameBytes() throws IOException {
    Plan plan = GoldenFileTest.berlin();
    String first = DEFAULT.export(plan).text();
    assertEquals(first, IcalExporter.builder().build().export(GoldenFileTest.berlin()).text());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DEFAULT.export(plan).writeTo(out);
    assertArrayEquals(first.getBytes(UTF_8), out.toByteArray());
    assertArrayEquals(first.getBytes(UTF_8), DEFAULT.export(plan).bytes());
  }

  @Test
  void uidsAreHashedUniqueAndStable() {
    Plan plan = GoldenFileTest.berlin();
    List<String> uids = values(DEFAULT.export(plan).text(), "UID:");
    assertEquals(uids.size(), new HashSet<>(uids).size(), "unique");
    uids.forEach(u -> assertTrue(u.matches("[0-9a-f]{32}@rehabplan"), u));
    assertEquals(uids, values(DEFAULT.export(GoldenFileTest.berlin()).text(), "UID:"), "stable");
    Plan later = hamstring("2027-03-27T18:31+01:00[Europe/Berlin]");
    Set<String> other = new HashSet<>(values(DEFAULT.export(later).text(), "UID:"));
    assertTrue(Collections.disjoint(new HashSet<>(uids), other), "another plan, other UIDs");
    List<String> each = values(
        DEFAULT.toBuilder().oneEventPerSession(true).build().export(plan).text(), "UID:");
    assertEquals(each.size(), new HashSet<>(each).size());
  }

  @Test
  void dtstampIsTheInjuryOrTheInjectedClock() {
    Plan plan = GoldenFileTest.berlin();
    assertEquals(Set.of("20270327T173000Z"), Set.copyOf(values(DEFAULT.export(plan).text(), "DTSTAMP:")));
    Clock clock = Clock.fixed(Instant.parse("2030-01-02T03:04:05.678Z"), ZoneId.of("Asia/Tokyo"));
    IcalExporter stamped = IcalExporter.builder().clock(clock).build();
    assertEquals(Set.of("20300102T030405Z"), Set.copyOf(values(stamped.export(plan).text(), "DTSTAMP:")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2027-06-01T09:10Z[UTC]", "2027-06-01T09:10+05:30",
      "2027-06-01T09:10-03:00[Etc/GMT+3]", "2027-06-01T09:10Z"})
  void fixedOffsetZonesAreWrittenInUtc(String injuredAt) {
    Plan plan = hamstring(injuredAt);
    String ics = DEFAULT.export(plan).text();
    assertFalse(ics.contains("TZID"), "no TZID for a fixed offset");
    assertFalse(ics.contains("VTIMEZONE"));
    for (String line : contentLines(ics)) {
      if (line.matches("(DTSTART|DTEND|RDATE|EXDATE):.*T.*")) {
        assertTrue(line.matches("[A-Z]+:(\\d{8}T\\d{6}Z,?)+"), line);
      }
    }
    assertRoundTrip(plan, ics);
  }

  @Test
  void saoPauloUsesTheJdkRulesNotIcal4jsStaleOnes() {
    // Brazil dropped DST in 2019; iCal4j 4.4.0's bundled definition still has it.
    Plan plan = hamstring("2027-01-10T08:00-03:00[America/Sao_Paulo]");
    String ics = DEFAULT.export(plan).text();
    String vtimezone = ics.substring(ics.indexOf("BEGIN:VTIMEZONE"),
        ics.indexOf("END:VTIMEZONE"));
    assertFalse(vtimezone.contains("DAYLIGHT"), vtimezone);
    assertTrue(ics.contains("DTSTART;TZID=America/Sao_Paulo:20270110T080000"), "ice at 08:00");
    assertRoundTrip(plan, ics);
  }

  @Test
  void everyTzidHasItsVtimezoneAndCalendarsDoNotShareIt() {
    Plan plan = GoldenFileTest.berlin();
    Calendar a = DEFAULT.export(plan).toCalendar();
    Calendar b = DEFAULT.export(plan).toCalendar();
    List<VTimeZone> zones = a.getComponents(Component.VTIMEZONE);
    assertEquals(1, zones.size());
    assertEquals("Europe/Berlin", zones.get(0).getTimeZoneId().getValue());
    assertNotSame(zones.get(0), b.getComponents(Component.VTIMEZONE).get(0));
    assertEquals(DEFAULT.export(plan).text(), Folding.fold(a.toString()));
  }

  @Test
  void portableFormIsTheDefaultWithOneTimeOfDayPerRuleAndNoRdate() {
    Plan plan = GoldenFileTest.berlin();
    assertEquals(SessionEncoding.PORTABLE, DEFAULT.encoding());
    String portable = DEFAULT.export(plan).text();
    String compact = DEFAULT.toBuilder().encoding(SessionEncoding.COMPACT).build()
        .export(plan).text();
    String each = DEFAULT.toBuilder().oneEventPerSession(true).build().export(plan).text();
    long portableEvents = values(portable, "X-REHABPLAN-ITEM:session").size();
    assertTrue(portableEvents < values(each, "X-REHABPLAN-ITEM:session").size());
    assertTrue(portableEvents > values(compact, "X-REHABPLAN-ITEM:session").size());
    assertFalse(portable.contains("RDATE"));
    assertFalse(portable.contains("BYHOUR"));
    assertFalse(portable.contains("BYMINUTE"));
    assertTrue(portable.contains("RRULE:FREQ=DAILY;UNTIL="));
    assertTrue(portable.contains("RRULE:FREQ=WEEKLY;UNTIL="));
    assertTrue(compact.contains("RDATE"), "the compact form of this plan has an RDATE list");
    assertTrue(compact.contains(";BYHOUR="), "and BYHOUR lists");
    OutlookRules.assertClean(portable);
    assertRoundTrip(plan, portable);
  }

  @Test
  void compactFormUsesRulesAndIsSmallerThanOneEventPerSession() {
    Plan plan = GoldenFileTest.berlin();
    String compact = DEFAULT.toBuilder().encoding(SessionEncoding.COMPACT).build()
        .export(plan).text();
    String each = DEFAULT.toBuilder().oneEventPerSession(true).build().export(plan).text();
    long compactEvents = values(compact, "X-REHABPLAN-ITEM:session").size();
    long eachEvents = values(each, "X-REHABPLAN-ITEM:session").size();
    assertEquals(plan.sessions().size(), eachEvents);
    assertTrue(compactEvents * 3 < eachEvents, compactEvents + " vs " + eachEvents);
    assertTrue(compact.contains("RRULE:FREQ=DAILY;UNTIL="));
    assertTrue(compact.contains("RRULE:FREQ=WEEKLY;UNTIL="));
    assertFalse(each.contains("RRULE"));
    assertRoundTrip(plan, compact);
    assertRoundTrip(plan, each);
  }

  @Test
  void alarmsDefaultToTenMinutesAndCanBeChangedOrTurnedOff() {
    Plan plan = GoldenFileTest.berlin();
    String ics = DEFAULT.export(plan).text();
    // Firm sessions only: a conditional one (STATUS:TENTATIVE) gets no reminder.
    long sessions = values(ics, "X-REHABPLAN-ITEM:session").size()
        - ics.split("STATUS:TENTATIVE\r\nX-REHABPLAN-ITEM:session", -1).length + 1;
    assertTrue(sessions > 0 && sessions < values(ics, "X-REHABPLAN-ITEM:session").size());
    assertEquals(sessions, values(ics, "TRIGGER:-PT10M").size());
    assertEquals(sessions, values(ics, "ACTION:DISPLAY").size());
    String thirty = IcalExporter.builder().alarmMinutesBefore(30).build().export(plan).text();
    assertEquals(sessions, values(thirty, "TRIGGER:-PT30M").size());
    String off = IcalExporter.builder().alarmMinutesBefore(30).noAlarms().build().export(plan).text();
    assertFalse(off.contains("VALARM"));
    assertEquals(0, IcalExporter.builder().alarmMinutesBefore(0).build()
        .alarmMinutesBefore().getAsInt());
  }

  @Test
  void asNeededGuidanceIsOnThePhaseNotTimed() {
    Plan plan = GoldenFileTest.berlin();
    String ics = DEFAULT.export(plan).text();
    List<String> summaries = values(ics, "SUMMARY:");
    for (Intervention i : plan.protocol().interventions()) {
      if (i.timing() instanceof Timing.AsNeeded) {
        assertFalse(summaries.contains(i.title()), i.title() + " is not an event");
        assertTrue(contentLines(ics).stream().anyMatch(
            l -> l.startsWith("DESCRIPTION:") && l.contains("As needed:")
                && l.contains(i.title())), i.title() + " is on a phase");
      }
    }
  }

  @Test
  void phasesAndGuidanceAreAllDayTentativeWhenGated() {
    Plan plan = GoldenFileTest.berlin();
    String ics = DEFAULT.export(plan).text();
    List<String> lines = contentLines(ics);
    int protect = lines.indexOf("SUMMARY:Protect phase");
    int restore = lines.indexOf("SUMMARY:Restore phase");
    assertTrue(lines.subList(protect, protect + 8).contains("STATUS:CONFIRMED"));
    assertTrue(lines.subList(restore, restore + 8).contains("STATUS:TENTATIVE"), "gated phase");
    assertTrue(lines.contains("DTSTART;VALUE=DATE:20270327"));
    assertTrue(lines.contains("SUMMARY:Raise the leg when resting"));
    assertEquals(plan.milestones().size(), values(ics, "X-REHABPLAN-ITEM:milestone").size());
    assertEquals(plan.phases().size(), values(ics, "X-REHABPLAN-ITEM:phase").size());
    assertEquals(plan.guidanceSpans().size(), values(ics, "X-REHABPLAN-ITEM:guidance").size());
  }

  @Test
  void feedHintsAreWrittenOnlyOnRequestAndTheCalendarSaysWhatItIs() {
    Plan plan = GoldenFileTest.berlin();
    String plain = DEFAULT.export(plan).text();
    assertFalse(plain.contains("REFRESH-INTERVAL"));
    assertFalse(plain.contains("X-PUBLISHED-TTL"));
    List<String> lines = contentLines(plain);
    String description = "DESCRIPTION:Hamstring strain: the sessions\\, phases and milestones"
        + " of a rehabilitation plan\\, made by rehabplan from the protocol \"Hamstring"
        + " strain\". Educational content\\, not medical advice.";
    assertTrue(lines.contains(description), lines.subList(0, 12)::toString);
    assertTrue(lines.contains("X-WR-CALDESC:" + description.substring("DESCRIPTION:".length())));
    IcalExporter feed = DEFAULT.toBuilder().refreshInterval(Duration.ofHours(12))
        .publishedTtl(Duration.ofMinutes(90)).build();
    IcsFile file = feed.export(plan);
    List<String> feedLines = contentLines(file.text());
    assertTrue(feedLines.contains("REFRESH-INTERVAL;VALUE=DURATION:PT12H"), feedLines::toString);
    assertTrue(feedLines.contains("X-PUBLISHED-TTL:PT1H30M"), feedLines::toString);
    assertEquals(file.text(), Folding.fold(file.toCalendar().toString()));
    assertFalse(file.toCalendar().validate().hasErrors());
    assertEquals(feed.refreshInterval(), feed.toBuilder().build().refreshInterval());
    assertEquals(java.util.Optional.of(Duration.ofMinutes(90)), feed.publishedTtl());
    for (Duration bad : List.of(Duration.ofSeconds(59), Duration.ofDays(367),
        Duration.ofMillis(61_500), Duration.ofHours(-1))) {
      IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
          IllegalArgumentException.class, () -> IcalExporter.builder().refreshInterval(bad)
              .build());
      assertEquals("refreshInterval must be whole seconds from PT1M to PT8784H: " + bad,
          e.getMessage());
      e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
          () -> IcalExporter.builder().publishedTtl(bad).build());
      assertTrue(e.getMessage().startsWith("publishedTtl must be whole seconds"), e::getMessage);
    }
  }

  @Test
  void privacyModeLeavesOutPersonalText() {
    Plan plan = GoldenFileTest.berlin();
    String ics = IcalExporter.builder().privacyMode(true).build().export(plan).text();
    String unfolded = String.join("\n", contentLines(ics));
    for (Intervention i : plan.protocol().interventions()) {
      assertFalse(unfolded.contains(i.title()), i.title());
    }
    assertFalse(unfolded.contains("Hamstring"));
    assertEquals(Set.of("Rehab session", "Rehab plan: the sessions\\, phases and milestones of a"
        + " rehabilitation plan\\, made by rehabplan from a protocol. Educational content\\,"
        + " not medical advice."), Set.copyOf(values(ics, "DESCRIPTION:")),
        "only the alarms' and the calendar's generic descriptions");
    assertFalse(unfolded.contains("CATEGORIES"));
    Set<String> summaries = new HashSet<>(values(ics, "SUMMARY:"));
    assertTrue(summaries.contains("Rehab session"));
    assertTrue(summaries.contains("Rehab phase 1 of 4"));
    assertTrue(values(ics, "X-WR-CALNAME:").contains("Rehab plan"));
    assertRoundTrip(plan, ics);
  }

  @Test
  void calendarNameDefaultsToTheProtocolTitle() {
    String ics = DEFAULT.export(GoldenFileTest.berlin()).text();
    assertEquals(List.of("Hamstring strain"), values(ics, "X-WR-CALNAME:"));
    assertEquals(List.of("Hamstring strain"), values(ics, "NAME:"));
  }

  @Test
  void nothingTouchesTheNetwork() {
    assertEquals("false", System.getProperty(IcalExporter.TIMEZONE_UPDATE_PROPERTY));
    ProxySelector previous = ProxySelector.getDefault();
    List<URI> attempts = Collections.synchronizedList(new ArrayList<>());
    ProxySelector.setDefault(new ProxySelector() {
      @Override
      public List<Proxy> select(URI uri) {
        attempts.add(uri);
        return List.of(Proxy.NO_PROXY);
      }

      @Override
      public void connectFailed(URI uri, SocketAddress sa, IOException e) {}
    });
    try {
      for (String zone : List.of("Europe/Berlin", "Pacific/Chatham", "America/Sao_Paulo")) {
        Plan plan = hamstring(ZonedDateTime.of(2027, 3, 1, 9, 0, 0, 0, ZoneId.of(zone))
            .toString());
        String ics = DEFAULT.export(plan).text();
        Expansions.parseIcal4j(ics).validate();
      }
    } finally {
      ProxySelector.setDefault(previous);
    }
    assertEquals(List.of(), attempts);
  }

  @Test
  void secondsAreKeptAndFractionsDropped() {
    Plan plan = hamstring("2027-05-03T10:11:12.345+02:00[Europe/Berlin]");
    String ics = DEFAULT.export(plan).text();
    assertTrue(ics.contains("DTSTART;TZID=Europe/Berlin:20270503T101112"), "ice at injury");
    Set<String> stamps = values(ics, "DTSTAMP:").stream().collect(Collectors.toSet());
    assertEquals(Set.of("20270503T081112Z"), stamps);
  }

  @Test
  void optionsAreReported() {
    IcalExporter e = IcalExporter.builder().calendarName("Mine").alarmMinutesBefore(5)
        .oneEventPerSession(true).privacyMode(true).clock(Clock.systemUTC()).build();
    assertEquals("Mine", e.calendarName().orElseThrow());
    assertEquals(5, e.alarmMinutesBefore().getAsInt());
    assertTrue(e.oneEventPerSession());
    assertTrue(e.privacyMode());
    assertTrue(e.clock().isPresent());
    assertEquals(e.toString(), e.toBuilder().build().toString());
    assertFalse(IcalExporter.builder().noAlarms().build().alarmMinutesBefore().isPresent());
    assertTrue(ZoneOffset.UTC.getRules().isFixedOffset());
  }
}
