package wdpaper.project;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes files so that a reader sees either the old file or the complete new one, never half of it. Files are
 * written readable by everyone ({@code rw-r--r--}) and the folders created for them {@code rwxr-xr-x}, whatever the
 * umask, so that a published site and a shared cache can be read by a web server or a colleague.
 */
public final class AtomicFiles {
  public static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-r--r--");
  public static final Set<PosixFilePermission> FOLDER_MODE = PosixFilePermissions.fromString("rwxr-xr-x");

  private AtomicFiles() {}

  /** Writes {@code bytes} to a temporary sibling, then renames it over {@code target}. */
  public static void write(Path target, byte[] bytes) {
    Path dir = target.toAbsolutePath().getParent();
    createFolders(dir);
    Path tmp;
    try {
      tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    } catch (IOException e) {
      throw IoErrors.error("cannot create a file in", dir, e);
    }
    try {
      Files.write(tmp, bytes);
      setMode(tmp, FILE_MODE);
      move(tmp, target);
    } catch (IOException e) {
      throw IoErrors.error("cannot write", target, e);
    } finally {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException e) {
        // the temporary file is named *.tmp and removed with its folder
      }
    }
  }

  public static void write(Path target, String text) {
    write(target, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Creates {@code dir} and its missing parents, each new folder {@code rwxr-xr-x}. */
  public static void createFolders(Path dir) {
    Path d = dir.toAbsolutePath();
    List<Path> missing = new ArrayList<>();
    for (Path p = d; p != null && !Files.isDirectory(p); p = p.getParent()) {
      missing.add(0, p);
    }
    for (Path p : missing) {
      try {
        Files.createDirectory(p);
        setMode(p, FOLDER_MODE);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        if (!Files.isDirectory(p)) {
          throw new UserError(ExitCodes.IO, "cannot create the folder " + p + ": a file of that name is in the way");
        }
      } catch (IOException e) {
        throw IoErrors.error("cannot create the folder", p, e);
      }
    }
  }

  /** Sets POSIX permissions where the file system has them (a no-op elsewhere). */
  public static void setMode(Path p, Set<PosixFilePermission> mode) throws IOException {
    try {
      Files.setPosixFilePermissions(p, mode);
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system
    }
  }

  /** Renames {@code from} to {@code to}, atomically where the file system allows it. */
  public static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Deletes a directory tree that this program created (temporary folders), if it exists. Symbolic links are
   * deleted, never followed. Output folders are deleted by {@link OutputFolder}, which checks they are ours.
   */
  public static void deleteTree(Path dir) {
    if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw IoErrors.error("cannot delete", dir, e);
    } catch (UncheckedIOException e) {
      throw IoErrors.error("cannot delete", dir, e.getCause());
    }
  }
}
