package org.rehabplan;

import static java.time.Duration.ZERO;
import static java.time.Duration.ofDays;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;

import java.time.DayOfWeek;
import java.util.EnumSet;

/**
 * The built-in protocols.
 *
 * <p><b>Educational content, not medical advice.</b> The built-in protocols restate general
 * patient-education material; they do not replace a clinician's assessment.
 */
public final class Protocols {
  /** The patient-education article the hamstring protocol restates. */
  public static final String HAMSTRING_ARTICLE =
      "\"Sudden back thigh pain after running, watch out for hamstring injury\","
          + " patient-education article (rehabplan seed: shared/seed/hamstring-injury-article.txt)";

  /** The published return-to-play times the severity projections are based on. */
  public static final String EKSTRAND_2012 =
      "Ekstrand J, Healy JC, Waldén M, Lee JC, English B, Hägglund M. Hamstring muscle injuries"
          + " in professional football: the correlation of MRI findings with return to play."
          + " Br J Sports Med. 2012;46(2):112-117. doi:10.1136/bjsports-2011-090155";

  /** Who made the editorial choices in the built-in protocols. */
  public static final String REHABPLAN = "rehabplan authors";

  private static final Holder HOLDER = new Holder();

  private Protocols() {}

  /**
   * The hamstring-strain protocol: protect, restore, strengthen, return to sport. Its instructions
   * restate {@link #HAMSTRING_ARTICLE} in rehabplan's own words; its phase durations follow {@link
   * #EKSTRAND_2012} (mean ± SD days to return to play by MRI grade, grade I as {@link
   * Severity#MILD}, II as {@link Severity#MODERATE}, III as {@link Severity#SEVERE}). Every figure
   * that neither source gives is marked as a {@link Provenance.Kind#CHOICE choice}.
   *
   * <p>Educational content, not medical advice.
   */
  public static Protocol hamstringStrain() {
    return HOLDER.hamstring;
  }

  /** Lazily built, shared instances (protocols are immutable). */
  private static final class Holder {
    final Protocol hamstring = buildHamstring();
  }

  private static Provenance article(String detail) {
    return Provenance.source(HAMSTRING_ARTICLE, detail);
  }

  private static Provenance choice(String rationale) {
    return Provenance.choice(REHABPLAN, rationale);
  }

  private static Protocol buildHamstring() {
    Criterion painRelieved = Criterion.of("pain-relieved",
        "Has the pain in the back of your thigh eased off, so everyday movement no longer hurts?");
    Criterion healed = Criterion.of("healed",
        "Has the hamstring healed: full, pain-free movement and strength, as your clinician would"
            + " confirm?");
    Provenance durationSplit = choice(
        "The total time to return to play is split across phases by the rehabplan authors;"
            + " the first phase reaches past the 2 days of icing and the few days of elevation the"
            + " article describes.");
    Provenance returnToPlay = Provenance.source(EKSTRAND_2012,
        "The phases before return to sport add up to the mean days to return to play by MRI"
            + " grade (17, 22, 73); earliest and latest to mean ± SD (7-27, 11-33 days), except"
            + " grade III, whose earliest (28 days, not 13) is a rehabplan choice.");
    Provenance rtsLength = choice(
        "A graded return to sport of one week (two for grade III) is a rehabplan default.");

    return Protocol.builder("hamstring-strain")
        .title("Hamstring strain")
        .condition("Strain or tear of the hamstring muscles at the back of the thigh, often from"
            + " running or exercise; sudden pain at the back of the thigh, sometimes a felt pop,"
            + " warmth or bruising.")
        .provenance(
            article("Treatment measures, their timing and the order of recovery steps."),
            Provenance.source(EKSTRAND_2012,
                "Days to return to play, mean ± SD by MRI grade: grade 1 17 ± 10, grade 2"
                    + " 22 ± 11, grade 3 73 ± 60 (professional footballers)."),
            choice("Phase names, phase split and session lengths not stated by a source are"
                + " rehabplan defaults; each is marked where it is used."),
            choice("Setbacks: the article says to stop activities that cause pain until symptoms"
                + " improve; rehabplan turns that into rules. Pain with activity of 6/10 or more"
                + " sends the person from Restore back to Protect for 2 days, holds them in"
                + " Strengthen for 2 days, and sends them from Return to sport back to"
                + " Strengthen for 3 days. The threshold and times are rehabplan choices."))
        // ----------------------------------------------------------- interventions
        .intervention(Intervention.builder("ice")
            .kind(InterventionKind.ICE)
            .title("Ice the back of the thigh")
            .instructions("Put a cold pack on the painful area for 15 minutes, then take it off."
                + " Keep a thin towel between the pack and your skin, never bare ice on skin."
                + " Repeat about every 1 to 2 hours. Keep this up for at least the first 6 hours"
                + " after the injury; icing can still help for up to 2 days.")
            .timing(Timing.every(
                ofMinutes(15),
                Spacing.between(ofHours(1), ofHours(2)).preferring(ofMinutes(90)),
                Window.afterInjury(ofHours(6), ofDays(2))))
            .provenance(
                article("15 minutes at a time, once every 1-2 hours, a thin towel between the"
                    + " cold pack and the skin; at least 6 hours after the injury, up to 2 days"
                    + " can still help."),
                choice("Planned every 90 minutes (the middle of 1-2 hours), while awake only."))
            .build())
        .intervention(Intervention.builder("elevate")
            .kind(InterventionKind.ELEVATE)
            .title("Raise the leg when resting")
            .instructions("Whenever you sit or lie down to rest, prop the injured leg up on a"
                + " pillow or a chair. This only helps during the first few days.")
            .timing(Timing.continuous(Window.afterInjury(ZERO, ofDays(3))))
            .provenance(
                article("Elevate the limb on a pillow or chair while resting; useful only for the"
                    + " first few days."),
                choice("\"The first few days\" is planned as 3 days."))
            .build())
        .intervention(Intervention.builder("wrap")
            .kind(InterventionKind.COMPRESS)
            .title("Support the thigh with a wrap")
            .instructions("Wrap the thigh with an elastic bandage, another kind of wrap, or a"
                + " cloth sleeve to support the muscle. It should feel snug, not tight.")
            .timing(Timing.continuous(Window.wholePhase()))
            .provenance(
                article("Wrap the thigh with an elastic bandage, other wrap or cloth sheath to"
                    + " support the muscle."),
                choice("Worn for the protect phase; \"snug, not tight\" is rehabplan wording."))
            .build())
        .intervention(Intervention.builder("avoid-pain")
            .kind(InterventionKind.REST)
            .title("Avoid activities that hurt")
            .instructions("Hold off on any activity or exercise that causes pain in the thigh"
                + " until your symptoms improve. Activities and exercise that do not hurt and do"
                + " not make the injury worse are fine to keep doing.")
            .timing(Timing.continuous(Window.wholePhase()))
            .provenance(article("Abstain from painful activities until symptoms improve; other"
                + " pain-free activities may continue."))
            .build())
        .intervention(Intervention.builder("pain-relief")
            .kind(InterventionKind.MEDICATE)
            .title("Pain relief if you need it")
            .instructions("For a strain that is not severe, over-the-counter pain relievers such"
                + " as acetaminophen (Tylenol) or ibuprofen (Advil, Motrin) can help; follow the"
                + " package label. For severe pain or a severe injury, a doctor may prescribe a"
                + " stronger medicine.")
            .timing(Timing.asNeeded())
            .provenance(
                article("Over-the-counter acetaminophen or ibuprofen if not severe; a doctor may"
                    + " prescribe strong pain medication for severe pain or injury."),
                choice("No dose or spacing is given: the package label or the prescriber"
                    + " decides."))
            .build())
        .intervention(Intervention.builder("see-clinician")
            .kind(InterventionKind.ASSESS)
            .title("When to see a clinician")
            .instructions("A clinician can usually recognise a hamstring injury from your"
                + " symptoms and an examination. Get checked if the pain is severe or does not"
                + " improve; depending on your symptoms they may order an ultrasound or an MRI"
                + " scan.")
            .timing(Timing.asNeeded())
            .provenance(article("Diagnosis from symptoms and physical examination; imaging such"
                + " as ultrasound or MRI for some patients, based on symptoms."))
            .build())
        .intervention(Intervention.builder("check-pain")
            .kind(InterventionKind.ASSESS)
            .title("Self-check: is the pain relieved?")
            .instructions("Take a moment to notice the injured thigh. Is the pain relieved? Once"
                + " it is, you can start gentle stretching and exercise. If not, keep protecting"
                + " the thigh and check again tomorrow.")
            .timing(Timing.timesPerDay(1, ofMinutes(5),
                Window.wholePhase().withOffset(ofDays(2))))
            .provenance(
                article("Gentle stretching and exercise only after the pain is relieved."),
                choice("A daily 5-minute self-check from day 2 of the protect phase."))
            .build())
        .intervention(Intervention.builder("gentle-stretch")
            .kind(InterventionKind.STRETCH)
            .title("Gentle hamstring stretch")
            .instructions("Stretch the back of the thigh slowly and gently, only as far as a mild"
                + " pull. It should never hurt; back off if it does. Regular gentle stretching"
                + " keeps the muscle from getting stiff.")
            .timing(Timing.timesPerDay(2, ofMinutes(10), Window.wholePhase()))
            .requires("pain-relieved")
            .provenance(
                article("After the pain is relieved, gentle stretching helps strengthen the"
                    + " muscles and keeps them from becoming too stiff."),
                choice("Twice a day for 10 minutes."))
            .build())
        .intervention(Intervention.builder("gentle-exercise")
            .kind(InterventionKind.STRENGTHEN)
            .title("Gentle hamstring exercise")
            .instructions("Do light, easy exercise for the hamstrings to start rebuilding"
                + " strength. Keep it pain-free; stop and rest if the thigh starts to hurt.")
            .timing(Timing.timesPerDay(1, ofMinutes(15), Window.wholePhase()))
            .requires("pain-relieved")
            .provenance(
                article("After the pain is relieved, gentle exercise of the hamstrings helps"
                    + " strengthen them."),
                choice("Once a day for 15 minutes."))
            .build())
        .intervention(Intervention.builder("strengthen")
            .kind(InterventionKind.STRENGTHEN)
            .title("Hamstring strengthening")
            .instructions("Build the hamstrings back up with strengthening exercise, adding a"
                + " little more as it stays pain-free. Stop if it hurts.")
            .timing(Timing.timesPerDay(1, ofMinutes(30), Window.wholePhase())
                .onDays(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY)))
            .requires("pain-relieved")
            .provenance(
                article("Exercise of the hamstrings helps strengthen the muscles."),
                choice("30 minutes on Mondays, Wednesdays and Fridays."))
            .build())
        .intervention(Intervention.builder("check-healed")
            .kind(InterventionKind.ASSESS)
            .title("Self-check: is the hamstring healed?")
            .instructions("Ask yourself whether the hamstring has healed: can you move and load"
                + " it fully without pain? Do not go back to sport until it has; if you are not"
                + " sure, ask a clinician.")
            .timing(Timing.timesPerDay(1, ofMinutes(5),
                Window.wholePhase().withOffset(ofDays(3))))
            .provenance(
                article("The hamstrings must be healed before sport or other activities that use"
                    + " them, or they are likely to be injured again."),
                choice("A daily 5-minute self-check from day 3 of the strengthen phase."))
            .build())
        .intervention(Intervention.builder("return-to-sport")
            .kind(InterventionKind.RETURN_TO_SPORT)
            .title("Return to sport, step by step")
            .instructions("Now that the hamstring has healed, go back to your sport or other"
                + " demanding activity gradually, starting easier and shorter than before.")
            .timing(Timing.timesPerDay(1, ofMinutes(45), Window.wholePhase())
                .onDays(EnumSet.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY, DayOfWeek.SATURDAY)))
            .requires("healed")
            .provenance(
                article("Sport only once the hamstrings have healed; otherwise re-injury is"
                    + " likely."),
                choice("45 minutes on Tuesdays, Thursdays and Saturdays, building up."))
            .build())
        .intervention(Intervention.builder("warm-up")
            .kind(InterventionKind.WARM_UP)
            .title("Warm up first")
            .instructions("Warm your muscles up before exercising: walk or do some other light"
                + " activity for about 10 minutes.")
            .timing(Timing.relativeTo(
                java.util.List.of("gentle-exercise", "strengthen", "return-to-sport"),
                ofMinutes(-10), ofMinutes(10)))
            .provenance(
                article("Warm up the muscles before exercising, e.g. walking or other light"
                    + " activity."),
                choice("10 minutes, right before each exercise or sport session."))
            .build())
        // ----------------------------------------------------------- phases
        .phase(Phase.builder("protect")
            .name("Protect")
            .goal("Calm the injury down: cold, support, elevation and no painful activity.")
            .interventions("ice", "elevate", "wrap", "avoid-pain", "pain-relief",
                "see-clinician", "check-pain")
            .exitGate(ExitGate.after(ofDays(2), painRelieved))
            .duration(Severity.MILD, DurationEstimate.ofDays(2, 3, 4, returnToPlay, durationSplit))
            .duration(Severity.MODERATE, DurationEstimate.ofDays(3, 4, 5, returnToPlay, durationSplit))
            .duration(Severity.SEVERE, DurationEstimate.ofDays(4, 7, 10, returnToPlay, durationSplit))
            .build())
        .phase(Phase.builder("restore")
            .name("Restore")
            .goal("With the pain relieved, get movement back with gentle stretching and"
                + " exercise.")
            .interventions("gentle-stretch", "gentle-exercise", "warm-up", "pain-relief")
            .exitGate(ExitGate.afterTime(ofDays(2)))
            .setback(SetbackRule.backToPrevious(6, ofDays(2)))
            .duration(Severity.MILD, DurationEstimate.ofDays(2, 5, 8, returnToPlay, durationSplit))
            .duration(Severity.MODERATE, DurationEstimate.ofDays(3, 6, 10, returnToPlay, durationSplit))
            .duration(Severity.SEVERE, DurationEstimate.ofDays(7, 21, 35, returnToPlay, durationSplit))
            .build())
        .phase(Phase.builder("strengthen")
            .name("Strengthen")
            .goal("Rebuild strength until the hamstring has healed.")
            .interventions("gentle-stretch", "strengthen", "warm-up", "check-healed")
            .exitGate(ExitGate.after(ofDays(3), healed))
            .setback(SetbackRule.hold(6, ofDays(2)))
            .duration(Severity.MILD, DurationEstimate.ofDays(3, 9, 15, returnToPlay, durationSplit))
            .duration(Severity.MODERATE, DurationEstimate.ofDays(5, 12, 18, returnToPlay, durationSplit))
            .duration(Severity.SEVERE, DurationEstimate.ofDays(17, 45, 88, returnToPlay, durationSplit))
            .build())
        .phase(Phase.builder("return-to-sport")
            .name("Return to sport")
            .goal("Go back to sport gradually, always warming up first.")
            .interventions("return-to-sport", "warm-up", "strengthen")
            .exitGate(ExitGate.afterTime(ofDays(7)))
            .setback(SetbackRule.backToPrevious(6, ofDays(3)))
            .duration(Severity.MILD, DurationEstimate.ofDays(7, 7, 7, rtsLength))
            .duration(Severity.MODERATE, DurationEstimate.ofDays(7, 7, 14, rtsLength))
            .duration(Severity.SEVERE, DurationEstimate.ofDays(14, 14, 28, rtsLength))
            .build())
        .build();
  }
}
