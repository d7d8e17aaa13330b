package wdpaper.project;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * Turns an I/O failure into a message a user can act on: what was being done, the path, and the reason in words
 * ({@code cannot write /x/out/index.html: permission denied}), never a bare path or a class name.
 */
public final class IoErrors {
  private IoErrors() {}

  /** The reason in words: "permission denied", "no such file or folder", "No space left on device" ... */
  public static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or folder";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "already exists";
    }
    if (e instanceof DirectoryNotEmptyException) {
      return "folder is not empty";
    }
    if (e instanceof NotDirectoryException) {
      return "not a folder";
    }
    if (e instanceof FileSystemLoopException) {
      return "symbolic links form a loop";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }

  /** A user error (exit code {@link ExitCodes#IO}): "{@code doing} {@code path}: {@code reason}". */
  public static UserError error(String doing, Path path, IOException e) {
    Path where = e instanceof FileSystemException f && f.getFile() != null && !Path.of(f.getFile()).equals(path)
        ? Path.of(f.getFile()) : null;
    return new UserError(ExitCodes.IO, doing + " " + path + ": " + reason(e) + (where != null ? " (" + where + ")"
        : ""), e);
  }

  /**
   * One line for an I/O failure that reached the top without a {@link #error} message: what failed (the message
   * the code gave, or the file), and the reason in words.
   */
  public static String describe(java.io.UncheckedIOException e) {
    IOException cause = e.getCause();
    String reason = reason(cause);
    String file = cause instanceof FileSystemException f ? f.getFile() : null;
    String m = e.getMessage();
    if (m == null || m.equals(cause.toString())) {
      return "cannot read or write " + (file != null ? file : "a file") + ": " + reason;
    }
    return m.contains(reason) ? m : m + ": " + reason + (file != null && !m.contains(file) ? " (" + file + ")" : "");
  }
}
