package wdpaper.build;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import wdpaper.project.AtomicFiles;
import wdpaper.site.Permalinks;

/**
 * What search engines read besides the pages: {@code robots.txt} (everything may be crawled; the sitemap's address)
 * and {@code sitemap.xml} (every page and the PDF, each with the source date as {@code lastmod}). A sitemap needs
 * absolute addresses: without a base URL (a local build without {@code baseUrl} in site.json or
 * {@code WDPAPER_BASE_URL}) it is not written, robots.txt names no sitemap, and the build says so once.
 */
public final class SiteIndex {
  /** The files this class writes, in the output's top folder. */
  public static final String SITEMAP = "sitemap.xml";
  public static final String ROBOTS = "robots.txt";

  private SiteIndex() {}

  /**
   * Writes robots.txt (and sitemap.xml when {@code links} are absolute) into {@code dir}, listing the {@code .html}
   * pages and {@code paper.pdf} among {@code files}, in their order; returns the files written.
   */
  public static List<String> write(Path dir, Permalinks links, List<String> files, Consumer<String> warn) {
    List<String> written = new ArrayList<>();
    StringBuilder robots = new StringBuilder("User-agent: *\nAllow: /\n");
    if (links.absolute()) {
      robots.append("Sitemap: ").append(links.url(SITEMAP, null)).append('\n');
      AtomicFiles.write(dir.resolve(SITEMAP), sitemap(links, files));
      written.add(SITEMAP);
    } else {
      warn.accept("no base URL (site.json baseUrl or " + Permalinks.BASE_URL_ENV + "): sitemap.xml is not"
          + " written and citations carry site-relative addresses; the published build sets it");
    }
    AtomicFiles.write(dir.resolve(ROBOTS), robots.toString());
    written.add(ROBOTS);
    return written;
  }

  /** The sitemap (sitemaps.org 0.9) of the pages and the PDF among {@code files}. */
  static String sitemap(Permalinks links, List<String> files) {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (String f : files) {
      if (!f.contains("/") && (f.endsWith(".html") || f.equals("paper.pdf"))) {
        sb.append("  <url><loc>").append(xml(links.url(f, null))).append("</loc><lastmod>").append(links.date())
            .append("</lastmod></url>\n");
      }
    }
    return sb.append("</urlset>\n").toString();
  }

  private static String xml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("'", "&apos;");
  }
}
