package org.rehabplan.ical;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole course through the command, read by the clients' own parsers: Mozilla ical.js,
 * Python icalendar + dateutil and libical apply v1, v2 and v3 in order and must show exactly the
 * journal's plan ({@link InteropTest}'s runner; Outlook's rules checked on every file). Runs in
 * the Maven profile interop only, which {@code .ci/run} runs after installing the parsers.
 */
class CliCourseInteropTest {
  @TempDir Path dir;

  @Test
  void everyClientShowsExactlyTheLastPlanAfterTheCourse() throws Exception {
    int n = 0;
    for (CliCourse course : CliCourse.all()) {
      Path d = dir.resolve("course-" + n++);
      Files.createDirectories(d);
      CliCourse.Result r = course.run(d);
      InteropTest.check(r.plan(), r.files(), "rehabplan command course in " + course.zone());
    }
  }
}
