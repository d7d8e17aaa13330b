package wdpaper.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import wdpaper.data.MnistProvisioner;
import wdpaper.experiments.Experiments;
import wdpaper.experiments.Profile;
import wdpaper.experiments.Results;
import wdpaper.project.Hashing;
import wdpaper.project.Json;
import wdpaper.project.ProjectPaths;
import wdpaper.project.UserError;

/**
 * Follows docs/authoring.md as a new contributor would: the files its examples mark with {@code file=...} (an
 * experiment and a page with a figure and a number) go into a copy of the project, which is built (quick profile)
 * through the pipeline; then the same cache is rendered again, and a claim's figure is left unplaced.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthoringGuideTest {
  static final Path ROOT = Path.of(System.getProperty("project.root", ".")).toAbsolutePath().normalize();
  private static final Pattern EXAMPLE = Pattern.compile("(?s)```\\w+ file=(\\S+)\\n(.*?)\\n```");

  Path tmp;
  Path project;
  Path mnist;
  Results results;
  Pipeline.Report report;
  final List<String> log = new ArrayList<>();

  @BeforeAll
  void buildTheProjectWithTheGuidesExamples(@TempDir Path dir) throws IOException {
    tmp = dir;
    project = tmp.resolve("project");
    for (String sub : List.of("content", "templates")) {
      copy(ROOT.resolve(sub), project.resolve(sub));
    }
    Matcher m = EXAMPLE.matcher(Files.readString(ROOT.resolve("docs/authoring.md")));
    List<String> files = new ArrayList<>();
    while (m.find()) {
      Files.writeString(project.resolve(m.group(1)), m.group(2) + "\n");
      files.add(m.group(1));
    }
    assertThat(files).containsExactly("content/experiments/example-widths.json", "content/09-example.md");
    mnist = ProjectPaths.of(ROOT, null, null).mnistCache();
    new MnistProvisioner(null, mnist, true, System.err::println).provision();
    ProjectPaths paths = paths("out");
    Pipeline p = Pipeline.prepare(paths, Experiments.load(paths, Profile.QUICK), log::add);
    results = p.train(() -> Experiments.run(paths, Profile.QUICK, mnist, 2, false, false,
        new PrintWriter(new StringWriter()), false, log::add));
    report = p.render(results, "quick");
  }

  private ProjectPaths paths(String out) {
    return ProjectPaths.of(project, tmp.resolve(out), tmp.resolve("cache"));
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.sorted(Comparator.naturalOrder()).toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
  }

  @Test
  void theGuidesPageShowsItsFigureAndItsNumberFromTheData() throws IOException {
    Path out = tmp.resolve("out");
    JsonNode model = Json.MAPPER.readTree(out.resolve("model.json").toFile());
    String epoch1 = String.format(Locale.ROOT, "%.2f%%", model.at("/book/oldInit/epoch1").asDouble());
    String html = Files.readString(out.resolve("example.html"));
    assertThat(html).contains("After one epoch the book's old initialization is at " + epoch1)
        .contains("Figure 17</a> shows the 4 sweep groups")
        .contains("<strong>Validation accuracy, narrow and wide networks.</strong> Mean over the seeds of each"
            + " group, per epoch; dotted: the seed range.")
        .contains("<code>example-widths</code>");
    for (String ext : List.of("png", "svg", "csv")) {
      assertThat(out.resolve("figures/example-widths-accuracy." + ext)).exists();
    }
    String csv = Files.readString(out.resolve("figures/example-widths-accuracy.csv"));
    assertThat(csv).startsWith("series,style,x,y_mean,y_lo,y_hi,seeds,censored\n")
        .contains("\n\"old init, H = 10\",measured,1,").contains("\n\"new init, H = 60\",measured,");
    assertThat(Files.readString(out.resolve("figures/example-widths-accuracy.csv-metadata.json")))
        .contains("experiment example-widths");
    assertThat(report.figures()).isEqualTo(17);
    assertThat(log).noneMatch(l -> l.startsWith("note: experiment"));
  }

  @Test
  void modelJsonIsListedInTheManifestAndTheSameOnEveryRenderOfACache() throws IOException {
    Path out = tmp.resolve("out");
    assertThat(Files.readString(out.resolve("manifest.sha256"))).contains("  model.json\n");
    assertThat(report.times().summary()).matches("training \\d+\\.\\d s, claims \\d+\\.\\d s, figures \\d+\\.\\d s,"
        + " pages \\d+\\.\\d s, PDF \\d+\\.\\d s");
    ProjectPaths again = paths("again");
    Pipeline p = Pipeline.prepare(again, Experiments.load(again, Profile.QUICK), l -> {});
    p.render(results, "quick");
    assertThat(Files.readString(tmp.resolve("again/model.json"))).isEqualTo(Files.readString(out.resolve(
        "model.json")));
    assertThat(Files.readString(tmp.resolve("again/manifest.sha256"))).isEqualTo(Files.readString(out.resolve(
        "manifest.sha256")));
  }

  @Test
  void theManifestHoldsTheChecksumOfEachFileAsFinallyWrittenAndListsEveryFileTheBuildReports() throws IOException {
    // the checksums are taken while the PDF renders (the PDF's from its bytes): each must be that of the file
    // committed to the output, as when every file was written before the manifest
    Path out = tmp.resolve("out");
    List<String> listed = new ArrayList<>();
    for (String line : Files.readAllLines(out.resolve("manifest.sha256"))) {
      String file = line.substring(line.indexOf("  ") + 2);
      listed.add(file);
      assertThat(line).as(file).isEqualTo(Hashing.sha256(out.resolve(file)) + "  " + file);
    }
    assertThat(listed).isSorted().containsExactlyInAnyOrderElementsOf(report.files().stream()
        .filter(f -> !f.equals("manifest.sha256")).toList()).contains("paper.pdf", "paper.html",
        "figures/example-widths-accuracy.svg", "figures/example-widths-accuracy-narrow.svg");
  }

  @Test
  void aFigureThatCannotBeDrawnFailsTheBuildWithItsOwnErrorWhileThePdfWaitsForItAndNothingIsPublished()
      throws IOException {
    // the PDF starts before the figures' drawings are made and waits for each: a figure that breaks a rule of
    // FigureCheck must end the build with the figure's error (not a hang, not a PDF without the figure)
    Path example = project.resolve("content/09-example.md");
    String keep = Files.readString(example);
    String label = "validation accuracy (%)";
    // a y label of one word too long for the drawing: it cannot be broken, so it reaches outside
    Files.writeString(example, keep.replace("y=\"" + label + "\"", "y=\"" + "Accuracy".repeat(40) + "\""));
    try {
      ProjectPaths paths = paths("unfinished");
      Pipeline p = Pipeline.prepare(paths, Experiments.load(paths, Profile.QUICK), l -> {});
      assertThatThrownBy(() -> p.render(results, "quick")).isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("figure 'example-widths-accuracy' (");
    } finally {
      Files.writeString(example, keep);
    }
    assertThat(tmp.resolve("unfinished")).doesNotExist();
  }

  @Test
  void aClaimsFigureThatNoPagePlacesIsAnErrorAndAnExperimentNothingReadsIsReported() throws IOException {
    Path page = project.resolve("content/07-claim-4.md");
    Path example = project.resolve("content/09-example.md");
    String keep = Files.readString(page);
    String keepExample = Files.readString(example);
    int start = keep.indexOf("<@p.figure id=\"claim4-histograms\"");
    int end = keep.indexOf("</@p.figure>", start) + "</@p.figure>".length();
    Files.writeString(page, keep.substring(0, start) + keep.substring(end).replace("(@fig:claim4-histograms)", ""));
    Files.delete(example);
    List<String> notes = new ArrayList<>();
    try {
      ProjectPaths paths = paths("broken");
      Pipeline p = Pipeline.prepare(paths, Experiments.load(paths, Profile.QUICK), notes::add);
      assertThatThrownBy(() -> p.render(results, "quick")).isInstanceOf(UserError.class).hasMessage("figure"
          + " 'claim4-histograms' of claim 'claim4' is placed by no page: place it with <@p.figure"
          + " id=\"claim4-histograms\" title=\"…\" x=\"…\" y=\"…\">caption</@p.figure> in the claim's page (see"
          + " docs/authoring.md)");
    } finally {
      Files.writeString(page, keep);
      Files.writeString(example, keepExample);
    }
    assertThat(notes).containsExactly("note: experiment 'example-widths' (content/experiments/example-widths.json)"
        + " is read by no claim and no figure; name it in a claim page's front matter or plot it with <@p.figure"
        + " experiment=\"example-widths\" …>");
    assertThat(tmp.resolve("broken")).doesNotExist();
  }
}
