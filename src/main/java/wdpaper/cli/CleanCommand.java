package wdpaper.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import wdpaper.project.BuildLock;
import wdpaper.project.IoErrors;
import wdpaper.project.OutputFolder;

/** Deletes the built output (and, with --runs, the cached run results). */
@Command(name = "clean", mixinStandardHelpOptions = true,
    header = "Delete output/ (and with --runs the cached run results; MNIST files are kept).",
    description = {"Deletes the output folder only if a build made it (it carries '" + OutputFolder.MARKER + "') or"
        + " it is empty; any other folder is refused (exit 2). --runs deletes only the run records"
        + " (<cache>/runs/<key>.json)."})
final class CleanCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(names = "--runs", description = "Also delete the cached run results (forces retraining).")
  boolean runs;

  @Override
  public Integer call() {
    OutputFolder folder = common.outputFolder("delete");
    try (BuildLock lock = common.lockOutput("clean", "delete", runs)) {
      String name = common.paths().display(common.paths().output());
      if (folder.delete(common::log)) {
        common.out().println("deleted " + name);
      } else {
        common.out().println("nothing to delete: " + name + " does not exist");
      }
      if (runs) {
        deleteRuns(common.paths().runCache());
      }
    }
    return 0;
  }

  /** Deletes the run records ({@code <16 hex digits>.json}) and temporary files; anything else is kept. */
  private void deleteRuns(Path dir) {
    String name = common.paths().display(dir);
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      common.out().println("nothing to delete: " + name + " does not exist");
      return;
    }
    int deleted = 0;
    List<Path> kept;
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> all = s.sorted().toList();
      for (Path p : all) {
        String f = p.getFileName().toString();
        if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
            && (f.matches("[0-9a-f]{16}\\.json") || f.startsWith(".") && f.endsWith(".tmp"))) {
          Files.delete(p);
          deleted++;
        }
      }
      try (Stream<Path> rest = Files.list(dir)) {
        kept = rest.sorted().toList();
      }
      if (kept.isEmpty()) {
        Files.delete(dir);
      }
    } catch (IOException e) {
      throw IoErrors.error("cannot delete the run records in", dir, e);
    }
    common.out().println("deleted " + deleted + " run records in " + name + (kept.isEmpty() ? "" : "; kept "
        + kept.size() + " other files (" + kept.get(0).getFileName() + (kept.size() > 1 ? ", ..." : "") + ")"));
  }
}
