package wdpaper.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import wdpaper.project.AtomicFiles;

/** Deletes the built output (and, with --cache, the run cache). */
@Command(name = "clean", mixinStandardHelpOptions = true,
    header = "Delete output/ (and with --runs the cached run results; MNIST files are kept).")
final class CleanCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(names = "--runs", description = "Also delete the cached run results (forces retraining).")
  boolean runs;

  @Override
  public Integer call() {
    AtomicFiles.deleteTree(common.paths().output());
    common.out().println("deleted " + common.paths().display(common.paths().output()));
    if (runs) {
      AtomicFiles.deleteTree(common.paths().runCache());
      common.out().println("deleted " + common.paths().display(common.paths().runCache()));
    }
    return 0;
  }
}
