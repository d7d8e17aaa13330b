package wdpaper.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output-folder rules, the swap and its recovery, on decoy folders (no build needed). */
class OutputFolderTest {
  @TempDir Path tmp;
  Path project;
  List<String> log = new ArrayList<>();

  @BeforeEach
  void aProjectWithDecoys() throws IOException {
    project = tmp.resolve("project");
    for (String f : List.of("content/01-a.md", "templates/page.ftlh", "src/main/X.java", ".git/HEAD", "thesis.tex")) {
      Files.createDirectories(project.resolve(f).getParent());
      Files.writeString(project.resolve(f), "decoy " + f);
    }
  }

  private ProjectPaths paths(Path out) {
    return ProjectPaths.of(project, out, null);
  }

  private static String refusal(ProjectPaths paths, String verb) {
    try {
      OutputFolder.of(paths, "--out X", "--cache C", verb);
    } catch (UserError e) {
      assertThat(e.exitCode()).isEqualTo(ExitCodes.USAGE);
      return e.getMessage();
    }
    throw new AssertionError("not refused: " + paths.output());
  }

  static Map<String, String> snapshot(Path dir) throws IOException {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
        m.put(dir.relativize(p).toString(), Files.readString(p));
      }
    }
    return m;
  }

  /** A finished output folder as a build leaves it: marker, one page, manifest listing both. */
  private Path output(Path dir, String page) throws IOException {
    Files.createDirectories(dir.resolve("figures"));
    Files.writeString(dir.resolve(OutputFolder.MARKER), OutputFolder.MARKER_TEXT);
    Files.writeString(dir.resolve("index.html"), page);
    Files.writeString(dir.resolve("figures/a.svg"), "<svg/>");
    Files.writeString(dir.resolve(OutputFolder.MANIFEST), "x  " + OutputFolder.MARKER + "\nx  figures/a.svg\n"
        + "x  index.html\n");
    return dir;
  }

  private Path staged(OutputFolder f, String page) throws IOException {
    Path s = f.stage(log::add);
    return output(s, page);
  }

  @Test
  void refusesTheProjectItsAncestorsAndItsSourceFolders() {
    assertThat(refusal(paths(project), "replace"))
        .isEqualTo("--out X: refusing to replace the project folder itself; name a new or empty folder, e.g. --out site");
    assertThat(refusal(paths(project.resolve("..")), "replace"))
        .isEqualTo("--out X: refusing to replace " + ProjectPaths.real(tmp) + ", which holds the project folder");
    assertThat(refusal(paths(Path.of("/")), "delete")).isEqualTo("--out X: refusing to delete the root of the file"
        + " system");
    for (String sub : List.of("content", "templates", "src", ".git")) {
      assertThat(refusal(paths(project.resolve(sub)), "replace"))
          .isEqualTo("--out X: refusing to replace the project's " + sub + "/ folder");
      assertThat(refusal(paths(project.resolve(sub).resolve("site")), "replace"))
          .isEqualTo("--out X: refusing to build inside the project's " + sub + "/ folder");
    }
  }

  @Test
  void refusesTheHomeFolderAndWhatHoldsIt() throws IOException {
    Path home = Files.createDirectories(tmp.resolve("users/me"));
    String keep = System.getProperty("user.home");
    System.setProperty("user.home", home.toString());
    try {
      assertThat(refusal(paths(home), "replace")).isEqualTo("--out X: refusing to replace the home folder");
      assertThat(refusal(paths(home.getParent()), "delete"))
          .isEqualTo("--out X: refusing to delete " + ProjectPaths.real(home.getParent()) + ", which holds the home"
              + " folder");
      assertThatThrownBy(() -> OutputFolder.checkCache(ProjectPaths.of(project, null, home), "--cache ~"))
          .hasMessage("--cache ~: refusing to use the home folder as the cache folder; name a folder of its own,"
              + " e.g. --cache .cache");
    } finally {
      System.setProperty("user.home", keep);
    }
  }

  @Test
  void refusesTheCacheAnOutputInsideItAndACacheInsideTheOutput() {
    Path cache = tmp.resolve("cache");
    assertThat(refusal(ProjectPaths.of(project, cache, cache), "replace"))
        .isEqualTo("--out X: refusing to replace the cache folder (--cache C); the output and the cache need folders"
            + " of their own");
    assertThat(refusal(ProjectPaths.of(project, cache.resolve("site"), cache), "replace"))
        .isEqualTo("--out X: refusing to build inside the cache folder (--cache C)");
    assertThat(refusal(ProjectPaths.of(project, tmp.resolve("out"), tmp.resolve("out/cache")), "replace"))
        .isEqualTo("--cache C: the cache folder would be inside the output folder (--out X), which every build"
            + " replaces; keep the cache outside it");
    assertThatThrownBy(() -> OutputFolder.checkCache(ProjectPaths.of(project, null, project), "--cache ."))
        .hasMessage("--cache .: refusing to use the project folder as the cache folder; name a folder of its own,"
            + " e.g. --cache .cache");
    assertThatThrownBy(() -> OutputFolder.checkCache(ProjectPaths.of(project, null, project.resolve("content")),
        "--cache content")).hasMessage("--cache content: refusing to keep the cache in the project's content/ folder");
  }

  @Test
  void refusesFilesAndFoldersItDidNotCreateAndLeavesThemAlone() throws IOException {
    Path file = Files.writeString(tmp.resolve("some-file.txt"), "mine");
    assertThat(refusal(paths(file), "replace")).isEqualTo("--out X: is a file, not a folder; refusing to replace it");
    Path thesis = tmp.resolve("thesis");
    Files.createDirectories(thesis.resolve("chapters"));
    Files.writeString(thesis.resolve("thesis.tex"), "\\documentclass{article}");
    Files.writeString(thesis.resolve("chapters/one.tex"), "one");
    Map<String, String> before = snapshot(thesis);
    assertThat(refusal(paths(thesis), "delete")).isEqualTo("--out X: refusing to delete a folder that"
        + " weight-decay-paper did not create (it holds chapters/ and 1 more); use an empty or new folder");
    assertThat(snapshot(thesis)).isEqualTo(before);
    assertThat(Files.readString(file)).isEqualTo("mine");
  }

  @Test
  void acceptsAbsentEmptyAndMarkedFolders() throws IOException {
    OutputFolder.of(paths(tmp.resolve("new")), "--out new", "--cache C", "replace");
    OutputFolder.of(paths(Files.createDirectories(tmp.resolve("empty"))), "--out empty", "--cache C", "replace");
    OutputFolder.of(paths(output(tmp.resolve("ours"), "old")), "--out ours", "--cache C", "replace");
    Path fake = Files.createDirectories(tmp.resolve("fake"));
    Files.writeString(fake.resolve(OutputFolder.MARKER), "somebody else's marker");
    Files.writeString(fake.resolve("notes.txt"), "mine");
    assertThat(refusal(paths(fake), "replace")).contains("did not create");
  }

  @Test
  void emptyNamesAreRefused() {
    assertThatThrownBy(() -> ProjectPaths.of(project, Path.of(""), null))
        .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCodes.USAGE))
        .hasMessage("--out \"\": an empty folder name; name a folder, e.g. --out site");
  }

  @Test
  void swapReplacesTheOutputAndLeavesNothingBeside() throws IOException {
    Path out = output(tmp.resolve("out"), "old");
    OutputFolder f = OutputFolder.of(paths(out));
    Path s = staged(f, "new");
    assertThat(Files.readString(s.resolve(OutputFolder.MARKER))).startsWith("weight-decay-paper 0.1.0");
    f.commit(s);
    assertThat(Files.readString(out.resolve("index.html"))).isEqualTo("new");
    try (Stream<Path> l = Files.list(tmp)) {
      assertThat(l.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly("out", "project");
    }
  }

  @Test
  void aManifestThatMissesAFileIsNeverPublished() throws IOException {
    Path out = output(tmp.resolve("out"), "old");
    OutputFolder f = OutputFolder.of(paths(out));
    Path s = staged(f, "new");
    Files.writeString(s.resolve("stray.txt"), "not in the manifest");
    assertThatThrownBy(() -> f.commit(s)).isInstanceOf(UserError.class).hasMessage("output: stray.txt was produced"
        + " by no stage of the build (it is not in manifest.sha256); refusing to publish it, the previous output is"
        + " left in place");
    f.discard(s);
    assertThat(Files.readString(out.resolve("index.html"))).isEqualTo("old");
    assertThat(s).doesNotExist();
  }

  @Test
  void anOutputHoldingAFileNoStageProducedIsNeitherReplacedNorDeleted() throws IOException {
    Path out = output(tmp.resolve("out"), "old");
    Files.writeString(out.resolve("CNAME"), "paper.example.org");
    Files.writeString(out.resolve("figures/notes.txt"), "mine");
    for (String verb : List.of("replace", "delete")) {
      assertThat(refusal(paths(out), verb)).isEqualTo("--out X: holds CNAME and 1 more file that no build stage"
          + " produced (not in manifest.sha256); refusing to " + verb + " the folder and lose it: move it out of"
          + " --out X first");
    }
    assertThat(Files.readString(out.resolve("CNAME"))).isEqualTo("paper.example.org");
    Files.delete(out.resolve("CNAME"));
    Files.delete(out.resolve("figures/notes.txt"));
    assertThat(OutputFolder.of(paths(out)).target()).isEqualTo(ProjectPaths.real(out));
  }

  @Test
  void filesAreWorldReadableWhateverTheUmask() throws IOException {
    Path out = tmp.resolve("out");
    OutputFolder f = OutputFolder.of(paths(out));
    Path s = f.stage(log::add);
    AtomicFiles.write(s.resolve("figures/x.svg"), "<svg/>");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(s))).isEqualTo("rwxr-xr-x");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(s.resolve("figures")))).isEqualTo(
        "rwxr-xr-x");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(s.resolve("figures/x.svg"))))
        .isEqualTo("rw-r--r--");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(s.resolve(OutputFolder.MARKER))))
        .isEqualTo("rw-r--r--");
  }

  /** Each state a crash can leave, and what the next run makes of it. */
  @Test
  void recoveryFinishesOrRollsBackAnInterruptedSwap() throws IOException {
    Path out = tmp.resolve("out");
    // crash after 'staged': old output in place, complete new one beside it -> finished
    output(out, "old");
    output(tmp.resolve(".out.new"), "new");
    OutputFolder.of(paths(out)).recover(log::add);
    assertThat(Files.readString(out.resolve("index.html"))).isEqualTo("new");
    assertThat(tmp.resolve(".out.new")).doesNotExist();
    assertThat(tmp.resolve(".out.old")).doesNotExist();
    // crash after 'first-rename': no output, old and new beside -> new put in place, old deleted
    Files.move(out, tmp.resolve(".out.old"));
    output(tmp.resolve(".out.new"), "newer");
    OutputFolder.of(paths(out)).recover(log::add);
    assertThat(Files.readString(out.resolve("index.html"))).isEqualTo("newer");
    assertThat(tmp.resolve(".out.old")).doesNotExist();
    // only the old one left (e.g. the new one was deleted by hand) -> rolled back
    Files.move(out, tmp.resolve(".out.old"));
    OutputFolder.of(paths(out)).recover(log::add);
    assertThat(Files.readString(out.resolve("index.html"))).isEqualTo("newer");
    // crash half-way through deleting the old one -> the rest deleted (its marker was kept to the end)
    output(tmp.resolve(".out.old"), "old");
    Files.delete(tmp.resolve(".out.old/index.html"));
    Path stale = output(tmp.resolve(".out.staging-123"), "half");
    OutputFolder.of(paths(out)).recover(log::add);
    assertThat(tmp.resolve(".out.old")).doesNotExist();
    assertThat(stale).doesNotExist();
    assertThat(log).containsExactly(
        "output: finished a swap that was interrupted; --out " + out + " holds the newer complete build",
        "output: finished a swap that was interrupted; --out " + out + " holds the newer complete build",
        "output: restored the previous output from " + tmp.resolve(".out.old") + " (a swap was interrupted)");
  }

  @Test
  void recoveryNeverTouchesAFolderWithoutTheMarker() throws IOException {
    Path out = output(tmp.resolve("out"), "old");
    Path userOld = Files.createDirectories(tmp.resolve(".out.old"));
    Files.writeString(userOld.resolve("mine.txt"), "mine");
    Path userStaging = Files.createDirectories(tmp.resolve(".out.staging-mine"));
    Files.writeString(userStaging.resolve("mine.txt"), "mine too");
    assertThatThrownBy(() -> OutputFolder.of(paths(out)).recover(log::add)).hasMessageContaining("did not create");
    assertThat(Files.readString(userOld.resolve("mine.txt"))).isEqualTo("mine");
    Files.delete(userOld.resolve("mine.txt"));
    OutputFolder.of(paths(out)).recover(log::add);
    assertThat(Files.readString(userStaging.resolve("mine.txt"))).isEqualTo("mine too");
    assertThat(log).anyMatch(l -> l.contains("leaving") && l.contains(".out.staging-mine"));
  }

  @Test
  void aSymlinkedOutputIsFollowedAndKept() throws IOException {
    Path www = output(tmp.resolve("www/site"), "old");
    Path link = Files.createSymbolicLink(tmp.resolve("out"), www);
    OutputFolder f = OutputFolder.of(paths(link));
    assertThat(f.target()).isEqualTo(www.toRealPath());
    f.commit(staged(f, "new"));
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(link.resolve("index.html"))).isEqualTo("new");
    assertThat(f.delete(log::add)).isTrue();
    assertThat(Files.isSymbolicLink(link)).isTrue();
    try (Stream<Path> s = Files.list(www)) {
      assertThat(s.toList()).isEmpty();
    }
    Files.delete(www);
    assertThat(refusal(paths(link), "replace")).isEqualTo("--out X: is a symbolic link to " + www + ", which does"
        + " not exist; create that folder or remove the link");
  }
}
