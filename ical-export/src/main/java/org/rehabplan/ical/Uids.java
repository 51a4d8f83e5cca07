package org.rehabplan.ical;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;
import org.rehabplan.Plan;

/**
 * The UIDs of one export: the first 16 bytes of SHA-256 over the plan's identity (protocol id,
 * injury instant, zone, severity, waking hours; not its version, moment of re-planning or
 * check-ins) and an event's key, in hex, then {@value #SUFFIX}. They hold no personal data and
 * stay the same for every version of a plan. Not thread-safe; one per export.
 */
final class Uids {
  /** What follows the hash in every UID. */
  static final String SUFFIX = "@rehabplan";

  /** The form of every UID this exporter writes, also the only form an update reads back. */
  static final Pattern FORM = Pattern.compile("[0-9a-f]{32}" + Pattern.quote(SUFFIX));

  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final MessageDigest SHA_256 = sha256();

  private final byte[] identity;
  private final MessageDigest digest;
  private final char[] uid = new char[32 + SUFFIX.length()];

  Uids(Plan plan) {
    this.identity = (plan.protocol().id() + '\u0000' + plan.request().injuredAt().toInstant()
        + '\u0000' + plan.zone().getId() + '\u0000' + plan.request().severity() + '\u0000'
        + plan.request().wakingHours().wake() + '\u0000' + plan.request().wakingHours().sleep()
        + '\u0000').getBytes(StandardCharsets.UTF_8);
    this.digest = copy(SHA_256);
    SUFFIX.getChars(0, SUFFIX.length(), uid, 32);
  }

  /** The UID of the event with {@code key}. */
  String of(String key) {
    digest.reset();
    digest.update(identity);
    digest.update(key.getBytes(StandardCharsets.UTF_8));
    byte[] hash = digest.digest();
    for (int i = 0; i < 16; i++) {
      uid[2 * i] = HEX[hash[i] >> 4 & 0xF];
      uid[2 * i + 1] = HEX[hash[i] & 0xF];
    }
    return new String(uid);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  /** A fresh digest like {@code prototype}: a clone where supported (cheaper than a lookup). */
  private static MessageDigest copy(MessageDigest prototype) {
    try {
      return (MessageDigest) prototype.clone();
    } catch (CloneNotSupportedException e) {
      return sha256();
    }
  }
}
