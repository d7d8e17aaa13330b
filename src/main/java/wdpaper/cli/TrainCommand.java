package wdpaper.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import wdpaper.experiments.Experiments;
import wdpaper.experiments.Results;
import wdpaper.project.BuildLock;

/** Trains every run the experiments declare that the cache does not hold yet. */
@Command(name = "train", mixinStandardHelpOptions = true,
    header = "Train the runs of content/experiments/*.json into the cache (no figures, no site).")
final class TrainCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Mixin TrainingOptions training;

  @Override
  public Integer call() {
    long t0 = System.nanoTime();
    int jobs = training.jobs();
    Results r;
    try (BuildLock lock = common.lockCache("train")) {
      r = Experiments.run(common.paths(), training.profile(), common.mnistDir, jobs, training.force,
          common.err(), System.console() != null, common::log);
    }
    long runs = r.byExperiment().values().stream().mapToLong(java.util.List::size).sum();
    common.out().printf(Locale.ROOT, "%d experiments, %d runs ready in %.1f s (cache: %s)%n", r.experiments().size(),
        runs, (System.nanoTime() - t0) / 1e9, common.paths().display(common.paths().runCache()));
    return 0;
  }
}
