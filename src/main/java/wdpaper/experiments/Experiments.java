package wdpaper.experiments;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.Map;
import java.util.TreeMap;
import wdpaper.data.Mnist;
import wdpaper.data.MnistFile;
import wdpaper.project.ProjectPaths;

/** Loads the experiment catalog and makes sure every run is in the cache. */
public final class Experiments {
  private Experiments() {}

  /** The SHA-256 of each MNIST file as pinned in {@link MnistFile}: what every verified copy has. */
  static Map<String, String> pinnedChecksums() {
    Map<String, String> sums = new TreeMap<>();
    for (MnistFile f : MnistFile.values()) {
      sums.put(f.fileName(), f.sha256());
    }
    return sums;
  }

  public static List<ExperimentSpec> load(ProjectPaths paths, Profile profile) {
    return ExperimentLoader.loadAll(paths.experiments(), profile, paths::display);
  }

  /** Validates the catalog first (before any data or training), then provisions MNIST and trains what is missing. */
  public static Results run(ProjectPaths paths, Profile profile, Path mnistDir, int jobs, boolean force,
      PrintWriter err, boolean terminal, Consumer<String> log) {
    return run(paths, profile, mnistDir, jobs, force, false, err, terminal, log);
  }

  /**
   * As {@link #run}, but with {@code cacheOnly} nothing is trained, a missing or invalid run is an error, and the
   * MNIST files are not needed: the run keys are computed from their pinned checksums.
   */
  public static Results run(ProjectPaths paths, Profile profile, Path mnistDir, int jobs, boolean force,
      boolean cacheOnly, PrintWriter err, boolean terminal, Consumer<String> log) {
    return run(paths, profile, mnistDir, jobs, force, cacheOnly, false, err, terminal, log);
  }

  /** As above; {@code frozen} ({@code build --frozen}) trains nothing and names the first missing run. */
  public static Results run(ProjectPaths paths, Profile profile, Path mnistDir, int jobs, boolean force,
      boolean cacheOnly, boolean frozen, PrintWriter err, boolean terminal, Consumer<String> log) {
    cacheOnly |= frozen;
    List<ExperimentSpec> specs = load(paths, profile);
    Mnist mnist = cacheOnly ? null : Mnist.provisionAndLoad(mnistDir, paths.mnistCache(), log);
    ResultCache cache = new ResultCache(paths.runCache(), cacheOnly ? pinnedChecksums() : mnist.checksums(), log,
        cacheOnly);
    try (Progress progress = new Progress(err, terminal, false)) {
      Runner runner = new Runner(cache, mnist, jobs, force, progress);
      return (frozen ? runner.frozen() : cacheOnly ? runner.cacheOnly() : runner).run(specs);
    }
  }
}
