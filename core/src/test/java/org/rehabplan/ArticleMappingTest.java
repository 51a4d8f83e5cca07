package org.rehabplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The hamstring protocol's provenance, statement by statement: every sentence a patient reads (
 * titles, instructions, goals, questions, the projection note and the referral advice) is listed
 * here with where it comes from. A sentence that is not listed fails the test, and so does a
 * listed source the protocol does not carry:
 *
 * <ul>
 *   <li>{@code article("…")}: the phrase is in the source article (compared lower-case, letters
 *       and digits only), and the element cites the article;
 *   <li>{@code cited(SOURCE)}: the element (or its protocol or referral) cites that source;
 *   <li>{@code choice("…")}: the element carries a {@link Provenance.Kind#CHOICE} whose detail
 *       mentions the words, so the choice is marked where the sentence lives.
 * </ul>
 */
class ArticleMappingTest {
  private static final Protocol PROTOCOL = Protocols.hamstringStrain();
  private static final String ARTICLE = Protocols.HAMSTRING_ARTICLE;
  private static final String NIDIRECT = Protocols.NIDIRECT;
  private static final String SWISS = Protocols.SWISS_MEDICAL;
  private static final String EKSTRAND = Protocols.EKSTRAND_2012;

  /** A source of one sentence. */
  private record Source(String kind, String value) {}

  private static Source article(String phrase) {
    return new Source("article", phrase);
  }

  private static Source cited(String citation) {
    return new Source("cited", citation);
  }

  private static Source choice(String words) {
    return new Source("choice", words);
  }

  /** element key → sentence → sources. */
  private static final Map<String, Map<String, List<Source>>> TABLE = new LinkedHashMap<>();

  private static void row(String element, String sentence, Source... sources) {
    TABLE.computeIfAbsent(element, k -> new LinkedHashMap<>()).put(sentence, List.of(sources));
  }

  static {
    // ------------------------------------------------------------ protocol
    row("protocol", "Hamstring strain", article("hamstring injury"));
    row("protocol", "Strain or tear of the hamstring muscles at the back of the thigh, often from"
            + " running or exercise; sudden pain at the back of the thigh, sometimes a felt pop,"
            + " warmth or bruising.",
        article("sometimes causing the muscle to tear"),
        article("often occur during running or exercising"),
        article("occasionally a pop is felt"), article("elevated skin temperature or ecchymosis"));
    row("protocol", "Typical dates use the average time back to sport of professional"
            + " footballers with an injury of your grade; earliest and latest are that average"
            + " minus and plus one standard deviation, so about one person in three falls outside"
            + " them.",
        cited(EKSTRAND), choice("Matching rehabplan's severities to grades"));
    row("protocol", "Healing also depends on your age and health, which this plan does not"
            + " model, and phases that wait on your check-ins start only when you report them.",
        article("the healing period depends on the patient s age health and the extent"));
    row("protocol", "Has the pain in the back of your thigh eased off, so everyday movement no"
            + " longer hurts?", article("after the pain is relieved"), choice("Criterion questions"));
    row("protocol", "Has the hamstring healed: full, pain-free movement and strength, as your"
            + " clinician would confirm?",
        article("the hamstrings must be healed"), choice("as your clinician would confirm"));
    for (String name : List.of("Protect", "Restore", "Strengthen", "Return to sport")) {
      row("protocol", name, choice("Phase names and goals"));
    }
    row("protocol", "Calm the injury down: cold, support, elevation and no painful activity.",
        article("ice the injured area"), article("elevate the affected limb"),
        article("wrap the thigh muscle"), article("abstain from activities or exercises that cause"
            + " pain"), choice("Phase names and goals"));
    row("protocol", "With the pain relieved, get movement back with gentle stretching and"
        + " exercise.", article("after the pain is relieved gentle stretching and exercise"));
    row("protocol", "Rebuild strength until the hamstring has healed.",
        article("help strengthen the muscles"), article("the hamstrings must be healed"));
    row("protocol", "Go back to sport gradually, always warming up first.",
        article("must be healed before performing sports"),
        article("warming up your muscles before exercising"), choice("Phase names and goals"));

    // ------------------------------------------------------------ severity signs (new items)
    row("severity", Protocols.hamstringSeveritySigns().get(Severity.MILD), cited(NIDIRECT),
        choice("Matching rehabplan's severities to grades"));
    row("severity", Protocols.hamstringSeveritySigns().get(Severity.MODERATE), cited(NIDIRECT),
        choice("Matching rehabplan's severities to grades"));
    row("severity", Protocols.hamstringSeveritySigns().get(Severity.SEVERE), cited(NIDIRECT),
        choice("Matching rehabplan's severities to grades"));

    // ------------------------------------------------------------ referral (new items)
    row("referral", "a severe injury is a reason to get seen by a GP or another clinician"
        + " promptly, not to treat it on your own.", cited(NIDIRECT));
    row("referral", "pain this high in the first week is a reason to get seen by a GP or another"
            + " clinician promptly, especially if it is getting worse.",
        cited(NIDIRECT), choice("High pain early"));
    row("see-clinician", "When to get seen by a clinician", cited(NIDIRECT));
    row("see-clinician", "Get seen by a GP or another clinician promptly if you think the injury"
        + " is severe, if it is not healing, or if your symptoms are getting worse.",
        cited(NIDIRECT));
    row("see-clinician", "Get seen as well if you cannot put weight on the injured leg, or cannot"
        + " walk more than four steps without a lot of pain.", cited(SWISS));
    row("see-clinician", "A clinician can usually recognise a hamstring injury from your symptoms"
            + " and an examination; depending on your symptoms they may order an ultrasound or an"
            + " MRI scan.",
        article("by knowing the symptoms and doing a physical examination"),
        article("ultrasound or mri scans based on symptoms"));
    row("see-clinician", "Healing time depends on your age, your health and how bad the injury is,"
            + " so your recovery may be quicker or slower than this plan's dates.",
        article("the healing period depends on the patient s age health and the extent"),
        choice("quicker or slower"));

    // ------------------------------------------------------------ interventions
    row("ice", "Ice the back of the thigh", article("ice the injured area"));
    row("ice", "Put a cold pack on the painful area for 15 minutes, then take it off.",
        article("place a cold pack on the area for 15 minutes at a time"));
    row("ice", "Keep a thin towel between the pack and your skin, never bare ice on skin.",
        article("thin towel between the cold object and the skin"), choice("never bare ice"));
    row("ice", "Repeat about every 1 to 2 hours.", article("once every 1 2 hours"));
    row("ice", "Keep this up for at least the first 6 hours after the injury; icing can still help"
            + " for up to 2 days.",
        article("at least 6 hours after the injury"),
        article("up to 2 days after the injury can still help"));
    row("elevate", "Raise the leg when resting", article("elevate the affected limb"));
    row("elevate", "Whenever you sit or lie down to rest, prop the injured leg up on a pillow or a"
        + " chair.", article("with a pillow or chair while resting"));
    row("elevate", "This only helps during the first few days.",
        article("only useful for the first few days"));
    row("wrap", "Support the thigh with a wrap", article("to help support the muscle"));
    row("wrap", "Wrap the thigh with an elastic bandage, another kind of wrap, or a cloth sleeve to"
            + " support the muscle.",
        article("wrap the thigh muscle with an elastic bandage"),
        article("cloth sheath to help support the muscle"));
    row("wrap", "It should feel snug, not tight.", choice("snug, not tight"));
    row("avoid-pain", "Avoid activities that hurt",
        article("abstain from activities or exercises that cause pain"));
    row("avoid-pain", "Hold off on any activity or exercise that causes pain in the thigh until"
            + " your symptoms improve.",
        article("abstain from activities or exercises that cause pain until symptoms improve"));
    row("avoid-pain", "Activities and exercise that do not hurt and do not make the injury worse"
            + " are fine to keep doing.",
        article("continue other exercises and activities that do not cause pain or worsen"));
    row("pain-relief", "Pain relief if you need it", article("use pain medication"));
    row("pain-relief", "For a strain that is not severe, over-the-counter pain relievers such as"
            + " acetaminophen (Tylenol) or ibuprofen (Advil, Motrin) can help; follow the package"
            + " label.",
        article("if the hamstring injury is not severe over the counter medications such as"
            + " acetaminophen"), choice("package label"));
    row("pain-relief", "For severe pain or a severe injury, a doctor may prescribe a stronger"
            + " medicine.",
        article("may prescribe strong pain medication for severe pain or severe hamstring injury"));
    row("check-pain", "Self-check: is the pain relieved?", article("after the pain is relieved"),
        choice("self-check"));
    row("check-pain", "Take a moment to notice the injured thigh.", choice("self-check"));
    row("check-pain", "Is the pain relieved?", article("after the pain is relieved"));
    row("check-pain", "Once it is, report it in a check-in and you can start gentle stretching"
            + " and exercise.",
        article("after the pain is relieved gentle stretching and exercise"), choice("check-in"));
    row("check-pain", "If not, keep protecting the thigh and check again tomorrow.",
        choice("repeated every day"));
    row("gentle-stretch", "Gentle hamstring stretch", article("gentle stretching"));
    row("gentle-stretch", "Stretch the back of the thigh slowly and gently, only as far as a mild"
        + " pull.", article("gentle stretching"), choice("mild pull"));
    row("gentle-stretch", "It should not hurt; back off if it does.",
        article("abstain from activities or exercises that cause pain"));
    row("gentle-stretch", "If pain with activity reaches 3 out of 10 or more, stop and report it in"
        + " a check-in: the plan then takes you a step back.", choice("3 out of 10"));
    row("gentle-stretch", "Regular gentle stretching keeps the muscle from getting stiff.",
        article("prevent them from becoming too stiff"));
    row("gentle-exercise", "Gentle hamstring exercise",
        article("gentle stretching and exercise of the hamstrings"));
    row("gentle-exercise", "Do light, easy exercise for the hamstrings to start rebuilding"
        + " strength.", article("exercise of the hamstrings can help strengthen the muscles"));
    row("gentle-exercise", "Keep it pain-free; stop and rest if the thigh starts to hurt.",
        article("abstain from activities or exercises that cause pain"));
    row("gentle-exercise", "If pain with activity reaches 3 out of 10 or more, report it in a"
        + " check-in: the plan then takes you a step back.", choice("3 out of 10"));
    row("strengthen", "Hamstring strengthening", article("help strengthen the muscles"));
    row("strengthen", "Build the hamstrings back up with strengthening exercise.",
        article("help strengthen the muscles"));
    row("strengthen", "Stop if it hurts.",
        article("abstain from activities or exercises that cause pain"));
    row("strengthen", "If pain with activity reaches 3 out of 10 or more, report it in a"
            + " check-in: the plan then keeps you in this phase longer or takes you a step back.",
        choice("3 out of 10"));
    row("check-healed", "Self-check: is the hamstring healed?",
        article("the hamstrings must be healed"), choice("self-check"));
    row("check-healed", "Ask yourself whether the hamstring has healed: can you move and load it"
            + " fully without pain?",
        article("the hamstrings must be healed"), choice("without pain"));
    row("check-healed", "Do not go back to sport until it has; if you are not sure, ask a"
            + " clinician.",
        article("must be healed before performing sports"), choice("ask a clinician"));
    row("return-to-sport", "Return to sport, step by step",
        article("must be healed before performing sports"), choice("step by step"));
    row("return-to-sport", "Now that the hamstring has healed, go back to your sport or other"
            + " demanding activity step by step, starting easier and shorter than before.",
        article("must be healed before performing sports or other activities"),
        choice("starting easier and shorter"));
    row("return-to-sport", "If pain with activity reaches 3 out of 10 or more, stop and report it"
        + " in a check-in: the plan then takes you a step back.", choice("3 out of 10"));
    row("warm-up", "Warm up first", article("warming up your muscles"));
    row("warm-up", "Warm your muscles up before exercising: walk or do some other light activity"
            + " for about 10 minutes.",
        article("warming up your muscles before exercising such as walking or doing other light"
            + " activities"), choice("10 minutes"));
  }

  /** Every text a patient reads, by element key. */
  private static Map<String, List<String>> patientTexts() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    List<String> protocol = new ArrayList<>();
    protocol.add(PROTOCOL.title());
    protocol.add(PROTOCOL.condition());
    protocol.add(PROTOCOL.projectionNote().orElseThrow());
    PROTOCOL.criteria().forEach(c -> protocol.add(c.question()));
    for (Phase p : PROTOCOL.phases()) {
      protocol.add(p.name());
      protocol.add(p.goal());
    }
    out.put("protocol", protocol);
    out.put("severity", List.copyOf(Protocols.hamstringSeveritySigns().values()));
    Referral referral = PROTOCOL.referral().orElseThrow();
    out.put("referral", List.of(referral.alwaysAdvice(), referral.painAdvice()));
    for (Intervention i : PROTOCOL.interventions()) {
      out.put(i.id(), List.of(i.title(), i.instructions()));
    }
    return out;
  }

  private static List<Provenance> provenanceOf(String element) {
    List<Provenance> out = new ArrayList<>(PROTOCOL.provenance());
    if (element.equals("severity")) {
      return out;
    } else if (element.equals("referral")) {
      out.addAll(PROTOCOL.referral().orElseThrow().provenance());
    } else if (!element.equals("protocol")) {
      out = new ArrayList<>(PROTOCOL.intervention(element).orElseThrow().provenance());
    }
    return out;
  }

  static List<String> sentences(String text) {
    List<String> out = new ArrayList<>();
    for (String s : text.split("(?<=[.?!])\\s+")) {
      if (!s.isBlank()) {
        out.add(s.strip());
      }
    }
    return out;
  }

  @Test
  void everySentenceAPatientReadsIsMappedToTheArticleACitationOrAMarkedChoice()
      throws IOException {
    String article = articleText();
    Set<String> unmapped = new TreeSet<>();
    Set<String> used = new TreeSet<>();
    for (Map.Entry<String, List<String>> e : patientTexts().entrySet()) {
      String element = e.getKey();
      Map<String, List<Source>> rows = TABLE.getOrDefault(element, Map.of());
      List<Provenance> provenance = provenanceOf(element);
      for (String text : e.getValue()) {
        for (String sentence : sentences(text)) {
          List<Source> sources = rows.get(sentence);
          if (sources == null) {
            unmapped.add(element + ": " + sentence);
            continue;
          }
          used.add(element + ": " + sentence);
          assertFalse(sources.isEmpty(), sentence);
          for (Source source : sources) {
            check(element, sentence, source, provenance, article);
          }
        }
      }
    }
    if (!unmapped.isEmpty()) {
      fail("sentences with no source and no marked choice:\n  " + String.join("\n  ", unmapped));
    }
    Set<String> stale = new TreeSet<>();
    TABLE.forEach((element, rows) -> rows.keySet().forEach(s -> {
      if (!used.contains(element + ": " + s)) {
        stale.add(element + ": " + s);
      }
    }));
    assertEquals(Set.of(), stale, "rows for sentences the protocol no longer has");
  }

  private static void check(
      String element, String sentence, Source source, List<Provenance> provenance,
      String article) {
    switch (source.kind()) {
      case "article" -> {
        assertTrue(article.contains(normalise(source.value())),
            () -> element + ": \"" + source.value() + "\" is not in the article");
        assertTrue(provenance.stream().anyMatch(p -> !p.isChoice()
                && p.citation().equals(ARTICLE)) || element.equals("protocol"),
            () -> element + " does not cite the article");
      }
      case "cited" -> assertTrue(provenance.stream().anyMatch(p -> !p.isChoice()
              && p.citation().equals(source.value())),
          () -> element + ": \"" + sentence + "\" is mapped to " + source.value()
              + ", which the element does not cite");
      case "choice" -> assertTrue(provenance.stream().anyMatch(p -> p.isChoice()
              && p.detail().toLowerCase(Locale.ROOT)
                  .contains(source.value().toLowerCase(Locale.ROOT))),
          () -> element + ": \"" + sentence + "\" is mapped to a choice about \""
              + source.value() + "\", but no choice of the element says so");
      default -> throw new AssertionError(source);
    }
  }

  @Test
  void theProtocolCitesTheArticleAndTheReferralSources() {
    List<String> citations = PROTOCOL.provenance().stream().map(Provenance::citation).toList();
    assertTrue(citations.contains(ARTICLE));
    assertTrue(citations.contains(NIDIRECT));
    assertTrue(citations.contains(SWISS));
    assertTrue(citations.contains(EKSTRAND));
    assertTrue(PROTOCOL.provenance().stream().anyMatch(p -> p.isChoice()
        && p.detail().contains("Matching rehabplan's severities to grades is a rehabplan choice")),
        "the severity mapping is marked as a choice");
  }

  @Test
  void anUnmarkedSentenceFailsTheMapping() {
    // The check above must be able to fail: an added sentence with no row is unmapped.
    Intervention wrap = PROTOCOL.intervention("wrap").orElseThrow();
    String added = wrap.instructions() + " Wear it day and night.";
    List<String> missing = sentences(added).stream()
        .filter(s -> !TABLE.get("wrap").containsKey(s)).toList();
    assertEquals(List.of("Wear it day and night."), missing);
  }

  private static String articleText() throws IOException {
    try (InputStream in = ArticleMappingTest.class.getResourceAsStream(
        "hamstring-injury-article.txt")) {
      return normalise(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static String normalise(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
  }
}
