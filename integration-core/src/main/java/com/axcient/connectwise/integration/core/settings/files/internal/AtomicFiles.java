package com.axcient.connectwise.integration.core.settings.files.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * Writes a file so that readers see the old content or the complete new content, never a part:
 * the content goes to a temporary file in the same folder (owner-only where POSIX permissions
 * exist), is forced to disk and then moved over the target with {@code ATOMIC_MOVE}.
 */
public final class AtomicFiles {

  /** Writes the content to an output stream; may fail part way. */
  @FunctionalInterface
  public interface Content {
    /** Writes the content. */
    void writeTo(OutputStream out) throws IOException;
  }

  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");
  private static final SecureRandom RANDOM = new SecureRandom();

  private AtomicFiles() {}

  /**
   * Replaces {@code target} with the content. On any failure the target is unchanged and the
   * temporary file is removed.
   */
  public static void write(Path target, Content content) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path folder = absolute.getParent();
    if (Files.isDirectory(absolute)) {
      // A move would replace an empty folder silently.
      throw new IOException(absolute + " is a folder: choose a file name");
    }
    boolean posix = folder.getFileSystem().supportedFileAttributeViews().contains("posix");
    Path temp = createTemp(folder, absolute.getFileName().toString(), posix);
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        OutputStream out = Channels.newOutputStream(channel);
        content.writeTo(out);
        out.flush();
        channel.force(true);
      }
      Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    forceFolder(folder);
  }

  private static Path createTemp(Path folder, String name, boolean posix) throws IOException {
    FileAttribute<?>[] attributes =
        posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)} : new FileAttribute<?>[0];
    for (int attempt = 0; ; attempt++) {
      byte[] suffix = new byte[6];
      RANDOM.nextBytes(suffix);
      // A dot name keeps the temporary file out of ordinary listings.
      Path temp = folder.resolve("." + name + "." + HexFormat.of().formatHex(suffix) + ".tmp");
      try {
        return Files.createFile(temp, attributes);
      } catch (FileAlreadyExistsException e) {
        if (attempt == 10) {
          throw e;
        }
      }
    }
  }

  private static void forceFolder(Path folder) {
    // Makes the rename durable on Linux; other systems cannot open a folder and need not.
    try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // The content is written and renamed; only the rename's durability is left to the system.
    }
  }
}
