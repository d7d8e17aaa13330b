package wdpaper.editions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wdpaper.project.Hashing;
import wdpaper.project.Json;
import wdpaper.project.OutputFolder;
import wdpaper.project.UserError;
import wdpaper.site.Templates;

class AssemblerTest {
  static final Path ROOT = Path.of(System.getProperty("project.root", ".")).toAbsolutePath().normalize();
  @TempDir Path dir;
  final List<String> log = new ArrayList<>();

  Assembler assembler() {
    return new Assembler(new Templates(ROOT.resolve("content"), ROOT.resolve("templates"), ROOT), log::add);
  }

  /** A build's output: two pages, one figure (PNG + CSV), the PDF, model.json and the manifest. */
  static Path build(Path out, String version, String tag, String figure, String pdf) throws IOException {
    Files.createDirectories(out.resolve("figures"));
    Files.createDirectories(out.resolve("assets"));
    Files.writeString(out.resolve("index.html"), "<html><body><a href=\"claim-1.html#fig-f\">1</a>"
        + " <a href=\"paper.pdf\">PDF</a> edition " + version
        + " <link rel=\"stylesheet\" href=\"assets/style.css\"></body></html>");
    Files.writeString(out.resolve("claim-1.html"), "<html><body><figure id=\"fig-f\"><a href=\"figures/f.png\"><img"
        + " src=\"figures/f.png\" srcset=\"figures/f.png\"></a> <a href=\"figures/f.csv\">csv</a>"
        + " <a href=\"versions.html\">all</a> <a href=\"changes.html\">changes</a></figure> edition " + version
        + "</body></html>");
    Files.writeString(out.resolve("versions.html"), "placeholder");
    Files.writeString(out.resolve("changes.html"), "placeholder");
    Files.writeString(out.resolve("assets/style.css"), "body{}");
    // what the editions' pages link besides the pages (their header and footer, as on every page of a build)
    Files.writeString(out.resolve("assets/favicon.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    Files.writeString(out.resolve("assets/cite.js"), "// copy buttons\n");
    Files.writeString(out.resolve("paper.html"), "<html><body>the offline edition " + version + "</body></html>");
    Files.writeString(out.resolve("figures/f.png"), figure);
    Files.writeString(out.resolve("figures/f.csv"), "x,y\n1," + figure.length() + "\n");
    Files.writeString(out.resolve("paper.pdf"), pdf);
    Files.writeString(out.resolve(OutputFolder.MARKER), "weight-decay-paper 0.1.0 output folder\n");
    Files.writeString(out.resolve(".nojekyll"), "");
    Map<String, Object> m = DiffTest.model(version, "fails", 87.5, 87.2, 87.8, -0.36, Hashing.sha256(
        out.resolve("figures/f.csv")), 10);
    @SuppressWarnings("unchecked")
    Map<String, Object> e = (Map<String, Object>) m.get("edition");
    e.put("tag", tag);
    // the site as a build's model.json has it (the pages' header and footer print its title and citation)
    @SuppressWarnings("unchecked")
    Map<String, Object> site = wdpaper.site.SiteInfo.model("content/site.json", Json.MAPPER.readValue(
        ROOT.resolve("content/site.json").toFile(), Map.class));
    site.put("title", "T");
    site.put("outcomes", Map.of("fails", "does not hold", "holds", "holds"));
    m.put("site", site);
    Files.writeString(out.resolve("model.json"), Json.write(m));
    StringBuilder sb = new StringBuilder();
    TreeMap<String, String> sums = new TreeMap<>();
    try (Stream<Path> s = Files.walk(out)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        sums.put(out.relativize(p).toString(), Hashing.sha256(p));
      }
    }
    sums.forEach((f, h) -> sb.append(h).append("  ").append(f).append('\n'));
    Files.writeString(out.resolve(OutputFolder.MANIFEST), sb.toString());
    return out;
  }

  /** Every file under {@code tree} with its bytes' hash. */
  static Map<String, String> files(Path tree) throws IOException {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(tree)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        m.put(tree.relativize(p).toString(), Hashing.sha256(p));
      }
    }
    return m;
  }

  /** Every relative link of every page resolves to a file of the tree. */
  static void assertLinksResolve(Path tree) throws IOException {
    Pattern link = Pattern.compile("(?:href|src|srcset)=\"(?![a-z]+:)([^\"#:]+)[^\"]*\"");
    for (String f : files(tree).keySet()) {
      if (f.endsWith(".html")) {
        Matcher m = link.matcher(Files.readString(tree.resolve(f)));
        while (m.find()) {
          Path target = tree.resolve(f).getParent().resolve(m.group(1)).normalize();
          assertTrue(target.startsWith(tree) && Files.isRegularFile(target), f + " links " + m.group(1)
              + ", which is not in the tree");
        }
      }
    }
  }

  @Test
  void theFirstEditionIsAtItsVersionAtLatestAndAtTheRootWithFiguresStoredOnce() throws IOException {
    Path b = build(dir.resolve("b1"), "aaa111", "", "png-1", "pdf-1");
    Path site = dir.resolve("site");
    Assembler.Report r = assembler().assemble(dir.resolve("none"), b, site, 20, Assembler.Mode.STORE);
    assertEquals(List.of("aaa111"), r.editions());
    Map<String, String> f = files(site);
    for (String d : List.of("v/aaa111/", "v/latest/", "")) {
      for (String page : List.of("index.html", "claim-1.html", "versions.html", "changes.html", "model.json",
          "manifest.sha256", "figures/f.csv", "assets/style.css")) {
        assertTrue(f.containsKey(d + page), d + page + " missing: " + f.keySet());
      }
      if (!d.isEmpty()) {
        assertFalse(f.containsKey(d + "figures/f.png"), "stored, not copied: " + d);
      }
    }
    String png = Hashing.sha256("png-1");
    // the root keeps real copies too: the absolute URLs of the metadata (PDF, card image, sitemap) name them
    assertEquals(png, f.get("figures/f.png"), "the root's copy of the figure");
    assertEquals(Hashing.sha256("pdf-1"), f.get("paper.pdf"), "the root's copy of the PDF");
    assertTrue(f.containsKey("_files/sha256/" + png + ".png"));
    assertEquals(2, f.keySet().stream().filter(k -> k.startsWith("_files/")).count(), "the PNG and the PDF");
    assertTrue(Files.readString(site.resolve("v/aaa111/claim-1.html")).contains("src=\"../../_files/sha256/" + png
        + ".png\" srcset=\"../../_files/sha256/" + png + ".png\""));
    assertTrue(Files.readString(site.resolve("claim-1.html")).contains("href=\"_files/sha256/" + png + ".png\""));
    assertLinksResolve(site);
    assertTrue(Files.readString(site.resolve("changes.html")).contains("knows no earlier edition"));
  }

  @Test
  void aSecondEditionSharesUnchangedFilesKeepsTheFirstAsPublishedAndBecomesLatest() throws IOException {
    Path site1 = dir.resolve("site1");
    assembler().assemble(null, build(dir.resolve("b1"), "aaa111", "", "png-1", "pdf-1"), site1, 20,
        Assembler.Mode.STORE);
    Path site2 = dir.resolve("site2");
    Assembler.Report r = assembler().assemble(site1, build(dir.resolve("b2"), "bbb222", "", "png-1", "pdf-2"), site2,
        20, Assembler.Mode.STORE);
    assertEquals(List.of("aaa111", "bbb222"), r.editions());
    Map<String, String> f1 = files(site1);
    Map<String, String> f2 = files(site2);
    assertEquals(3, f2.keySet().stream().filter(k -> k.startsWith("_files/")).count(), "one PNG, two PDFs: " + f2);
    for (String page : List.of("index.html", "claim-1.html", "changes.html", "model.json")) {
      assertEquals(f1.get("v/aaa111/" + page), f2.get("v/aaa111/" + page), "old edition copied as published: " + page);
      assertEquals(f2.get("v/bbb222/" + page), f2.get("v/latest/" + page), "v/latest is the newer: " + page);
    }
    assertTrue(Files.readString(site2.resolve("index.html")).contains("edition bbb222"));
    String versions = Files.readString(site2.resolve("versions.html"));
    assertTrue(versions.indexOf("v/bbb222/index.html") > 0 && versions.indexOf("v/bbb222/index.html")
        < versions.indexOf("v/aaa111/index.html"), "newest first: " + versions);
    assertEquals(versions.replace("\"v/", "\"../../v/").replace(" (this page's edition)", ""), Files.readString(
        site2.resolve("v/aaa111/versions.html")).replace(" (this page's edition)", ""));
    assertTrue(Files.readString(site2.resolve("v/bbb222/changes.html")).contains("Changes since edition aaa111"));
    assertLinksResolve(site2);
  }

  @Test
  void taggedEditionsAreKeptForeverAndUntaggedOnesBeyondTheNewestNArePrunedWithTheirFiles() throws IOException {
    Path prev = null;
    String[][] editions = {{"e1", ""}, {"e2", "v1.0"}, {"e3", ""}, {"e4", ""}, {"e5", ""}};
    Assembler.Report r = null;
    List<String> pruned = new ArrayList<>();
    for (String[] e : editions) {
      Path site = dir.resolve("site-" + e[0]);
      r = assembler().assemble(prev, build(dir.resolve("b-" + e[0]), e[0], e[1], "png-" + e[0], "pdf-" + e[0]),
          site, 2, Assembler.Mode.STORE);
      pruned.addAll(r.pruned());
      prev = site;
    }
    assertEquals(List.of("e2", "e4", "e5"), r.editions());
    assertEquals(List.of("e1", "e3"), pruned);
    Map<String, String> f = files(prev);
    assertFalse(f.keySet().stream().anyMatch(k -> k.startsWith("v/e1/") || k.startsWith("v/e3/")));
    assertFalse(f.containsKey("_files/sha256/" + Hashing.sha256("png-e3") + ".png"), "pruned edition's file kept");
    assertTrue(f.containsKey("_files/sha256/" + Hashing.sha256("png-e2") + ".png"));
    assertEquals(6, f.keySet().stream().filter(k -> k.startsWith("_files/")).count());
    assertLinksResolve(prev);
  }

  @Test
  void aRebuildOfAPublishedVersionReplacesIt() throws IOException {
    Path site1 = dir.resolve("site1");
    assembler().assemble(null, build(dir.resolve("b1"), "aaa111", "", "png-1", "pdf-1"), site1, 20,
        Assembler.Mode.STORE);
    Path site2 = dir.resolve("site2");
    Assembler.Report r = assembler().assemble(site1, build(dir.resolve("b2"), "aaa111", "", "png-2", "pdf-2"), site2,
        20, Assembler.Mode.STORE);
    assertEquals(List.of("aaa111"), r.editions());
    assertTrue(Files.readString(site2.resolve("v/aaa111/claim-1.html")).contains(Hashing.sha256("png-2")));
    assertEquals(2, files(site2).keySet().stream().filter(k -> k.startsWith("_files/")).count());
  }

  @Test
  void withoutTheStoreEveryEditionHoldsItsFilesAndHardLinksShareThemOnDisk() throws IOException {
    Path site1 = dir.resolve("site1");
    assembler().assemble(null, build(dir.resolve("b1"), "aaa111", "", "png-1", "pdf-1"), site1, 20,
        Assembler.Mode.HARDLINK);
    Path site2 = dir.resolve("site2");
    assembler().assemble(site1, build(dir.resolve("b2"), "bbb222", "", "png-1", "pdf-2"), site2, 20,
        Assembler.Mode.HARDLINK);
    Path a = site2.resolve("v/aaa111/figures/f.png");
    Path b = site2.resolve("v/bbb222/figures/f.png");
    assertArrayEquals("png-1".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(b));
    assertEquals(Files.getAttribute(a, "unix:ino"), Files.getAttribute(b, "unix:ino"));
    assertFalse(Files.exists(site2.resolve("_files")));
    assertTrue(Files.readString(site2.resolve("v/bbb222/claim-1.html")).contains("src=\"figures/f.png\""));
    assertLinksResolve(site2);
  }

  @Test
  void refusesAFolderOfEditionsWithoutAnIndexAndAnOutFolderItDidNotWrite() throws IOException {
    Path b = build(dir.resolve("b1"), "aaa111", "", "png-1", "pdf-1");
    Path junk = Files.createDirectories(dir.resolve("junk"));
    Files.writeString(junk.resolve("notes.txt"), "mine");
    UserError e = assertThrows(UserError.class, () -> assembler().assemble(junk, b, dir.resolve("site"), 20,
        Assembler.Mode.STORE));
    assertEquals("--editions " + junk + ": has no editions.json; expected a tree written by 'assemble' (or an absent"
        + " or empty folder for the first edition)", e.getMessage());
    assertEquals(2, e.exitCode());
    e = assertThrows(UserError.class, () -> assembler().assemble(null, b, junk, 20, Assembler.Mode.STORE));
    assertEquals("--out " + junk + ": refusing to replace a folder that 'assemble' did not write; use an empty or"
        + " new folder", e.getMessage());
    assertEquals("mine", Files.readString(junk.resolve("notes.txt")));
    e = assertThrows(UserError.class, () -> assembler().assemble(null, junk, dir.resolve("site"), 20,
        Assembler.Mode.STORE));
    assertEquals("--new " + junk + ": has no model.json; expected the output folder of a build (or an edition folder"
        + " of a deploy tree)", e.getMessage());
    e = assertThrows(UserError.class, () -> assembler().assemble(null, b, dir.resolve("site"), 0,
        Assembler.Mode.STORE));
    assertEquals("--keep-untagged must be at least 1 (the new edition), was 0", e.getMessage());
  }
}
