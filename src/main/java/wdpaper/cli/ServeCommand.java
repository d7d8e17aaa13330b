package wdpaper.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import wdpaper.experiments.Experiments;
import wdpaper.project.UserError;

/** Local preview on 127.0.0.1 that re-renders from the cache when content/ or templates/ change. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    header = "Preview the site on http://127.0.0.1:<port>/, re-rendering when content/ or templates/ change.")
final class ServeCommand implements Callable<Integer> {
  private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "css", "text/css",
      "svg", "image/svg+xml", "png", "image/png", "csv", "text/csv; charset=utf-8", "pdf", "application/pdf",
      "js", "text/javascript", "sha256", "text/plain");

  @Mixin CommonOptions common;
  @Mixin TrainingOptions training;

  @Option(names = "--port", defaultValue = "8000", description = "Port on 127.0.0.1 (default ${DEFAULT-VALUE}).")
  int port;

  @Override
  public Integer call() throws Exception {
    long stamp = rebuild(true);
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    Path out = common.paths().output();
    server.createContext("/", ex -> {
      String path = ex.getRequestURI().getPath();
      Path f = out.resolve(path.substring(1)).normalize();
      if (Files.isDirectory(f)) {
        f = f.resolve("index.html");
      }
      if (!f.startsWith(out) || !Files.isRegularFile(f)) {
        ex.sendResponseHeaders(404, -1);
        ex.close();
        return;
      }
      String name = f.getFileName().toString();
      ex.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1),
          "application/octet-stream"));
      byte[] body = Files.readAllBytes(f);
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream os = ex.getResponseBody()) {
        os.write(body);
      }
    });
    server.start();
    common.out().println("serving " + common.paths().display(out) + " on http://127.0.0.1:" + port
        + "/ (Ctrl-C to stop)");
    common.out().flush();
    while (true) {
      Thread.sleep(1000);
      long now = lastModified();
      if (now != stamp) {
        stamp = now;
        try {
          rebuild(false);
        } catch (UserError e) {
          common.log("error: " + e.getMessage());
        }
      }
    }
  }

  private long rebuild(boolean train) throws IOException {
    long t0 = System.nanoTime();
    var pipeline = RenderCommand.prepare(common, training.profile());
    var results = pipeline.train(() -> Experiments.run(common.paths(), training.profile(), common.mnistDir,
        training.jobs(), training.force, !train, common.err(), System.console() != null, common::log));
    RenderCommand.render(common, pipeline, results, training.quick ? "quick" : "full", t0);
    return lastModified();
  }

  private long lastModified() throws IOException {
    long max = 0;
    for (Path dir : new Path[] {common.paths().content(), common.paths().templates()}) {
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path p : s.filter(Files::isRegularFile).toList()) {
          max = Math.max(max, Files.getLastModifiedTime(p).toMillis() + p.toString().hashCode());
        }
      }
    }
    return max;
  }
}
