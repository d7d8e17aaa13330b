package wdpaper.editions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import wdpaper.project.AtomicFiles;
import wdpaper.site.Templates;

/**
 * The two pages about editions, rendered from their result models: {@code versions.html} (every edition with its
 * date, commit and verdict table; templates/versions.ftlh) and {@code changes.html} ("Changes since &lt;previous
 * edition&gt;", from {@link Diff}; templates/changes.ftlh). A build writes both for its own edition alone (so that
 * every link of a local build resolves); {@link Assembler} rewrites them in the deploy tree, where the other
 * editions are known.
 */
public final class EditionPages {
  public static final String VERSIONS = "versions.html";
  public static final String CHANGES = "changes.html";

  private EditionPages() {}

  /** The build's own versions.html (this edition only) and changes.html (no previous edition known). */
  public static List<String> placeholders(Templates templates, Map<String, Object> model, Path out) {
    String version = Edition.fromModel(model).version();
    AtomicFiles.write(out.resolve(VERSIONS), versions(templates, model.get("site"), version, List.of(entry(model,
        "")), ""));
    AtomicFiles.write(out.resolve(CHANGES), changes(templates, model, null));
    return List.of(CHANGES, VERSIONS);
  }

  /**
   * The versions page.
   *
   * @param site content/site.json as the newest edition has it
   * @param version the edition whose folder the page is in (marked "this one")
   * @param entries the editions, newest first, from {@link #entry}
   * @param root the way from the page's folder to the site root ({@code ""} or {@code "../../"})
   */
  public static String versions(Templates templates, Object site, String version, List<Map<String, Object>> entries,
      String root) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("site", site);
    m.put("current", version);
    m.put("editions", entries);
    List<String> claims = new ArrayList<>();
    for (Map<String, Object> e : entries) {
      for (Object v : (List<?>) e.get("verdicts")) {
        String c = (String) ((Map<?, ?>) v).get("claim");
        if (!claims.contains(c)) {
          claims.add(c);
        }
      }
    }
    m.put("claims", claims);
    m.put("root", root);
    // one page published at several addresses (the root, each edition's folder): its footer cites the newest
    frame(m, site, entries.isEmpty() ? Map.of() : entries.get(0), VERSIONS, "Editions", "Every edition of " + title(site) + ", newest first: date, commit and"
        + " the verdict on each claim.", "");
    return templates.renderLayout("versions.ftlh", m);
  }

  /** The changes page of the edition of {@code model}; {@code diff} null when there is no previous edition. */
  public static String changes(Templates templates, Map<String, Object> model, Diff diff) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("site", model.get("site"));
    m.put("edition", model.get("edition"));
    m.put("changes", diff == null ? null : diff.model());
    Map<?, ?> edition = model.get("edition") instanceof Map<?, ?> e ? e : Map.of();
    String title = diff == null ? "Changes" : "Changes since edition " + diff.from().version();
    frame(m, model.get("site"), edition, CHANGES, title, "What changed in " + title(model.get("site"))
        + " from one edition to the next: verdicts, numbers beyond their seed spread, figures' data, experiments.",
        edition.get("base") instanceof String b && b.startsWith("http") ? b + CHANGES : "");
    return templates.renderLayout("changes.ftlh", m);
  }

  /**
   * What the site's header, head and footer partials need (templates/partials/head.ftlh, header.ftlh,
   * footer.ftlh), for the page {@code file} of the edition described by {@code edition} (an {@link Edition#model}
   * or a versions entry): the paper's citation as that edition's pages give it, the page's title, description and
   * canonical address. These pages are about the paper, not the paper: they carry no Scholar tags.
   */
  private static void frame(Map<String, Object> m, Object site, Map<?, ?> edition, String file, String title,
      String description, String canonical) {
    @SuppressWarnings("unchecked")
    Map<String, Object> siteModel = site instanceof Map<?, ?> x ? (Map<String, Object>) x : Map.of();
    String commit = edition.get("commit") instanceof String c ? c : "";
    String tag = edition.get("tag") instanceof String t ? t : "";
    java.time.Instant date = edition.get("instant") instanceof String i ? java.time.Instant.parse(i)
        : java.time.Instant.EPOCH;
    wdpaper.project.SourceInfo source = new wdpaper.project.SourceInfo(
        java.util.Optional.of(commit).filter(c -> !c.isEmpty()),
        java.util.Optional.of(commit).filter(c -> !c.isEmpty()).map(c -> c.substring(0, Math.min(12, c.length()))),
        java.util.Optional.of(tag).filter(t -> !t.isEmpty()), date, "edition");
    wdpaper.site.Permalinks links = wdpaper.site.Permalinks.of(siteModel, System.getenv(), source);
    if (!edition.isEmpty()) {
      m.put("edition", Edition.fromModel(Map.of("edition", edition)).model());
    }
    m.put("citation", siteModel.isEmpty() ? Map.of() : new wdpaper.site.Citations(siteModel, links).paper());
    m.put("pdfUrl", links.url("paper.pdf", null));
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("title", title);
    page.put("href", file);
    page.put("description", description);
    page.put("url", !canonical.isEmpty() ? canonical : links.absolute() ? links.url(file, null) : "");
    page.put("paper", false);
    m.put("page", page);
  }

  private static String title(Object site) {
    return site instanceof Map<?, ?> s && s.get("title") != null ? "\u201c" + s.get("title") + "\u201d"
        : "the paper";
  }

  /**
   * One row of the versions page: the edition of {@code model}, its verdicts in the site's words, and links to its
   * pages under {@code href} (the way from the versions page to the edition's folder, e.g. {@code v/abc/}).
   */
  public static Map<String, Object> entry(Map<String, Object> model, String href) {
    Map<String, Object> e = new LinkedHashMap<>(Edition.fromModel(model).model());
    e.put("href", href);
    Map<?, ?> words = model.get("site") instanceof Map<?, ?> s && s.get("outcomes") instanceof Map<?, ?> o ? o
        : Map.of();
    List<Object> verdicts = new ArrayList<>();
    if (model.get("verdicts") instanceof Map<?, ?> v) {
      for (Map.Entry<?, ?> x : v.entrySet()) {
        String outcome = String.valueOf(((Map<?, ?>) x.getValue()).get("outcome"));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("claim", String.valueOf(x.getKey()));
        r.put("outcome", outcome);
        r.put("words", String.valueOf(words.get(outcome) == null ? outcome : words.get(outcome)));
        verdicts.add(r);
      }
    }
    e.put("verdicts", verdicts);
    boolean quick = model.get("build") instanceof Map<?, ?> b && Boolean.TRUE.equals(b.get("quick"));
    e.put("quick", quick);
    return e;
  }
}
