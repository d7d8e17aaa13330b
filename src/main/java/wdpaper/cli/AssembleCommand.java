package wdpaper.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import wdpaper.editions.Assembler;
import wdpaper.project.ProjectPaths;
import wdpaper.site.Templates;

/** The deploy tree of every edition: what the Pages workflow publishes, built the same way locally. */
@Command(name = "assemble", mixinStandardHelpOptions = true,
    header = "Add a build to the published editions: v/<version>/ for each, / and v/latest/ the newest.",
    description = {"Reads the previously published tree (--editions, absent or empty for the first edition) and a"
        + " build's output (--new), and writes the whole tree to --out: every kept edition under v/<version>/ (old"
        + " ones copied, never rebuilt), the newest also at / and v/latest/, versions.html, each edition's"
        + " changes.html, and figure files and PDFs stored once under _files/sha256/. Tagged editions are kept"
        + " forever, untagged ones beyond the newest --keep-untagged are pruned."})
final class AssembleCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--editions", paramLabel = "<dir>", description = "The published tree so far (e.g. a checkout of"
      + " the gh-pages branch); absent or empty for the first edition.")
  Path editions;

  @Option(names = "--new", paramLabel = "<dir>", defaultValue = "output", description = "The new build's output"
      + " folder (default: output).")
  Path build;

  @Option(names = "--out", paramLabel = "<dir>", required = true, description = "Where the tree goes: a new or empty"
      + " folder, or one 'assemble' wrote (replaced whole).")
  Path out;

  @Option(names = "--keep-untagged", paramLabel = "<n>", defaultValue = "20", description = "Untagged editions kept,"
      + " newest first, the new one included (default: 20). Tagged editions are always kept.")
  int keepUntagged;

  @Option(names = "--dedup", paramLabel = "<mode>", defaultValue = "store", description = "store (default: figure"
      + " files and PDFs once under _files/sha256/), hardlink (full tree, identical files hard-linked; Pages"
      + " uploads them as copies) or none.")
  String dedup;

  @Option(names = "--project", paramLabel = "<dir>", defaultValue = ".", description = "Project whose templates"
      + " render versions.html and changes.html (default: the current folder).")
  Path project;

  @Override
  public Integer call() {
    Assembler.Mode mode = switch (dedup) {
      case "store" -> Assembler.Mode.STORE;
      case "hardlink" -> Assembler.Mode.HARDLINK;
      case "none" -> Assembler.Mode.NONE;
      default -> throw new wdpaper.project.UserError(wdpaper.project.ExitCodes.USAGE, "--dedup: '" + dedup
          + "' is not a mode, expected store, hardlink or none");
    };
    ProjectPaths paths = ProjectPaths.of(project, null, null);
    Templates templates = new Templates(paths.content(), paths.templates(), paths.root());
    Assembler.Report r = new Assembler(templates, line -> {
      spec.commandLine().getErr().println(line);
      spec.commandLine().getErr().flush();
    }).assemble(editions, build, out, keepUntagged, mode);
    spec.commandLine().getOut().println("editions: " + String.join(" ", r.editions()) + (r.pruned().isEmpty() ? ""
        : "; pruned: " + String.join(" ", r.pruned())) + "; " + r.storedFiles() + " stored files; " + r.bytes()
        + " bytes");
    return 0;
  }
}
