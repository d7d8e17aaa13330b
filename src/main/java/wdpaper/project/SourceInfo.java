package wdpaper.project;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Which source a build was made from, for dates, editions and citations: the git commit of the project folder
 * (full and short id, the tag if HEAD carries one) and the date of the source.
 *
 * <p>The date, so that a rebuild of the same source is byte-identical (reproducible-builds.org convention):
 * {@code SOURCE_DATE_EPOCH} (seconds since 1970-01-01 UTC) if set; else the committer date of the last commit
 * ({@code git log -1 --format=%ct}) when the project folder is the top of a git work tree; else the fallback the
 * caller passes (the build passes 1 January of the paper's year in {@code content/site.json}, 00:00 UTC). Never the
 * clock, never 1970. Git is asked with a timeout and no network; no git, no repository or a failing command simply
 * means "no commit".
 *
 * @param commit the full commit id, or empty when the folder is not a git work tree
 * @param shortCommit the first 12 characters of {@code commit}, or empty
 * @param tag the tag pointing at HEAD (the lexically first if several), or empty
 * @param date the source date (see above)
 * @param dateSource where the date came from: {@code "SOURCE_DATE_EPOCH"}, {@code "git"} or {@code "fallback"}
 */
public record SourceInfo(Optional<String> commit, Optional<String> shortCommit, Optional<String> tag, Instant date,
    String dateSource) {
  /** The environment variable that fixes the source date. */
  public static final String SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH";
  private static final long GIT_TIMEOUT_SECONDS = 10;

  /** Runs a command in a folder; returns its standard output, or empty if it failed or could not run. */
  @FunctionalInterface
  public interface CommandRunner {
    Optional<String> run(Path dir, List<String> command);
  }

  /** Runs the real git (10 s timeout, no prompts, no optional locks, output in the C locale). */
  public static final CommandRunner GIT = SourceInfo::runGit;

  /** The source of the project in {@code root}, with the process environment and the real git. */
  public static SourceInfo of(Path root, Instant fallback) {
    return read(root, System.getenv(), GIT, fallback);
  }

  /**
   * The source of {@code root} with the given environment and command runner (tests pass their own).
   *
   * @throws UserError (exit 2) if {@code SOURCE_DATE_EPOCH} is set but not a positive whole number of seconds
   */
  public static SourceInfo read(Path root, Map<String, String> env, CommandRunner git, Instant fallback) {
    Optional<String> commit = Optional.empty();
    Optional<String> tag = Optional.empty();
    Optional<Instant> gitDate = Optional.empty();
    if (isWorkTreeTop(root, git)) {
      Optional<String> log = git.run(root, List.of("git", "log", "-1", "--format=%H %ct"));
      if (log.isPresent() && log.get().strip().matches("[0-9a-f]{40,64} [0-9]+")) {
        String[] parts = log.get().strip().split(" ");
        commit = Optional.of(parts[0]);
        gitDate = Optional.of(Instant.ofEpochSecond(Long.parseLong(parts[1])));
        tag = git.run(root, List.of("git", "tag", "--points-at", "HEAD", "--sort=refname"))
            .flatMap(s -> s.lines().map(String::strip).filter(t -> !t.isEmpty()).findFirst());
      }
    }
    Optional<String> shortCommit = commit.map(c -> c.substring(0, 12));
    String epoch = env.get(SOURCE_DATE_EPOCH);
    if (epoch != null && !epoch.isBlank()) {
      return new SourceInfo(commit, shortCommit, tag, parseEpoch(epoch.strip()), SOURCE_DATE_EPOCH);
    }
    if (gitDate.isPresent()) {
      return new SourceInfo(commit, shortCommit, tag, gitDate.get(), "git");
    }
    return new SourceInfo(commit, shortCommit, tag, fallback, "fallback");
  }

  private static Instant parseEpoch(String s) {
    long seconds;
    try {
      seconds = Long.parseLong(s);
    } catch (NumberFormatException e) {
      seconds = -1;
    }
    if (seconds <= 0 || seconds > 253402300799L) {
      throw new UserError(ExitCodes.USAGE, "environment variable " + SOURCE_DATE_EPOCH + ": '" + s
          + "' is not a date, expected a whole number of seconds since 1970-01-01 UTC (e.g. 1764000000)");
    }
    return Instant.ofEpochSecond(seconds);
  }

  /** Only the repository whose top is {@code root} counts (not one the folder happens to sit inside). */
  private static boolean isWorkTreeTop(Path root, CommandRunner git) {
    Optional<String> top = git.run(root, List.of("git", "rev-parse", "--show-toplevel"));
    if (top.isEmpty() || top.get().isBlank()) {
      return false;
    }
    try {
      return Files.isSameFile(Path.of(top.get().strip()), root);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static Optional<String> runGit(Path dir, List<String> command) {
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    List<String> cmd = new ArrayList<>(command);
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(false)
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    Map<String, String> env = pb.environment();
    env.put("GIT_TERMINAL_PROMPT", "0");
    env.put("GIT_OPTIONAL_LOCKS", "0");
    env.put("LC_ALL", "C");
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      return Optional.empty();
    }
    try (InputStream in = p.getInputStream()) {
      p.getOutputStream().close();
      // the outputs asked for are a line or two, far below a pipe's buffer: wait first, so a hanging git times out
      if (!p.waitFor(GIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.empty();
      }
      String out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return p.exitValue() == 0 ? Optional.of(out) : Optional.empty();
    } catch (IOException e) {
      p.destroyForcibly();
      return Optional.empty();
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
