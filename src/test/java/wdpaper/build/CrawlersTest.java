package wdpaper.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wdpaper.project.SourceInfo;
import wdpaper.site.Permalinks;

class CrawlersTest {
  static final SourceInfo SOURCE = new SourceInfo(Optional.of("0123456789abcdef0123456789abcdef01234567"),
      Optional.of("0123456789ab"), Optional.empty(), Instant.parse("2026-11-24T23:30:00Z"), "git");
  static final List<String> PAGES = List.of("index.html", "claim-1.html");

  @Test
  void theSitemapListsEveryPageTheEditionsPagesTheOfflineEditionAndThePdfWithTheSourceDate(@TempDir Path dir)
      throws Exception {
    List<String> written = Crawlers.write(dir, new Permalinks("https://ada.github.io/weight-decay-paper/", SOURCE),
        PAGES);
    assertThat(written).containsExactly("sitemap.xml", "robots.txt");
    org.w3c.dom.Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(dir.resolve("sitemap.xml").toFile());
    assertThat(Files.readString(dir.resolve("sitemap.xml"))).isEqualTo("""
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
          <url><loc>https://ada.github.io/weight-decay-paper/</loc><lastmod>2026-11-24</lastmod></url>
          <url><loc>https://ada.github.io/weight-decay-paper/claim-1.html</loc><lastmod>2026-11-24</lastmod></url>
          <url><loc>https://ada.github.io/weight-decay-paper/versions.html</loc><lastmod>2026-11-24</lastmod></url>
          <url><loc>https://ada.github.io/weight-decay-paper/changes.html</loc><lastmod>2026-11-24</lastmod></url>
          <url><loc>https://ada.github.io/weight-decay-paper/paper.html</loc><lastmod>2026-11-24</lastmod></url>
          <url><loc>https://ada.github.io/weight-decay-paper/paper.pdf</loc><lastmod>2026-11-24</lastmod></url>
        </urlset>
        """);
    assertThat(d.getElementsByTagName("url").getLength()).isEqualTo(6);
    assertThat(Files.readString(dir.resolve("robots.txt"))).isEqualTo("""
        User-agent: *
        Allow: /
        Sitemap: https://ada.github.io/weight-decay-paper/sitemap.xml
        """);
  }

  @Test
  void withoutABaseUrlThereIsNoSitemap(@TempDir Path dir) throws Exception {
    assertThat(Crawlers.write(dir, new Permalinks("", SOURCE), PAGES)).containsExactly("robots.txt");
    assertThat(dir.resolve("sitemap.xml")).doesNotExist();
    assertThat(Files.readString(dir.resolve("robots.txt"))).isEqualTo("User-agent: *\nAllow: /\n");
  }
}
