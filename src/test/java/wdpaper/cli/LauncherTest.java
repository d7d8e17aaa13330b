package wdpaper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherTest {
  @TempDir Path dir;

  private static final Path JAVA = Path.of("/jdk/bin/java");

  private Path jar() throws IOException {
    Path jar = dir.resolve("paper-all.jar");
    Files.writeString(jar, "jar");
    Files.setLastModifiedTime(jar, FileTime.fromMillis(1_000_000));
    return jar;
  }

  /** The jar's archive for {@code jvmVersion}, holding {@code text}, last modified at {@code millis}. */
  private static Path archive(Path jar, String jvmVersion, String text, long millis) throws IOException {
    Path archive = Launcher.archive(jar, jvmVersion);
    Files.writeString(archive, text);
    Files.setLastModifiedTime(archive, FileTime.fromMillis(millis));
    return archive;
  }

  @Test
  void firstBuildWritesTheArchiveToATemporaryFileNamedAfterItsProcess() throws IOException {
    Path jar = jar();
    Launcher.Plan p = Launcher.plan(JAVA, jar, List.of("-Xmx2g"), List.of("build", "--quick"), "17.0.15+6", 42, false)
        .orElseThrow();
    Path tmp = dir.resolve("paper-all.jvm-17.0.15_6.jsa.42.tmp");
    assertThat(p.command()).containsExactly("/jdk/bin/java", "-Xmx2g", "-Dwdpaper.launcher=child",
        "-XX:ArchiveClassesAtExit=" + tmp, Launcher.QUIET, Launcher.SERIAL_GC, "-XX:TieredStopAtLevel=1",
        "-Dwdpaper.jit.defaults=true", "-jar", jar.toString(), "build", "--quick");
    assertThat(p.written()).contains(tmp);
    assertThat(p.archive()).isEqualTo(dir.resolve("paper-all.jvm-17.0.15_6.jsa"));
  }

  @Test
  void laterBuildsReadTheArchiveAndARenderCompilesWithC1Only() throws IOException {
    Path jar = jar();
    Path archive = archive(jar, "17.0.15+6", "classes", 2_000_000);
    Launcher.Plan p = Launcher.plan(JAVA, jar, List.of(), List.of("render"), "17.0.15+6", 42, false).orElseThrow();
    assertThat(p.command()).containsExactly("/jdk/bin/java", "-Dwdpaper.launcher=child",
        "-XX:SharedArchiveFile=" + archive, "-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0",
        Launcher.QUIET, Launcher.SERIAL_GC, "-XX:TieredStopAtLevel=1", "-Dwdpaper.jit.defaults=true", "-jar",
        jar.toString(), "render");
    assertThat(p.written()).isEmpty();
    // the archive is mapped where it was written unless the user chose how
    assertThat(Launcher.plan(JAVA, jar, List.of("-XX:ArchiveRelocationMode=1"), List.of("render"), "17.0.15+6", 42,
        false)
        .orElseThrow().command()).containsOnlyOnce("-XX:ArchiveRelocationMode=1")
        .doesNotContain("-XX:ArchiveRelocationMode=0");
    // the user's own choice of compiler stays
    assertThat(Launcher.plan(JAVA, jar, List.of("-XX:TieredStopAtLevel=4"), List.of("render"), "17.0.15+6", 42, false)
        .orElseThrow().command()).containsOnlyOnce("-XX:TieredStopAtLevel=4").doesNotContain("-XX:TieredStopAtLevel=1");
  }

  @Test
  void aFullBuildKeepsC2ForItsTrainingAndAQuickBuildCompilesWithC1Only() throws IOException {
    Path jar = jar();
    assertThat(Launcher.plan(JAVA, jar, List.of(), List.of("build"), "17", 7, false).orElseThrow().command())
        .noneMatch(o -> o.startsWith("-XX:TieredStopAtLevel")).doesNotContain("-Dwdpaper.jit.defaults=true");
    assertThat(Launcher.plan(JAVA, jar, List.of(), List.of("build", "--jobs", "2", "--quick"), "17", 7, false)
        .orElseThrow()
        .command()).contains("-XX:TieredStopAtLevel=1", "-Dwdpaper.jit.defaults=true");
  }

  @Test
  void theSerialCollectorUnlessTheUserNamedOne() throws IOException {
    Path jar = jar();
    assertThat(Launcher.plan(JAVA, jar, List.of(), List.of("build"), "17", 7, false).orElseThrow().command())
        .containsOnlyOnce(Launcher.SERIAL_GC);
    assertThat(Launcher.plan(JAVA, jar, List.of("-XX:+UseG1GC"), List.of("build"), "17", 7, false).orElseThrow()
        .command()).contains("-XX:+UseG1GC").doesNotContain(Launcher.SERIAL_GC);
    assertThat(Launcher.plan(JAVA, jar, List.of("-XX:+UseParallelGC"), List.of("render"), "17", 7, false).orElseThrow()
        .command()).doesNotContain(Launcher.SERIAL_GC);
  }

  @Test
  void hugePagesWhereTheKernelGivesThemOnRequestUnlessTheUserChosePages() throws IOException {
    Path jar = jar();
    assertThat(Launcher.plan(JAVA, jar, List.of(), List.of("build", "--quick"), "17", 7, true).orElseThrow()
        .command()).containsOnlyOnce(Launcher.HUGE_PAGES)
        .containsSubsequence(Launcher.HUGE_PAGES, "-jar", jar.toString(), "build", "--quick");
    assertThat(Launcher.plan(JAVA, jar, List.of(), List.of("render"), "17", 7, false).orElseThrow().command())
        .doesNotContain(Launcher.HUGE_PAGES);
    for (String own : List.of("-XX:-UseTransparentHugePages", "-XX:+UseLargePages", "-XX:-UseLargePages",
        "-XX:+UseHugeTLBFS", "-XX:+UseSHM", "-XX:LargePageSizeInBytes=2m")) {
      assertThat(Launcher.plan(JAVA, jar, List.of(own), List.of("build"), "17", 7, true).orElseThrow().command())
          .as(own).containsOnlyOnce(own).doesNotContain(Launcher.HUGE_PAGES);
    }
  }

  @Test
  void pagesChosenInTheJvmsEnvironmentVariablesCount() {
    assertThat(Launcher.choosesPagesIn("-Xmx2g  -XX:-UseTransparentHugePages")).isTrue();
    assertThat(Launcher.choosesPagesIn(" -XX:+UseHugeTLBFS ")).isTrue();
    assertThat(Launcher.choosesPagesIn("-Xmx2g -XX:+UseSerialGC")).isFalse();
    assertThat(Launcher.choosesPagesIn("")).isFalse();
    assertThat(Launcher.choosesPagesIn(null)).isFalse();
    assertThat(Launcher.choosesPages("-XX:+UseTransparentHugePagesX")).isFalse();
  }

  @Test
  void theKernelsHugePageSettingIsReadFromItsBracketedWord() throws IOException {
    Path setting = dir.resolve("enabled");
    Files.writeString(setting, "always [madvise] never\n");
    assertThat(Launcher.hugePagesOffered(setting)).isTrue();
    Files.writeString(setting, "[always] madvise never\n");
    assertThat(Launcher.hugePagesOffered(setting)).isTrue();
    // the JVM would warn that it cannot have them
    Files.writeString(setting, "always madvise [never]\n");
    assertThat(Launcher.hugePagesOffered(setting)).isFalse();
    // not Linux, or no such setting
    assertThat(Launcher.hugePagesOffered(dir.resolve("absent"))).isFalse();
  }

  @Test
  void anArchiveOlderThanTheJarIsWrittenAgain() throws IOException {
    Path jar = jar();
    Path archive = archive(jar, "17", "classes of an older jar", 500_000);
    assertThat(Launcher.usable(archive, jar)).isFalse();
    assertThat(Launcher.plan(JAVA, jar, List.of(), List.of("build"), "17", 7, false).orElseThrow().written())
        .isPresent();
    Files.setLastModifiedTime(archive, FileTime.fromMillis(1_000_000));
    assertThat(Launcher.usable(archive, jar)).isTrue();
    Files.writeString(archive, "");
    Files.setLastModifiedTime(archive, FileTime.fromMillis(1_000_000));
    assertThat(Launcher.usable(archive, jar)).as("empty").isFalse();
  }

  @Test
  void anotherJvmVersionHasAnArchiveOfItsOwn() throws IOException {
    Path jar = jar();
    assertThat(Launcher.archive(jar, "17.0.15+6-Debian-1deb12u1"))
        .isEqualTo(dir.resolve("paper-all.jvm-17.0.15_6_Debian_1deb12u1.jsa"));
    assertThat(Launcher.archive(jar, "21.0.2+13")).isNotEqualTo(Launcher.archive(jar, "17.0.15+6"));
  }

  @Test
  void otherCommandsHelpAndVersionRunInThisJvm() throws IOException {
    Path jar = jar();
    for (List<String> args : List.of(List.<String>of(), List.of("train"), List.of("serve", "--quick"),
        List.of("bench"), List.of("--version"), List.of("build", "--help"), List.of("render", "-h"),
        List.of("build", "-V"))) {
      assertThat(Launcher.plan(JAVA, jar, List.of(), args, "17", 1, false)).as(args.toString()).isEmpty();
    }
  }

  @Test
  void relaunchesOnlyAJavaDashJarWhoseUserLeftTheClassDataSettingsAlone() {
    assertThat(Launcher.optionsBeforeJar(List.of("-Xmx1g", "-Dx=1", "-jar", "a.jar", "build")))
        .contains(List.of("-Xmx1g", "-Dx=1"));
    assertThat(Launcher.optionsBeforeJar(List.of("-cp", "a.jar", "wdpaper.cli.Main", "build"))).isEmpty();
    for (String own : List.of("-XX:SharedArchiveFile=x.jsa", "-XX:ArchiveClassesAtExit=x.jsa", "-Xshare:off",
        "-Dwdpaper.launcher=off")) {
      assertThat(Launcher.optionsBeforeJar(List.of(own, "-jar", "a.jar", "build"))).as(own).isEmpty();
    }
  }

  @Test
  void theArchiveIsMovedIntoPlaceOnlyAfterASuccessAndReplacesAnOldOneWhole() throws IOException {
    Path archive = dir.resolve("a.jsa");
    Files.writeString(archive, "old");
    Path tmp = dir.resolve("a.jsa.9.tmp");
    Files.writeString(tmp, "half written by a failed build");
    Launcher.keep(tmp, archive, false);
    assertThat(tmp).doesNotExist();
    assertThat(archive).hasContent("old");
    Files.writeString(tmp, "new");
    Launcher.keep(tmp, archive, true);
    assertThat(tmp).doesNotExist();
    assertThat(archive).hasContent("new");
    // a JVM that wrote nothing (it could not dump) leaves the archive as it was
    Launcher.keep(dir.resolve("missing.tmp"), archive, true);
    assertThat(archive).hasContent("new");
  }
}
