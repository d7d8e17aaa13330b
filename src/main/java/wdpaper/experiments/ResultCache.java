package wdpaper.experiments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import wdpaper.nn.EpochMetrics;
import wdpaper.nn.TrainingResult;
import wdpaper.project.AtomicFiles;
import wdpaper.project.Json;
import wdpaper.project.Text;
import wdpaper.project.UserError;

/**
 * One JSON file per run, {@code <cache>/runs/<key>.json}, written atomically (temporary file + rename). Nothing in
 * it is trusted: a file is used only if it parses strictly, its key, spec, data checksums and trainer version
 * match the run, the SHA-256 of its result's canonical JSON matches the one it carries (a number edited by hand
 * changes it), and the result has the shape its spec implies (one entry per epoch, or fewer when the result says
 * why it ended early; one measurement per layer; the asked histograms). Otherwise {@code build} logs one line naming
 * the file and retrains the run, and {@code render} ({@code strict}) fails naming the file and what is wrong.
 */
public final class ResultCache {
  private final Path dir;
  private final Map<String, String> dataChecksums;
  private final Consumer<String> log;
  private final boolean strict;

  public ResultCache(Path dir, Map<String, String> dataChecksums, Consumer<String> log) {
    this(dir, dataChecksums, log, false);
  }

  /** With {@code strict}, an invalid file is an error (exit 3) instead of a run to retrain. */
  public ResultCache(Path dir, Map<String, String> dataChecksums, Consumer<String> log, boolean strict) {
    this.dir = dir;
    this.dataChecksums = Collections.unmodifiableMap(new TreeMap<>(dataChecksums));
    this.log = log;
    this.strict = strict;
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
    RunRecord r;
    try {
      r = Json.MAPPER.readValue(Text.normalize(Files.readString(f)), RunRecord.class);
    } catch (IOException | RuntimeException e) {
      return invalid(f, "is corrupt (" + firstLine(e.getMessage()) + ")");
    }
    String problem = problem(spec, r);
    return problem == null ? Optional.of(r) : invalid(f, problem);
  }

  private Optional<RunRecord> invalid(Path f, String problem) {
    if (strict) {
      throw UserError.config("cache file " + f + " " + problem + "; run 'build' to retrain it");
    }
    log.accept("cache: " + f + " " + problem + "; retraining it");
    return Optional.empty();
  }

  /** What is wrong with {@code r} as the record of {@code spec}, or null if nothing is. */
  String problem(RunSpec spec, RunRecord r) {
    if (r.key() == null || !r.key().equals(key(spec)) || !spec.equals(r.spec())) {
      return "does not match its run (key or spec differ)";
    }
    if (!RunSpec.TRAINER_VERSION.equals(r.trainerVersion())) {
      return "was computed by trainer version " + r.trainerVersion() + ", not " + RunSpec.TRAINER_VERSION;
    }
    if (!dataChecksums.equals(r.dataChecksums())) {
      return "was computed from other data (its MNIST checksums differ)";
    }
    if (r.result() == null) {
      return "has no result";
    }
    if (r.resultSha256() == null) {
      return "carries no SHA-256 of its result (written by an older version)";
    }
    if (!r.resultSha256().equals(RunRecord.payloadSha256(r.result()))) {
      return "has been changed since it was written (the SHA-256 of its result does not match)";
    }
    return shape(spec, r.result());
  }

  /** The result must have the shape its spec implies. */
  static String shape(RunSpec spec, TrainingResult t) {
    int layers = spec.sizes().size() - 1;
    List<EpochMetrics> epochs = t.epochs();
    if (t.status() == null || t.status().isBlank()) {
      return "has no status";
    }
    if (epochs == null || epochs.isEmpty()) {
      return "has no epochs";
    }
    boolean ok = TrainingResult.OK.equals(t.status());
    if (ok ? epochs.size() != spec.epochs() + 1 : epochs.size() > spec.epochs() + 1) {
      return "holds " + (epochs.size() - 1) + " epochs after initialization, its spec asks for " + spec.epochs()
          + (ok ? " (status ok: a shorter run must record why it ended)" : "");
    }
    if (t.diverged() && t.divergedAtEpoch() != epochs.size()) {
      return "says it diverged in epoch " + t.divergedAtEpoch() + " but holds " + epochs.size() + " epochs";
    }
    for (int i = 0; i < epochs.size(); i++) {
      EpochMetrics e = epochs.get(i);
      if (e == null || e.epoch() != i) {
        return "has epoch " + (e == null ? "null" : e.epoch()) + " at position " + i;
      }
      if (e.layers() == null || e.layers().size() != layers) {
        return "has " + (e.layers() == null ? 0 : e.layers().size()) + " layer measurements in epoch " + i
            + ", its sizes " + spec.sizes() + " have " + layers + " layers";
      }
      if (!(e.validationAccuracy() >= 0 && e.validationAccuracy() <= 1)) {
        return "has validation accuracy " + e.validationAccuracy() + " in epoch " + i + ", expected 0..1";
      }
    }
    int recorded = epochs.size() - 1;
    long expected = spec.histogramEpochs().stream().filter(h -> h <= recorded).count() * layers;
    if (t.histograms() == null || t.histograms().size() != expected) {
      return "holds " + (t.histograms() == null ? 0 : t.histograms().size()) + " histograms, its spec asks for "
          + expected + " (epochs " + spec.histogramEpochs() + " x " + layers + " layers)";
    }
    for (TrainingResult.Histogram h : t.histograms()) {
      if (!spec.histogramEpochs().contains(h.epoch()) || h.layer() < 0 || h.layer() >= layers || h.counts() == null) {
        return "holds a histogram of epoch " + h.epoch() + ", layer " + h.layer() + " that its spec does not ask for";
      }
    }
    if (t.snapshots() == null || spec.snapshotsPerEpoch() == 0 && !t.snapshots().isEmpty()) {
      return "holds weight snapshots its spec does not ask for";
    }
    for (TrainingResult.Snapshot s : t.snapshots()) {
      if (s.rms() == null || s.rms().length != layers || !(s.epoch() >= 0 && s.epoch() <= spec.epochs())) {
        return "holds a snapshot at epoch " + s.epoch() + " that does not fit its run";
      }
    }
    if (ok && !(t.testAccuracy() >= 0 && t.testAccuracy() <= 1)) {
      return "has test accuracy " + t.testAccuracy() + ", expected 0..1";
    }
    return null;
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
