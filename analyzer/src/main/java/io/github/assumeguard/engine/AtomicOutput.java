package io.github.assumeguard.engine;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a file all at once: into a temporary file next to it, then moved over it, so a reader
 * (or a failed run) never leaves half a report behind. Used by the CLI's {@code --output} and the
 * Maven plugin's SARIF file.
 */
public final class AtomicOutput {

  private static final Set<PosixFilePermission> DEFAULT_PERMISSIONS = PosixFilePermissions.fromString("rw-r--r--");

  private AtomicOutput() {
  }

  /** What fills the file. */
  @FunctionalInterface
  public interface Body {
    void writeTo(Writer out) throws IOException;
  }

  /** Writes {@code target} with what {@code body} writes; a directory as target is an error. */
  public static void write(Path target, Body body) throws IOException {
    Path file = target.toAbsolutePath().normalize();
    if (Files.isDirectory(file)) {
      throw new IOException("it is a directory");
    }
    Path dir = file.getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
    try {
      try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
        body.writeTo(out);
      }
      keepPermissions(file, temp);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** A temporary file is private (0600); give the report the target's permissions, or rw-r--r--. */
  private static void keepPermissions(Path target, Path temp) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
    if (view == null) {
      return;
    }
    view.setPermissions(Files.exists(target) ? Files.getPosixFilePermissions(target) : DEFAULT_PERMISSIONS);
  }
}
