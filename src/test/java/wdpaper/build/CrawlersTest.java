package wdpaper.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wdpaper.project.SourceInfo;
import wdpaper.site.Permalinks;

class SiteIndexTest {
  static final SourceInfo SOURCE = new SourceInfo(Optional.of("0123456789abcdef0123456789abcdef01234567"),
      Optional.of("0123456789ab"), Optional.empty(), Instant.parse("2026-11-24T23:30:00Z"), "git");
  static final List<String> FILES = List.of("index.html", "claim-1.html", "figures/x.svg", "assets/style.css",
      "paper.pdf", "model.json");

  @Test
  void theSitemapListsEveryPageAndThePdfAtTheirAbsoluteAddressesWithTheSourceDate(@TempDir Path dir)
      throws Exception {
    List<String> warnings = new ArrayList<>();
    List<String> written = SiteIndex.write(dir, new Permalinks("https://ada.github.io/weight-decay-paper/", SOURCE),
        FILES, warnings::add);
    assertThat(written).containsExactly("sitemap.xml", "robots.txt");
    assertThat(warnings).isEmpty();
    org.w3c.dom.Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(dir.resolve("sitemap.xml").toFile());
    assertThat(Files.readString(dir.resolve("sitemap.xml"))).isEqualTo("""
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
          <url><loc>https://ada.github.io/weight-decay-paper/index.html</loc><lastmod>2026-11-24</lastmod></url>
          <url><loc>https://ada.github.io/weight-decay-paper/claim-1.html</loc><lastmod>2026-11-24</lastmod></url>
          <url><loc>https://ada.github.io/weight-decay-paper/paper.pdf</loc><lastmod>2026-11-24</lastmod></url>
        </urlset>
        """);
    assertThat(d.getElementsByTagName("url").getLength()).isEqualTo(3);
    assertThat(Files.readString(dir.resolve("robots.txt"))).isEqualTo("""
        User-agent: *
        Allow: /
        Sitemap: https://ada.github.io/weight-decay-paper/sitemap.xml
        """);
  }

  @Test
  void withoutABaseUrlThereIsNoSitemapAndTheBuildSaysSo(@TempDir Path dir) throws Exception {
    List<String> warnings = new ArrayList<>();
    assertThat(SiteIndex.write(dir, new Permalinks("", SOURCE), FILES, warnings::add)).containsExactly("robots.txt");
    assertThat(dir.resolve("sitemap.xml")).doesNotExist();
    assertThat(Files.readString(dir.resolve("robots.txt"))).isEqualTo("User-agent: *\nAllow: /\n");
    assertThat(warnings).containsExactly("no base URL (site.json baseUrl or WDPAPER_BASE_URL): sitemap.xml is not"
        + " written and citations carry site-relative addresses; the published build sets it");
  }
}
