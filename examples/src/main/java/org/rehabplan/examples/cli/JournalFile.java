package org.rehabplan.examples.cli;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The file that keeps a person's journal between runs, and the rules for changing it: a run takes
 * the journal's lock (a {@link FileLock} on the sidecar file {@code NAME.lock}) for the whole of
 * its read, change and write, so two runs at once cannot lose a check-in (the second waits a
 * bounded time, then fails with one clear line); the new content goes to a temporary file in the
 * same folder, is forced to the device ({@link FileChannel#force}) and moved over the journal
 * atomically; the previous version is kept as {@code NAME.bak}. A failure at any point leaves the
 * previous journal whole and readable. Immutable; {@link Locked} holds the lock.
 *
 * <p>What the bytes mean is the caller's business (the journal format, a {@code PlanRecord}, is
 * read and checked by the caller, which leaves the file untouched when it is not a journal).
 */
final class JournalFile {
  /** How long a run waits for another run's lock before giving up. */
  static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);

  private static final Duration POLL = Duration.ofMillis(20);

  private final String option;
  private final String argument;
  private final Path path;

  private JournalFile(String option, String argument, Path path) {
    this.option = option;
    this.argument = argument;
    this.path = path;
  }

  /**
   * The journal {@code argument} names, relative to {@code workingDir}; a symbolic link is
   * followed to its file.
   *
   * @param option the option that named the file, e.g. {@code --journal}, for messages
   * @param argument the file name as given
   * @param workingDir the folder a relative name is resolved against
   * @return the journal file
   * @throws UsageException naming the option and the file if it cannot be a journal file
   */
  static JournalFile of(String option, String argument, Path workingDir) throws UsageException {
    requireNonNull(option, "option");
    requireNonNull(argument, "argument");
    requireNonNull(workingDir, "workingDir");
    if (argument.isBlank()) {
      throw UsageException.of(option, argument, "the file name is empty");
    }
    Path path;
    try {
      path = workingDir.resolve(argument);
      if (Files.isSymbolicLink(path)) {
        path = path.toRealPath();
      }
    } catch (InvalidPathException e) {
      throw UsageException.of(option, argument, "not a valid file name (" + e.getReason() + ")");
    } catch (IOException e) {
      throw UsageException.of(option, argument, "is a symbolic link to a file that does not"
          + " exist or cannot be reached; give the file itself");
    }
    Path folder = path.toAbsolutePath().getParent();
    if (folder == null || path.getFileName() == null) {
      throw UsageException.of(option, argument, "not a file name");
    }
    if (Files.isDirectory(path)) {
      throw UsageException.of(option, argument, "is a folder, not a file");
    }
    if (!Files.isDirectory(folder)) {
      throw UsageException.of(option, argument, "folder " + folder + " does not exist");
    }
    return new JournalFile(option, argument, path);
  }

  /** The journal's path. */
  Path path() {
    return path;
  }

  /** Where the previous version is kept: the journal's name followed by {@code .bak}. */
  Path backup() {
    return path.resolveSibling(path.getFileName() + ".bak");
  }

  /** The sidecar file whose lock guards the journal: its name followed by {@code .lock}. */
  Path lockFile() {
    return path.resolveSibling(path.getFileName() + ".lock");
  }

  /**
   * Takes the journal's lock, waiting at most {@code wait} for another run to let it go.
   *
   * @param wait how long to wait; zero tries once
   * @return the session, to be closed (try-with-resources) to let the lock go
   * @throws UsageException naming the file if the lock is still held after {@code wait}, or the
   *     lock file cannot be made
   */
  Locked lock(Duration wait) throws UsageException {
    requireNonNull(wait, "wait");
    long deadline = System.nanoTime() + wait.toNanos();
    FileChannel channel;
    try {
      channel = FileChannel.open(lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException | SecurityException e) {
      throw UsageException.of(option, argument, "cannot make the lock file " + lockFile() + " ("
          + OutputFile.describe(e) + ")");
    }
    try {
      while (true) {
        FileLock lock = null;
        try {
          lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
          // Another run in this same process holds it: wait like for another process.
        }
        if (lock != null) {
          Locked session = new Locked(channel, lock);
          channel = null;
          return session;
        }
        if (System.nanoTime() - deadline >= 0) {
          throw UsageException.of(option, argument, "is in use by another rehabplan run (waited "
              + (wait.toMillis() < 1000 ? wait.toMillis() + " ms" : wait.toSeconds() + " s")
              + "); try again when it has finished");
        }
        Thread.sleep(POLL.toMillis());
      }
    } catch (IOException e) {
      throw UsageException.of(option, argument, "cannot lock the file ("
          + OutputFile.describe(e) + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw UsageException.of(option, argument, "interrupted while waiting for another run");
    } finally {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException ignored) {
          // The lock was not taken; nothing to let go.
        }
      }
    }
  }

  /** A run's hold on the journal: read it, replace it, and close to let the lock go. */
  final class Locked implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private Locked(FileChannel channel, FileLock lock) {
      this.channel = channel;
      this.lock = lock;
    }

    /**
     * The journal's bytes, or empty when there is no journal yet.
     *
     * @throws UsageException naming the file if it exists but cannot be read
     */
    Optional<byte[]> read() throws UsageException {
      try {
        return Optional.of(Files.readAllBytes(path));
      } catch (NoSuchFileException e) {
        return Optional.empty();
      } catch (IOException | SecurityException e) {
        throw UsageException.of(option, argument, "cannot be read (" + OutputFile.describe(e)
            + ")");
      }
    }

    /** Replaces the journal with {@code bytes}; see {@link #replace(byte[], OutputFile.BytesWriter)}. */
    void replace(byte[] bytes) throws UsageException {
      replace(bytes, OutputFile.FILES);
    }

    /**
     * Replaces the journal with {@code bytes}: the previous version is first copied to {@link
     * #backup()}; the new bytes are written by {@code writer} to a temporary file in the same
     * folder and moved over the journal atomically.
     *
     * @param bytes the new content
     * @param writer writes and forces the temporary file (tests simulate a failure with it)
     * @throws UsageException naming the file if writing fails; the journal is then unchanged and
     *     no temporary file is left
     */
    void replace(byte[] bytes, OutputFile.BytesWriter writer) throws UsageException {
      requireNonNull(bytes, "bytes");
      requireNonNull(writer, "writer");
      if (!lock.isValid()) {
        throw new IllegalStateException("the journal's lock was let go: " + path);
      }
      Path temp = null;
      try {
        if (Files.exists(path)) {
          temp = tempFile();
          Files.copy(path, temp, StandardCopyOption.REPLACE_EXISTING);
          try (FileChannel c = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            c.force(true);
          }
          move(temp, backup());
        }
        temp = tempFile();
        writer.write(temp, bytes);
        move(temp, path);
        temp = null;
      } catch (IOException | SecurityException e) {
        throw UsageException.of(option, argument, "could not write the journal ("
            + OutputFile.describe(e) + "); the previous version is unchanged");
      } finally {
        if (temp != null) {
          try {
            Files.deleteIfExists(temp);
          } catch (IOException | SecurityException ignored) {
            // The journal itself was not touched.
          }
        }
      }
    }

    /** Lets the lock go. */
    @Override
    public void close() throws UsageException {
      try {
        lock.release();
        channel.close();
      } catch (IOException e) {
        throw UsageException.of(option, argument, "could not let the lock go ("
            + OutputFile.describe(e) + ")");
      }
    }
  }

  private Path tempFile() throws IOException {
    Path folder = path.toAbsolutePath().getParent();
    for (int attempt = 0; ; attempt++) {
      Path temp = folder.resolve("." + path.getFileName() + "."
          + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + ".tmp");
      try {
        return Files.createFile(temp);
      } catch (FileAlreadyExistsException e) {
        if (attempt >= 100) {
          throw e;
        }
      }
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Override
  public String toString() {
    return option + " " + path;
  }
}
