package org.rehabplan.examples.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rehabplan.CheckIn;

/**
 * One check-in as written on the command line or in a check-ins file:
 * {@code 2027-03-30T09:00 pain=1/2 met=pain-relieved note=free text to the end}. The date-
 * time is local, in the plan's zone; {@code pain} is at rest / with activity (0–10, required);
 * {@code met} and {@code note} are optional. Immutable.
 *
 * @param at the local date-time
 * @param painAtRest pain at rest, 0–10
 * @param painWithActivity pain with activity, 0–10
 * @param met the criteria reported met
 * @param note the note, possibly empty
 */
record CheckInLine(
    LocalDateTime at, int painAtRest, int painWithActivity, Set<String> met, String note) {
  private static final Pattern PAIN = Pattern.compile("(\\d{1,2})/(\\d{1,2})");
  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  CheckInLine {
    met = Set.copyOf(met);
  }

  /**
   * Reads one check-in.
   *
   * @throws IllegalArgumentException with a message saying what is wrong (without the option)
   */
  static CheckInLine parse(String text) {
    String trimmed = text.strip();
    int noteAt = trimmed.indexOf("note=");
    String note = noteAt < 0 ? "" : trimmed.substring(noteAt + 5).strip();
    String head = noteAt < 0 ? trimmed : trimmed.substring(0, noteAt).strip();
    String[] tokens = head.isEmpty() ? new String[0] : head.split("\\s+");
    if (tokens.length == 0) {
      throw new IllegalArgumentException("empty check-in; write e.g. 2027-03-30T09:00 pain=1/2"
          + " met=pain-relieved");
    }
    LocalDateTime at;
    try {
      at = LocalDateTime.parse(tokens[0]);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("\"" + tokens[0]
          + "\" is not a local date-time like 2027-03-30T09:00");
    }
    Integer rest = null;
    Integer activity = null;
    Set<String> met = new LinkedHashSet<>();
    for (int i = 1; i < tokens.length; i++) {
      String t = tokens[i];
      if (t.startsWith("pain=")) {
        Matcher m = PAIN.matcher(t.substring(5));
        if (!m.matches()) {
          throw new IllegalArgumentException("\"" + t + "\": write pain as rest/activity, e.g."
              + " pain=2/4");
        }
        rest = Integer.parseInt(m.group(1));
        activity = Integer.parseInt(m.group(2));
        if (rest > 10 || activity > 10) {
          throw new IllegalArgumentException("\"" + t + "\": pain scores go from 0 to 10");
        }
      } else if (t.startsWith("met=")) {
        for (String c : t.substring(4).split(",", -1)) {
          if (!ID.matcher(c).matches()) {
            throw new IllegalArgumentException("\"" + c + "\" is not a criterion id like"
                + " pain-relieved");
          }
          met.add(c);
        }
      } else {
        throw new IllegalArgumentException("\"" + t + "\" is not understood; expected pain=R/A,"
            + " met=CRITERIA or note=TEXT");
      }
    }
    if (rest == null || activity == null) {
      throw new IllegalArgumentException("pain=REST/ACTIVITY is missing, e.g. pain=2/4");
    }
    if (!note.isEmpty()) {
      // The library's own rules for a note (length, no control characters such as a TAB), checked
      // here so that the message names the option or the file's line.
      CheckIn.of(Instant.EPOCH, rest, activity, Set.of()).withNote(note);
    }
    return new CheckInLine(at, rest, activity, met, note);
  }

  /**
   * The lines of the check-ins file {@code name}, relative to {@code workingDir}, read as UTF-8.
   *
   * @throws UsageException naming the file (and the line, for text that is not UTF-8) if it
   *     cannot be read
   */
  static List<String> readLines(Path workingDir, String name) throws UsageException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(workingDir.resolve(name));
    } catch (NoSuchFileException e) {
      throw UsageException.of("--check-ins", name, "no such file");
    } catch (AccessDeniedException e) {
      throw UsageException.of("--check-ins", name, "cannot be read (permission denied)");
    } catch (IOException | InvalidPathException | SecurityException e) {
      throw UsageException.of("--check-ins", name, Files.isDirectory(workingDir.resolve(name))
          ? "is a folder, not a file" : "cannot be read (" + Texts.oneLine(
              e.getClass().getSimpleName() + ": " + e.getMessage()) + ")");
    }
    List<String> lines = new ArrayList<>();
    int lineStart = 0;
    for (int i = 0; i <= bytes.length; i++) {
      if (i == bytes.length || bytes[i] == '\n') {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
          String line = utf8.decode(ByteBuffer.wrap(bytes, lineStart, i - lineStart)).toString();
          lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        } catch (CharacterCodingException e) {
          throw new UsageException("--check-ins " + Texts.quote(name) + " line "
              + (lines.size() + 1) + ": not UTF-8 text; save the file as UTF-8");
        }
        lineStart = i + 1;
      }
    }
    return lines;
  }

  /** Reads a check-ins file: one check-in per line; blank lines and {@code #} comments skipped. */
  static List<CheckInLine> parseFile(List<String> lines, String fileName) throws UsageException {
    List<CheckInLine> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int hash = line.indexOf('#');
      String content = (hash < 0 ? line : line.substring(0, hash)).strip();
      if (content.isEmpty()) {
        continue;
      }
      try {
        out.add(parse(content));
      } catch (IllegalArgumentException e) {
        throw new UsageException("--check-ins " + Texts.quote(fileName) + " line " + (i + 1)
            + ": " + e.getMessage());
      }
    }
    return out;
  }

  /** The check-in at this local time in {@code zone}. */
  CheckIn toCheckIn(ZoneId zone) {
    Instant instant = ZonedDateTime.of(at, zone).toInstant();
    CheckIn c = CheckIn.of(instant, painAtRest, painWithActivity, met);
    return note.isEmpty() ? c : c.withNote(note);
  }
}
