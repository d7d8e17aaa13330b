package wdpaper.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import wdpaper.editions.Diff;
import wdpaper.editions.Editions;

/** What changed between two editions' results. */
@Command(name = "diff", mixinStandardHelpOptions = true,
    header = "What changed between two editions: verdicts, numbers beyond their seed spread, figure data, specs.",
    description = {"Each argument is a build's output folder, an edition folder of a deploy tree (v/<version>/) or"
        + " a model.json. Compares the result models, not the pages. Exit 0 whether or not anything changed."})
final class DiffCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<old>", description = "The older edition.")
  Path older;

  @Parameters(index = "1", paramLabel = "<new>", description = "The newer edition.")
  Path newer;

  @Override
  public Integer call() {
    Diff d = Diff.of(Editions.readModel(older), Editions.readModel(newer));
    spec.commandLine().getOut().print(d.text());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
