package wdpaper.cli;

import picocli.CommandLine.Option;

/** Options of the commands that may train: profile, parallelism, cache bypass. */
final class TrainingOptions {
  @Option(names = "--quick", description = "Build the quick preview: 2,500 training and 1,000 validation images,"
      + " at most 4 epochs, one seed.")
  boolean quick;

  @Option(names = {"-j", "--jobs"}, paramLabel = "<n>", description = "Runs trained in parallel (default: the number"
      + " of cores). Results are identical for any value.")
  Integer jobs;

  @Option(names = "--force", description = "Retrain every run even if the cache holds it.")
  boolean force;

  /** The number of parallel runs; {@code --jobs 0} or less is a command-line error (exit 2). */
  int jobs() {
    if (jobs != null && jobs < 1) {
      throw new wdpaper.project.UserError(wdpaper.project.ExitCodes.USAGE, "--jobs must be at least 1, was " + jobs);
    }
    return jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
  }

  wdpaper.experiments.Profile profile() {
    return quick ? wdpaper.experiments.Profile.QUICK : wdpaper.experiments.Profile.FULL;
  }
}
