package org.rehabplan;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which parts of a plan wait on criteria not yet reported: the awaited criteria of each phase
 * occurrence and session, and the referral advice a plan gives. Package-private; used by {@link
 * Plan}.
 */
final class Conditions {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT);

  private Conditions() {}

  /**
   * The occurrences with their awaited criteria: each awaits its own entry criteria and those of
   * every occurrence before it (a phase cannot begin before the ones before it did).
   */
  static ImmutableList<PlannedPhase> awaitedPhases(List<PlannedPhase> occurrences) {
    ImmutableList.Builder<PlannedPhase> out = ImmutableList.builder();
    Set<Criterion> awaited = new LinkedHashSet<>();
    for (PlannedPhase p : occurrences) {
      awaited.addAll(p.entryCriteria());
      out.add(p.awaiting(ImmutableSet.copyOf(awaited)));
    }
    return out.build();
  }

  /**
   * The sessions with the awaited criteria of their phase occurrence. Sessions that started before
   * {@code asOf} are history and keep what the previous version said.
   */
  static List<Session> awaitedSessions(
      List<PlannedPhase> occurrences, List<Session> sessions, @Nullable Instant asOf) {
    List<Session> out = new ArrayList<>(sessions.size());
    for (Session s : sessions) {
      if (asOf != null && s.start().isBefore(asOf)) {
        out.add(s);
        continue;
      }
      Optional<Integer> occurrence = occurrenceOf(occurrences, s);
      out.add(s.awaiting(occurrence.isPresent()
          ? occurrences.get(occurrence.get()).awaitedCriteria() : ImmutableSet.of()));
    }
    return out;
  }

  /**
   * Index of the occurrence a session belongs to: the one of its phase that contains its start,
   * else the last one of its phase that began before it (a repeated self-check).
   */
  static Optional<Integer> occurrenceOf(List<PlannedPhase> occurrences, Session session) {
    int began = -1;
    for (int i = 0; i < occurrences.size(); i++) {
      PlannedPhase p = occurrences.get(i);
      if (!p.id().equals(session.phase().id())) {
        continue;
      }
      if (p.projected().contains(session.start())) {
        return Optional.of(i);
      }
      if (!p.start().isAfter(session.start())) {
        began = i;
      }
    }
    return began < 0 ? Optional.empty() : Optional.of(began);
  }

  /** See {@link Plan#referralReasons()}: for this protocol, request and log. */
  static List<String> referralReasons(Protocol protocol, PlanRequest request, ProgressLog log) {
    Optional<Referral> rule = protocol.referral();
    if (rule.isEmpty()) {
      return List.of();
    }
    Referral referral = rule.get();
    List<String> out = new ArrayList<>();
    if (referral.alwaysAt().contains(request.severity())) {
      out.add("Severity " + request.severity().name().toLowerCase(Locale.ROOT) + ": "
          + referral.alwaysAdvice());
    }
    Instant injury = request.injuredAt().toInstant();
    for (CheckIn c : log.checkIns()) {
      if (referral.raisedBy(c, Duration.between(injury, c.at()))) {
        out.add(String.format(Locale.ROOT, "Check-in %s, pain %d/10 at rest and %d/10 with"
            + " activity: %s", WHEN.format(c.at().atZone(request.zone())), c.painAtRest(),
            c.painWithActivity(), referral.painAdvice()));
      }
    }
    return out;
  }
}
