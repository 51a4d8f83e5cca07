package org.rehabplan.ical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Checks of RFC 5545 section 3.1 on raw bytes: CRLF line ends and folding by octets. */
final class Rfc5545 {
  private Rfc5545() {}

  /**
   * Asserts: every line ends in CRLF and there is no other CR or LF; every physical line has at
   * most 75 octets; every line is valid UTF-8 on its own (so no fold splits a UTF-8 sequence).
   * Returns the physical lines.
   */
  static List<String> assertWellFormed(byte[] bytes) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\r') {
        assertTrue(i + 1 < bytes.length && bytes[i + 1] == '\n', "bare CR at octet " + i);
        int octets = i - start;
        if (octets > 75) {
          fail("line of " + octets + " octets: "
              + new String(bytes, start, octets, StandardCharsets.UTF_8));
        }
        lines.add(decodeStrictly(bytes, start, octets));
        start = i + 2;
        i++;
      } else if (bytes[i] == '\n') {
        fail("bare LF at octet " + i);
      }
    }
    assertEquals(bytes.length, start, "the file must end with CRLF");
    return lines;
  }

  private static String decodeStrictly(byte[] bytes, int offset, int length) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, offset, length)).toString();
    } catch (CharacterCodingException e) {
      throw new AssertionError("a line is not valid UTF-8 on its own (a fold split a character)"
          + " at octet " + offset, e);
    }
  }

  /** Unfolds physical lines into content lines (RFC 5545 3.1: CRLF followed by one space). */
  static List<String> unfold(List<String> physical) {
    List<String> out = new ArrayList<>();
    for (String line : physical) {
      if (line.startsWith(" ")) {
        out.set(out.size() - 1, out.get(out.size() - 1) + line.substring(1));
      } else {
        out.add(line);
      }
    }
    return out;
  }
}
