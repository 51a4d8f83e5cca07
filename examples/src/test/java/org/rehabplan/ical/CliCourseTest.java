package org.rehabplan.ical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rehabplan.Interval;
import org.rehabplan.PlanRecord;

/**
 * The whole course through the command (issue 13): applying v1, v2 and v3 in order, keeping the
 * highest SEQUENCE per UID and dropping cancelled events, iCal4j and biweekly see exactly the
 * journal's current plan; SEQUENCE never decreases along the chain. ical.js, Python dateutil and
 * libical read the same course in {@link CliCourseInteropTest} (profile interop).
 */
class CliCourseTest {
  @TempDir Path dir;

  @Test
  void calendarsAppliedInOrderShowExactlyTheLastPlan() throws Exception {
    int n = 0;
    for (CliCourse course : CliCourse.all()) {
      Path d = dir.resolve("course-" + n++);
      java.nio.file.Files.createDirectories(d);
      CliCourse.Result r = course.run(d);
      String name = course.zone();
      // The course did change the plan (otherwise the chain proves nothing).
      assertFalse(r.plan().sessions().equals(r.first().sessions()), name);
      assertTrue(r.files().get(1).contains("\r\nSEQUENCE:1\r\n"), name + ": v2 changed events");
      assertTrue(r.files().get(2).contains("\r\nSEQUENCE:2\r\n"), name + ": v3 changed again");
      CliCourse.assertSequencesNeverDecrease(r.files());
      for (String f : r.files()) {
        OutlookRules.assertClean(f);
      }
      Interval window = UpdatePropertyTest.window(r.first(), r.plan());
      List<Interval> expected = Expansions.expected(r.plan());
      List<Interval> ical4j = Expansions.ical4jAfterUpdates(r.files(), window);
      assertTrue(expected.equals(ical4j), () -> name + " iCal4j: " + Diff.of(expected, ical4j));
      List<Interval> biweekly = Expansions.biweeklyAfterUpdates(r.files());
      assertTrue(expected.equals(biweekly),
          () -> name + " biweekly: " + Diff.of(expected, biweekly));
      // The journal kept the outcomes and both check-ins.
      PlanRecord record = CliCourse.record(d);
      assertEquals(2, record.checkIns().size(), name);
      assertEquals(2, record.outcomes().outcomes().size(), name);
    }
  }
}
