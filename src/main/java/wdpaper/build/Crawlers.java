package wdpaper.build;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import wdpaper.project.AtomicFiles;
import wdpaper.site.Permalinks;

/**
 * What search engines read besides the pages: {@code robots.txt} (everything may be crawled) and
 * {@code sitemap.xml} (every page, the editions' pages, the offline edition and the PDF, with the source date as
 * last modification). A sitemap needs
 * absolute URLs: without a base URL (see {@link Permalinks}) none is written and robots.txt names none.
 */
final class Crawlers {
  private Crawlers() {}

  /** Writes the files into {@code dir}; returns their names. */
  static List<String> write(Path dir, Permalinks links, List<String> pages) {
    List<String> written = new ArrayList<>();
    StringBuilder robots = new StringBuilder("User-agent: *\nAllow: /\n");
    if (links.absolute()) {
      StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
      List<String> files = new ArrayList<>(pages);
      files.add(wdpaper.editions.EditionPages.VERSIONS);
      files.add(wdpaper.editions.EditionPages.CHANGES);
      files.add("paper.html");
      files.add("paper.pdf");
      for (String f : files) {
        xml.append("  <url><loc>").append(escape(links.url(f.equals("index.html") ? "" : f, null)))
            .append("</loc><lastmod>").append(links.date()).append("</lastmod></url>\n");
      }
      xml.append("</urlset>\n");
      AtomicFiles.write(dir.resolve("sitemap.xml"), xml.toString());
      written.add("sitemap.xml");
      robots.append("Sitemap: ").append(links.url("sitemap.xml", null)).append('\n');
    }
    AtomicFiles.write(dir.resolve("robots.txt"), robots.toString());
    written.add("robots.txt");
    return written;
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
