package wdpaper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import wdpaper.project.OutputFolder;

/**
 * Issue 11, tried as a careless and as a hostile user would: each case shows the clear one-line error (and its exit
 * code) or the safe behaviour, and that nothing of the user's is lost. One quick render from a shared run cache
 * serves the whole class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {
  Path tmp;
  Path project;
  Path cache;
  Path out;
  String manifest;

  @BeforeAll
  void renderAGoodOutputFirst(@TempDir Path dir) throws IOException {
    tmp = dir;
    project = Fixture.copyProject(tmp.resolve("project"));
    cache = Fixture.copyQuickCache(tmp.resolve("cache"));
    out = tmp.resolve("out");
    Fixture.Run r = render(out);
    assertThat(r.exit()).as(r.err()).isZero();
    manifest = Files.readString(out.resolve("manifest.sha256"));
  }

  private Fixture.Run render(Path target, String... extra) {
    return cli(List.of("render", "--quick", "--project", project.toString(), "--out", target.toString(), "--cache",
        cache.toString(), "--mnist-dir", Fixture.mnist().toString()), extra);
  }

  private static Fixture.Run cli(List<String> base, String... extra) {
    List<String> all = new java.util.ArrayList<>(base);
    all.addAll(List.of(extra));
    return Fixture.cli(all.toArray(String[]::new));
  }

  static String oneLine(Fixture.Run r) {
    List<String> lines = r.err().lines().filter(l -> l.startsWith("error: ")).toList();
    assertThat(lines).as(r.err()).hasSize(1);
    assertThat(r.err()).doesNotContain("\tat ");
    return lines.get(0);
  }

  /** A folder of the user's: a thesis and a subfolder. */
  private Path decoy(String name) throws IOException {
    Path d = tmp.resolve(name);
    Files.createDirectories(d.resolve("chapters"));
    Files.writeString(d.resolve("thesis.tex"), "\\documentclass{article} my thesis");
    Files.writeString(d.resolve("chapters/one.tex"), "chapter one");
    return d;
  }

  // ---- 1. data loss ------------------------------------------------------------------------------------------

  @Test
  void buildRenderAndCleanRefuseAFolderTheyDidNotCreate() throws IOException {
    Path thesis = decoy("thesis");
    Map<String, String> before = Fixture.snapshot(thesis);
    String refusal = "error: --out " + thesis + ": refusing to %s a folder that weight-decay-paper did not create (it"
        + " holds chapters/ and 1 more); use an empty or new folder";
    for (String cmd : List.of("build", "render")) {
      Fixture.Run r = cli(List.of(cmd, "--quick", "--project", project.toString(), "--out", thesis.toString(),
          "--cache", cache.toString(), "--mnist-dir", Fixture.mnist().toString()));
      assertThat(r.exit()).as(r.err()).isEqualTo(2);
      assertThat(oneLine(r)).isEqualTo(String.format(refusal, "replace"));
    }
    Fixture.Run r = Fixture.cli("clean", "--project", project.toString(), "--out", thesis.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(oneLine(r)).isEqualTo(String.format(refusal, "delete"));
    assertThat(Fixture.snapshot(thesis)).isEqualTo(before);
  }

  @Test
  void theProjectItsParentItsFoldersTheCacheAndFilesAreRefused() throws IOException {
    Path file = Files.writeString(tmp.resolve("some-file.txt"), "keep me");
    Files.writeString(project.resolve("thesis.tex"), "my thesis");
    Files.createDirectories(project.resolve(".git"));
    Files.writeString(project.resolve(".git/HEAD"), "ref: refs/heads/main");
    Map<String, String> before = Fixture.snapshot(tmp.resolve("project"));
    Map<String, String> cacheBefore = Fixture.snapshot(cache);
    Map<String, String> expected = new java.util.LinkedHashMap<>();
    expected.put(project.toString(), "refusing to replace the project folder itself");
    expected.put(project.resolve("..").toString(), "refusing to replace " + tmp.toRealPath()
        + ", which holds the project folder");
    expected.put(project.resolve("content").toString(), "refusing to replace the project's content/ folder");
    expected.put(project.resolve("templates").toString(), "refusing to replace the project's templates/ folder");
    expected.put(cache.toString(), "refusing to replace the cache folder");
    expected.put(file.toString(), "is a file, not a folder; refusing to replace it");
    expected.put("", "");
    for (var e : expected.entrySet()) {
      Fixture.Run r = cli(List.of("build", "--quick", "--project", project.toString(), "--out", e.getKey(),
          "--cache", cache.toString(), "--mnist-dir", Fixture.mnist().toString()));
      assertThat(r.exit()).as(e.getKey() + ": " + r.err()).isEqualTo(2);
      assertThat(oneLine(r)).startsWith(e.getKey().isEmpty() ? "error: --out \"\": an empty folder name; name a"
          + " folder, e.g. --out site" : "error: --out " + e.getKey() + ": " + e.getValue());
    }
    Fixture.Run r = cli(List.of("build", "--quick", "--project", project.toString(), "--out", out.toString(),
        "--cache", out.resolve("cache").toString(), "--mnist-dir", Fixture.mnist().toString()));
    assertThat(r.exit()).isEqualTo(2);
    assertThat(oneLine(r)).isEqualTo("error: --cache " + out.resolve("cache") + ": the cache folder would be inside the"
        + " output folder (--out " + out + "), which every build replaces; keep the cache outside it");
    r = Fixture.cli("clean", "--project", project.toString(), "--out", project.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(oneLine(r)).isEqualTo("error: --out " + project + ": refusing to delete the project folder itself;"
        + " name a new or empty folder, e.g. --out site");
    assertThat(Fixture.snapshot(tmp.resolve("project"))).isEqualTo(before);
    assertThat(Fixture.snapshot(cache)).isEqualTo(cacheBefore);
    assertThat(Files.readString(file)).isEqualTo("keep me");
    assertThat(Files.readString(out.resolve("manifest.sha256"))).isEqualTo(manifest);
  }

  /** As typed in a shell in the project folder: separate JVMs with the project as working directory. */
  @Test
  void relativeSpellingsTypedInTheProjectFolderAreRefused() throws Exception {
    Path p = Fixture.copyProject(tmp.resolve("shell/project"));
    Files.writeString(p.resolve("thesis.tex"), "my thesis");
    Files.writeString(tmp.resolve("shell/notes.txt"), "beside the project");
    Files.writeString(p.resolve("some-file.txt"), "keep me");
    Files.createDirectories(p.resolve(".git"));
    Files.writeString(p.resolve(".git/HEAD"), "ref: refs/heads/main");
    Map<String, String> before = Fixture.snapshot(tmp.resolve("shell"));
    String[][] cases = {
        {"build", "--out", ".", "error: --out .: refusing to replace the project folder itself"},
        {"build", "--out", "..", "error: --out ..: refusing to replace " + tmp.resolve("shell").toRealPath()
            + ", which holds the project folder"},
        {"build", "--out", "content", "error: --out content: refusing to replace the project's content/ folder"},
        {"build", "--out", "some-file.txt", "error: --out some-file.txt: is a file, not a folder"},
        {"build", "--out", "", "error: --out \"\": an empty folder name"},
        {"build", "--cache", "output", "error: output/: refusing to replace the cache folder (--cache output); the"
            + " output and the cache need folders of their own"},
        {"clean", "--out", ".", "error: --out .: refusing to delete the project folder itself"},
    };
    for (String[] c : cases) {
      Fixture.Run r = Fixture.java(p, List.of(), c[0], c[1], c[2]);
      assertThat(r.exit()).as(String.join(" ", c) + "\n" + r.err()).isEqualTo(2);
      assertThat(oneLine(r)).startsWith(c[3]);
    }
    assertThat(Fixture.snapshot(tmp.resolve("shell"))).isEqualTo(before);
  }

  @Test
  void everyOutputCarriesTheMarkerAndTheManifestListsEveryFile() throws IOException {
    assertThat(Files.readString(out.resolve(OutputFolder.MARKER))).startsWith("weight-decay-paper 0.1.0 output folder");
    TreeSet<String> files = new TreeSet<>();
    try (Stream<Path> s = Files.walk(out)) {
      s.filter(Files::isRegularFile).forEach(f -> files.add(out.relativize(f).toString()));
    }
    files.remove("manifest.sha256");
    assertThat(files).contains(OutputFolder.MARKER).doesNotContain(".gitkeep");
    assertThat(manifest.lines().map(l -> l.substring(66)).toList()).containsExactlyElementsOf(files);
  }

  @Test
  void cleanDeletesItsOwnOutputAndNothingElse() throws IOException {
    Path copy = tmp.resolve("clean-me");
    try (Stream<Path> s = Files.walk(out)) {
      for (Path f : s.sorted().toList()) {
        Path to = copy.resolve(out.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(to);
        } else {
          Files.copy(f, to);
        }
      }
    }
    Path sibling = decoy("clean-sibling");
    Fixture.Run r = Fixture.cli("clean", "--project", project.toString(), "--out", copy.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("deleted " + copy + "\n");
    assertThat(copy).doesNotExist();
    assertThat(sibling.resolve("thesis.tex")).exists();
    r = Fixture.cli("clean", "--project", project.toString(), "--out", copy.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo("nothing to delete: " + copy + " does not exist\n");
  }

  @Test
  void cleanRunsDeletesOnlyRunRecords() throws IOException {
    Path c = Fixture.copyQuickCache(tmp.resolve("clean-cache"));
    Files.writeString(c.resolve("runs/notes.txt"), "mine");
    Files.createDirectories(c.resolve("mnist"));
    Files.writeString(c.resolve("mnist/keep"), "kept");
    Fixture.Run r = Fixture.cli("clean", "--runs", "--project", project.toString(), "--out",
        tmp.resolve("nothing").toString(), "--cache", c.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("run records in " + c.resolve("runs") + "; kept 1 other files (notes.txt)");
    try (Stream<Path> s = Files.list(c.resolve("runs"))) {
      assertThat(s.map(x -> x.getFileName().toString()).toList()).containsExactly("notes.txt");
    }
    assertThat(c.resolve("mnist/keep")).exists();
  }

  // ---- 6. and 11. validation in every profile, command-line errors ----------------------------------------------

  /** Runs a quick build of the project with {@code file} changed, then restores the file. */
  private Fixture.Run withFileChanged(String file, String from, String to, String... extra) throws IOException {
    Path f = project.resolve(file);
    String keep = Files.readString(f);
    assertThat(keep).contains(from);
    Files.writeString(f, keep.replace(from, to));
    try {
      return cli(List.of("build", "--quick", "--project", project.toString(), "--out", out.toString(), "--cache",
          cache.toString(), "--mnist-dir", Fixture.mnist().toString()), extra);
    } finally {
      Files.writeString(f, keep);
    }
  }

  private void assertOutputIntact() throws IOException {
    assertThat(Files.readString(out.resolve("manifest.sha256"))).isEqualTo(manifest);
  }

  @Test
  void quickBuildsValidateSeedsEpochsSizesAsTheFullOneDoes() throws IOException {
    String spec = "content/experiments/pure-decay.json";
    String[][] cases = {
        {"\"seeds\": 3", "\"seeds\": 0", "'seeds' must be a count 1..1000 or a list of distinct positive integer seeds,"
            + " was 0"},
        {"\"seeds\": 3", "\"seeds\": [1, 1]", "'seeds' lists 1 twice, expected distinct seeds"},
        {"\"seeds\": 3", "\"seeds\": 1e9", "'seeds' must be a count 1..1000 or a list of distinct positive integer"
            + " seeds, was 1.0E9"},
        {"\"seeds\": 3", "\"seeds\": \"three\"", "'seeds' must be a count 1..1000 or a list of distinct positive"
            + " integer seeds, was \"three\""},
        {"\"epochs\": 2,", "\"epochs\": 2.5,", "'epochs' must be a whole number 1..10000, was 2.5"},
        {"\"epochs\": 2,", "\"epochs\": 1e9,", "'epochs' must be a whole number 1..10000, was 1.0E9"},
        {"\"eta\": 0.1", "\"eta\": 1e400", "'eta' must be a finite number, was Infinity (too large for a double)"},
        {"\"eta\": 0.1", "\"eta\": 0.1, \"eta\": 0.2", "invalid JSON at line"},
        {"\"sizes\": [784, 30, 10]", "\"sizes\": [784, 3000000, 10]", "'sizes' [784,3000000,10] with m = 10 needs"
            + " about"},
    };
    for (String[] c : cases) {
      Fixture.Run r = withFileChanged(spec, c[0], c[1]);
      assertThat(r.exit()).as(c[1] + ": " + r.err()).isEqualTo(3);
      assertThat(oneLine(r)).startsWith("error: " + spec + ": " + c[2]);
    }
    assertOutputIntact();
  }

  @Test
  void jobsBelowOneIsACommandLineError() {
    for (String jobs : List.of("0", "-1")) {
      Fixture.Run r = Fixture.cli("build", "--quick", "--jobs", jobs, "--project", project.toString(), "--out",
          out.toString(), "--cache", cache.toString());
      assertThat(r.exit()).isEqualTo(2);
      assertThat(oneLine(r)).isEqualTo("error: --jobs must be at least 1, was " + jobs);
    }
  }

  // ---- 4. cache integrity; 11. render needs no MNIST files ---------------------------------------------------------

  /** A private cache copy with its first run record changed by {@code edit}; returns the file. */
  private Path tamperedCache(Path c, java.util.function.UnaryOperator<wdpaper.experiments.RunRecord> edit)
      throws IOException {
    Fixture.copyQuickCache(c);
    Path f;
    try (Stream<Path> s = Files.list(c.resolve("runs"))) {
      f = s.filter(x -> x.toString().endsWith(".json")).sorted().findFirst().orElseThrow();
    }
    var r = wdpaper.project.Json.MAPPER.readValue(f.toFile(), wdpaper.experiments.RunRecord.class);
    Files.writeString(f, wdpaper.project.Json.write(edit.apply(r)));
    return f;
  }

  /** The number of run records in the cache {@code c}. */
  private static long runs(Path c) throws IOException {
    try (Stream<Path> s = Files.list(c.resolve("runs"))) {
      return s.filter(x -> x.toString().endsWith(".json")).count();
    }
  }

  @Test
  void aHandEditedNumberIsNamedByRenderAndRetrainedByBuild() throws IOException {
    Path c = tmp.resolve("edited-cache");
    Path f = tamperedCache(c, r -> r);
    String text = Files.readString(f);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"testAccuracy\" : ([0-9.]+)").matcher(text);
    assertThat(m.find()).isTrue();
    Files.writeString(f, text.replace(m.group(), "\"testAccuracy\" : 0.999"));
    Path o = tmp.resolve("edited-out");
    Fixture.Run r = cli(List.of("render", "--quick", "--project", project.toString(), "--out", o.toString(),
        "--cache", c.toString()));
    assertThat(r.exit()).isEqualTo(3);
    assertThat(oneLine(r)).isEqualTo("error: cache file " + f + " has been changed since it was written (the SHA-256"
        + " of its result does not match); run 'build' to retrain it");
    assertThat(o).doesNotExist();
    r = cli(List.of("build", "--quick", "--project", project.toString(), "--out", o.toString(), "--cache",
        c.toString(), "--mnist-dir", Fixture.mnist().toString()));
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).contains("cache: " + f + " has been changed since it was written (the SHA-256 of its result"
        + " does not match); retraining it").contains("runs: 1 to train, " + (runs(c) - 1) + " from the cache");
    assertThat(Files.readString(f)).doesNotContain("\"testAccuracy\" : 0.999");
    // the same results again, so the same files byte for byte (no page prints a measured time)
    assertThat(Files.readAllLines(o.resolve("manifest.sha256"))).isEqualTo(manifest.lines().toList());
  }

  @Test
  void aShortenedEpochListIsNamedNeverAnIndexError() throws IOException {
    Path c = tmp.resolve("short-cache");
    Path f = tamperedCache(c, r -> {
      var t = r.result();
      var shorter = new wdpaper.nn.TrainingResult(t.status(), t.divergedAtEpoch(), t.epochs().subList(0,
          t.epochs().size() - 1), t.snapshots(), t.histograms(), t.testAccuracy());
      return new wdpaper.experiments.RunRecord(r.key(), r.trainerVersion(), r.spec(), r.dataChecksums(),
          r.provenance(), wdpaper.experiments.RunRecord.payloadSha256(shorter), shorter);
    });
    Fixture.Run r = cli(List.of("render", "--quick", "--project", project.toString(), "--out",
        tmp.resolve("short-out").toString(), "--cache", c.toString()));
    assertThat(r.exit()).isEqualTo(3);
    assertThat(oneLine(r)).startsWith("error: cache file " + f + " holds ").contains(" epochs after initialization,"
        + " its spec asks for ").endsWith("(status ok: a shorter run must record why it ended); run 'build' to"
        + " retrain it");
    assertThat(r.err()).doesNotContain("IndexOutOfBounds");
  }

  @Test
  void renderNeedsOnlyThePinnedChecksumsNotTheMnistFiles() throws IOException {
    Path empty = Files.createDirectories(tmp.resolve("no-mnist"));
    Path c = Fixture.copyQuickCache(tmp.resolve("runs-only-cache"));
    Path o = tmp.resolve("no-mnist-out");
    Fixture.Run r = cli(List.of("render", "--quick", "--project", project.toString(), "--out", o.toString(),
        "--cache", c.toString(), "--mnist-dir", empty.toString()));
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).doesNotContain("MNIST");
    assertThat(c.resolve("mnist")).doesNotExist();
    assertThat(Files.readString(o.resolve("manifest.sha256"))).isEqualTo(manifest);
  }

  // ---- 5. silent page loss -------------------------------------------------------------------------------------

  @Test
  void unterminatedMathAndDuplicatePagesAreErrorsNamingFileAndLine() throws IOException {
    // a closing '$$ {#eq:update}' typed as '$ {#eq:update}': the formula would run to the end of the page
    Fixture.Run r = withFileChanged("content/01-introduction.md", "$$ {#eq:update}", "$ {#eq:update}");
    assertThat(r.exit()).isEqualTo(3);
    assertThat(oneLine(r)).isEqualTo("error: content/01-introduction.md:16: unterminated $$: the display formula"
        + " that starts here is never closed by a line ending in $$, so it would swallow the rest of the page");
    Path copy = project.resolve("content/09-introduction.md");
    Files.writeString(copy, "---\ntitle: Another introduction\norder: 9\n---\nText.\n");
    try {
      r = withFileChanged("content/08-appendix.md", "order: 8", "order: 8");
      assertThat(r.exit()).isEqualTo(3);
      assertThat(oneLine(r)).isEqualTo("error: content/09-introduction.md: the page name 'introduction' is also that"
          + " of content/01-introduction.md (both would be introduction.html); rename one of them");
    } finally {
      Files.delete(copy);
    }
    r = withFileChanged("content/08-appendix.md", "order: 8", "order: 7");
    assertThat(r.exit()).isEqualTo(3);
    assertThat(oneLine(r)).isEqualTo("error: content/08-appendix.md:3: order 7 is also that of"
        + " content/07-claim-4.md; give each page its own order");
    assertOutputIntact();
  }

  @Test
  void windowsLineEndsInFrontMatterArePlainText() throws IOException {
    String intro = Files.readString(project.resolve("content/01-introduction.md"));
    Fixture.Run r = withFileChanged("content/01-introduction.md", intro, intro.replace("\n", "\r\n"));
    assertThat(r.exit()).as(r.err()).isZero();
    assertOutputIntact();
  }

  // ---- 8. one build at a time ----------------------------------------------------------------------------------

  /** Two renders at once into one folder (in this JVM): the second waits, both succeed, the output is complete. */
  @Test
  void twoBuildsAtOnceTakeTurns() throws Exception {
    Path o = tmp.resolve("together");
    Fixture.Run[] runs = new Fixture.Run[2];
    Thread[] threads = new Thread[2];
    for (int i = 0; i < 2; i++) {
      int k = i;
      threads[i] = new Thread(() -> runs[k] = render(o));
      threads[i].start();
    }
    for (Thread t : threads) {
      t.join(300_000);
    }
    assertThat(runs[0].exit()).as(runs[0].err()).isZero();
    assertThat(runs[1].exit()).as(runs[1].err()).isZero();
    assertThat(runs[0].err() + runs[1].err()).contains("waiting for another build in this process to finish");
    assertThat(Files.readString(o.resolve("manifest.sha256"))).isEqualTo(manifest);
    try (Stream<Path> s = Files.list(tmp)) {
      assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".together.")).toList())
          .containsExactly(".together.lock");
    }
  }

  /** Another process holding the lock: a second command waits, naming it, and goes on when it is released. */
  @Test
  void aBuildInAnotherProcessIsWaitedFor() throws Exception {
    Path o = tmp.resolve("held");
    Files.createDirectories(o);
    Path lock = tmp.resolve(".held.lock");
    Path err = tmp.resolve("held.err");
    Process clean;
    try (wdpaper.project.BuildLock held = wdpaper.project.BuildLock.acquire("test", s -> {}, List.of(lock))) {
      clean = Fixture.start(tmp, CrossProcessTest.FAST_START, tmp.resolve("held.out"), err, "clean", "--project",
          project.toString(), "--out", o.toString());
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
      while (clean.isAlive() && System.nanoTime() < deadline && !Files.readString(err).contains("waiting")) {
        Thread.sleep(100);
      }
      assertThat(Files.readString(err)).isEqualTo("waiting for pid " + ProcessHandle.current().pid()
          + " (weight-decay-paper test) to finish (it holds the lock " + lock + "); Ctrl-C to stop\n");
      assertThat(clean.isAlive()).isTrue();
      assertThat(o).exists();
    }
    assertThat(clean.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(clean.exitValue()).as(Files.readString(err)).isZero();
    assertThat(o).doesNotExist();
  }

  // ---- 9. and 10. nothing outside the project reaches the site ---------------------------------------------------

  @Test
  void aSymlinkOutOfTheProjectIsRefusedAndNothingLeaks() throws IOException {
    Path secret = Files.writeString(tmp.resolve("passwd"), "root:x:0:0:secret");
    Path leak = Files.createSymbolicLink(project.resolve("templates/assets/leak.css"), secret);
    try {
      Fixture.Run r = cli(List.of("build", "--quick", "--project", project.toString(), "--out", out.toString(),
          "--cache", cache.toString(), "--mnist-dir", Fixture.mnist().toString()));
      assertThat(r.exit()).isEqualTo(3);
      assertThat(oneLine(r)).isEqualTo("error: templates/assets/leak.css: is a symbolic link to " + secret.toRealPath()
          + ", outside the project; refusing to use it (copy the file into the project instead)");
    } finally {
      Files.delete(leak);
    }
    Path include = project.resolve("templates/partials/leak.ftlh");
    Files.createSymbolicLink(include, secret);
    try {
      Fixture.Run r = withFileChanged("templates/page.ftlh", "<#include \"partials/footer.ftlh\">",
          "<#include \"partials/leak.ftlh\">");
      assertThat(r.exit()).isEqualTo(3);
      assertThat(oneLine(r)).startsWith("error: templates/partials/leak.ftlh: is a symbolic link to ");
    } finally {
      Files.delete(include);
    }
    assertOutputIntact();
    try (Stream<Path> s = Files.walk(out)) {
      for (Path f : s.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("secret");
      }
    }
  }

  @Test
  void rawScriptsEventHandlersAndJavascriptLinksAreRejected() throws IOException {
    String[][] cases = {
        {"<script>alert(1)</script>", "raw HTML <script> is not allowed in content"},
        {"<img src=x onerror=alert(1)>", "raw HTML <img> is not allowed in content"},
        {"[click](javascript:alert(1))", "link to 'javascript:alert(1)' is not allowed"},
    };
    for (String[] c : cases) {
      Fixture.Run r = withFileChanged("content/04-saturation.md", "**What we measure.**", c[0] + "\n\n**What we"
          + " measure.**");
      assertThat(r.exit()).as(c[0]).isEqualTo(3);
      assertThat(oneLine(r)).startsWith("error: content/04-saturation.md:17: " + c[1]);
    }
    assertOutputIntact();
  }

  @Test
  void everyPageForbidsExternalLoads() throws IOException {
    try (Stream<Path> s = Files.list(out)) {
      for (Path page : s.filter(p -> p.toString().endsWith(".html") && !p.endsWith("paper.html")).toList()) {
        assertThat(org.jsoup.Jsoup.parse(page.toFile()).select("meta[http-equiv=Content-Security-Policy]")
            .attr("content")).as(page.getFileName().toString()).startsWith("default-src 'self'; img-src 'self' data:;")
            .containsPattern("script-src '(self|none)';");
        // scripts only as same-origin files (the copy buttons' assets/cite.js), never inline
        assertThat(org.jsoup.Jsoup.parse(page.toFile()).select("script:not([src])")).as(page.getFileName()
            .toString()).isEmpty();
      }
    }
  }

  // ---- 11. the smaller items -----------------------------------------------------------------------------------

  @Test
  void aSymlinkedOutputIsFollowedAndTheLinkKept() throws IOException {
    Path www = tmp.resolve("www");
    Path site = Files.createDirectories(www.resolve("site"));
    Path link = Files.createSymbolicLink(tmp.resolve("linked-output"), site);
    Fixture.Run r = render(link);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(link.resolve("manifest.sha256"))).isEqualTo(manifest);
    try (Stream<Path> s = Files.list(www)) {
      assertThat(s.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly(".site.lock", "site");
    }
    r = Fixture.cli("clean", "--project", project.toString(), "--out", link.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Files.isSymbolicLink(link)).isTrue();
    try (Stream<Path> s = Files.list(site)) {
      assertThat(s.toList()).isEmpty();
    }
  }

  @Test
  void fileSystemErrorsSayWhatWasBeingDoneWhereAndWhy() throws IOException {
    Path inTheWay = Files.writeString(tmp.resolve("in-the-way"), "a file");
    Fixture.Run r = render(inTheWay.resolve("site"));
    assertThat(r.exit()).isEqualTo(6);
    assertThat(oneLine(r)).isEqualTo("error: cannot create the folder " + inTheWay + ": a file of that name is in the"
        + " way");
  }

  @Test
  void permissionErrorsSayWhatWasBeingDoneWhereAndWhy() throws IOException {
    Fixture.Run r;
    org.junit.jupiter.api.Assumptions.assumeFalse("root".equals(System.getProperty("user.name")),
        "permissions do not stop root (CI runs the rest as a normal user)");
    Path locked = Files.createDirectories(tmp.resolve("read-only"));
    Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      r = render(locked.resolve("site"));
      assertThat(r.exit()).isEqualTo(6);
      assertThat(oneLine(r)).isEqualTo("error: cannot create or lock the lock file " + locked.resolve(".site.lock")
          + ": permission denied");
    } finally {
      Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }
}
