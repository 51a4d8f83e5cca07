package org.rehabplan.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a person types it: version, shell completion, and the one-line refusals
 * (exit status 2) of values the old parser let through as internal errors.
 */
class RehabplanCliCommandLineTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2027-03-28T09:05:00Z"),
      ZoneOffset.UTC);

  @TempDir Path dir;

  private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

  private int run(String... args) {
    return RehabplanCli.run(args, new PrintStream(outBytes, true, StandardCharsets.UTF_8),
        new PrintStream(errBytes, true, StandardCharsets.UTF_8), CLOCK, BERLIN, dir);
  }

  private String out() {
    return outBytes.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return errBytes.toString(StandardCharsets.UTF_8);
  }

  /** Standard error is exactly one line, starting with {@code start}. */
  private void assertOneLine(String start) {
    String err = err();
    assertTrue(err.startsWith(start), err);
    assertEquals(1, err.chars().filter(c -> c == '\n').count(), err);
    assertTrue(err.endsWith("\n"), err);
    assertFalse(err.contains("internal error") || err.contains("Exception"), err);
  }

  private List<String> filesInDir() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void versionPrintsTheProjectVersion() throws IOException {
    assertEquals(0, run("--version"), err());
    assertTrue(out().matches("rehabplan \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n"), out());
    assertEquals("", err());
    assertEquals(List.of(), filesInDir());
  }

  @Test
  void generateCompletionPrintsABashScriptThatKnowsTheOptions() throws IOException {
    assertEquals(0, run("generate-completion"), err());
    assertTrue(out().startsWith("#!/usr/bin/env bash"), out());
    assertTrue(out().contains("complete -F"), out());
    assertTrue(out().contains("--injured-at") && out().contains("--check-ins"), out());
    assertEquals(List.of(), filesInDir());
  }

  @Test
  void generateCompletionHasItsOwnHelp() {
    assertEquals(0, run("generate-completion", "--help"), err());
    assertTrue(out().startsWith("Usage: rehabplan generate-completion"), out());
  }

  @Test
  void helpMentionsVersionAndCompletion() {
    assertEquals(0, run("--help"), err());
    assertTrue(out().contains("  -V, --version"), out());
    assertTrue(out().contains("generate-completion"), out());
  }

  @Test
  void aTabInACheckInNoteNamesTheOption() throws IOException {
    assertEquals(2, run("--injured-at", "2027-03-27T18:30",
        "--check-in", "2027-03-28T09:00 pain=2/4 note=after\twork"));
    assertOneLine("rehabplan: --check-in '2027-03-28T09:00 pain=2/4 note=after\\twork': ");
    assertEquals(List.of(), filesInDir());
  }

  @Test
  void aTabInACheckInsFileNoteNamesTheFileAndLine() throws IOException {
    Files.writeString(dir.resolve("log.txt"),
        "# my check-ins\n2027-03-28T09:00 pain=2/4 note=after\twork\n");
    assertEquals(2, run("--injured-at", "2027-03-27T18:30", "--check-ins", "log.txt"));
    assertOneLine("rehabplan: --check-ins 'log.txt' line 2: ");
    assertEquals(List.of("log.txt"), filesInDir());
  }

  @Test
  void anInjuryAtTheEndOfTimeIsRefusedWithStatus2() {
    assertEquals(2, run("--injured-at", "+999999999-12-31T00:00", "--zone", "UTC"));
    assertOneLine("rehabplan: --injured-at '+999999999-12-31T00:00': the year must be from ");
  }

  @Test
  void aMissingCheckInsFileIsNamed() {
    assertEquals(2, run("--injured-at", "2027-03-27T18:30", "--check-ins", "nosuchfile.txt"));
    assertEquals("rehabplan: --check-ins 'nosuchfile.txt': no such file\n", err());
  }

  @Test
  void aCheckInsFileNotInUtf8NamesTheLine() throws IOException {
    byte[] latin1 = "2027-03-28T09:00 pain=2/4\n2027-03-28T10:00 pain=2/4 note=M\u00fcde\n"
        .getBytes(StandardCharsets.ISO_8859_1);
    Files.write(dir.resolve("log.txt"), latin1);
    assertEquals(2, run("--injured-at", "2027-03-27T18:30", "--check-ins", "log.txt"));
    assertEquals("rehabplan: --check-ins 'log.txt' line 2: not UTF-8 text; save the file as"
        + " UTF-8\n", err());
  }

  @Test
  void aCheckInAfterNowWithoutNowDoesNotMentionTheOption() {
    assertEquals(2, run("--injured-at", "2027-03-27T18:30",
        "--check-in", "2027-03-29T09:00 pain=1/1"));
    assertOneLine("rehabplan: --check-in: the check-in at 2027-03-29 09:00 is after now");
    assertFalse(err().contains("--now"), err());
  }

  @Test
  void aSymlinkedCalendarIsWrittenThroughTheLink() throws IOException {
    Path real = Files.writeString(dir.resolve("real.ics"), "old");
    Path link = Files.createSymbolicLink(dir.resolve("plan.ics"), real.getFileName());
    assertEquals(0, run("--injured-at", "2027-03-27T18:30", "--ics", "plan.ics"), err());
    assertTrue(Files.isSymbolicLink(link));
    assertTrue(Files.readString(real).startsWith("BEGIN:VCALENDAR\r\n"));
    assertEquals(List.of("plan.ics", "real.ics"), filesInDir());
  }

  @Test
  void aDanglingSymlinkIsRefusedAndLeftAlone() throws IOException {
    Path link = Files.createSymbolicLink(dir.resolve("plan.ics"), Path.of("gone/real.ics"));
    assertEquals(2, run("--injured-at", "2027-03-27T18:30", "--ics", "plan.ics"));
    assertOneLine("rehabplan: --ics 'plan.ics': is a symbolic link to a file that does not exist");
    assertTrue(Files.isSymbolicLink(link));
    assertEquals(Path.of("gone/real.ics"), Files.readSymbolicLink(link));
  }

  @Test
  void aFullDiskWhileWritingTheSecondOutputChangesNoFile() throws IOException, UsageException {
    // Both outputs of one run exist from an earlier run.
    Files.writeString(dir.resolve("plan.ics"), "old calendar");
    Files.writeString(dir.resolve("s.csv"), "old csv");
    OutputFile ics = OutputFile.checked("--ics", "plan.ics", dir);
    OutputFile csv = OutputFile.checked("--sessions-csv", "s.csv", dir);
    Map<OutputFile, byte[]> files = new LinkedHashMap<>();
    files.put(ics, "new calendar".getBytes(StandardCharsets.UTF_8));
    files.put(csv, "new csv".getBytes(StandardCharsets.UTF_8));
    OutputFile.BytesWriter fullDisk = (temp, bytes) -> {
      if (temp.getFileName().toString().startsWith(".s.csv.")) {
        Files.write(temp, new byte[] {bytes[0]});
        throw new IOException("No space left on device");
      }
      OutputFile.FILES.write(temp, bytes);
    };
    UsageException e = assertThrows(UsageException.class,
        () -> OutputFile.writeAll(files, fullDisk));
    assertEquals("--sessions-csv 's.csv': could not write the file (io: No space left on device);"
        + " no file was changed", e.getMessage());
    assertEquals("old calendar", Files.readString(dir.resolve("plan.ics")));
    assertEquals("old csv", Files.readString(dir.resolve("s.csv")));
    assertEquals(List.of("plan.ics", "s.csv"), filesInDir());

    OutputFile.writeAll(files, OutputFile.FILES);
    assertArrayEquals("new calendar".getBytes(StandardCharsets.UTF_8),
        Files.readAllBytes(dir.resolve("plan.ics")));
    assertEquals("new csv", Files.readString(dir.resolve("s.csv")));
    assertEquals(List.of("plan.ics", "s.csv"), filesInDir());
  }
}
