package wdpaper.experiments;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import wdpaper.data.Mnist;
import wdpaper.project.ProjectPaths;

/** Loads the experiment catalog and makes sure every run is in the cache. */
public final class Experiments {
  private Experiments() {}

  public static List<ExperimentSpec> load(ProjectPaths paths, Profile profile) {
    return ExperimentLoader.loadAll(paths.experiments(), profile, paths::display);
  }

  /** Validates the catalog first (before any data or training), then provisions MNIST and trains what is missing. */
  public static Results run(ProjectPaths paths, Profile profile, Path mnistDir, int jobs, boolean force,
      PrintWriter err, boolean terminal, Consumer<String> log) {
    return run(paths, profile, mnistDir, jobs, force, false, err, terminal, log);
  }

  /** As {@link #run}, but with {@code cacheOnly} nothing is trained and a missing run is an error. */
  public static Results run(ProjectPaths paths, Profile profile, Path mnistDir, int jobs, boolean force,
      boolean cacheOnly, PrintWriter err, boolean terminal, Consumer<String> log) {
    List<ExperimentSpec> specs = load(paths, profile);
    Mnist mnist = Mnist.provisionAndLoad(mnistDir, paths.mnistCache(), log);
    ResultCache cache = new ResultCache(paths.runCache(), mnist.checksums(), log);
    try (Progress progress = new Progress(err, terminal, false)) {
      Runner runner = new Runner(cache, mnist, jobs, force, progress);
      return (cacheOnly ? runner.cacheOnly() : runner).run(specs);
    }
  }
}
