package wdpaper.site;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The site's own citations: the BibTeX entry of the paper and of each figure, and the formatted plain-text reference
 * made from that very BibTeX (parsed with JBibTeX and formatted with the paper's CSL style by {@link References}),
 * so the two cannot disagree. Every entry carries the permalink ({@link Permalinks#url}), the version
 * ({@link Permalinks#version()}) and the source date ({@link Permalinks#date()}); authors come from site.json as
 * {@link SiteInfo} writes them for BibTeX (a group braced: {@code {{weight-decay-paper contributors}}}).
 */
public final class Citations {
  /** The licence of the text and figures, as the citations and footers state it. */
  public static final String LICENCE = "CC BY 4.0";
  public static final String LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/";

  private final Map<String, Object> site;
  private final Permalinks links;

  public Citations(Map<String, Object> site, Permalinks links) {
    this.site = site;
    this.links = links;
  }

  /** The paper's citation: {@code key}, {@code bibtex}, {@code text}, {@code url}, {@code version}, {@code date}. */
  public Map<String, Object> paper() {
    String key = (String) site.get("citeKey");
    String url = links.edition("index.html", null);
    String title = site.get("subtitle") instanceof String s && !s.isEmpty() ? site.get("title") + ": " + s
        : (String) site.get("title");
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("title", SiteInfo.bibtexEscape(title));
    fields.put("author", (String) site.get("bibtexAuthors"));
    fields.put("institution", SiteInfo.bibtexEscape((String) site.get("authorNames")));
    fields.put("type", "Reproducible report");
    fields.put("year", year());
    fields.put("date", links.date());
    fields.put("version", links.version());
    fields.put("url", url);
    fields.put("note", "Version " + links.version() + ", built " + links.date() + " from the source;"
        + " figures and numbers computed from MNIST runs");
    return citation("techreport", key, fields, url);
  }

  /**
   * A figure's citation.
   *
   * @param page the site file the figure is on ({@code 03-claim-2.html}), for its permalink
   * @param title the figure's title as plain text
   * @param data the figure's data file in the site ({@code figures/x.csv})
   */
  public Map<String, Object> figure(String id, int number, String title, List<String> experiments, String page,
      String data) {
    String key = site.get("citeKey") + "-fig-" + id;
    String url = links.edition(page, "fig-" + id);
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("title", "Figure " + number + ": " + SiteInfo.bibtexEscape(title));
    fields.put("author", (String) site.get("bibtexAuthors"));
    fields.put("howpublished", SiteInfo.bibtexEscape((String) site.get("title")));
    fields.put("year", year());
    fields.put("date", links.date());
    fields.put("version", links.version());
    fields.put("url", url);
    String name = data.substring(data.lastIndexOf('/') + 1, data.lastIndexOf('.'));
    fields.put("note", "Version " + links.version() + ", built " + links.date() + ". Files: " + name
        + ".pdf (vector), " + name + ".png (" + wdpaper.figures.FigureWriter.PRINT_DPI + " dpi), " + name + ".eps, "
        + name + ".svg; data: " + SiteInfo.bibtexEscape(name + ".csv") + ", "
        + SiteInfo.bibtexEscape(links.edition(data, null)));
    return citation("misc", key, fields, url);
  }

  private String year() {
    return links.date().substring(0, 4);
  }

  private Map<String, Object> citation(String type, String key, Map<String, String> fields, String url) {
    StringBuilder sb = new StringBuilder("@").append(type).append('{').append(key).append(",\n");
    int width = fields.keySet().stream().mapToInt(String::length).max().orElse(0);
    int i = 0;
    for (Map.Entry<String, String> f : fields.entrySet()) {
      sb.append("  ").append(f.getKey()).append(" ".repeat(width - f.getKey().length())).append(" = {")
          .append(f.getValue()).append('}').append(++i < fields.size() ? ",\n" : "\n");
    }
    sb.append("}");
    String bibtex = sb.toString();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("key", key);
    m.put("bibtex", bibtex);
    // citeproc's LaTeX conversion gives up on some titles (‖w\_e‖) and leaves BibTeX's escapes in: a reader's
    // reference never shows them
    m.put("text", References.parse("the citation of " + key, bibtex).text(key).replaceAll("\\\\([&%$#_{}])", "$1"));
    m.put("url", url);
    m.put("version", links.version());
    m.put("date", links.date());
    return m;
  }
}
