package wdpaper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import wdpaper.data.MnistFile;

/** Bad inputs: each is one clear line, a documented exit code, and the previous output left as it was. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {
  Path tmp;
  Path project;
  Path out;
  Path cache;
  String manifest;

  @BeforeAll
  void buildAGoodOutputFirst(@TempDir Path dir) throws IOException {
    tmp = dir;
    project = Fixture.copyProject(tmp.resolve("project"));
    out = tmp.resolve("out");
    cache = tmp.resolve("cache");
    Fixture.Run r = Fixture.quickBuild(project, out, cache);
    assertThat(r.exit()).as(r.err()).isZero();
    manifest = Files.readString(out.resolve("manifest.sha256"));
  }

  private void assertOutputIntact() throws IOException {
    assertThat(Files.readString(out.resolve("manifest.sha256"))).isEqualTo(manifest);
    try (var s = Files.list(tmp)) {
      assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.contains("staging")).toList()).isEmpty();
    }
  }

  private static String oneLine(String err) {
    List<String> lines = err.lines().filter(l -> l.startsWith("error: ")).toList();
    assertThat(lines).hasSize(1);
    assertThat(err).doesNotContain("\tat ");
    return lines.get(0);
  }

  private Fixture.Run withFileChanged(String file, String from, String to) throws IOException {
    Path f = project.resolve(file);
    String keep = Files.readString(f);
    assertThat(keep).contains(from);
    Files.writeString(f, keep.replace(from, to));
    try {
      return Fixture.quickBuild(project, out, cache);
    } finally {
      Files.writeString(f, keep);
    }
  }

  @Test
  void unknownOptionIsAUsageError() {
    Fixture.Run r = Fixture.cli("build", "--qiuck");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("Unknown option: '--qiuck'");
  }

  @Test
  void benchRejectsBadCountsBeforeLoadingAnything() {
    Fixture.Run r = Fixture.cli("bench", "--epochs", "0");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(oneLine(r.err())).isEqualTo("error: --epochs must be at least 1, was 0");
    r = Fixture.cli("bench", "--sizes", "30,0");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(oneLine(r.err())).isEqualTo("error: --sizes: hidden widths must be at least 1, was 0");
  }

  @Test
  void malformedSpecNamesFileKeyAndValue() throws IOException {
    Fixture.Run r = withFileChanged("content/experiments/pure-decay.json", "\"eta\": 0.1", "\"eta\": -0.5");
    assertThat(r.exit()).isEqualTo(3);
    assertThat(oneLine(r.err())).isEqualTo("error: content/experiments/pure-decay.json: 'eta' must be > 0, was -0.5");
    assertOutputIntact();
    r = withFileChanged("content/experiments/pure-decay.json", "\"eta\": 0.1", "\"etta\": 0.1");
    assertThat(r.exit()).isEqualTo(3);
    assertThat(oneLine(r.err())).startsWith("error: content/experiments/pure-decay.json: unknown key 'etta', expected one of");
    r = withFileChanged("content/experiments/pure-decay.json", "\"epochs\": 2,", "\"epochs\": 2");
    assertThat(oneLine(r.err())).startsWith("error: content/experiments/pure-decay.json: invalid JSON at line");
    assertOutputIntact();
  }

  @Test
  void templateErrorNamesFileAndLine() throws IOException {
    Fixture.Run r = withFileChanged("content/02-book-figure.md", "${b.epochs} epochs", "${b.epohcs} epochs");
    assertThat(r.exit()).isEqualTo(3);
    assertThat(oneLine(r.err())).startsWith("error: content/02-book-figure.md:11:78: cannot evaluate 'b.epohcs'")
        .contains("b.epohcs");
    assertOutputIntact();
    r = withFileChanged("templates/page.ftlh", "${page.title} ·", "${page.title ·");
    assertThat(r.exit()).isEqualTo(3);
    assertThat(oneLine(r.err())).startsWith("error: templates/page.ftlh:5:");
    assertOutputIntact();
  }

  @Test
  void typedNumberInProseIsRejected() throws IOException {
    Fixture.Run r = withFileChanged("content/04-saturation.md", "**What we measure.**",
        "**What we measure.** About 63.8% are saturated.");
    assertThat(r.exit()).isEqualTo(3);
    assertThat(oneLine(r.err())).startsWith("error: content/04-saturation.md:17: literal number '63.8%' in the rendered"
        + " text");
    assertOutputIntact();
  }

  @Test
  void unknownFigureReferenceIsRejected() throws IOException {
    Fixture.Run r = withFileChanged("content/04-saturation.md", "(@fig:saturation)", "(@fig:saturaton)");
    assertThat(r.exit()).isEqualTo(3);
    assertThat(oneLine(r.err())).isEqualTo("error: content/04-saturation.md:18: reference @fig:saturaton names no"
        + " placed figure");
    assertOutputIntact();
  }

  @Test
  void divergingRunIsReported() throws IOException {
    Fixture.Run r = withFileChanged("content/experiments/pure-decay.json", "\"gradients\": false", "\"gradients\": true");
    assertThat(r.exit()).isZero();
    manifest = Files.readString(out.resolve("manifest.sha256"));
    r = withFileChanged("content/experiments/init-and-l2.json", "\"eta\": 0.1", "\"eta\": 1e200");
    assertThat(r.exit()).isEqualTo(5);
    assertThat(oneLine(r.err())).startsWith("error: experiment 'init-and-l2' run [784,30,10] old eta=").contains(
        "diverged at epoch 1");
    assertOutputIntact();
  }

  @Test
  void corruptAndWrongMnistFilesAreDataErrors() throws IOException {
    Path bad = Files.createDirectories(tmp.resolve("bad-mnist"));
    for (MnistFile f : MnistFile.values()) {
      Files.copy(Fixture.mnist().resolve(f.fileName()), bad.resolve(f.fileName()));
    }
    byte[] labels = Files.readAllBytes(bad.resolve("t10k-labels-idx1-ubyte"));
    labels[100] ^= 1;
    Files.write(bad.resolve("t10k-labels-idx1-ubyte"), labels);
    Fixture.Run r = Fixture.cli("build", "--quick", "--project", project.toString(), "--out", out.toString(),
        "--cache", cache.toString(), "--mnist-dir", bad.toString());
    assertThat(r.exit()).isEqualTo(4);
    assertThat(oneLine(r.err())).contains("t10k-labels-idx1-ubyte: SHA-256 ").contains("not the official MNIST file");
    Files.write(bad.resolve("t10k-labels-idx1-ubyte.gz"), new byte[] {0x1f, (byte) 0x8b, 1, 2});
    Files.delete(bad.resolve("t10k-labels-idx1-ubyte"));
    r = Fixture.cli("build", "--quick", "--project", project.toString(), "--out", out.toString(), "--cache",
        cache.toString(), "--mnist-dir", bad.toString());
    assertThat(r.exit()).isEqualTo(4);
    assertThat(oneLine(r.err())).contains("t10k-labels-idx1-ubyte.gz: corrupt gzip data");
    assertOutputIntact();
  }

  /** A build killed half-way (here: during training) leaves the previous output untouched. */
  @Test
  void interruptedBuildLeavesThePreviousOutput() throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), "wdpaper.cli.Main", "build",
        "--project", project.toString(), "--out", out.toString(), "--cache", tmp.resolve("slow-cache").toString(),
        "--mnist-dir", Fixture.mnist().toString(), "--jobs", "1"));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("killed.log").toFile())
        .start();
    Path runs = tmp.resolve("slow-cache/runs");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline && (!Files.isDirectory(runs) || Files.list(runs).count() < 1)) {
      Thread.sleep(200);
    }
    p.destroyForcibly().waitFor();
    assertThat(Files.isDirectory(runs)).as(Files.readString(tmp.resolve("killed.log"))).isTrue();
    assertOutputIntact();
    try (var s = Files.list(runs)) {
      for (Path f : s.toList()) {
        assertThat(f.getFileName().toString()).endsWith(".json");
        wdpaper.project.Json.MAPPER.readTree(f.toFile());
      }
    }
  }
}
