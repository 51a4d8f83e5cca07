package org.rehabplan.ical;

/**
 * RFC 5545 section 3.1 line folding by octets: every physical line is at most {@value #LIMIT}
 * octets of UTF-8, not counting the CRLF; a long line is split with CRLF followed by one space
 * (which counts towards the limit of the continuation line), never inside a UTF-8 sequence.
 * iCal4j folds by characters, so a line of multi-byte text would exceed the limit.
 */
final class Folding {
  /** The most octets on one line, excluding the line break (RFC 5545 section 3.1). */
  static final int LIMIT = 75;

  private Folding() {}

  /**
   * Folds {@code unfolded}, a sequence of content lines each ending in CRLF, so that each
   * physical line has at most {@value #LIMIT} octets in UTF-8.
   */
  static String fold(String unfolded) {
    StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 16);
    int lineStart = 0;
    while (lineStart < unfolded.length()) {
      int lineEnd = unfolded.indexOf("\r\n", lineStart);
      if (lineEnd < 0) {
        throw new IllegalStateException("content line without CRLF at offset " + lineStart);
      }
      int octets = 0;
      for (int i = lineStart; i < lineEnd; ) {
        int cp = unfolded.codePointAt(i);
        int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        if (octets + n > LIMIT) {
          out.append("\r\n ");
          octets = 1;
        }
        out.appendCodePoint(cp);
        octets += n;
        i += Character.charCount(cp);
      }
      out.append("\r\n");
      lineStart = lineEnd + 2;
    }
    return out.toString();
  }
}
