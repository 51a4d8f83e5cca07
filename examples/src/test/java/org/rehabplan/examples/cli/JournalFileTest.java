package org.rehabplan.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal file's guarantees: atomic replace with a backup, a lock, no loss on failure. */
class JournalFileTest {
  @TempDir Path dir;

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private List<String> filesInDir() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private String read(String name) throws IOException {
    return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
  }

  @Test
  void theFirstWriteMakesTheJournalAndLaterOnesKeepThePreviousAsBackup()
      throws UsageException, IOException {
    JournalFile journal = JournalFile.of("--journal", "me.json", dir);
    try (JournalFile.Locked j = journal.lock(Duration.ZERO)) {
      assertEquals(Optional.empty(), j.read());
      j.replace(utf8("one"));
    }
    assertEquals(List.of("me.json", "me.json.lock"), filesInDir());
    try (JournalFile.Locked j = journal.lock(Duration.ZERO)) {
      assertEquals("one", new String(j.read().orElseThrow(), StandardCharsets.UTF_8));
      j.replace(utf8("two"));
    }
    assertEquals("two", read("me.json"));
    assertEquals("one", read("me.json.bak"));
    assertEquals(List.of("me.json", "me.json.bak", "me.json.lock"), filesInDir());
  }

  @Test
  void aRunKilledWhileWritingLeavesThePreviousJournalReadable()
      throws UsageException, IOException {
    JournalFile journal = JournalFile.of("--journal", "me.json", dir);
    try (JournalFile.Locked j = journal.lock(Duration.ZERO)) {
      j.replace(utf8("the previous journal"));
    }
    try (JournalFile.Locked j = journal.lock(Duration.ZERO)) {
      UsageException e = assertThrows(UsageException.class, () -> j.replace(utf8("the new one"),
          (temp, bytes) -> {
            Files.write(temp, new byte[] {bytes[0], bytes[1]}); // half written, then the crash
            throw new IOException("Input/output error");
          }));
      assertEquals("--journal 'me.json': could not write the journal (io: Input/output error);"
          + " the previous version is unchanged", e.getMessage());
    }
    assertEquals("the previous journal", read("me.json"));
    assertEquals(List.of("me.json", "me.json.bak", "me.json.lock"), filesInDir());
  }

  @Test
  void aSecondRunThatCannotWaitFailsClearly() throws UsageException {
    JournalFile journal = JournalFile.of("--journal", "me.json", dir);
    try (JournalFile.Locked held = journal.lock(Duration.ZERO)) {
      UsageException e = assertThrows(UsageException.class,
          () -> JournalFile.of("--journal", "me.json", dir).lock(Duration.ofMillis(100)));
      assertEquals("--journal 'me.json': is in use by another rehabplan run (waited 100 ms); try"
          + " again when it has finished", e.getMessage());
      assertEquals(Optional.empty(), held.read()); // the run that holds the lock still reads
    }
    try (JournalFile.Locked again = journal.lock(Duration.ZERO)) {
      assertEquals(Optional.empty(), again.read()); // let go: the next run gets it at once
    }
  }

  @Test
  void twoCheckInsStartedAtTheSameMomentAreBothKept() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (String checkIn : List.of("2027-03-30T09:00 pain=2/4", "2027-03-30T09:01 pain=1/3")) {
        runs.add(pool.submit(() -> {
          start.await();
          JournalFile journal = JournalFile.of("--journal", "me.json", dir);
          try (JournalFile.Locked j = journal.lock(Duration.ofSeconds(30))) {
            String before = j.read().map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
            Thread.sleep(50); // a slow run: the other one must wait, not read the same old text
            j.replace(utf8(before + checkIn + "\n"));
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> run : runs) {
        run.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    String journal = read("me.json");
    assertTrue(journal.contains("2027-03-30T09:00 pain=2/4\n"), journal);
    assertTrue(journal.contains("2027-03-30T09:01 pain=1/3\n"), journal);
    assertEquals(2, journal.lines().count(), journal);
  }

  @Test
  void aSymlinkedJournalIsWrittenThroughTheLink() throws UsageException, IOException {
    Files.createDirectory(dir.resolve("sync"));
    Path real = Files.writeString(dir.resolve("sync/me.json"), "old");
    Path link = Files.createSymbolicLink(dir.resolve("me.json"), Path.of("sync/me.json"));
    try (JournalFile.Locked j = JournalFile.of("--journal", "me.json", dir)
        .lock(Duration.ZERO)) {
      j.replace(utf8("new"));
    }
    assertTrue(Files.isSymbolicLink(link));
    assertEquals("new", Files.readString(real));
    assertEquals("old", Files.readString(dir.resolve("sync/me.json.bak")));
  }

  @Test
  void badJournalNamesAreRefusedNamingTheOption() throws IOException {
    Files.createDirectory(dir.resolve("folder"));
    Files.createSymbolicLink(dir.resolve("dangling.json"), Path.of("gone/me.json"));
    assertEquals("--journal 'folder': is a folder, not a file", assertThrows(
        UsageException.class, () -> JournalFile.of("--journal", "folder", dir)).getMessage());
    assertEquals("--journal ' ': the file name is empty", assertThrows(
        UsageException.class, () -> JournalFile.of("--journal", " ", dir)).getMessage());
    assertTrue(assertThrows(UsageException.class,
        () -> JournalFile.of("--journal", "missing/me.json", dir)).getMessage()
        .startsWith("--journal 'missing/me.json': folder "));
    assertTrue(assertThrows(UsageException.class,
        () -> JournalFile.of("--journal", "dangling.json", dir)).getMessage()
        .startsWith("--journal 'dangling.json': is a symbolic link to a file that does not exist"));
    assertFalse(Files.exists(dir.resolve("folder/.lock")));
  }
}
