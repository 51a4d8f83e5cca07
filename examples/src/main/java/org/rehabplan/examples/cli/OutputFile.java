package org.rehabplan.examples.cli;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A file the planner writes, written atomically: the bytes go to a temporary file in the same
 * folder, which is then moved over the target, so the target holds either its old content or the
 * complete new one, never a part. A symbolic link is written through: the file it points to gets
 * the new content and the link stays. Immutable.
 */
final class OutputFile {
  private final String option;
  private final String argument;
  private final Path path;

  private OutputFile(String option, String argument, Path path) {
    this.option = option;
    this.argument = argument;
    this.path = path;
  }

  /**
   * The file {@code argument} names, relative to {@code workingDir}, checked to be writable: its
   * folder exists and accepts a new file, and the file, if it exists, is a regular file.
   *
   * @throws UsageException naming {@code option} and {@code argument} if it cannot be written
   */
  static OutputFile checked(String option, String argument, Path workingDir)
      throws UsageException {
    requireNonNull(option, "option");
    requireNonNull(argument, "argument");
    requireNonNull(workingDir, "workingDir");
    Path path;
    try {
      path = workingDir.resolve(argument);
    } catch (InvalidPathException e) {
      throw UsageException.of(option, argument, "not a valid file name (" + e.getReason() + ")");
    }
    if (Files.isSymbolicLink(path)) {
      // Written through the link: the file it points to is replaced, the link stays.
      try {
        path = path.toRealPath();
      } catch (IOException | SecurityException e) {
        throw UsageException.of(option, argument, "is a symbolic link to a file that does not"
            + " exist or cannot be reached; give the file itself");
      }
    }
    Path folder = path.toAbsolutePath().getParent();
    if (folder == null || path.getFileName() == null) {
      throw UsageException.of(option, argument, "not a file name");
    }
    if (Files.isDirectory(path)) {
      throw UsageException.of(option, argument, "is a folder, not a file");
    }
    if (Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(path)) {
      throw UsageException.of(option, argument, "exists and is not a regular file");
    }
    if (!Files.isDirectory(folder)) {
      throw UsageException.of(option, argument, "folder " + folder + " does not exist");
    }
    // Try it: permissions, read-only file systems and ACLs all show up here, even for root.
    try {
      Files.delete(Files.createTempFile(folder, ".rehabplan-", ".tmp"));
    } catch (IOException | SecurityException e) {
      throw UsageException.of(option, argument, "cannot write in folder " + folder + " ("
          + describe(e) + ")");
    }
    if (Files.exists(path) && !Files.isWritable(path)) {
      throw UsageException.of(option, argument, "the file is read-only");
    }
    return new OutputFile(option, argument, path);
  }

  /** The file's path: the argument resolved against the working folder. */
  Path path() {
    return path;
  }

  /** The option that named the file, e.g. {@code --ics}. */
  String option() {
    return option;
  }

  /** Writes bytes to a new, empty temporary file; tests replace it to simulate a full disk. */
  @FunctionalInterface
  interface BytesWriter {
    /** Writes {@code bytes} to {@code temp} and forces them to the storage device. */
    void write(Path temp, byte[] bytes) throws IOException;
  }

  /** The writer of real files: write, then fsync. */
  static final BytesWriter FILES = (temp, bytes) -> {
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
  };

  /** Replaces the file's content with {@code bytes}, atomically where the file system can. */
  void write(byte[] bytes) throws UsageException {
    writeAll(Map.of(this, bytes), FILES);
  }

  /**
   * Replaces every file's content, all or nothing: every file is first written in full to a
   * temporary file beside it; only when all are written are they moved over their targets.
   *
   * @throws UsageException naming the option and the file if writing one fails; the targets are
   *     then all unchanged and no temporary file is left behind
   */
  static void writeAll(Map<OutputFile, byte[]> files, BytesWriter writer) throws UsageException {
    Map<OutputFile, Path> temps = new LinkedHashMap<>();
    try {
      for (Map.Entry<OutputFile, byte[]> e : files.entrySet()) {
        OutputFile file = e.getKey();
        try {
          Path temp = file.newTempFile(file.path.toAbsolutePath().getParent());
          temps.put(file, temp);
          writer.write(temp, e.getValue());
          Path folder = file.path.toAbsolutePath().getParent();
          if (Files.exists(file.path) && Files.getFileStore(folder)
              .supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(file.path));
          }
        } catch (IOException | SecurityException x) {
          throw UsageException.of(file.option, file.argument, "could not write the file ("
              + describe(x) + ")" + (files.size() > 1 ? "; no file was changed" : ""));
        }
      }
      for (Map.Entry<OutputFile, Path> e : temps.entrySet()) {
        OutputFile file = e.getKey();
        try {
          try {
            Files.move(e.getValue(), file.path, StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
          } catch (AtomicMoveNotSupportedException x) {
            Files.move(e.getValue(), file.path, StandardCopyOption.REPLACE_EXISTING);
          }
        } catch (IOException | SecurityException x) {
          throw UsageException.of(file.option, file.argument, "could not write the file ("
              + describe(x) + ")");
        }
      }
      temps.clear();
    } finally {
      for (Path temp : temps.values()) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException | SecurityException ignored) {
          // Nothing more to do: the target was not touched.
        }
      }
    }
  }

  /**
   * A new empty file next to the target. Unlike {@link Files#createTempFile}, which makes it
   * readable by the owner only, the file gets the permissions the user's umask gives new files.
   */
  private Path newTempFile(Path folder) throws IOException {
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

  static String describe(Exception e) {
    // NoSuchFileException -> "no such file", AccessDeniedException -> "access denied"
    String type = e.getClass().getSimpleName().replace("Exception", "")
        .replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT).trim();
    return e.getMessage() == null ? type : type + ": " + e.getMessage();
  }

  @Override
  public String toString() {
    return option + " " + path;
  }
}
