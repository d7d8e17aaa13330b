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
    return templates.renderLayout("versions.ftlh", m);
  }

  /** The changes page of the edition of {@code model}; {@code diff} null when there is no previous edition. */
  public static String changes(Templates templates, Map<String, Object> model, Diff diff) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("site", model.get("site"));
    m.put("edition", model.get("edition"));
    m.put("changes", diff == null ? null : diff.model());
    return templates.renderLayout("changes.ftlh", m);
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
