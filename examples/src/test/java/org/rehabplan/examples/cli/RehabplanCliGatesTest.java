package org.rehabplan.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The findings of the gates issue, one test each, as a patient runs them: Berlin, injured
 * 2027-03-27 18:30; each test names the command, the exit status and the line that matters.
 */
class RehabplanCliGatesTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2027-03-27T17:30:00Z"),
      ZoneOffset.UTC);
  private static final String[] BASE = {"--injured-at", "2027-03-27T18:30", "--zone",
      "Europe/Berlin"};

  @TempDir Path dir;

  private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

  private int run(String... args) {
    String[] all = new String[BASE.length + args.length];
    System.arraycopy(BASE, 0, all, 0, BASE.length);
    System.arraycopy(args, 0, all, BASE.length, args.length);
    return RehabplanCli.run(all, new PrintStream(outBytes, true, StandardCharsets.UTF_8),
        new PrintStream(errBytes, true, StandardCharsets.UTF_8), CLOCK, BERLIN, dir);
  }

  private String out() {
    return outBytes.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return errBytes.toString(StandardCharsets.UTF_8);
  }

  private String ics() throws IOException {
    return Files.readString(dir.resolve("hamstring-plan.ics"), StandardCharsets.UTF_8);
  }

  // ------------------------------------------------------------ 3. check-ins are checked

  @Test
  void aMisspelledCriterionIsRefusedWithTheCriteriaListed() {
    // rehabplan ... --check-in "2027-03-30T09:00 pain=1/1 met=painrelieved" --now ...
    for (String typo : new String[] {"painrelieved", "pain-releived"}) {
      outBytes.reset();
      errBytes.reset();
      assertEquals(2, run("--check-in", "2027-03-30T09:00 pain=1/1 met=" + typo,
          "--now", "2027-03-30T09:05"), err());
      assertEquals(1, err().lines().count(), err());
      assertTrue(err().contains("check-in 2027-03-30 09:00 reports criterion \"" + typo
          + "\", which protocol hamstring-strain does not have; its criteria: pain-relieved,"
          + " healed"), err());
      assertFalse(Files.exists(dir.resolve("hamstring-plan.ics")), "nothing written");
    }
  }

  @Test
  void painRelievedWithPainEightOverNineIsRefused() {
    assertEquals(2, run("--check-in", "2027-03-30T09:00 pain=8/9 met=pain-relieved",
        "--now", "2027-03-30T09:05"), err());
    assertTrue(err().contains("\"pain-relieved\" cannot be reported with pain with activity"
        + " 9/10: it needs pain with activity below 3/10 (a choice of the rehabplan authors)"),
        err());
  }

  @Test
  void healedWithPainOnDayTenIsRefused() {
    assertEquals(2, run("--check-in", "2027-04-06T09:00 pain=3/5 met=healed",
        "--now", "2027-04-06T09:05"), err());
    assertTrue(err().contains("\"healed\" cannot be reported with pain with activity 5/10"),
        err());
  }

  @Test
  void helpListsTheCriteriaAndTheSeveritySigns() {
    assertEquals(0, run("--help"));
    assertTrue(out().contains("  pain-relieved   Has the pain in the back of your thigh eased"
        + " off, so\n"), out());
    assertTrue(out().contains("  healed          Has the hamstring healed"), out());
    assertTrue(out().contains("  severe    grade 3, a severe tear: very painful, tender, swollen"
        + " and\n"), out());
    assertTrue(out().contains("Source: https://www.nidirect.gov.uk/conditions/"
        + "hamstring-injury-muscle-strain\n"), out());
  }
}
