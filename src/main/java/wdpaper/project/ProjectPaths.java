package wdpaper.project;

import java.nio.file.Path;

/**
 * The one place that knows the folder names: {@code content/} (Markdown and {@code experiments/*.json}),
 * {@code templates/}, {@code output/} (built, deletable), and {@code .cache/} (git-ignored: MNIST files and
 * run results).
 */
public record ProjectPaths(Path root, Path output, Path cache) {

  public static ProjectPaths of(Path root, Path output, Path cache) {
    Path r = root.toAbsolutePath().normalize();
    return new ProjectPaths(r, output == null ? r.resolve("output") : output.toAbsolutePath().normalize(),
        cache == null ? r.resolve(".cache") : cache.toAbsolutePath().normalize());
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

  /** A path relative to the project root where possible, for messages. */
  public String display(Path p) {
    Path a = p.toAbsolutePath().normalize();
    return a.startsWith(root) ? root.relativize(a).toString() : a.toString();
  }
}
