package org.rehabplan.ical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.rehabplan.CalendarState;
import org.rehabplan.Plan;

/**
 * A calendar's state continues the SEQUENCE chain exactly as its file does: the update from the
 * state of a file is byte for byte the update from the file.
 */
class CalendarStatePropertyTest {

  @Provide
  Arbitrary<UpdatePropertyTest.Case> cases() {
    return new UpdatePropertyTest().cases();
  }

  @Property(tries = 100)
  void theUpdateFromAStateIsTheUpdateFromItsFile(
      @ForAll("cases") UpdatePropertyTest.Case c) {
    List<Plan> chain = c.chain();
    IcalExporter exporter = c.exporter();
    byte[] first = exporter.export(chain.get(0)).bytes();
    assertArrayEquals(first, exporter.update(chain.get(0), CalendarState.empty()).bytes());
    byte[] second = exporter.update(chain.get(1), first).bytes();
    assertArrayEquals(second,
        exporter.update(chain.get(1), IcalExporter.stateOf(first)).bytes());
    byte[] third = exporter.update(chain.get(2), second).bytes();
    CalendarState state = IcalExporter.stateOf(second);
    assertArrayEquals(third, exporter.update(chain.get(2), state).bytes());
    // The state holds what the file says: the SEQUENCE of every UID and the cancelled ones.
    assertEquals(IcalExporter.stateOf(third).sequences().keySet(),
        IcalExporter.stateOf(exporter.update(chain.get(2), state).bytes()).sequences().keySet());
  }

  @Test
  void aForeignFileHasNoState() {
    byte[] foreign = "BEGIN:VCALENDAR\r\nPRODID:-//other//EN\r\nEND:VCALENDAR\r\n"
        .getBytes(StandardCharsets.UTF_8);
    assertThrows(IllegalArgumentException.class, () -> IcalExporter.stateOf(foreign));
  }
}
