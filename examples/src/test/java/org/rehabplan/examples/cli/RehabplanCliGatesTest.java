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

  // ------------------------------------------------------------ 1. conditional sessions

  @Test
  void stretchingAndSportWaitUnderTheirConditionInTheAgenda() {
    // rehabplan ... --days 30 --now 2027-03-27T18:30
    assertEquals(0, run("--days", "30", "--now", "2027-03-27T18:30"), err());
    String thursday = out().substring(out().indexOf("\nThu 1 Apr 2027\n"),
        out().indexOf("\nFri 2 Apr 2027\n"));
    assertTrue(thursday.contains("  Once you report pain relieved (not before):\n"
        + "  about 10:40  Gentle hamstring stretch  [Restore]\n"), thursday);
    String sport = out().substring(out().indexOf("\nTue 20 Apr 2027\n"));
    assertTrue(sport.contains("  Once you report pain relieved and healed (not before):\n"),
        sport);
    assertTrue(sport.contains("Return to sport, step by step  [Return to sport]"), sport);
    assertFalse(out().matches("(?s).*\\n  \\d\\d:\\d\\d-\\d\\d:\\d\\d  Gentle hamstring stretch.*"),
        "no stretching at a firm time before pain relief is reported");
  }

  // ------------------------------------------------------------ 2. self-checks repeat

  @Test
  void theMildSelfCheckIsAskedAgainTheNextDay() {
    // rehabplan ... --severity mild --days 3 --now 2027-03-30T08:00
    assertEquals(0, run("--severity", "mild", "--days", "3", "--now", "2027-03-30T08:00"),
        err());
    String wednesday = out().substring(out().indexOf("\nWed 31 Mar 2027\n"),
        out().indexOf("\nThu 1 Apr 2027\n"));
    assertTrue(wednesday.contains("  14:25-14:30  Self-check: is the pain relieved?  [Protect]\n"),
        wednesday);
  }

  // ------------------------------------------------------------ 3. "Now in" tells the wait

  @Test
  void nowInSaysWhatThePersonWaitsFor() {
    // rehabplan ... --check-in "2027-04-01T09:00 pain=2/4" --now 2027-04-01T09:05
    assertEquals(0, run("--check-in", "2027-04-01T09:00 pain=2/4", "--now", "2027-04-01T09:05"),
        err());
    assertTrue(out().contains("\n  Now in: Protect - waiting for: pain relieved\n"), out());
    assertFalse(out().contains("Now in: Restore"), out());
  }

  @Test
  void highPainOnDayTwoAddsTheReferralAdvice() {
    // rehabplan ... --check-in "2027-03-29T09:00 pain=9/10" --now 2027-03-29T09:05
    assertEquals(0, run("--check-in", "2027-03-29T09:00 pain=9/10", "--now", "2027-03-29T09:05"),
        err());
    assertTrue(out().contains("Get seen by a clinician promptly:\n"
        + "  - Check-in 2027-03-29 09:00, pain 9/10 at rest and 10/10 with activity: pain\n"),
        out());
  }

  // ------------------------------------------------------------ 4. severe and referral

  @Test
  void severeAlwaysSaysToGetSeenAndEveryPlanHasTheFirstDayItem() {
    // rehabplan ... --severity severe --days 1 --now 2027-03-27T18:30
    assertEquals(0, run("--severity", "severe", "--days", "1", "--now", "2027-03-27T18:30"),
        err());
    assertTrue(out().contains("Get seen by a clinician promptly:\n  - Severity severe: a severe"
        + " injury is a reason to get seen by a GP or\n"), out());
    assertTrue(out().contains("  18:45-18:55  When to get seen by a clinician  [Protect]\n"
        + "               Get seen by a GP or another clinician promptly if you think the\n"),
        out());
    outBytes.reset();
    assertEquals(0, run("--severity", "mild", "--days", "1", "--now", "2027-03-27T18:30"));
    assertFalse(out().contains("Get seen by a clinician promptly:"), "mild: no standing advice");
    assertTrue(out().contains("  18:45-18:55  When to get seen by a clinician  [Protect]\n"),
        out());
  }

  // ------------------------------------------------------------ 5. the notice; 6. provenance

  @Test
  void theAgendaEndsWithTheNoticeAndSaysWhatTheDatesMean() {
    assertEquals(0, run("--days", "1", "--now", "2027-03-27T18:30"), err());
    assertTrue(out().endsWith("Educational content, not medical advice: this plan restates"
        + " general\npatient-education material and does not replace a clinician's"
        + " assessment.\n"), out());
    assertTrue(out().contains("earliest and latest are that average minus and\nplus one"
        + " standard deviation"), out());
    assertTrue(out().contains("Healing also depends on your age and health"), out());
    assertFalse(out().contains("severe or does not improve"), "the unsourced line is gone");
  }

  // ------------------------------------------------------------ 7. setback rule = exercise text

  @Test
  void activityPainFiveInRestoreSetsThePersonBack() {
    // rehabplan ... --check-in "2027-03-31T19:00 pain=0/1 met=pain-relieved"
    //   --check-in "2027-04-01T12:00 pain=2/5" --now 2027-04-01T12:05
    assertEquals(0, run("--check-in", "2027-03-31T19:00 pain=0/1 met=pain-relieved",
        "--check-in", "2027-04-01T12:00 pain=2/5", "--now", "2027-04-01T12:05", "--days", "1"),
        err());
    assertTrue(out().contains("  Check-in 2027-04-01 12:00: pain with activity 5/10 (setback at"
        + " 3): back to Protect for at least 2 d\n"), out());
    assertTrue(out().contains("If pain\n               with activity reaches 3 out of 10 or"
        + " more") || out().contains("3 out of 10 or more"), out());
  }

  @Test
  void afterReportingPainRelievedStretchingIsFirmInAgendaAndCalendar() throws IOException {
    // rehabplan ... --check-in "2027-03-30T09:00 pain=1/2 met=pain-relieved" --now 2027-03-30T09:05
    assertEquals(0, run("--check-in", "2027-03-30T09:00 pain=1/2 met=pain-relieved",
        "--now", "2027-03-30T09:05", "--days", "1"), err());
    assertTrue(out().contains("\n  Now in: Restore\n"), out());
    assertTrue(out().contains(" cancelled, 73 now firm\n"), out());
    assertTrue(out().contains("\n  10:40-10:50  Gentle hamstring stretch  [Restore]\n"), out());
    String ics = ics().replace("\r\n ", "");
    assertTrue(ics.contains("SUMMARY:Return to sport\\, step by step"), "still there");
    for (String event : ics.split("BEGIN:VEVENT")) {
      if (event.contains("SUMMARY:Gentle hamstring stretch")
          && event.contains("DTSTART;TZID=Europe/Berlin:20270330T104000")) {
        assertTrue(event.contains("STATUS:CONFIRMED") && event.contains("BEGIN:VALARM")
            && event.contains("SEQUENCE:1"), event);
      }
      if (event.contains("SUMMARY:Return to sport")) {
        assertTrue(event.contains("STATUS:TENTATIVE") && !event.contains("BEGIN:VALARM"), event);
      }
    }
  }

  @Test
  void withoutCheckInsTheCalendarHasSportTentativeAndTheNotice() throws IOException {
    // rehabplan ... (grep -ci "medical advice" hamstring-plan.ics was 0)
    assertEquals(0, run("--days", "0"), err());
    String ics = ics().replace("\r\n ", "");
    assertTrue(ics.toLowerCase(java.util.Locale.ROOT).contains("not medical advice"));
    for (String event : ics.split("BEGIN:VEVENT")) {
      if (event.contains("SUMMARY:Return to sport\\, step by step")) {
        assertTrue(event.contains("STATUS:TENTATIVE"), event);
        assertFalse(event.contains("BEGIN:VALARM"), event);
        assertTrue(event.contains("DESCRIPTION:Only once you report pain relieved and healed"),
            event);
      }
    }
  }
}
