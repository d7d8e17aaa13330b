package wdpaper.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import wdpaper.project.ExitCodes;
import wdpaper.project.IoErrors;
import wdpaper.project.OutputFolder;
import wdpaper.project.UserError;

/** The top command: prints usage when run bare. */
@Command(name = "weight-decay-paper", mixinStandardHelpOptions = true, version = OutputFolder.PROGRAM + " " + OutputFolder.VERSION,
    header = "Build a reproducible paper on L2 regularization and weight initialization, from real MNIST runs.",
    subcommands = {BuildCommand.class, TrainCommand.class, RenderCommand.class, ServeCommand.class,
        CleanCommand.class, BenchCommand.class, AssembleCommand.class, DiffCommand.class,
        CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:the command succeeded",
        "1:unexpected failure (a bug; rerun with --verbose)",
        "2:bad command line",
        "3:invalid content, template or experiment spec",
        "4:MNIST data missing or failing its checksum",
        "5:a training run diverged",
        "6:a file or folder could not be read or written (permission denied, disk full)",
        "130:interrupted; the previous output is intact"})
final class PaperCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Builds the command line with the given writers, so tests can capture the output. */
  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new PaperCommand());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      boolean verbose = false;
      for (CommandLine.ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
        verbose |= pr.hasMatchedOption("--verbose");
      }
      PrintWriter e = commandLine.getErr();
      if (verbose) {
        ex.printStackTrace(e);
      }
      if (ex instanceof UserError u) {
        e.println("error: " + u.getMessage());
        e.flush();
        return u.exitCode();
      }
      for (Throwable t = ex; t != null; t = t.getCause()) {
        if (t instanceof OutOfMemoryError) {
          e.println("error: out of memory (this JVM may use " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
              + " MB): run fewer runs at once with --jobs, or give java more with -Xmx");
          e.flush();
          return ExitCodes.FAILURE;
        }
      }
      if (ex instanceof java.io.UncheckedIOException io) {
        e.println("error: " + IoErrors.describe(io));
        e.flush();
        return ExitCodes.IO;
      }
      e.println("error: " + ex + (verbose ? "" : " (rerun with --verbose for the stack trace)"));
      e.flush();
      return ExitCodes.FAILURE;
    });
    return cl;
  }
}
