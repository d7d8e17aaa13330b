package wdpaper.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import wdpaper.experiments.Experiments;
import wdpaper.project.BuildLock;
import wdpaper.project.ExitCodes;
import wdpaper.project.IoErrors;
import wdpaper.project.OutputFolder;
import wdpaper.project.UserError;

/**
 * Local preview on 127.0.0.1. A file-system watcher (recursive over {@code content/} and {@code templates/}:
 * creations, edits, deletions, renames) re-renders from the cache after a quiet moment. A failed rebuild, whatever
 * the exception, is printed and shown as a banner on every page while the last good site stays served. The port
 * is checked before anything is built, and nothing outside the output folder is ever served (symbolic links
 * included).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    header = "Preview the site on http://127.0.0.1:<port>/, re-rendering when content/ or templates/ change.",
    description = {"Builds once (training what the cache lacks), then watches content/ and templates/ and"
        + " re-renders from the cache after each change. A failed rebuild is shown on every page, above the last"
        + " good build. --port 0 picks a free port (printed)."})
final class ServeCommand implements Callable<Integer> {
  /** Quiet time after the last change before a rebuild starts. */
  static final long DEBOUNCE_MILLIS = 300;

  @Mixin CommonOptions common;
  @Mixin TrainingOptions training;

  @Option(names = "--port", defaultValue = "8000", description = "Port on 127.0.0.1, 0 for any free one (default"
      + " ${DEFAULT-VALUE}).")
  int port;

  /** The error of the last rebuild, or null if it succeeded. */
  private volatile String lastError;
  private OutputFolder folder;
  private final Map<WatchKey, Path> watched = new LinkedHashMap<>();

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65_535) {
      throw new UserError(ExitCodes.USAGE, "--port must be 0..65535, was " + port);
    }
    training.jobs();
    folder = common.outputFolder("replace");
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    } catch (BindException e) {
      throw new UserError(ExitCodes.USAGE, "--port " + port + ": cannot listen on 127.0.0.1:" + port + " ("
          + e.getMessage() + "); choose another port, or --port 0 for any free one");
    }
    ExecutorService pool = Executors.newFixedThreadPool(4, wdpaper.project.Daemons.named("serve"));
    server.setExecutor(pool);
    server.createContext("/", ex -> {
      try (ex) {
        handle(ex);
      } catch (IOException | RuntimeException e) {
        common.log("serve: " + ex.getRequestURI() + ": " + e);
      }
    });
    try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
      server.start();
      int actual = server.getAddress().getPort();
      for (Path dir : new Path[] {common.paths().content(), common.paths().templates()}) {
        register(watcher, dir);
      }
      common.out().println("serving " + common.paths().display(folder.target()) + " on http://127.0.0.1:" + actual
          + "/ (Ctrl-C to stop); watching content/ and templates/");
      common.out().flush();
      rebuild(true, "");
      while (!Thread.currentThread().isInterrupted()) {
        TreeSet<String> changed = new TreeSet<>();
        drain(watcher, watcher.take(), changed);
        for (WatchKey k; (k = watcher.poll(DEBOUNCE_MILLIS, TimeUnit.MILLISECONDS)) != null; ) {
          drain(watcher, k, changed);
        }
        rebuild(false, changed.isEmpty() ? "" : " after changes to " + changed.first()
            + (changed.size() > 1 ? " (and " + (changed.size() - 1) + " more)" : ""));
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      Thread.currentThread().interrupt();
    } finally {
      server.stop(0);
      pool.shutdownNow();
    }
    return ExitCodes.OK;
  }

  /** Watches {@code dir} and every folder under it (symbolic links are not followed). */
  private void register(WatchService watcher, Path dir) throws IOException {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path d : s.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
        watched.put(d.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
            StandardWatchEventKinds.ENTRY_MODIFY), d);
      }
    }
  }

  /** Records the changed paths of one key, registers new folders, and re-arms the key. */
  private void drain(WatchService watcher, WatchKey key, TreeSet<String> changed) throws IOException {
    Path dir = watched.get(key);
    for (WatchEvent<?> e : key.pollEvents()) {
      if (e.kind() == StandardWatchEventKinds.OVERFLOW || dir == null) {
        changed.add("content/ or templates/");
        continue;
      }
      Path p = dir.resolve((Path) e.context());
      changed.add(common.paths().display(p));
      if (e.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        register(watcher, p);
      }
    }
    if (!key.reset()) {
      watched.remove(key);
      for (Path root : new Path[] {common.paths().content(), common.paths().templates()}) {
        if (!watched.containsValue(root)) {
          register(watcher, root);
        }
      }
    }
  }

  /**
   * Builds (training only the first time) and never throws: any failure is printed and kept for the banner, and
   * the last good output stays in place. Only an interruption (Ctrl-C) ends it.
   */
  private void rebuild(boolean train, String why) throws InterruptedException {
    if (!why.isEmpty()) {
      common.log("rebuilding" + why);
    }
    long t0 = System.nanoTime();
    try (BuildLock lock = common.lockOutput("serve", "replace", true)) {
      var pipeline = RenderCommand.prepare(common, training.profile());
      var results = pipeline.train(() -> Experiments.run(common.paths(), training.profile(), common.mnistDir,
          training.jobs(), training.force, !train, common.err(), System.console() != null, common::log));
      RenderCommand.render(common, pipeline, results, training.quick ? "quick" : "full", t0);
      lastError = null;
    } catch (Throwable e) {
      if (e instanceof UserError u && u.exitCode() == ExitCodes.INTERRUPTED || Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("stopped");
      }
      String message = e instanceof UserError ? e.getMessage() : e instanceof java.io.UncheckedIOException io
          ? IoErrors.describe(io) : e.toString();
      lastError = message;
      common.log("error: " + message + (Files.isDirectory(folder.target())
          ? " (still serving the last good build; fix it and save)" : ""));
      if (common.verbose || !(e instanceof UserError)) {
        e.printStackTrace(common.err());
      }
    }
  }

  private void handle(HttpExchange ex) throws IOException {
    if (!ex.getRequestMethod().equals("GET") && !ex.getRequestMethod().equals("HEAD")) {
      send(ex, 405, "text/plain; charset=utf-8", "only GET and HEAD\n".getBytes(StandardCharsets.UTF_8));
      return;
    }
    String error = lastError;
    Path root = folder.target();
    if (!Files.isDirectory(root)) {
      send(ex, error != null ? 500 : 503, "text/html; charset=utf-8", page(error != null ? "build failed: " + error
          : "the site is being built; reload in a moment"));
      return;
    }
    Path real = root.toRealPath();
    String path = ex.getRequestURI().getPath();
    Path f = real.resolve(path.substring(1)).normalize();
    if (Files.isDirectory(f)) {
      f = f.resolve("index.html");
    }
    if (!f.startsWith(real) || !Files.isRegularFile(f) || !f.toRealPath().startsWith(real)) {
      send(ex, 404, "text/plain; charset=utf-8", ("not found: " + path + "\n").getBytes(StandardCharsets.UTF_8));
      return;
    }
    String name = f.getFileName().toString();
    String type = type(name.substring(name.lastIndexOf('.') + 1));
    byte[] body = Files.readAllBytes(f);
    if (error != null && type.startsWith("text/html")) {
      body = withBanner(new String(body, StandardCharsets.UTF_8), error).getBytes(StandardCharsets.UTF_8);
    }
    send(ex, 200, type, body);
  }

  private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    boolean head = ex.getRequestMethod().equals("HEAD");
    ex.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      try (OutputStream os = ex.getResponseBody()) {
        os.write(body);
      }
    }
  }

  static String type(String extension) {
    return switch (extension) {
      case "html" -> "text/html; charset=utf-8";
      case "css" -> "text/css; charset=utf-8";
      case "svg" -> "image/svg+xml";
      case "png" -> "image/png";
      case "csv" -> "text/csv; charset=utf-8";
      case "pdf" -> "application/pdf";
      case "js" -> "text/javascript; charset=utf-8";
      case "json" -> "application/json";
      case "sha256" -> "text/plain; charset=utf-8";
      default -> "application/octet-stream";
    };
  }

  /** The page shown when there is no site to serve: the error, or a note that the first build is running. */
  private static byte[] page(String message) {
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>weight-decay-paper</title>"
        + "</head><body>" + banner(message) + "</body></html>\n").getBytes(StandardCharsets.UTF_8);
  }

  static String withBanner(String html, String error) {
    int body = html.indexOf("<body");
    int at = body < 0 ? 0 : html.indexOf('>', body) + 1;
    return html.substring(0, at) + banner("build failed: " + error + " (showing the last good build)")
        + html.substring(at);
  }

  private static String banner(String text) {
    return "<div class=\"serve-error\" role=\"alert\" style=\"background:#fde8e8;color:#5c0b0b;border:2px solid"
        + " #b42318;padding:0.75em 1em;margin:0;font:14px/1.4 monospace;white-space:pre-wrap\">"
        + text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</div>";
  }
}
