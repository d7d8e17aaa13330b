package wdpaper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What only separate JVMs can show: the same cache renders byte-identically in another process (hash-ordered
 * collections such as {@code Map.of} iterate in a different order in every JVM), and a build halted at each step
 * of the output swap leaves a complete output that the next run (even a failing one) repairs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossProcessTest {
  /** Short-lived JVMs start faster without the optimizing compiler; results do not depend on it. */
  static final List<String> FAST_START = List.of("-XX:TieredStopAtLevel=1");

  Path tmp;
  Path project;
  Path oldProject;
  Path brokenProject;
  Path cache;
  String manifest;
  String oldManifest;

  @BeforeAll
  void renderInThisJvm(@TempDir Path dir) throws IOException {
    tmp = dir;
    project = Fixture.copyProject(tmp.resolve("project"));
    cache = Fixture.copyQuickCache(tmp.resolve("cache"));
    Fixture.Run r = Fixture.cli(render(project, tmp.resolve("here")));
    assertThat(r.exit()).as(r.err()).isZero();
    manifest = Files.readString(tmp.resolve("here/manifest.sha256"));
    oldProject = Fixture.copyProject(tmp.resolve("old-project"));
    Path intro = oldProject.resolve("content/01-introduction.md");
    Files.writeString(intro, Files.readString(intro).replace("## The setting", "An older version.\n\n## The setting"));
    r = Fixture.cli(render(oldProject, tmp.resolve("old")));
    assertThat(r.exit()).as(r.err()).isZero();
    oldManifest = Files.readString(tmp.resolve("old/manifest.sha256"));
    assertThat(oldManifest).isNotEqualTo(manifest);
    brokenProject = Fixture.copyProject(tmp.resolve("broken-project"));
    Files.writeString(brokenProject.resolve("content/experiments/pure-decay.json"), "{ broken");
  }

  private String[] render(Path projectDir, Path out) {
    return new String[] {"render", "--quick", "--project", projectDir.toString(), "--out", out.toString(), "--cache",
        cache.toString(), "--mnist-dir", Fixture.mnist().toString()};
  }

  /** The manifest of {@code dir} if every file it lists is there with its SHA-256 and nothing else is; else null. */
  static String complete(Path dir) throws IOException {
    if (!Files.isRegularFile(dir.resolve("manifest.sha256"))) {
      return null;
    }
    String manifest = Files.readString(dir.resolve("manifest.sha256"));
    java.util.Set<String> listed = new java.util.TreeSet<>();
    for (String line : manifest.lines().toList()) {
      String file = line.substring(66);
      listed.add(file);
      Path f = dir.resolve(file);
      if (!Files.isRegularFile(f) || !wdpaper.project.Hashing.sha256(f).equals(line.substring(0, 64))) {
        return null;
      }
    }
    try (var s = Files.walk(dir)) {
      java.util.Set<String> present = new java.util.TreeSet<>(s.filter(Files::isRegularFile)
          .map(p -> dir.relativize(p).toString()).filter(n -> !n.equals("manifest.sha256")).toList());
      return present.equals(listed) ? manifest : null;
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (var s = Files.walk(from)) {
      for (Path p : s.sorted().toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
  }

  /**
   * For each step of the swap: a render in another JVM halted right after it (Runtime.halt, as kill -9), then the
   * state on disk, then a render that fails (a broken spec) but first repairs the output.
   */
  @Test
  void aBuildHaltedAtAnyStepOfTheSwapLeavesACompleteOutputThatTheNextRunRepairs() throws Exception {
    // the halted renders run side by side (separate outputs), then each state is checked and repaired in turn
    java.util.Map<String, Process> halted = new java.util.LinkedHashMap<>();
    for (String point : wdpaper.project.OutputFolder.CRASH_POINTS) {
      Path parent = Files.createDirectories(tmp.resolve("crash-" + point));
      Path out = parent.resolve("site");
      copyTree(tmp.resolve("old"), out);
      halted.put(point, Fixture.start(tmp, FAST_START_CRASH(point), parent.resolve("out.txt"), parent.resolve(
          "err.txt"), render(project, out)));
    }
    for (var e : halted.entrySet()) {
      assertThat(e.getValue().waitFor(5, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
      Path parent = tmp.resolve("crash-" + e.getKey());
      String err = Files.readString(parent.resolve("err.txt"));
      assertThat(e.getValue().exitValue()).as(e.getKey() + ": " + err).isEqualTo(99);
      assertThat(err).contains("wdpaper: crash injected after " + e.getKey());
      Files.delete(parent.resolve("out.txt"));
      Files.delete(parent.resolve("err.txt"));
    }
    for (String point : wdpaper.project.OutputFolder.CRASH_POINTS) {
      Path parent = tmp.resolve("crash-" + point);
      Path out = parent.resolve("site");
      Path next = parent.resolve(".site.new");
      Path old = parent.resolve(".site.old");
      switch (point) {
        case "staged" -> {
          assertThat(complete(out)).isEqualTo(oldManifest);
          assertThat(complete(next)).isEqualTo(manifest);
        }
        case "first-rename" -> {
          assertThat(out).doesNotExist();
          assertThat(complete(old)).isEqualTo(oldManifest);
          assertThat(complete(next)).isEqualTo(manifest);
        }
        case "second-rename" -> {
          assertThat(complete(out)).isEqualTo(manifest);
          assertThat(complete(old)).isEqualTo(oldManifest);
        }
        case "deleting-old" -> {
          assertThat(complete(out)).isEqualTo(manifest);
          assertThat(old.resolve(wdpaper.project.OutputFolder.MARKER)).exists();
          assertThat(complete(old)).isNull();
        }
        default -> throw new AssertionError(point);
      }
      Fixture.Run next2 = Fixture.cli(render(brokenProject, out));
      assertThat(next2.exit()).as(next2.err()).isEqualTo(3);
      assertThat(complete(out)).as(point + ": repaired by the next, failing, run").isEqualTo(manifest);
      try (var s = Files.list(parent)) {
        assertThat(s.map(p -> p.getFileName().toString()).sorted().toList()).as(point)
            .containsExactly(".site.lock", "site");
      }
    }
  }

  private static List<String> FAST_START_CRASH(String point) {
    return List.of("-XX:TieredStopAtLevel=1", "-D" + wdpaper.project.OutputFolder.CRASH_PROPERTY + "=" + point);
  }

  /**
   * The pages are rendered on one thread per core (SiteBuilder) and the figures on the others (Pipeline): a JVM that
   * sees one core and one that sees four write the same bytes as this one.
   */
  @Test
  void theSameCacheRendersByteIdenticallyOnOneCoreAndOnFour() throws Exception {
    for (int cores : new int[] {1, 4}) {
      List<String> jvm = new java.util.ArrayList<>(FAST_START);
      jvm.add("-XX:ActiveProcessorCount=" + cores);
      Fixture.Run r = Fixture.java(tmp, jvm, render(project, tmp.resolve("cores-" + cores)));
      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(Files.readString(tmp.resolve("cores-" + cores + "/manifest.sha256"))).as(cores + " cores")
          .isEqualTo(manifest);
    }
  }

  @Test
  void theSameCacheRendersByteIdenticallyInAnotherJvm() throws Exception {
    Fixture.Run r = Fixture.java(tmp, FAST_START, render(project, tmp.resolve("there")));
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Files.readString(tmp.resolve("there/manifest.sha256"))).isEqualTo(manifest);
  }
}
