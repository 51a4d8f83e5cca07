package org.rehabplan.ical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The writer's buffer grows geometrically up to the largest array (issue 14: doubling in an int
 * overflowed past 2^30, after which it grew by a few bytes per write, copying over 1 GB each time).
 */
class IcsWriterGrowthTest {
  private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

  @Test
  void smallBuffersDouble() {
    assertEquals(512, IcsWriter.grownCapacity(256, 250, 10));
    assertEquals(5000, IcsWriter.grownCapacity(256, 250, 4750));
  }

  @Test
  void pastAGigabyteTheBufferGrowsToTheLargestArrayNotByTheFewBytesNeeded() {
    int capacity = (1 << 30) + 16;
    // The old rule, Math.max(capacity * 2, size + n), overflowed to a negative doubling and gave
    // capacity + 4 here.
    int grown = IcsWriter.grownCapacity(capacity, capacity, 4);
    assertEquals(MAX_ARRAY, grown);
    assertTrue(grown >= capacity + 4);
  }

  @Test
  void aCalendarLargerThanTheLargestArrayIsAnOutOfMemoryErrorNotANegativeSize() {
    OutOfMemoryError e = assertThrows(OutOfMemoryError.class,
        () -> IcsWriter.grownCapacity(MAX_ARRAY, MAX_ARRAY - 2, 10));
    assertTrue(e.getMessage().contains("calendar larger than"), e.getMessage());
  }
}
