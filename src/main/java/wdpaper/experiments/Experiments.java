package wdpaper.experiments;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.TreeMap;
import wdpaper.data.Mnist;
import wdpaper.data.MnistFile;
import wdpaper.data.MnistProvisioner;
import wdpaper.project.Daemons;
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
    return run(paths, profile, mnistDir, null, jobs, force, cacheOnly, false, err, terminal, log);
  }

  /** As above; {@code frozen} ({@code build --frozen}) trains nothing and names the first missing run. */
  public static Results run(ProjectPaths paths, Profile profile, Path mnistDir, int jobs, boolean force,
      boolean cacheOnly, boolean frozen, PrintWriter err, boolean terminal, Consumer<String> log) {
    return run(paths, profile, mnistDir, null, jobs, force, cacheOnly, frozen, err, terminal, log);
  }

  /**
   * As {@link #run}, taking MNIST from {@code preload} if it loaded it (null: none); {@code frozen}
   * ({@code build --frozen}) trains nothing and names the first missing run.
   */
  public static Results run(ProjectPaths paths, Profile profile, Path mnistDir, Preload preload, int jobs,
      boolean force, boolean cacheOnly, boolean frozen, PrintWriter err, boolean terminal, Consumer<String> log) {
    cacheOnly |= frozen;
    List<ExperimentSpec> specs = load(paths, profile);
    Mnist mnist = cacheOnly ? null : Optional.ofNullable(preload).flatMap(p -> p.take(log))
        .orElseGet(() -> Mnist.provisionAndLoad(mnistDir, paths.mnistCache(), log));
    ResultCache cache = new ResultCache(paths.runCache(), cacheOnly ? pinnedChecksums() : mnist.checksums(), log,
        cacheOnly);
    try (Progress progress = new Progress(err, terminal, false)) {
      Runner runner = new Runner(cache, mnist, jobs, force, progress);
      return (frozen ? runner.frozen() : cacheOnly ? runner.cacheOnly() : runner).run(specs);
    }
  }

  /**
   * Starts provisioning and loading MNIST on a daemon thread, from local files only (the folder named by
   * {@code mnistDir}, else the cache; never the network), so that it overlaps the checks of pages, templates and
   * thresholds that come before training. {@link #run} takes the result if it succeeded (with the messages the
   * provisioning printed, then), else provisions as usual, so missing or corrupt files are reported where they
   * always were, after the content checks.
   */
  public static Preload preload(ProjectPaths paths, Path mnistDir) {
    return new Preload(paths.mnistCache(), mnistDir);
  }

  /** MNIST being loaded in the background (see {@link #preload}). */
  public static final class Preload {
    private final List<String> messages = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    private final CompletableFuture<Optional<Mnist>> mnist = new CompletableFuture<>();

    private Preload(Path cacheDir, Path mnistDir) {
      Daemons.start("mnist-preload", () -> {
        try {
          // verified (SHA-256 of 55 MB, unless recorded as verified and unchanged) and mapped; the images are
          // decoded when a run first asks for them, as far as it asks
          mnist.complete(Optional.of(Mnist.load(new MnistProvisioner(mnistDir, cacheDir, false, messages::add)
              .provision())));
        } catch (RuntimeException e) {
          mnist.complete(Optional.empty());
        } catch (Throwable e) {
          mnist.complete(Optional.empty());
          throw e;
        }
      });
    }

    /** Waits for the load; the data if it succeeded (its messages passed to {@code log} first). */
    Optional<Mnist> take(Consumer<String> log) {
      Optional<Mnist> m = mnist.join();
      if (m.isPresent()) {
        messages.forEach(log);
      }
      return m;
    }
  }
}
