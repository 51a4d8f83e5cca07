package org.rehabplan.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rehabplan.Plan;
import org.rehabplan.Protocol;
import org.rehabplan.Session;
import org.rehabplan.rules.ScheduleRules;

class CustomProtocolExampleTest {
  @Test
  void theProtocolIsLabelledAsExampleData() {
    Protocol protocol = CustomProtocolExample.protocol();
    assertEquals("example-ankle", protocol.id());
    assertTrue(protocol.title().contains("example data, not medical advice"), protocol.title());
    assertEquals(List.of("settle", "move"),
        protocol.phases().stream().map(p -> p.id()).toList());
  }

  @Test
  void planKeepsTheSchedulersPromises() {
    Plan plan = CustomProtocolExample.plan();
    ScheduleRules.standard().assertKeptBy(plan);
    // Three cooling sessions a day in the settle phase, then circles at 08:00 and 18:30.
    List<String> firstDay = plan.sessionsOn(plan.request().injuredAt().toLocalDate()).stream()
        .map(Session::id).toList();
    assertEquals(List.of("cool/settle/1", "cool/settle/2", "cool/settle/3"), firstDay);
    assertTrue(plan.sessions().stream().filter(s -> s.intervention().id().equals("circles"))
        .allMatch(s -> s.startIn(plan.zone()).toLocalTime().toString().matches("08:00|18:30")));
  }

  @Test
  void printsTheFirstDays() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CustomProtocolExample.print(CustomProtocolExample.plan(),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(out.startsWith("Example ankle protocol (example data, not medical advice), mild\n"),
        out);
    String monday =
        out.substring(out.indexOf("\nMon 3 May 2027\n"), out.indexOf("\nTue 4 May 2027\n"));
    assertTrue(monday.contains("\n  09:25-09:35  Cool the ankle  [Settle]\n"), monday);
    String friday = out.substring(out.indexOf("\nFri 7 May 2027\n"));
    assertTrue(friday.contains("\n  08:00-08:05  Ankle circles  [Move]\n"), friday);
    assertTrue(out.endsWith("Example data, not medical advice.\n"), out);
  }
}
