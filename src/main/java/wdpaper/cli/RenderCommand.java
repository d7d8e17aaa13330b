package wdpaper.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import wdpaper.experiments.Experiments;
import wdpaper.experiments.Results;
import wdpaper.project.BuildLock;
import wdpaper.site.PaperBuild;

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
    try (BuildLock lock = common.lockOutput("render", "replace", true)) {
      Results results = Experiments.run(common.paths(), quick ? wdpaper.experiments.Profile.QUICK
          : wdpaper.experiments.Profile.FULL, common.mnistDir, 1, false, true, common.err(), false, common::log);
      return render(common, results, quick ? "quick" : "full", t0);
    }
  }

  static int render(CommonOptions common, Results results, String profile, long t0) {
    PaperBuild.Report r = PaperBuild.build(common.paths(), results, profile, common::log);
    common.out().printf(Locale.ROOT, "built %s: %d pages, %d figures, paper.pdf, %d files in %.1f s (%s profile)%n",
        common.paths().display(r.output()), r.pages(), r.figures(), r.files().size(),
        (System.nanoTime() - t0) / 1e9, profile);
    return 0;
  }
}
