package wdpaper.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import wdpaper.build.Pipeline;
import wdpaper.experiments.Experiments;
import wdpaper.experiments.Profile;
import wdpaper.experiments.Results;
import wdpaper.project.BuildLock;

/** Figures, site and PDF from the cache only; never trains. */
@Command(name = "render", mixinStandardHelpOptions = true,
    header = "Render figures, site and PDF from cached results (no training; fails if a run is missing).")
final class RenderCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(names = "--quick", description = "Render the quick preview's runs.")
  boolean quick;

  @Override
  public Integer call() {
    long t0 = System.nanoTime();
    Profile profile = quick ? Profile.QUICK : Profile.FULL;
    try (BuildLock lock = common.lockOutput("render", "replace", true)) {
      Pipeline pipeline = prepare(common, profile);
      Results results = pipeline.train(() -> Experiments.run(common.paths(), profile, common.mnistDir, 1, false,
          true, common.err(), false, common::log));
      return render(common, pipeline, results, quick ? "quick" : "full", t0);
    }
  }

  /** Checks pages, thresholds and the experiments each claim reads before anything is trained or read. */
  static Pipeline prepare(CommonOptions common, Profile profile) {
    return Pipeline.prepare(common.paths(), Experiments.load(common.paths(), profile), common::log);
  }

  static int render(CommonOptions common, Pipeline pipeline, Results results, String profile, long t0) {
    JitDirectives.trainingDone();
    Pipeline.Report r = pipeline.render(results, profile);
    common.out().printf(Locale.ROOT, "built %s: %d pages, %d figures, paper.pdf, %d files in %.1f s (%s profile)%n",
        common.paths().display(r.output()), r.pages(), r.figures(), r.files().size(),
        (System.nanoTime() - t0) / 1e9, profile);
    common.out().println("time per stage: " + r.times().summary());
    return 0;
  }
}
