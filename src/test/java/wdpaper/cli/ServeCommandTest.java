package wdpaper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** serve as a user drives it: edits, new pages, renames, deletions, a broken template; and bad ports. */
class ServeCommandTest {
  @TempDir Path tmp;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  record Response(int status, String body) {}

  private Response get(int port, String path) {
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/" + path))
          .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.body());
    } catch (IOException e) {
      return new Response(-1, e.toString());
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Polls until {@code path} answers as {@code ok} says (a rebuild takes a few seconds, the PDF included). */
  private Response await(int port, String path, Predicate<Response> ok, StringWriter log) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    Response r = null;
    while (System.nanoTime() < deadline) {
      r = get(port, path);
      if (ok.test(r)) {
        return r;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("timed out waiting for /" + path + "; last answer " + (r == null ? null : r.status())
        + "\nlog:\n" + log);
  }

  /** Writes {@code text} as editors save: to a temporary file, then renamed over the target. */
  private static void save(Path file, String text) throws IOException {
    Path t = Files.writeString(file.resolveSibling("." + file.getFileName() + ".swp"), text);
    Files.move(t, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  @Test
  void watchesEveryKindOfChangeAndKeepsTheLastGoodSiteOnErrors() throws Exception {
    Path project = Fixture.copyProject(tmp.resolve("project"));
    Path cache = Fixture.copyQuickCache(tmp.resolve("cache"));
    Path out = tmp.resolve("site");
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    int[] exit = {-1};
    Thread serve = new Thread(() -> exit[0] = PaperCommand.commandLine(new PrintWriter(stdout, true),
        new PrintWriter(stderr, true)).execute("serve", "--quick", "--port", "0", "--project", project.toString(),
        "--out", out.toString(), "--cache", cache.toString(), "--mnist-dir", Fixture.mnist().toString()), "serve");
    serve.start();
    try {
      int port = awaitPort(stdout, stderr);
      assertThat(port).isPositive().isNotEqualTo(8000);
      await(port, "index.html", r -> r.status() == 200 && r.body().contains("Introduction and setting"), stderr);

      // an edit saved by rename, and a page created by moving a file in: one rebuild
      Path intro = project.resolve("content/01-introduction.md");
      save(intro, Files.readString(intro).replace("## The setting", "Edited while serving.\n\n## The setting"));
      Path draft = Files.writeString(tmp.resolve("draft.md"), "---\ntitle: Extra page\norder: 9\n---\nWritten while"
          + " serving.\n");
      Files.move(draft, project.resolve("content/09-extra.md"));
      await(port, "extra.html", r -> r.status() == 200 && r.body().contains("Written while serving."), stderr);
      assertThat(get(port, "index.html").body()).contains("Edited while serving.");

      // a broken template: the error is shown above the last good site, which is still served
      Path page = project.resolve("templates/page.ftlh");
      String good = Files.readString(page);
      save(page, good.replace("${page.title} ·", "${page.title ·"));
      Response broken = await(port, "index.html", r -> r.body().contains("serve-error"), stderr);
      assertThat(broken.status()).isEqualTo(200);
      assertThat(broken.body()).contains("build failed: templates/page.ftlh:5:").contains("Edited while serving.")
          .contains("(showing the last good build)");
      assertThat(get(port, "claim-1.html").body()).contains("serve-error");
      assertThat(stderr.toString()).contains("error: templates/page.ftlh:5:").contains("still serving the last good"
          + " build");

      // the fix and a deletion: one rebuild, the banner gone, the deleted page gone from the site
      save(page, good);
      Files.delete(project.resolve("content/09-extra.md"));
      await(port, "index.html", r -> r.status() == 200 && !r.body().contains("serve-error")
          && get(port, "extra.html").status() == 404, stderr);
      assertThat(get(port, "index.html").body()).contains("Edited while serving.");

      // nothing outside the served folder, symbolic links included
      Path secret = Files.writeString(tmp.resolve("secret.txt"), "secret");
      Files.createSymbolicLink(out.resolve("leak.txt"), secret);
      assertThat(get(port, "leak.txt").status()).isEqualTo(404);
      assertThat(get(port, "../secret.txt").status()).isEqualTo(404);
      assertThat(get(port, "%2e%2e/secret.txt").status()).isEqualTo(404);
      assertThat(serve.isAlive()).isTrue();
    } finally {
      serve.interrupt();
      serve.join(60_000);
    }
    assertThat(serve.isAlive()).isFalse();
    assertThat(exit[0]).isZero();
  }

  private static int awaitPort(StringWriter out, StringWriter err) throws InterruptedException {
    Pattern p = Pattern.compile("on http://127\\.0\\.0\\.1:(\\d+)/");
    for (int i = 0; i < 600; i++) {
      Matcher m = p.matcher(out.toString());
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
      Thread.sleep(100);
    }
    throw new AssertionError("serve printed no address:\n" + out + err);
  }

  @Test
  void aBusyOrInvalidPortIsACommandLineErrorBeforeAnyBuild() throws IOException {
    Path out = tmp.resolve("never-built");
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = busy.getLocalPort();
      Fixture.Run r = Fixture.cli("serve", "--quick", "--port", Integer.toString(port), "--project",
          Fixture.ROOT.toString(), "--out", out.toString(), "--cache", tmp.resolve("cache").toString());
      assertThat(r.exit()).isEqualTo(2);
      assertThat(HostileInputTest.oneLine(r)).isEqualTo("error: --port " + port + ": cannot listen on 127.0.0.1:"
          + port + " (Address already in use); choose another port, or --port 0 for any free one");
    }
    for (String bad : new String[] {"70000", "-1"}) {
      Fixture.Run r = Fixture.cli("serve", "--port", bad, "--project", Fixture.ROOT.toString(), "--out",
          out.toString());
      assertThat(r.exit()).isEqualTo(2);
      assertThat(HostileInputTest.oneLine(r)).isEqualTo("error: --port must be 0..65535, was " + bad);
    }
    assertThat(Fixture.cli("serve", "--port", "http").exit()).isEqualTo(2);
    assertThat(out).doesNotExist();
    assertThat(tmp.resolve("cache")).doesNotExist();
  }
}
