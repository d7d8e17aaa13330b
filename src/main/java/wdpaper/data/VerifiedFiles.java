package wdpaper.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import wdpaper.project.AtomicFiles;
import wdpaper.project.Json;

/**
 * The MNIST files that were verified (their SHA-256 checked against {@link MnistFile}) and have not changed since:
 * {@code verified.json} in the MNIST cache folder records, per file (absolute path), its size, modification time,
 * change time and file key (device and inode) when verified, and the SHA-256 it had. A file whose size, times and
 * key are still those is not read and hashed again on every start; any change to the file (its content, a copy
 * over it, {@code touch}, a move to another inode) changes one of them and the file is verified again. The change
 * time cannot be set back by a user, so a rewrite that restores the modification time is verified again too.
 * Written atomically (a temporary file renamed over the old one); an unreadable or corrupt record counts as empty,
 * and a record that cannot be written (a read-only cache) only means the files are hashed again next time.
 */
final class VerifiedFiles {
  static final String FILE = "verified.json";

  private final Path record;
  private final Map<String, Entry> entries;
  private boolean changed;

  /** What was recorded about one file: its identity when verified, and its SHA-256. */
  record Entry(String identity, String sha256) {}

  private VerifiedFiles(Path record, Map<String, Entry> entries) {
    this.record = record;
    this.entries = entries;
  }

  /** The record in {@code cacheDir} (empty if there is none, or it cannot be read). */
  static VerifiedFiles in(Path cacheDir) {
    Path record = cacheDir.resolve(FILE);
    Map<String, Entry> entries = new TreeMap<>();
    try {
      if (Files.isRegularFile(record)) {
        JsonNode root = Json.MAPPER.readTree(Files.readString(record));
        root.fields().forEachRemaining(f -> {
          JsonNode id = f.getValue().get("identity");
          JsonNode sha = f.getValue().get("sha256");
          if (id != null && id.isTextual() && sha != null && sha.isTextual()) {
            entries.put(f.getKey(), new Entry(id.asText(), sha.asText()));
          }
        });
      }
    } catch (IOException | RuntimeException e) {
      entries.clear();
    }
    return new VerifiedFiles(record, entries);
  }

  /** True if {@code file} was verified to have {@code sha256} and has not changed since. */
  synchronized boolean isVerified(Path file, String sha256) {
    Entry e = entries.get(key(file));
    return e != null && e.sha256().equals(sha256) && identity(file).map(e.identity()::equals).orElse(false);
  }

  /**
   * Records that {@code file} has {@code sha256} (call after checking the bytes read from it), if it is still the
   * file it was before it was read ({@code before}, from {@link #identity}): a file that changed while it was read
   * is not recorded.
   */
  synchronized void verified(Path file, String sha256, Optional<String> before) {
    Optional<String> id = identity(file);
    if (id.isEmpty() || !id.equals(before)) {
      return;
    }
    Entry e = new Entry(id.get(), sha256);
    if (!e.equals(entries.put(key(file), e))) {
      changed = true;
    }
  }

  /** Forgets {@code file} (it failed its check or was deleted). */
  synchronized void forget(Path file) {
    changed |= entries.remove(key(file)) != null;
  }

  /** Writes the record if anything changed; a cache that cannot be written is left as it is. */
  synchronized void save() {
    if (!changed) {
      return;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    entries.forEach((k, e) -> {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("identity", e.identity());
      m.put("sha256", e.sha256());
      out.put(k, m);
    });
    try {
      AtomicFiles.write(record, Json.write(out));
      changed = false;
    } catch (RuntimeException e) {
      // not writable: the files are verified again next time
    }
  }

  private static String key(Path file) {
    return file.toAbsolutePath().normalize().toString();
  }

  /** Size, modification and change time (nanoseconds where the file system has them) and file key, or empty. */
  static Optional<String> identity(Path file) {
    try {
      // a symbolic link: the file it points to (pointed elsewhere, it is another file, with another key)
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      if (!a.isRegularFile()) {
        return Optional.empty();
      }
      Object ctime;
      try {
        ctime = Files.getAttribute(file, "unix:ctime");
      } catch (UnsupportedOperationException | IllegalArgumentException e) {
        // no change time here (not a Unix file system): size, modification time and key only
        ctime = "-";
      }
      return Optional.of("size=" + a.size() + " mtime=" + a.lastModifiedTime().toInstant() + " ctime=" + ctime
          + " key=" + a.fileKey());
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
