package org.rehabplan;

import com.google.common.collect.Maps;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rehabplan.json.ProtocolJson;

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

  private static final Holder HOLDER = new Holder();

  private Protocols() {}

  /**
   * The hamstring-strain protocol, read from the resource {@code
   * org/rehabplan/hamstring-strain.json} (format {@link ProtocolJson}): protect, restore, strengthen, return to sport. Its instructions
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
   * Returns the built-in protocol with the given id.
   *
   * @param id a protocol id, e.g. {@code hamstring-strain}
   * @return the protocol, or empty if no built-in protocol has that id
   * @throws NullPointerException if {@code id} is null
   */
  public static Optional<Protocol> builtIn(String id) {
    return switch (java.util.Objects.requireNonNull(id, "id")) {
      case "hamstring-strain" -> Optional.of(hamstringStrain());
      default -> Optional.empty();
    };
  }

  /**
   * Returns the ids of the built-in protocols.
   *
   * @return the ids, e.g. {@code [hamstring-strain]}
   */
  public static List<String> builtInIds() {
    return List.of("hamstring-strain");
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

  /** The resource file the hamstring protocol is read from, on first use. */
  static final String HAMSTRING_RESOURCE = "/org/rehabplan/hamstring-strain.json";

  /** Lazily read, shared instances (protocols are immutable). */
  private static final class Holder {
    final Protocol hamstring = readResource(HAMSTRING_RESOURCE);
  }

  /**
   * Reads a built-in protocol from the jar. A missing or invalid resource is a bug of the build,
   * not the person's input, so it is an {@link IllegalStateException}.
   */
  private static Protocol readResource(String resource) {
    InputStream in = Protocols.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("built-in protocol resource missing: " + resource);
    }
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return ProtocolJson.read(reader);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalStateException("built-in protocol resource " + resource + ": "
          + e.getMessage(), e);
    }
  }
}
