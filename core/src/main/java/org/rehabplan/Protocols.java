package org.rehabplan;

import static java.time.Duration.ZERO;
import static java.time.Duration.ofDays;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;

import com.google.common.collect.Maps;
import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.Map;

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

  /**
   * The public health service page the referral advice, the warning signs and the severity
   * grades' lay signs come from.
   */
  public static final String NIDIRECT =
      "\"Hamstring injury (muscle strain)\", nidirect (Northern Ireland government services),"
          + " https://www.nidirect.gov.uk/conditions/hamstring-injury-muscle-strain";

  /** The patient-education page the weight-bearing and walking warning signs come from. */
  public static final String SWISS_MEDICAL =
      "\"Hamstring injury\", Swiss Medical Network health library,"
          + " https://www.swissmedical.net/en/healtcare-library/con-20372967";

  /** Who made the editorial choices in the built-in protocols. */
  public static final String REHABPLAN = "rehabplan authors";

  /**
   * Pain with activity (0–10) from which a check-in sets the person back, and from which "pain
   * relieved" is refused: a rehabplan choice, told to the person in every exercise text.
   */
  static final int SETBACK_PAIN = 3;

  private static final Holder HOLDER = new Holder();

  private Protocols() {}

  /**
   * The hamstring-strain protocol: protect, restore, strengthen, return to sport. Its instructions
   * restate {@link #HAMSTRING_ARTICLE} in rehabplan's own words; when to get seen by a clinician
   * and the warning signs come from {@link #NIDIRECT} and {@link #SWISS_MEDICAL}; its phase
   * durations follow {@link #EKSTRAND_2012}: typical = mean days to return to play by MRI grade,
   * earliest and latest = mean ± 1 SD, in professional footballers. Every figure and sentence
   * that no source gives is marked as a {@link Provenance.Kind#CHOICE choice}.
   *
   * <p><b>Severity</b> (matching rehabplan's three severities to the lay grades below and to
   * Ekstrand's MRI grades is a rehabplan choice; the signs are {@link #NIDIRECT}'s):
   *
   * <ul>
   *   <li>{@link Severity#MILD} — grade 1, a mild strain: sudden pain and tenderness at the back of
   *       the thigh, moving the leg may hurt, the muscle keeps its strength.
   *   <li>{@link Severity#MODERATE} — grade 2, a partial tear: more pain and tenderness, maybe
   *       swelling and bruising, some strength lost.
   *   <li>{@link Severity#SEVERE} — grade 3, a severe tear: very painful, tender, swollen and
   *       bruised, maybe a "pop" felt when it happened, the leg cannot be used. The plan always
   *       says to get seen by a clinician promptly.
   * </ul>
   *
   * <p>Healing time also depends on age and health ({@link #HAMSTRING_ARTICLE}); the plan models
   * only the severity and says so to the person.
   *
   * <p>Educational content, not medical advice.
   *
   * @return the built-in protocol, the same instance on every call
   */
  public static Protocol hamstringStrain() {
    return HOLDER.hamstring;
  }

  /**
   * The lay signs of each severity of a hamstring strain, so a person without an MRI can choose:
   * {@link #NIDIRECT}'s grades 1-3 in rehabplan's words. Matching the severities to these grades
   * (and to {@link #EKSTRAND_2012}'s MRI grades) is a rehabplan choice. Iterates mild, moderate,
   * severe.
   *
   * @return an immutable map with one sentence for each severity
   */
  public static Map<Severity, String> hamstringSeveritySigns() {
    return SEVERITY_SIGNS;
  }

  private static final Map<Severity, String> SEVERITY_SIGNS = Maps.immutableEnumMap(Map.of(
      Severity.MILD, "grade 1, a mild strain: sudden pain and tenderness at the back of the"
          + " thigh; moving the leg may hurt; the muscle keeps its strength.",
      Severity.MODERATE, "grade 2, a partial tear: more pain and tenderness; maybe swelling and"
          + " bruising at the back of the thigh; some strength may be lost.",
      Severity.SEVERE, "grade 3, a severe tear: very painful, tender, swollen and bruised; maybe"
          + " a popping feeling when it happened; the leg cannot be used."));

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
        "Has the pain in the back of your thigh eased off, so everyday movement no longer hurts?")
        .contradictedBy(Contradiction.painWithActivityAtLeast(SETBACK_PAIN, choice(
            "Pain relieved is not accepted with pain with activity of 3/10 or more: the same"
                + " threshold as the setback rule, a rehabplan choice.")));
    Criterion healed = Criterion.of("healed",
        "Has the hamstring healed: full, pain-free movement and strength, as your clinician would"
            + " confirm?")
        .contradictedBy(Contradiction.painWithActivityAtLeast(1, choice(
            "Healed is not accepted with any pain with activity (1/10 or more): its question asks"
                + " for pain-free movement; a rehabplan choice.")));
    Provenance durationSplit = choice(
        "The total time to return to play is split across phases by the rehabplan authors;"
            + " the first phase reaches past the 2 days of icing and the few days of elevation the"
            + " article describes.");
    Provenance returnToPlay = Provenance.source(EKSTRAND_2012,
        "The phases before return to sport add up to the mean days to return to play by MRI"
            + " grade (17, 22, 73) in professional footballers; earliest and latest to mean ± 1"
            + " SD (7-27, 11-33 days), a range about two in three people fall within if times are"
            + " normally distributed, except grade III, whose earliest (28 days, not 13) is a"
            + " rehabplan choice.");
    Provenance severityMapping = choice(
        "Matching rehabplan's severities to grades is a rehabplan choice: mild, moderate and"
            + " severe are matched to nidirect's lay grades 1-3 and to Ekstrand's MRI grades 1-3;"
            + " a person without an MRI chooses from the lay signs.");
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
            severityMapping,
            Provenance.source(NIDIRECT, "Lay signs of grades 1-3; see a GP particularly if you"
                + " think the injury is severe, it is not healing or symptoms are getting worse."),
            Provenance.source(SWISS_MEDICAL, "See a healthcare professional if you cannot bear"
                + " weight on the injured leg or cannot walk more than four steps without a lot of"
                + " pain."),
            choice("Phase names and goals, phase split and session lengths not stated by a"
                + " source are rehabplan defaults; each is marked where it is used."),
            choice("Criterion questions are rehabplan wording of the article's \"pain is"
                + " relieved\" and \"must be healed\"; \"as your clinician would confirm\" is"
                + " a rehabplan addition."),
            choice("Setbacks: the article says to stop activities that cause pain until symptoms"
                + " improve; rehabplan turns that into rules. Pain with activity of 3/10 or more"
                + " sends the person from Restore back to Protect for 2 days, holds them in"
                + " Strengthen for 2 days, and sends them from Return to sport back to"
                + " Strengthen for 3 days. The exercise texts tell the person the same threshold."
                + " The threshold and times are rehabplan choices."))
        .projectionNote("Typical dates use the average time back to sport of professional"
            + " footballers with an injury of your grade; earliest and latest are that average"
            + " minus and plus one standard deviation, so about one person in three falls outside"
            + " them. Healing also depends on your age and health, which this plan does not"
            + " model, and phases that wait on your check-ins start only when you report them.")
        .referral(new Referral("see-clinician", java.util.EnumSet.of(Severity.SEVERE),
            "a severe injury is a reason to get seen by a GP or another clinician promptly,"
                + " not to treat it on your own.",
            7, ofDays(7),
            "pain this high in the first week is a reason to get seen by a GP or another"
                + " clinician promptly, especially if it is getting worse.",
            java.util.List.of(
                Provenance.source(NIDIRECT, "See a GP particularly if you think it's a severe"
                    + " injury, it's not healing, or your symptoms are getting worse."),
                choice("High pain early is pain of 7/10 or more, at rest or with activity, in a"
                    + " check-in within 7 days of the injury; the threshold and the 7 days are"
                    + " rehabplan choices."))))
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
                choice("Planned every 90 minutes (the middle of 1-2 hours), while awake only;"
                    + " \"never bare ice on skin\" is rehabplan wording."))
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
            .title("When to get seen by a clinician")
            .instructions("Get seen by a GP or another clinician promptly if you think the"
                + " injury is severe, if it is not healing, or if your symptoms are getting worse."
                + " Get seen as well if you cannot put weight on the injured leg, or cannot walk"
                + " more than four steps without a lot of pain. A clinician can usually recognise"
                + " a hamstring injury from your symptoms and an examination; depending on your"
                + " symptoms they may order an ultrasound or an MRI scan. Healing time depends on"
                + " your age, your health and how bad the injury is, so your recovery may be"
                + " quicker or slower than this plan's dates.")
            .timing(Timing.once(Anchor.INJURY, ZERO, ofMinutes(10)))
            .provenance(
                Provenance.source(NIDIRECT, "See a GP if you think it's a severe injury, it's"
                    + " not healing, or your symptoms are getting worse."),
                Provenance.source(SWISS_MEDICAL, "See a healthcare professional if you can't bear"
                    + " weight on the injured leg or can't walk more than four steps without a"
                    + " lot of pain."),
                article("Diagnosis from symptoms and physical examination; imaging such"
                    + " as ultrasound or MRI for some patients, based on symptoms; the healing"
                    + " period depends on age, health and the extent of the injury."),
                choice("A 10-minute item on the day of the injury (the first waking moment), so"
                    + " the warning signs are read on the first day; \"quicker or slower than this"
                    + " plan's dates\" is rehabplan wording."))
            .build())
        .intervention(Intervention.builder("check-pain")
            .kind(InterventionKind.ASSESS)
            .title("Self-check: is the pain relieved?")
            .instructions("Take a moment to notice the injured thigh. Is the pain relieved? Once"
                + " it is, report it in a check-in and you can start gentle stretching and"
                + " exercise. If not, keep protecting the thigh and check again tomorrow.")
            .timing(Timing.timesPerDay(1, ofMinutes(5),
                Window.wholePhase().withOffset(ofDays(2))))
            .selfCheckFor("pain-relieved")
            .provenance(
                article("Gentle stretching and exercise only after the pain is relieved."),
                choice("A daily 5-minute self-check from day 2 of the protect phase, repeated"
                    + " every day until pain relieved is reported or the phase's latest"
                    + " estimate; reporting it in a check-in is how the plan learns it."))
            .build())
        .intervention(Intervention.builder("gentle-stretch")
            .kind(InterventionKind.STRETCH)
            .title("Gentle hamstring stretch")
            .instructions("Stretch the back of the thigh slowly and gently, only as far as a mild"
                + " pull. It should not hurt; back off if it does. If pain with activity reaches"
                + " 3 out of 10 or more, stop and report it in a check-in: the plan then takes you"
                + " a step back. Regular gentle stretching keeps the muscle from getting stiff.")
            .timing(Timing.timesPerDay(2, ofMinutes(10), Window.wholePhase()))
            .requires("pain-relieved")
            .provenance(
                article("After the pain is relieved, gentle stretching helps strengthen the"
                    + " muscles and keeps them from becoming too stiff."),
                choice("Twice a day for 10 minutes, as far as a mild pull; the 3 out of 10"
                    + " threshold is the setback rule's, a rehabplan choice."))
            .build())
        .intervention(Intervention.builder("gentle-exercise")
            .kind(InterventionKind.STRENGTHEN)
            .title("Gentle hamstring exercise")
            .instructions("Do light, easy exercise for the hamstrings to start rebuilding"
                + " strength. Keep it pain-free; stop and rest if the thigh starts to hurt. If pain"
                + " with activity reaches 3 out of 10 or more, report it in a check-in: the plan"
                + " then takes you a step back.")
            .timing(Timing.timesPerDay(1, ofMinutes(15), Window.wholePhase()))
            .requires("pain-relieved")
            .provenance(
                article("After the pain is relieved, gentle exercise of the hamstrings helps"
                    + " strengthen them."),
                choice("Once a day for 15 minutes; the 3 out of 10 threshold is the setback"
                    + " rule's, a rehabplan choice."))
            .build())
        .intervention(Intervention.builder("strengthen")
            .kind(InterventionKind.STRENGTHEN)
            .title("Hamstring strengthening")
            .instructions("Build the hamstrings back up with strengthening exercise. Stop if it"
                + " hurts. If pain with activity reaches 3 out of 10 or more, report it in a"
                + " check-in: the plan then keeps you in this phase longer or takes you a step"
                + " back.")
            .timing(Timing.timesPerDay(1, ofMinutes(30), Window.wholePhase())
                .onDays(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY)))
            .requires("pain-relieved")
            .provenance(
                article("Exercise of the hamstrings helps strengthen the muscles."),
                choice("30 minutes on Mondays, Wednesdays and Fridays; the 3 out of 10 threshold"
                    + " is the setback rule's, a rehabplan choice."))
            .build())
        .intervention(Intervention.builder("check-healed")
            .kind(InterventionKind.ASSESS)
            .title("Self-check: is the hamstring healed?")
            .instructions("Ask yourself whether the hamstring has healed: can you move and load"
                + " it fully without pain? Do not go back to sport until it has; if you are not"
                + " sure, ask a clinician.")
            .timing(Timing.timesPerDay(1, ofMinutes(5),
                Window.wholePhase().withOffset(ofDays(3))))
            .selfCheckFor("healed")
            .provenance(
                article("The hamstrings must be healed before sport or other activities that use"
                    + " them, or they are likely to be injured again."),
                choice("A daily 5-minute self-check from day 3 of the strengthen phase, repeated"
                    + " every day until healed is reported or the phase's latest estimate; healed"
                    + " read as moving and loading fully without pain, and \"if you are not sure,"
                    + " ask a clinician\", are rehabplan wording."))
            .build())
        .intervention(Intervention.builder("return-to-sport")
            .kind(InterventionKind.RETURN_TO_SPORT)
            .title("Return to sport, step by step")
            .instructions("Now that the hamstring has healed, go back to your sport or other"
                + " demanding activity step by step, starting easier and shorter than before. If"
                + " pain with activity reaches 3 out of 10 or more, stop and report it in a"
                + " check-in: the plan then takes you a step back.")
            .timing(Timing.timesPerDay(1, ofMinutes(45), Window.wholePhase())
                .onDays(EnumSet.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY, DayOfWeek.SATURDAY)))
            .requires("healed")
            .provenance(
                article("Sport only once the hamstrings have healed; otherwise re-injury is"
                    + " likely."),
                choice("45 minutes on Tuesdays, Thursdays and Saturdays, building up; \"step"
                    + " by step, starting easier and shorter\" and the 3 out of 10 threshold are"
                    + " rehabplan choices."))
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
            .setback(SetbackRule.backToPrevious(SETBACK_PAIN, ofDays(2)))
            .duration(Severity.MILD, DurationEstimate.ofDays(2, 5, 8, returnToPlay, durationSplit))
            .duration(Severity.MODERATE, DurationEstimate.ofDays(3, 6, 10, returnToPlay, durationSplit))
            .duration(Severity.SEVERE, DurationEstimate.ofDays(7, 21, 35, returnToPlay, durationSplit))
            .build())
        .phase(Phase.builder("strengthen")
            .name("Strengthen")
            .goal("Rebuild strength until the hamstring has healed.")
            .interventions("gentle-stretch", "strengthen", "warm-up", "check-healed")
            .exitGate(ExitGate.after(ofDays(3), healed))
            .setback(SetbackRule.hold(SETBACK_PAIN, ofDays(2)))
            .duration(Severity.MILD, DurationEstimate.ofDays(3, 9, 15, returnToPlay, durationSplit))
            .duration(Severity.MODERATE, DurationEstimate.ofDays(5, 12, 18, returnToPlay, durationSplit))
            .duration(Severity.SEVERE, DurationEstimate.ofDays(17, 45, 88, returnToPlay, durationSplit))
            .build())
        .phase(Phase.builder("return-to-sport")
            .name("Return to sport")
            .goal("Go back to sport gradually, always warming up first.")
            .interventions("return-to-sport", "warm-up", "strengthen")
            .exitGate(ExitGate.afterTime(ofDays(7)))
            .setback(SetbackRule.backToPrevious(SETBACK_PAIN, ofDays(3)))
            .duration(Severity.MILD, DurationEstimate.ofDays(7, 7, 7, rtsLength))
            .duration(Severity.MODERATE, DurationEstimate.ofDays(7, 7, 14, rtsLength))
            .duration(Severity.SEVERE, DurationEstimate.ofDays(14, 14, 28, rtsLength))
            .build())
        .build();
  }
}
