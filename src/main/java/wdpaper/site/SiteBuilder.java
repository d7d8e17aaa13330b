package wdpaper.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import wdpaper.figures.FigureSpec;
import wdpaper.figures.FigureText;
import wdpaper.figures.FigureWriter;
import wdpaper.figures.RichText;
import wdpaper.figures.Variant;
import wdpaper.project.AtomicFiles;
import wdpaper.project.UserError;

/**
 * Builds the static site into a folder: renders each page's FreeMarker then Markdown (checking that every number
 * comes from the data, {@link NumberCheck}), collects the figures the pages place and the words they give them,
 * numbers figures and equations across pages, resolves cross-references ({@code @fig:id}, {@code @eq:name},
 * {@code @sec:slug}), applies the layout, and copies the assets. {@link #paperHtml()} is the same content as one
 * document, for the PDF.
 */
public final class SiteBuilder {
  private static final Pattern REF = Pattern.compile("@(fig|eq|sec):([a-z0-9]+(?:-[a-z0-9]+)*)");
  /** A citation of content/references.bib, Pandoc style: {@code [@key]} or {@code [@a; @b]}. */
  static final Pattern CITE = Pattern.compile("\\[@([A-Za-z][A-Za-z0-9_-]*(?:;\\s*@[A-Za-z][A-Za-z0-9_-]*)*)\\]");
  /** The works the pages cite, relative to the project. */
  public static final String REFERENCES_FILE = "content/references.bib";

  private final Path templatesDir;
  private final Templates templates;
  private MarkdownRenderer markdown;
  private final Map<String, Object> model;
  private final Map<String, List<String>> claimFigures;
  private final Map<String, FigureSpec> figureSpecs = new LinkedHashMap<>();
  private final List<Page> pages;
  private final Map<String, String> bodies = new LinkedHashMap<>();
  private final Map<String, FigureText> figureTexts = new LinkedHashMap<>();
  private final Map<String, Integer> figureNumbers = new LinkedHashMap<>();
  private final Map<String, String> figurePage = new LinkedHashMap<>();
  private final Map<String, Integer> equationNumbers = new LinkedHashMap<>();
  private final Map<String, String> equationPage = new LinkedHashMap<>();
  private final List<String> cited = new ArrayList<>();
  private final Map<String, String> citedText = new LinkedHashMap<>();
  private References references;
  private Permalinks permalinks;
  private Citations citations;
  private int threads = Runtime.getRuntime().availableProcessors();

  /**
   * @param pages the pages, from {@link #loadPages}
   * @param model what the pages see (see docs/authoring.md and output/model.json)
   * @param claimFigures the figures the claims compute, by id, with the experiments each shows
   */
  public SiteBuilder(Path root, List<Page> pages, Map<String, Object> model, Map<String, List<String>> claimFigures) {
    this(root, pages, model, claimFigures, null);
  }

  /**
   * As {@link #SiteBuilder(Path, List, Map, Map)}, with the source of {@code root} already read (null: read it
   * here; the build reads it once for the edition, the pages and the PDF).
   */
  public SiteBuilder(Path root, List<Page> pages, Map<String, Object> model, Map<String, List<String>> claimFigures,
      wdpaper.project.SourceInfo source) {
    this.templatesDir = root.resolve("templates");
    this.templates = new Templates(root.resolve("content"), templatesDir, root);
    this.markdown = new MarkdownRenderer(new MathRenderer());
    this.model = new LinkedHashMap<>(model);
    this.claimFigures = new LinkedHashMap<>(claimFigures);
    this.pages = List.copyOf(pages);
    @SuppressWarnings("unchecked")
    Map<String, Object> siteModel = model.get("site") instanceof Map<?, ?> s ? (Map<String, Object>) s : Map.of();
    java.time.Instant fallback = java.time.Instant.parse(siteModel.getOrDefault("year", "2026") + "-01-01T00:00:00Z");
    permalinks(Permalinks.of(siteModel, System.getenv(), source != null ? source
        : wdpaper.project.SourceInfo.of(root, fallback)));
  }

  /**
   * Draws the formulas with {@code math} (the constructor makes a new one): one the build started drawing ahead
   * ({@link MathRenderer#drawAhead}), whose drawings the pages then reuse.
   */
  public SiteBuilder math(MathRenderer math) {
    this.markdown = new MarkdownRenderer(math);
    return this;
  }

  /** Sets the permalinks every citation and absolute URL is made with (the constructor sets the default). */
  public SiteBuilder permalinks(Permalinks links) {
    this.permalinks = links;
    if (model.get("site") instanceof Map<?, ?>) {
      @SuppressWarnings("unchecked")
      Map<String, Object> site = (Map<String, Object>) model.get("site");
      this.citations = new Citations(site, links);
      model.put("citation", citations.paper());
    }
    Map<String, Object> urls = new LinkedHashMap<>();
    urls.put("base", links.base());
    urls.put("absolute", links.absolute());
    urls.put("version", links.version());
    urls.put("commit", links.commit());
    urls.put("date", links.date());
    model.put("permalinks", urls);
    return this;
  }

  public Permalinks permalinks() {
    return permalinks;
  }

  /**
   * The pages of {@code contentDir} (every {@code *.md}), ordered by their front matter's order, then file. Two pages
   * with the same name or order, and the reserved names, are errors naming both files.
   */
  public static List<Page> loadPages(Path contentDir) {
    wdpaper.project.ProjectPaths.of(contentDir.getParent(), null, null).checkLinks();
    if (!Files.isDirectory(contentDir)) {
      throw UserError.config("content folder " + contentDir + " does not exist, expected content/*.md");
    }
    List<Page> pages = new ArrayList<>();
    try (Stream<Path> s = Files.list(contentDir)) {
      for (Path f : s.filter(x -> x.toString().endsWith(".md")).sorted().toList()) {
        String name = "content/" + f.getFileName();
        String text;
        try {
          text = Files.readString(f);
        } catch (java.nio.charset.CharacterCodingException e) {
          throw UserError.config(name + ": is not UTF-8 text; save it as UTF-8");
        }
        pages.add(Page.parse(name, text));
      }
    } catch (IOException e) {
      throw wdpaper.project.IoErrors.error("cannot read the pages in", contentDir, e);
    }
    if (pages.isEmpty()) {
      throw UserError.config("no pages in content/, expected at least one NN-slug.md");
    }
    pages.sort(Comparator.comparingInt(Page::order).thenComparing(Page::file));
    List<String> errors = new ArrayList<>();
    Map<String, Page> bySlug = new LinkedHashMap<>();
    Map<Integer, Page> byOrder = new LinkedHashMap<>();
    for (Page p : pages) {
      if (RESERVED_SLUGS.contains(p.slug())) {
        errors.add(p.file() + ": the page name '" + p.slug() + "' is reserved (the build writes " + p.slug()
            + ".html itself); rename the file");
      }
      Page same = bySlug.putIfAbsent(p.slug(), p);
      if (same != null) {
        errors.add(p.file() + ": the page name '" + p.slug() + "' is also that of " + same.file() + " (both would be "
            + p.slug() + ".html); rename one of them");
      }
      Page sameOrder = byOrder.putIfAbsent(p.order(), p);
      if (sameOrder != null) {
        errors.add(p.file() + ":" + p.lineOf("order:") + ": order " + p.order() + " is also that of "
            + sameOrder.file() + "; give each page its own order");
      }
    }
    if (!errors.isEmpty()) {
      throw UserError.config(errors.get(0) + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more page"
          + " errors)" : ""));
    }
    return pages;
  }

  /** Checks and renders every page; call before writing. Errors are collected and reported together. */
  public SiteBuilder render() {
    wdpaper.project.ProjectPaths.of(templates.root(), null, null).checkLinks();
    List<String> errors = new ArrayList<>();
    for (Page p : pages) {
      errors.addAll(NumberCheck.checkSource(p.file(), p.source()));
    }
    throwIf(errors, "page");
    List<Map<String, Object>> nav = new ArrayList<>();
    for (Page p : pages) {
      Map<String, Object> n = new LinkedHashMap<>();
      n.put("title", p.title());
      n.put("href", href(p));
      n.put("slug", p.slug());
      nav.add(n);
    }
    model.put("pages", nav);
    for (Rendered r : renderPages()) {
      if (r.body() != null) {
        bodies.put(r.slug(), r.body());
      }
      errors.addAll(r.errors());
    }
    throwIf(errors, "page");
    collect(errors);
    throwIf(errors, "figure or verdict");
    number(errors);
    throwIf(errors, "reference");
    return this;
  }

  /** A page's Markdown rendered to HTML (null when its text has typed numbers), and the page's errors. */
  private record Rendered(String slug, String body, List<String> errors) {}

  /**
   * How many pages are rendered at once (default: one per core, at most one per page). The output is the same
   * whatever the number: each page is rendered on its own, and the results are taken in page order.
   */
  SiteBuilder threads(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + n);
    }
    this.threads = n;
    return this;
  }

  /**
   * Renders every page (FreeMarker, the typed-number check, Markdown with its formulas), on up to {@link #threads}
   * threads, and returns the results in page order: the bodies and errors, and so the first error reported, are
   * those of rendering the pages one after the other. A page's unexpected exception is rethrown as rendering them in
   * order would have (the first in page order). What the pages share is safe to share: FreeMarker's configurations
   * and templates (read-only once made), the model (read, never written, by the templates), the Markdown parser and
   * renderer (immutable; their extensions keep state per document), {@link MathRenderer} (JLaTeXMath behind one
   * lock, a concurrent memo).
   */
  private List<Rendered> renderPages() {
    int n = Math.min(pages.size(), threads);
    if (n <= 1) {
      return pages.stream().map(this::renderPage).toList();
    }
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n,
        wdpaper.project.Daemons.named("pages"));
    try {
      List<java.util.concurrent.Future<Rendered>> futures = new ArrayList<>();
      for (Page p : pages) {
        futures.add(pool.submit(() -> renderPage(p)));
      }
      List<Rendered> out = new ArrayList<>();
      for (java.util.concurrent.Future<Rendered> f : futures) {
        try {
          out.add(f.get());
        } catch (java.util.concurrent.ExecutionException e) {
          if (e.getCause() instanceof RuntimeException r) {
            throw r;
          }
          if (e.getCause() instanceof Error err) {
            throw err;
          }
          throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while rendering the pages", e);
        }
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  /** One page: its template rendered, its numbers checked, its Markdown (and math) rendered; errors collected. */
  private Rendered renderPage(Page p) {
    List<String> errors = new ArrayList<>();
    try {
      String rendered = wdpaper.project.Text.normalize(templates.renderContent(p.file().substring(
          "content/".length()), model));
      List<String> typed = NumberCheck.checkRendered(p.file(), p.source(), rendered);
      if (!typed.isEmpty()) {
        errors.addAll(typed);
        return new Rendered(p.slug(), null, errors);
      }
      String plain = DataNumbers.strip(rendered);
      String body = Page.body(plain);
      List<MarkdownRenderer.Problem> problems = new ArrayList<>();
      String html = markdown.render(body, problems);
      for (MarkdownRenderer.Problem pr : problems) {
        errors.add(p.file() + ":" + p.lineOfBody(body, pr.line()) + ": " + pr.message());
      }
      return new Rendered(p.slug(), html, errors);
    } catch (IllegalArgumentException e) {
      errors.add(p.file() + ": " + e.getMessage());
    } catch (UserError e) {
      errors.add(e.getMessage());
    }
    return new Rendered(p.slug(), null, errors);
  }

  private void throwIf(List<String> errors, String what) {
    if (!errors.isEmpty()) {
      throw UserError.config(errors.get(0) + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more "
          + what + " errors)" : ""));
    }
  }

  /** Page names (file names without {@code NN-}) the build uses for its own files. */
  static final List<String> RESERVED_SLUGS = List.of("index", "paper");

  private String href(Page p) {
    return p == pages.get(0) ? "index.html" : p.slug() + ".html";
  }

  /** Reads the words of every placed figure, and checks every verdict has its parts. */
  private void collect(List<String> errors) {
    for (Page p : pages) {
      Document d = Jsoup.parseBodyFragment(bodies.get(p.slug()));
      for (Element slot : d.select("div.figure-slot")) {
        String id = slot.attr("data-figure");
        String where = p.file() + ":" + figureLine(p, id);
        String experiment = slot.attr("data-experiment");
        if (experiment.isEmpty() && !claimFigures.containsKey(id)) {
          errors.add(where + ": figure '" + id + "' is computed by no claim (claims' figures: " + String.join(", ",
              claimFigures.keySet()) + "); a figure of one experiment's runs needs experiment= and metric=");
          continue;
        }
        if (figureTexts.containsKey(id)) {
          errors.add(where + ": figure '" + id + "' is placed twice (also in " + figureTexts.get(id).where() + ")");
          continue;
        }
        Map<Integer, String> legends = new LinkedHashMap<>();
        for (Element l : slot.select("div.fig-legend")) {
          legends.put(Integer.parseInt(l.attr("data-line")), l.text());
        }
        figureTexts.put(id, new FigureText(id, where, text(slot, "div.fig-title"), text(slot,
            "div.fig-axis[data-axis=x]"), text(slot, "div.fig-axis[data-axis=y]"), legends, caption(slot),
            experiment.isEmpty() ? null : experiment, experiment.isEmpty() ? null : slot.attr("data-metric"),
            experiment.isEmpty() ? 1 : Integer.parseInt(slot.attr("data-layer")), slot.attr("data-log"),
            slot.selectFirst("div.fig-censored") == null ? null : text(slot, "div.fig-censored")));
      }
      for (Element slot : d.select("div.verdict-slot")) {
        String claim = slot.attr("data-claim");
        String where = p.file() + ":" + p.lineOf("\"" + claim + "\"");
        for (String part : List.of("measured", "rule")) {
          if (slot.select("div.verdict-part[data-part=" + part + "]").isEmpty()) {
            errors.add(where + ": the verdict of '" + claim + "' has no <@p." + part + ">…</@p." + part + ">");
          }
        }
      }
    }
  }

  /**
   * The line of the page that places figure {@code id}: where {@code id="…"} is written, also when the id is built
   * from data ({@code id="book-accuracy-${h}"} places book-accuracy-30); else the first figure of the page.
   */
  private static int figureLine(Page p, String id) {
    for (int k = id.length(); k >= 1; k--) {
      String written = "id=\"" + id.substring(0, k);
      if (p.source().contains(written + (k == id.length() ? "\"" : "$"))) {
        return p.lineOf(written);
      }
    }
    return p.lineOf("<@p.figure");
  }

  private static String text(Element slot, String selector) {
    Element e = slot.selectFirst(selector);
    return e == null ? "" : e.text();
  }

  /** The caption: the inline content of the slot's paragraphs, joined. */
  private static String caption(Element slot) {
    List<String> parts = new ArrayList<>();
    for (Element p : slot.select("> p")) {
      parts.add(p.html());
    }
    return String.join(" ", parts);
  }

  /** Numbers figures and equations in page order; every referenced id must exist. */
  private void number(List<String> errors) {
    Map<String, String> texts = new LinkedHashMap<>();
    for (Page p : pages) {
      Document d = Jsoup.parseBodyFragment(bodies.get(p.slug()));
      texts.put(p.slug(), d.text());
      for (Element slot : d.select("div.figure-slot")) {
        String id = slot.attr("data-figure");
        if (!figureNumbers.containsKey(id)) {
          figureNumbers.put(id, figureNumbers.size() + 1);
          figurePage.put(id, href(p));
        }
      }
      for (Element eq : d.select("div.equation[data-label]")) {
        String label = eq.attr("data-label").substring(3);
        equationNumbers.put(label, equationNumbers.size() + 1);
        equationPage.put(label, href(p));
      }
    }
    for (Page p : pages) {
      Matcher c = CITE.matcher(texts.get(p.slug()));
      while (c.find()) {
        for (String key : keys(c.group(1))) {
          References refs = references();
          if (refs == null || !refs.has(key)) {
            errors.add(p.file() + ":" + p.lineOf("@" + key) + ": unknown reference [@" + key + "]: "
                + REFERENCES_FILE + (refs == null ? " does not exist" : " has no entry '" + key + "' (it has: "
                + String.join(", ", refs.keys()) + ")"));
          } else if (!cited.contains(key)) {
            cited.add(key);
          }
        }
      }
    }
    if (!cited.isEmpty() && errors.isEmpty()) {
      List<String> inText = references.inText(cited);
      for (int i = 0; i < cited.size(); i++) {
        citedText.put(cited.get(i), inText.get(i));
      }
      List<Map<String, Object>> list = new ArrayList<>();
      references.bibliography(cited, "html").forEach((k, html) -> list.add(ordered("key", k, "id", "ref-" + k,
          "html", html)));
      model.put("references", list);
    } else {
      model.put("references", List.of());
    }
    for (Page p : pages) {
      Matcher m = REF.matcher(texts.get(p.slug()));
      while (m.find()) {
        String kind = m.group(1);
        String id = m.group(2);
        boolean known = kind.equals("fig") ? figureNumbers.containsKey(id) : kind.equals("eq")
            ? equationNumbers.containsKey(id) : pages.stream().anyMatch(x -> x.slug().equals(id));
        if (!known) {
          errors.add(p.file() + ":" + p.lineOf(m.group()) + ": reference " + m.group() + " names no "
              + (kind.equals("fig") ? "placed figure" : kind.equals("eq") ? "labelled equation" : "page"));
        }
      }
    }
  }

  private static List<String> keys(String group) {
    List<String> keys = new ArrayList<>();
    for (String k : group.split(";")) {
      keys.add(k.strip().replaceFirst("^@", ""));
    }
    return keys;
  }

  /** content/references.bib, parsed once; null if the project has none. */
  private References references() {
    if (references == null) {
      Path bib = templates.root().resolve(REFERENCES_FILE);
      if (!Files.isRegularFile(bib)) {
        return null;
      }
      try {
        references = References.parse(REFERENCES_FILE, Files.readString(bib));
      } catch (IOException e) {
        throw wdpaper.project.IoErrors.error("cannot read", bib, e);
      }
    }
    return references;
  }

  /** The keys the pages cite, in order of first citation. */
  public List<String> cited() {
    return List.copyOf(cited);
  }

  /** The words of every placed figure, in the order the pages place them. */
  public List<FigureText> figureTexts() {
    return List.copyOf(figureTexts.values());
  }

  /** Adds an entry to what every page and figure block sees (e.g. the figures' provenance, known after render). */
  public SiteBuilder put(String key, Object value) {
    model.put(key, value);
    return this;
  }

  /** The placed figures, assembled from their data and the pages' words: what the figure blocks show. */
  public SiteBuilder figures(List<FigureSpec> specs) {
    specs.forEach(f -> figureSpecs.put(f.id(), f));
    return this;
  }

  /** Writes the site pages, figures' HTML blocks resolved, and the assets into {@code out}; returns the files written. */
  public List<String> writeSite(Path out) {
    List<String> written = new ArrayList<>(writeAssets(out));
    written.addAll(writePages(out));
    return written;
  }

  /**
   * Copies {@code templates/assets/} (the stylesheets the PDF reads too) and writes {@code .nojekyll} into
   * {@code out}; returns the files written.
   */
  public List<String> writeAssets(Path out) {
    List<String> written = new ArrayList<>();
    copyAssets(out, written);
    AtomicFiles.write(out.resolve(".nojekyll"), "");
    written.add(".nojekyll");
    return written;
  }

  /** Writes the site pages, figures' HTML blocks resolved, into {@code out}; returns the files written. */
  public List<String> writePages(Path out) {
    List<String> written = new ArrayList<>();
    tableCount = 0;
    for (int i = 0; i < pages.size(); i++) {
      Page p = pages.get(i);
      Map<String, Object> m = new LinkedHashMap<>(model);
      Map<String, Object> page = new LinkedHashMap<>();
      page.put("title", p.title());
      page.put("slug", p.slug());
      page.put("href", href(p));
      page.put("number", i);
      page.put("url", permalinks.absolute() ? permalinks.url(href(p).equals("index.html") ? "" : href(p), null)
          : "");
      page.put("description", description(p));
      page.put("html", resolve(bodies.get(p.slug()), false));
      page.put("prev", i > 0 ? ordered("href", href(pages.get(i - 1)), "title", pages.get(i - 1).title()) : null);
      page.put("next", i + 1 < pages.size() ? ordered("href", href(pages.get(i + 1)), "title",
          pages.get(i + 1).title()) : null);
      m.put("page", page);
      m.put("pdfUrl", permalinks.url("paper.pdf", null));
      Map<String, Object> key = keyFigure();
      if (key != null) {
        m.put("keyFigure", key);
      }
      String html = templates.renderLayout("page.ftlh", m);
      AtomicFiles.write(out.resolve(href(p)), html);
      written.add(href(p));
    }
    return written;
  }

  /** The site's pages, in order, as site files ({@code index.html}, {@code claim-1.html}, …). */
  public List<String> pageFiles() {
    return pages.stream().map(this::href).toList();
  }

  /**
   * The page's description (meta description, OpenGraph): the words of its first paragraph, cut at a word before
   * 160 characters.
   */
  private String description(Page p) {
    Document d = Jsoup.parseBodyFragment(bodies.get(p.slug()));
    for (Element para : d.select("p")) {
      String t = para.text().replaceAll("\\s+", " ").strip();
      if (t.length() >= 40) {
        if (t.length() <= 160) {
          return t;
        }
        int cut = t.lastIndexOf(' ', 157);
        return t.substring(0, cut > 80 ? cut : 157).replaceAll("[,;:.]$", "") + "…";
      }
    }
    return model.get("site") instanceof Map<?, ?> site && site.get("subtitle") instanceof String sub ? sub : p.title();
  }

  /**
   * The key figure, shown as the pages' card image (OpenGraph, Twitter): Figure 1's wide rendition, with an
   * absolute URL; null when there is no figure or no base URL.
   */
  private Map<String, Object> keyFigure() {
    if (figureNumbers.isEmpty() || !permalinks.absolute()) {
      return null;
    }
    String id = figureNumbers.keySet().iterator().next();
    FigureSpec spec = figureSpecs.get(id);
    if (spec == null) {
      return null;
    }
    Map<String, Object> files = figureFiles(spec);
    @SuppressWarnings("unchecked")
    Map<String, Object> wide = (Map<String, Object>) files.get("wide");
    return ordered("url", permalinks.url((String) wide.get("src"), null), "width", wide.get("width"), "height",
        wide.get("height"), "alt", files.get("alt"));
  }

  /**
   * The whole paper as one HTML document (title page, contents, all sections), links internal: the PDF's source,
   * drawn with the print renditions and paper.css. Not published (see {@link #offlineHtml}).
   */
  public String paperHtml() {
    return paper(false);
  }

  /**
   * The offline edition, {@code paper.html}: the whole paper as one self-contained file (styles, script, favicon,
   * figures and formulas embedded; see {@link OfflineEdition}), made from the site files already written in
   * {@code site} (the stylesheet and each figure's narrow SVG).
   */
  public String offlineHtml(Path site) {
    return OfflineEdition.embed(paper(true), site);
  }

  private String paper(boolean offline) {
    Map<String, Object> m = new LinkedHashMap<>(model);
    m.put("offline", offline);
    m.put("siteUrl", permalinks.absolute() ? permalinks.url("", null) : "");
    m.put("pdfUrl", permalinks.absolute() ? permalinks.url("paper.pdf", null) : "");
    tableCount = 0;
    this.offline = offline;
    try {
      List<Map<String, Object>> sections = new ArrayList<>();
      for (Page p : pages) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("title", p.title());
        s.put("slug", p.slug());
        s.put("html", resolve(bodies.get(p.slug()), true));
        sections.add(s);
      }
      m.put("sections", sections);
      return templates.renderLayout("paper.ftlh", m);
    } finally {
      this.offline = false;
    }
  }

  /** True while the offline edition is rendered (its figures are the narrow renditions, with their citations). */
  private boolean offline;

  /**
   * Copies {@code templates/assets/} into the site. Symbolic links are followed only inside the project: a link out
   * of it is an error, never published (see {@link wdpaper.project.ProjectPaths#checkLinks}).
   */
  private void copyAssets(Path out, List<String> written) {
    Path assets = templatesDir.resolve("assets");
    if (!Files.isDirectory(assets)) {
      return;
    }
    Path root = wdpaper.project.ProjectPaths.real(templates.root());
    try (Stream<Path> s = Files.walk(assets, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
      for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
        String rel = "assets/" + assets.relativize(f).toString().replace('\\', '/');
        if (!f.toRealPath().startsWith(root)) {
          throw UserError.config("templates/" + rel + ": is a symbolic link to " + f.toRealPath() + ", outside the"
              + " project; refusing to publish it (copy the file into the project instead)");
        }
        AtomicFiles.write(out.resolve(rel), Files.readAllBytes(f));
        written.add(rel);
      }
    } catch (IOException e) {
      throw wdpaper.project.IoErrors.error("cannot copy the assets in", assets, e);
    } catch (java.io.UncheckedIOException e) {
      throw wdpaper.project.IoErrors.error("cannot copy the assets in", assets, e.getCause());
    }
  }

  /** Replaces figure and verdict slots, numbers equations and turns references into links. */
  private String resolve(String html, boolean paper) {
    Document d = Jsoup.parseBodyFragment(html);
    d.outputSettings().prettyPrint(false);
    for (Element slot : d.select("div.figure-slot")) {
      String id = slot.attr("data-figure");
      slot.before(templates.renderLayout("partials/figure.ftlh", ordered("fig", figureModel(id, paper), "site",
          model.get("site"), "edition", model.get("edition"))));
      slot.remove();
    }
    for (Element slot : d.select("div.verdict-slot")) {
      slot.before(templates.renderLayout("partials/verdict.ftlh", verdictModel(slot)));
      slot.remove();
    }
    keepPunctuationWithMath(d);
    numberTables(d, paper && !offline);
    for (Element eq : d.select("div.equation[data-label]")) {
      eq.appendElement("span").addClass("eq-number").text("(" + equationNumbers.get(eq.attr("data-label")
          .substring(3)) + ")");
    }
    replaceInText(d, REF, m -> link(m.group(1), m.group(2), paper));
    replaceInText(d, CITE, m -> {
      List<String> links = new ArrayList<>();
      for (String key : keys(m.group(1))) {
        String href = (paper ? "" : href(pages.get(pages.size() - 1))) + "#ref-" + key;
        links.add("<a class=\"cite-ref\" href=\"" + href + "\">" + org.jsoup.nodes.Entities.escape(
            citedText.get(key)) + "</a>");
      }
      return "(" + String.join("; ", links) + ")";
    });
    return d.body().html();
  }

  /**
   * Replaces every match of {@code pattern} in the text outside code, pre, svg and links by the HTML
   * {@code toHtml} gives for it (the text around the matches escaped): cross-references and citations.
   */
  private static void replaceInText(Document d, Pattern pattern, java.util.function.Function<Matcher, String> toHtml) {
    for (Element e : d.body().getAllElements()) {
      if (e.closest("code, pre, svg, a") != null) {
        continue;
      }
      for (TextNode t : new ArrayList<>(e.textNodes())) {
        Matcher m = pattern.matcher(t.getWholeText());
        if (!m.find()) {
          continue;
        }
        StringBuilder sb = new StringBuilder();
        int last = 0;
        m.reset();
        while (m.find()) {
          sb.append(org.jsoup.nodes.Entities.escape(t.getWholeText().substring(last, m.start())));
          sb.append(toHtml.apply(m));
          last = m.end();
        }
        sb.append(org.jsoup.nodes.Entities.escape(t.getWholeText().substring(last)));
        t.before(sb.toString());
        t.remove();
      }
    }
  }

  /**
   * Punctuation right after inline math ("$\\lambda$,") stays on the formula's line: the two are wrapped in a
   * {@code span.nobr} (white-space: nowrap).
   */
  private static void keepPunctuationWithMath(Document d) {
    for (Element math : d.select("span.math.inline")) {
      if (!(math.nextSibling() instanceof TextNode t)) {
        continue;
      }
      Matcher m = Pattern.compile("^[,.;:!?)\\]\u2019\u201d]+").matcher(t.getWholeText());
      if (!m.find()) {
        continue;
      }
      Element nobr = new Element("span").addClass("nobr");
      math.before(nobr);
      nobr.appendChild(math);
      nobr.appendText(m.group());
      t.text(t.getWholeText().substring(m.end()));
    }
  }

  /**
   * Tables: each becomes a keyboard-focusable scrolling region named by its caption. A paragraph right before a
   * table that starts with "Table:" (Pandoc's syntax) is its caption; captioned tables are numbered in page order
   * ("Table 2."), uncaptioned ones get an aria-label from their header row. The paper (PDF) has no scrolling: its
   * tables are not wrapped (the PDF puts a wide one on a landscape page).
   */
  private void numberTables(Document d, boolean paper) {
    for (Element table : d.select("table")) {
      if (table.parent() != null && table.parent().hasClass("table-scroll")) {
        continue;
      }
      Element prev = table.previousElementSibling();
      String label;
      Element wrap = new Element("div").addClass("table-scroll").attr("tabindex", "0").attr("role", "region");
      if (!paper) {
        table.before(wrap);
      }
      if (prev != null && prev.tagName().equals("p") && prev.text().startsWith("Table:")) {
        int n = ++tableCount;
        String text = prev.html().replaceFirst("^\\s*Table:\\s*", "");
        if (paper) {
          // the PDF renderer measures a table's own box to find tables too wide for the page, and a <caption>
          // wraps that box: the paper keeps the caption as the paragraph leading into the table
          prev.html(text).addClass("table-caption");
          prev.prependElement("span").addClass("table-number").text("Table " + n + ". ");
        } else {
          prev.remove();
          Element caption = table.prependElement("caption");
          caption.html(text);
          caption.prependElement("span").addClass("table-number").text("Table " + n + ". ");
        }
        label = "Table " + n;
      } else {
        label = "Table: " + String.join(", ", table.select("thead th").eachText());
      }
      if (!paper) {
        wrap.attr("aria-label", label);
        wrap.appendChild(table);
      }
    }
  }

  private int tableCount;

  /** The verdict box's model: the claim's outcome and the page's words for what was measured, the rule, caveats. */
  private Map<String, Object> verdictModel(Element slot) {
    String claim = slot.attr("data-claim");
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("claim", claim);
    v.put("outcome", ((Map<?, ?>) ((Map<?, ?>) model.get("verdicts")).get(claim)).get("outcome"));
    Map<String, Object> m = ordered("v", v, "site", model.get("site"));
    m.put("measured", parts(slot, "measured"));
    m.put("rules", parts(slot, "rule"));
    m.put("caveats", parts(slot, "caveat"));
    m.put("sensitivity", parts(slot, "sensitivity"));
    return m;
  }

  private static List<String> parts(Element slot, String kind) {
    List<String> out = new ArrayList<>();
    for (Element part : slot.select("div.verdict-part[data-part=" + kind + "]")) {
      List<String> paragraphs = new ArrayList<>();
      for (Element p : part.select("> p")) {
        paragraphs.add(p.html());
      }
      out.add(paragraphs.isEmpty() ? part.html() : String.join(" ", paragraphs));
    }
    return out;
  }

  /** A cross-reference's link; its words ("Figure 3") are in templates/partials/xref.ftlh. */
  private String link(String kind, String id, boolean paper) {
    String href;
    int number;
    switch (kind) {
      case "fig" -> {
        href = (paper ? "" : figurePage.get(id)) + "#fig-" + id;
        number = figureNumbers.get(id);
      }
      case "eq" -> {
        href = (paper ? "" : equationPage.get(id)) + "#eq-" + id;
        number = equationNumbers.get(id);
      }
      default -> {
        Page p = pages.stream().filter(x -> x.slug().equals(id)).findFirst().orElseThrow();
        href = paper ? "#sec-" + id : href(p);
        number = pages.indexOf(p) + 1;
      }
    }
    return templates.renderLayout("partials/xref.ftlh", ordered("kind", kind, "href", href, "number", number)).strip();
  }

  private Map<String, Object> figureModel(String id, boolean paper) {
    FigureText f = figureTexts.get(id);
    FigureSpec spec = figureSpecs.get(id);
    if (spec == null) {
      throw new IllegalStateException("figure '" + id + "' was placed but not assembled: call figures() first");
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("number", figureNumbers.get(id));
    m.put("title", spec.title());
    m.put("caption", f.captionHtml());
    m.put("experiments", spec.experiments());
    m.put("permalink", (paper ? "" : figurePage.get(id)) + "#fig-" + id);
    m.put("paper", paper);
    m.put("offline", paper && offline);
    m.putAll(figureFiles(spec));
    m.put("provenance", model.get("provenance") instanceof Map<?, ?> prov ? prov.get(id) : null);
    m.put("cite", citations == null ? null : citations.figure(id, figureNumbers.get(id), (String) m.get("titlePlain"), spec.experiments(),
        figurePage.get(id), (String) m.get("csv")));
    // the offline edition links the figure's page on the site (its downloads) only by an absolute URL
    m.put("siteLink", paper && offline && permalinks.absolute() && m.get("cite") instanceof Map<?, ?> c
        ? c.get("url") : "");
    return m;
  }

  /**
   * What the figure partial shows besides title and caption: the title with sub/superscripts as HTML, the alt
   * text, the web renditions with their intrinsic sizes, the print rendition (paper) and the downloads.
   */
  private static Map<String, Object> figureFiles(FigureSpec f) {
    FigureWriter.Files files = FigureWriter.files(f);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("titleHtml", RichText.html(f.title()));
    m.put("titlePlain", RichText.plain(f.title()));
    m.put("alt", files.alt());
    m.put("wide", rendition(files.wide()));
    m.put("narrow", rendition(files.narrow()));
    m.put("print", rendition(files.print()));
    m.put("wideMedia", Variant.wideMedia());
    m.put("svg", "figures/" + files.svg());
    m.put("png", "figures/" + files.png());
    m.put("pdf", "figures/" + files.pdf());
    m.put("eps", "figures/" + files.eps());
    m.put("csv", "figures/" + files.csv());
    m.put("metadata", "figures/" + files.metadata());
    m.put("printDpi", FigureWriter.PRINT_DPI);
    return m;
  }

  private static Map<String, Object> rendition(FigureWriter.Rendition r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("src", "figures/" + r.file());
    m.put("width", r.width());
    m.put("height", r.height());
    return m;
  }

  /** A template model in the order given (never Map.of, whose order differs from one JVM to the next). */
  private static Map<String, Object> ordered(Object... keyValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return m;
  }

  public List<Page> pages() {
    return pages;
  }

  public Map<String, Integer> figureNumbers() {
    return figureNumbers;
  }
}
