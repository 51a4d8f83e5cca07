package org.rehabplan.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import org.rehabplan.InterventionKind;
import org.rehabplan.Plan;
import org.rehabplan.Session;

/** The texts the baselines write per session: the same wording as the exporter's. */
final class SessionTexts {
  static final String PRODID = "-//rehabplan//rehabplan benchmarks baseline//EN";

  private SessionTexts() {}

  static String summary(Session s) {
    return s.intervention().title();
  }

  static String description(Session s) {
    return s.intervention().instructions() + "\n\nPhase: " + s.phase().name() + " — "
        + s.phase().goal() + "\nHow often: " + s.intervention().timing().describe();
  }

  static String kind(InterventionKind kind) {
    String k = kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(k.charAt(0)) + k.substring(1);
  }

  /** A UID unique per session and plan, without hashing (baselines keep it simple). */
  static String uid(Plan plan, Session s) {
    return s.id().replace('/', '-') + "-" + plan.request().injuredAt().toEpochSecond()
        + "@rehabplan";
  }

  static Instant stamp(Plan plan) {
    return plan.request().injuredAt().toInstant();
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
