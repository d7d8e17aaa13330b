package wdpaper.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import wdpaper.build.Pipeline;
import wdpaper.experiments.Experiments;
import wdpaper.experiments.Results;
import wdpaper.project.BuildLock;

/** The one command: train what the cache lacks, then figures, site and PDF into output/. */
@Command(name = "build", mixinStandardHelpOptions = true,
    header = "Build the whole paper: train missing runs, then figures, site and PDF into output/.",
    description = {"Validates every experiment spec, page and template first; then trains (in parallel, cached),"
        + " renders, and replaces the output folder atomically. A re-run with a warm cache does no training."})
final class BuildCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Mixin TrainingOptions training;

  @picocli.CommandLine.Option(names = "--frozen", description = "Train nothing: fail (exit 3), naming the run, if a"
      + " run is missing from the cache (for a CI that must publish exactly the committed results).")
  boolean frozen;

  @Override
  public Integer call() {
    long t0 = System.nanoTime();
    int jobs = training.jobs();
    if (frozen && training.force) {
      throw new wdpaper.project.UserError(wdpaper.project.ExitCodes.USAGE, "--frozen trains nothing and --force"
          + " retrains every run; use one of them");
    }
    try (BuildLock lock = common.lockOutput("build", "replace", true)) {
      Experiments.Preload mnist = Experiments.preload(common.paths(), common.mnistDir);
      Pipeline pipeline = RenderCommand.prepare(common, training.profile());
      Results results = pipeline.train(() -> Experiments.run(common.paths(), training.profile(), common.mnistDir,
          mnist, jobs, training.force, false, frozen, common.err(), System.console() != null, common::log));
      return RenderCommand.render(common, pipeline, results, training.quick ? "quick" : "full", t0);
    }
  }
}
