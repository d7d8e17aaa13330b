package wdpaper.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import wdpaper.project.Hashing;
import wdpaper.project.Json;

/**
 * Issue 18's "Done when": two editions built from two commits of a fixture project (a git repository whose second
 * commit changes one experiment's lambda), quick profile, assembled as the Pages workflow does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EditionsTest {
  static final String EXPERIMENT = "content/experiments/width-sweep.json";
  Path dir;
  Path project;
  Path cache;
  Path out1;
  Path out2;
  Path site1;
  Path site2;
  String v1;
  String v2;
  Fixture.Run frozen;
  Fixture.Run diff;

  @BeforeAll
  void buildTwoEditions() throws Exception {
    dir = Files.createTempDirectory("wdpaper-editions-");
    project = Fixture.copyProject(dir.resolve("project"));
    // a published build has a base URL (the Pages workflow sets it), so the citations carry v/<version>/ permalinks
    Path siteJson = project.resolve("content/site.json");
    Files.writeString(siteJson, Files.readString(siteJson).replace("\"baseUrl\": \"\"",
        "\"baseUrl\": \"https://example.org/paper/\""));
    cache = Fixture.copyQuickCache(dir.resolve("cache"));
    git("init", "-q");
    git("add", "-A");
    git("commit", "-q", "-m", "first edition");
    out1 = dir.resolve("out1");
    Fixture.Run b1 = Fixture.quickBuild(project, out1, cache);
    assertEquals(0, b1.exit(), b1.err());
    String spec = Files.readString(project.resolve(EXPERIMENT));
    assertTrue(spec.contains("\"lambda\": [30.0, 60.0, 120.0]"), spec);
    Files.writeString(project.resolve(EXPERIMENT), spec.replace("\"lambda\": [30.0, 60.0, 120.0]",
        "\"lambda\": [30.0, 60.0, 150.0]"));
    git("commit", "-q", "-a", "-m", "width sweep: lambda 150 instead of 120");
    frozen = Fixture.quickBuild(project, out1, cache, "--frozen");
    out2 = dir.resolve("out2");
    Fixture.Run b2 = Fixture.quickBuild(project, out2, cache);
    assertEquals(0, b2.exit(), b2.err());
    v1 = edition(out1);
    v2 = edition(out2);
    site1 = dir.resolve("site1");
    site2 = dir.resolve("site2");
    Fixture.Run a1 = Fixture.cli("assemble", "--project", project.toString(), "--new", out1.toString(), "--out",
        site1.toString());
    assertEquals(0, a1.exit(), a1.err());
    Fixture.Run a2 = Fixture.cli("assemble", "--project", project.toString(), "--editions", site1.toString(), "--new",
        out2.toString(), "--out", site2.toString());
    assertEquals(0, a2.exit(), a2.err());
    diff = Fixture.cli("diff", out1.toString(), out2.toString());
    assertEquals(0, diff.exit(), diff.err());
  }

  @org.junit.jupiter.api.AfterAll
  void deleteTheFixture() throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private void git(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c",
        "commit.gpgsign=false"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(project.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", cmd) + ": " + out);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> model(Path out) throws IOException {
    return Json.MAPPER.readValue(Files.readString(out.resolve("model.json")), LinkedHashMap.class);
  }

  @SuppressWarnings("unchecked")
  private static String edition(Path out) throws IOException {
    return (String) ((Map<String, Object>) model(out).get("edition")).get("version");
  }

  private static Map<String, String> manifest(Path out) throws IOException {
    Map<String, String> m = new TreeMap<>();
    for (String line : Files.readAllLines(out.resolve("manifest.sha256"))) {
      m.put(line.substring(66), line.substring(0, 64));
    }
    return m;
  }

  private static Map<String, String> files(Path tree) throws IOException {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(tree)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        m.put(tree.relativize(p).toString(), Hashing.sha256(p));
      }
    }
    return m;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> s = new TreeSet<>(a);
    s.addAll(b);
    return s;
  }

  private static boolean stored(String rel) {
    return (rel.startsWith("figures/") || rel.equals("paper.pdf")) && rel.matches(".*\\.(svg|png|pdf|eps)");
  }

  @Test
  void theEditionsAreTheTwoCommitsWithTheSecondNewest() throws IOException {
    assertTrue(v1.matches("[0-9a-f]{12}") && v2.matches("[0-9a-f]{12}") && !v1.equals(v2), v1 + " " + v2);
    String line = "This is edition <strong>" + v2 + "</strong>, built from (<a href=\"[^\"]+/blob/[0-9a-f]+/?[^\"]*\">|"
        + "<a href=\"[^\"]+\">)?[^<@]*weight-decay-paper@" + v2 + "(</a>)? on";
    assertTrue(Pattern.compile(line).matcher(Files.readString(out2.resolve("index.html"))).find(), line);
  }

  @Test
  void bothEditionTreesAreCompleteWithSharedFilesStoredOnce() throws IOException {
    Map<String, String> tree = files(site2);
    Set<String> expectedStore = new TreeSet<>();
    for (String[] e : new String[][] {{v1, out1.toString()}, {v2, out2.toString()}}) {
      for (Map.Entry<String, String> f : manifest(Path.of(e[1])).entrySet()) {
        String rel = f.getKey();
        if (rel.startsWith(".")) {
          continue;
        }
        if (stored(rel)) {
          String blob = "_files/sha256/" + f.getValue() + rel.substring(rel.lastIndexOf('.'));
          assertTrue(tree.containsKey(blob), "v/" + e[0] + "/" + rel + " is not stored as " + blob);
          assertFalse(tree.containsKey("v/" + e[0] + "/" + rel), "v/" + e[0] + "/" + rel + " stored twice");
          expectedStore.add(blob);
        } else {
          assertTrue(tree.containsKey("v/" + e[0] + "/" + rel), "v/" + e[0] + "/" + rel + " missing");
          if (!rel.endsWith(".html")) {
            assertEquals(f.getValue(), tree.get("v/" + e[0] + "/" + rel), rel);
          }
        }
      }
    }
    Set<String> store = new TreeSet<>(tree.keySet().stream().filter(k -> k.startsWith("_files/")).toList());
    assertEquals(expectedStore, store, "each distinct file once, nothing else");
    Map<String, String> second = manifest(out2);
    long shared = manifest(out1).entrySet().stream().filter(f -> stored(f.getKey())
        && f.getValue().equals(second.get(f.getKey()))).count();
    assertTrue(shared > 10, "most figure files are the same in both editions, stored once: " + shared);
    Pattern link = Pattern.compile("(?:href|src|srcset)=\"(?![a-z]+:)([^\"#:]+)[^\"]*\"");
    for (String f : tree.keySet()) {
      if (f.endsWith(".html")) {
        Matcher m = link.matcher(Files.readString(site2.resolve(f)));
        while (m.find()) {
          Path target = site2.resolve(f).getParent().resolve(m.group(1)).normalize();
          assertTrue(target.startsWith(site2) && Files.isRegularFile(target), f + " links " + m.group(1));
        }
      }
    }
  }

  private static Map<String, String> manifest0(Path out) {
    try {
      return manifest(out);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void latestAndTheRootAreTheNewerEditionAndTheVersionsPageListsBoth() throws IOException {
    Map<String, String> tree = files(site2);
    for (String rel : manifest0(out2).keySet()) {
      if (!rel.startsWith(".") && !stored(rel) && !rel.equals("versions.html")) {
        assertEquals(tree.get("v/" + v2 + "/" + rel), tree.get("v/latest/" + rel), rel);
      }
    }
    assertEquals(Files.readString(site2.resolve("v/" + v2 + "/index.html")).replace("../../_files/", "_files/"),
        Files.readString(site2.resolve("index.html")));
    String versions = Files.readString(site2.resolve("versions.html"));
    int a = versions.indexOf("href=\"v/" + v2 + "/index.html\"");
    int b = versions.indexOf("href=\"v/" + v1 + "/index.html\"");
    assertTrue(a > 0 && b > a, "both, newest first: " + versions);
    assertTrue(Files.readString(site2.resolve("v/" + v1 + "/versions.html")).contains("../../v/" + v2
        + "/index.html"), "the older edition's versions page knows the newer one");
  }

  @Test
  void eachFiguresCitationUrlContainsItsEdition() throws IOException {
    Pattern url = Pattern.compile("@misc\\{[^@]*?-fig-([a-z0-9-]+),[^@]*?url\\s*=\\s*\\{([^}]*)\\}");
    for (String v : List.of(v1, v2)) {
      int figures = 0;
      try (Stream<Path> s = Files.list(site2.resolve("v/" + v))) {
        for (Path p : s.filter(x -> x.toString().endsWith(".html")).sorted().toList()) {
          Matcher m = url.matcher(Files.readString(p));
          while (m.find()) {
            figures++;
            assertTrue(m.group(2).contains("v/" + v + "/") && m.group(2).endsWith("#fig-" + m.group(1)), p + ": "
                + m.group(2));
          }
        }
      }
      assertTrue(figures >= 10, "figures cited in v/" + v + ": " + figures);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void theChangesPageAndDiffReportExactlyTheChangedVerdictsNumbersFiguresAndSpec() throws IOException {
    String text = diff.out();
    String page = Files.readString(site2.resolve("v/" + v2 + "/changes.html"));
    assertTrue(page.contains("Changes since edition " + v1), page);
    assertTrue(text.contains("experiments whose spec changed: 1\n  width-sweep: lambda [30.0,60.0,120.0] -> [30.0,60.0,150.0]\n"),
        text);
    assertTrue(page.contains("<code>width-sweep</code>: <code>lambda</code> [30.0,60.0,120.0] → [30.0,60.0,150.0]"), page);
    assertTrue(text.contains("experiments added: 0\n") && text.contains("experiments removed: 0\n"), text);
    Map<String, String> changedFigures = new TreeMap<>();
    Map<String, String> m1 = manifest(out1);
    Map<String, String> m2 = manifest(out2);
    for (String f : new TreeSet<>(union(m1.keySet(), m2.keySet()))) {
      if (f.endsWith(".csv") && !java.util.Objects.equals(m1.get(f), m2.get(f))) {
        changedFigures.put(f.substring("figures/".length(), f.length() - 4), m1.get(f) == null ? "added"
            : m2.get(f) == null ? "removed" : "data changed");
      }
    }
    assertEquals("added", changedFigures.get("claim3-rms-lambda-150"), changedFigures.toString());
    assertEquals("removed", changedFigures.get("claim3-rms-lambda-120"), changedFigures.toString());
    assertTrue(text.contains("figures whose data changed: " + changedFigures.size() + "\n"), text);
    changedFigures.forEach((id, change) -> {
      assertTrue(text.contains("  " + id + ": " + change), id + " " + change + ": " + text);
      assertTrue(page.contains("<code>" + id + "</code>: " + change), page);
    });
    Map<String, Object> verdicts1 = (Map<String, Object>) model(out1).get("verdicts");
    Map<String, Object> verdicts2 = (Map<String, Object>) model(out2).get("verdicts");
    List<String> changedVerdicts = new ArrayList<>();
    verdicts2.forEach((c, v) -> {
      if (!v.equals(verdicts1.get(c))) {
        changedVerdicts.add(c);
      }
    });
    assertTrue(text.contains("verdicts changed: " + changedVerdicts.size() + "\n"), text);
    changedVerdicts.forEach(c -> assertTrue(text.contains("  " + c + ": "), text));
    String numbers = text.substring(text.indexOf("numbers moved"), text.indexOf("figures whose data"));
    List<String> paths = numbers.lines().skip(1).map(l -> l.strip().substring(0, l.strip().indexOf(':'))).toList();
    assertTrue(paths.contains("claim3.lambdaLargest"), numbers);
    assertTrue(paths.stream().allMatch(p -> p.startsWith("claim3.")), "only the claim reading the changed experiment: "
        + numbers);
    for (String p : paths) {
      assertTrue(page.contains("<code>" + p + "</code>"), p);
    }
  }

  @Test
  void frozenBuildFailsNamingTheMissingRunAndLeavesTheOutput() throws IOException {
    assertEquals(3, frozen.exit(), frozen.err());
    String err = frozen.err().strip();
    assertTrue(err.matches("error: build --frozen: run \\[784,\\d+,10] old eta=0\\.1 lambda=150 m=10 n="
        + wdpaper.experiments.Profile.QUICK_TRAINING + " seed=1( settle)? of"
        + " experiment 'width-sweep' \\(cache key [0-9a-f]+\\) is not in the cache \\(\\d+ of \\d+ runs missing\\);"
        + " build without --frozen to train it, or restore the run cache"), err);
    assertEquals(v1, edition(out1), "the previous output is left in place");
  }
}
