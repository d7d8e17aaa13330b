package wdpaper.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceInfoTest {
  static final Instant FALLBACK = Instant.parse("2026-01-01T00:00:00Z");
  static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

  @TempDir
  Path dir;

  /** A stand-in for git that answers as a repository whose top is {@code dir}, at COMMIT, committed at 1764000000. */
  private SourceInfo.CommandRunner git(String tags) {
    return (d, cmd) -> switch (cmd.get(1)) {
      case "rev-parse" -> Optional.of(dir.toString() + "\n");
      case "log" -> Optional.of(COMMIT + " 1764000000\n");
      case "tag" -> Optional.of(tags);
      default -> Optional.empty();
    };
  }

  @Test
  void theLastCommitGivesIdsTagAndDate() {
    SourceInfo s = SourceInfo.read(dir, Map.of(), git("v1.0\nv1.0-rc1\n"), FALLBACK);
    assertThat(s.commit()).contains(COMMIT);
    assertThat(s.shortCommit()).contains("0123456789ab");
    assertThat(s.tag()).contains("v1.0");
    assertThat(s.date()).isEqualTo(Instant.ofEpochSecond(1764000000));
    assertThat(s.dateSource()).isEqualTo("git");
  }

  @Test
  void sourceDateEpochWinsOverTheCommitDate() {
    SourceInfo s = SourceInfo.read(dir, Map.of("SOURCE_DATE_EPOCH", "1700000000"), git(""), FALLBACK);
    assertThat(s.date()).isEqualTo(Instant.ofEpochSecond(1700000000));
    assertThat(s.dateSource()).isEqualTo("SOURCE_DATE_EPOCH");
    assertThat(s.commit()).contains(COMMIT);
    assertThat(s.tag()).isEmpty();
  }

  @Test
  void withoutGitTheFallbackDateIsUsedNeverTheClock() {
    SourceInfo s = SourceInfo.read(dir, Map.of(), (d, cmd) -> Optional.empty(), FALLBACK);
    assertThat(s.commit()).isEmpty();
    assertThat(s.shortCommit()).isEmpty();
    assertThat(s.tag()).isEmpty();
    assertThat(s.date()).isEqualTo(FALLBACK);
    assertThat(s.dateSource()).isEqualTo("fallback");
  }

  @Test
  void aRepositoryAboveTheProjectFolderDoesNotCount() {
    SourceInfo.CommandRunner parentRepo = (d, cmd) -> cmd.get(1).equals("rev-parse")
        ? Optional.of(dir.getParent().toString()) : Optional.of(COMMIT + " 1764000000");
    SourceInfo s = SourceInfo.read(dir, Map.of(), parentRepo, FALLBACK);
    assertThat(s.commit()).isEmpty();
    assertThat(s.dateSource()).isEqualTo("fallback");
  }

  @Test
  void aBadSourceDateEpochIsAUsageError() {
    for (String bad : List.of("yesterday", "-5", "0", "1.5e9")) {
      assertThatThrownBy(() -> SourceInfo.read(dir, Map.of("SOURCE_DATE_EPOCH", bad), git(""), FALLBACK))
          .isInstanceOf(UserError.class)
          .hasMessage("environment variable SOURCE_DATE_EPOCH: '" + bad + "' is not a date, expected a whole number"
              + " of seconds since 1970-01-01 UTC (e.g. 1764000000)")
          .extracting(e -> ((UserError) e).exitCode()).isEqualTo(ExitCodes.USAGE);
    }
  }

  /** With the real git: a fresh repository with one commit and a tag (skipped where git is missing). */
  @Test
  void readsARealRepository() throws IOException, InterruptedException {
    org.junit.jupiter.api.Assumptions.assumeTrue(run(dir, "git", "--version") == 0, "git is not installed");
    Files.writeString(dir.resolve("a.txt"), "a\n");
    assertThat(run(dir, "git", "init", "-q")).isZero();
    assertThat(run(dir, "git", "add", "a.txt")).isZero();
    assertThat(run(dir, "git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false",
        "commit", "-q", "-m", "one", "--date=@1764000000")).isZero();
    assertThat(run(dir, "git", "tag", "v0.1")).isZero();
    SourceInfo s = SourceInfo.of(dir, FALLBACK);
    assertThat(s.commit()).hasValueSatisfying(c -> assertThat(c).matches("[0-9a-f]{40,64}"));
    assertThat(s.tag()).contains("v0.1");
    assertThat(s.dateSource()).isIn("git", "SOURCE_DATE_EPOCH");
    if (s.dateSource().equals("git")) {
      assertThat(s.date()).isEqualTo(Instant.ofEpochSecond(1764000000));
    }
    Path sub = Files.createDirectories(dir.resolve("sub"));
    assertThat(SourceInfo.read(sub, Map.of(), SourceInfo.GIT, FALLBACK).dateSource())
        .isEqualTo("fallback");
  }

  private static int run(Path dir, String... cmd) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().put("GIT_COMMITTER_DATE", "@1764000000 +0000");
    try {
      Process p = pb.start();
      p.getInputStream().readAllBytes();
      return p.waitFor();
    } catch (IOException e) {
      return -1;
    }
  }
}
