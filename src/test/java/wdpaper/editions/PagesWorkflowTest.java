package wdpaper.editions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Pages workflow is a valid GitHub Actions workflow (checked against the workflow JSON schema by the npm package
 * {@code @action-validator/cli}, run with {@code npx}; skipped where npm is missing, CI has it) and publishes the
 * assembled tree of editions.
 */
class PagesWorkflowTest {
  static final Path ROOT = Path.of(System.getProperty("project.root", ".")).toAbsolutePath().normalize();
  static final Path WORKFLOW = ROOT.resolve(".github/workflows/pages.yml");
  static final String VALIDATOR = "@action-validator/cli@0.6.0";
  @TempDir Path tmp;

  record Result(int exit, String output) {}

  static Result validate(Path file) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("npx", "--yes", VALIDATOR, file.toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + cmd);
    }
    return new Result(p.exitValue(), out);
  }

  static boolean hasNpx() {
    try {
      return new ProcessBuilder("npx", "--version").start().waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  @Test
  void theWorkflowPassesTheActionsSchemaAndABrokenOneDoesNot() throws Exception {
    Assumptions.assumeTrue(hasNpx(), "npx not installed");
    Result ok = validate(WORKFLOW);
    assertEquals(0, ok.exit(), ok.output());
    Path broken = tmp.resolve("pages.yml");
    Files.writeString(broken, Files.readString(WORKFLOW).replace("runs-on:", "runs-onn:"));
    Result bad = validate(broken);
    assertEquals(1, bad.exit(), "the validator must reject an unknown key: " + bad.output());
  }

  @Test
  void theWorkflowAddsTheBuildToThePublishedEditionsAndPublishesTheAssembledTree() throws IOException {
    String w = Files.readString(WORKFLOW);
    assertTrue(w.contains("git fetch --depth 1 origin gh-pages"), "fetches the published tree");
    assertTrue(w.contains("assemble --editions published --new output --out site"), "adds this build");
    assertTrue(w.contains("git push --force origin \"$commit:refs/heads/gh-pages\""), "keeps the tree on gh-pages");
    assertTrue(w.contains("contents: write"), "may push gh-pages");
    int upload = w.indexOf("actions/upload-pages-artifact");
    assertTrue(upload > 0 && w.indexOf("path: site", upload) > upload, "uploads the assembled tree");
  }
}
