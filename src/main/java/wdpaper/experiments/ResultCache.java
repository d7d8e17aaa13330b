package wdpaper.experiments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import wdpaper.project.AtomicFiles;
import wdpaper.project.Json;

/**
 * One JSON file per run, {@code <cache>/runs/<key>.json}, written atomically (temporary file + rename). A file that
 * does not parse, or whose key, spec, checksums or version do not match, is reported and recomputed, never trusted.
 */
public final class ResultCache {
  private final Path dir;
  private final Map<String, String> dataChecksums;
  private final Consumer<String> log;

  public ResultCache(Path dir, Map<String, String> dataChecksums, Consumer<String> log) {
    this.dir = dir;
    this.dataChecksums = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(dataChecksums));
    this.log = log;
  }

  public String key(RunSpec spec) {
    return spec.key(dataChecksums);
  }

  public Path file(RunSpec spec) {
    return dir.resolve(key(spec) + ".json");
  }

  /** The cached record of {@code spec}, if a valid one exists. */
  public Optional<RunRecord> get(RunSpec spec) {
    Path f = file(spec);
    if (!Files.exists(f)) {
      return Optional.empty();
    }
    try {
      RunRecord r = Json.MAPPER.readValue(Files.readString(f), RunRecord.class);
      if (!r.key().equals(key(spec)) || !r.spec().equals(spec) || !RunSpec.TRAINER_VERSION.equals(r.trainerVersion())
          || !dataChecksums.equals(r.dataChecksums()) || r.result() == null || r.result().epochs() == null) {
        log.accept("cache: " + f + " does not match its run; recomputing");
        return Optional.empty();
      }
      return Optional.of(r);
    } catch (IOException | RuntimeException e) {
      log.accept("cache: " + f + " is corrupt (" + firstLine(e.getMessage()) + "); recomputing");
      return Optional.empty();
    }
  }

  public void put(RunRecord record) {
    AtomicFiles.write(dir.resolve(record.key() + ".json"), Json.write(record));
  }

  public Map<String, String> dataChecksums() {
    return dataChecksums;
  }

  private static String firstLine(String s) {
    return s == null ? "unreadable" : s.lines().findFirst().orElse("");
  }
}
