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
 * collections such as {@code Map.of} iterate in a different order in every JVM).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossProcessTest {
  /** Short-lived JVMs start faster without the optimizing compiler; results do not depend on it. */
  static final List<String> FAST_START = List.of("-XX:TieredStopAtLevel=1");

  Path tmp;
  Path project;
  Path cache;
  String manifest;

  @BeforeAll
  void renderInThisJvm(@TempDir Path dir) throws IOException {
    tmp = dir;
    project = Fixture.copyProject(tmp.resolve("project"));
    cache = Fixture.copyQuickCache(tmp.resolve("cache"));
    Fixture.Run r = Fixture.cli(render(tmp.resolve("here")));
    assertThat(r.exit()).as(r.err()).isZero();
    manifest = Files.readString(tmp.resolve("here/manifest.sha256"));
  }

  private String[] render(Path out) {
    return new String[] {"render", "--quick", "--project", project.toString(), "--out", out.toString(), "--cache",
        cache.toString(), "--mnist-dir", Fixture.mnist().toString()};
  }

  @Test
  void theSameCacheRendersByteIdenticallyInAnotherJvm() throws Exception {
    Fixture.Run r = Fixture.java(tmp, FAST_START, render(tmp.resolve("there")));
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Files.readString(tmp.resolve("there/manifest.sha256"))).isEqualTo(manifest);
  }
}
