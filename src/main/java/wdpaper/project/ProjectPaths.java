package wdpaper.project;

import java.nio.file.Path;

/**
 * The one place that knows the folder names: {@code content/} (Markdown and {@code experiments/*.json}),
 * {@code templates/}, {@code output/} (built, deletable), and {@code .cache/} (git-ignored: MNIST files and
 * run results).
 */
public record ProjectPaths(Path root, Path output, Path cache) {

  /** Resolves the folders; an empty name ({@code --out ""}) is refused (exit 2) rather than read as "here". */
  public static ProjectPaths of(Path root, Path output, Path cache) {
    refuseEmpty("--project", root);
    refuseEmpty("--out", output);
    refuseEmpty("--cache", cache);
    Path r = root.toAbsolutePath().normalize();
    return new ProjectPaths(r, output == null ? r.resolve("output") : output.toAbsolutePath().normalize(),
        cache == null ? r.resolve(".cache") : cache.toAbsolutePath().normalize());
  }

  private static void refuseEmpty(String option, Path p) {
    if (p != null && p.toString().isEmpty()) {
      throw new UserError(ExitCodes.USAGE, option + " \"\": an empty folder name; name a folder, e.g. "
          + (option.equals("--out") ? "--out site" : option.equals("--cache") ? "--cache .cache" : "--project ."));
    }
  }

  public Path content() {
    return root.resolve("content");
  }

  public Path experiments() {
    return content().resolve("experiments");
  }

  public Path templates() {
    return root.resolve("templates");
  }

  public Path mnistCache() {
    return cache.resolve("mnist");
  }

  public Path runCache() {
    return cache.resolve("runs");
  }

  /**
   * Nothing outside the project reaches the site: refuses (exit 3) a symbolic link under {@code content/} or
   * {@code templates/} whose target is outside the project folder, missing, or part of a loop. Links that stay
   * inside the project are fine.
   */
  public void checkLinks() {
    Path rootReal = real(root);
    for (Path dir : java.util.List.of(content(), templates())) {
      if (!java.nio.file.Files.isDirectory(dir)) {
        continue;
      }
      try (java.util.stream.Stream<Path> s = java.nio.file.Files.walk(dir, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
        for (Path p : (Iterable<Path>) s::iterator) {
          if (!java.nio.file.Files.isSymbolicLink(p)) {
            continue;
          }
          Path target;
          try {
            target = p.toRealPath();
          } catch (java.io.IOException e) {
            throw UserError.config(display(p) + ": is a symbolic link to " + readLink(p) + ", which does not exist");
          }
          if (!target.startsWith(rootReal)) {
            throw UserError.config(display(p) + ": is a symbolic link to " + target + ", outside the project; refusing"
                + " to use it (copy the file into the project instead)");
          }
        }
      } catch (java.io.UncheckedIOException e) {
        throw UserError.config(display(dir) + ": " + IoErrors.reason(e.getCause()) + " ("
            + e.getCause().getMessage() + ")");
      } catch (java.io.IOException e) {
        throw IoErrors.error("cannot list", dir, e);
      }
    }
  }

  private static String readLink(Path p) {
    try {
      return java.nio.file.Files.readSymbolicLink(p).toString();
    } catch (java.io.IOException e) {
      return "?";
    }
  }

  /** The lock file of the cache (see {@link BuildLock}). */
  public Path cacheLock() {
    return real(cache).resolve(".lock");
  }

  /** The real path of {@code p}: symbolic links in its existing part resolved, the rest appended. */
  public static Path real(Path p) {
    Path a = p.toAbsolutePath().normalize();
    Path existing = a;
    java.util.List<Path> rest = new java.util.ArrayList<>();
    while (existing != null && !java.nio.file.Files.exists(existing)) {
      rest.add(0, existing.getFileName());
      existing = existing.getParent();
    }
    if (existing == null) {
      return a;
    }
    Path r;
    try {
      r = existing.toRealPath();
    } catch (java.io.IOException e) {
      r = existing;
    }
    for (Path x : rest) {
      r = r.resolve(x);
    }
    return r;
  }

  /** A path relative to the project root where possible, for messages. */
  public String display(Path p) {
    Path a = p.toAbsolutePath().normalize();
    return a.startsWith(root) ? root.relativize(a).toString() : a.toString();
  }
}
