package wdpaper.site;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The offline edition, {@code paper.html}: the whole paper as one file that works opened from a folder holding
 * nothing else, without a network. From the paper rendered in offline mode ({@code templates/paper.ftlh}) and the
 * site files already written, it
 *
 * <ul>
 *   <li>puts the stylesheets in {@code <style>} and the script in {@code <script>}, the favicon in a data URI;</li>
 *   <li>draws each figure once, inline: its narrow (phone) SVG rendition, legible at every width, named by its alt
 *       text, its repeated drawing styles turned into classes;</li>
 *   <li>stores each glyph of the formulas once (a hidden {@code <defs>}), each formula using it by reference;</li>
 *   <li>adds the sections' subheadings to the table of contents;</li>
 * </ul>
 *
 * and checks the result: no attribute may point to a local file (only absolute URLs, data URIs and the document's
 * own anchors), and every in-page link must have its target.
 */
public final class OfflineEdition {
  private static final Pattern LOCAL_URL_IN_CSS = Pattern.compile("url\\(\\s*['\"]?(?!data:|https?:|#)([^'\")]+)");
  private static final Pattern STYLE_ATTR = Pattern.compile("style='([^']*)'");
  private static final Pattern NUMBER = Pattern.compile("-?[0-9]+\\.[0-9]+");
  private static final Set<String> URL_ATTRIBUTES = Set.of("src", "href", "srcset", "xlink:href", "data", "poster",
      "action", "formaction", "background");

  private OfflineEdition() {}

  /**
   * Embeds into {@code html} (the paper in offline mode) the files it refers to in {@code site}; throws
   * {@link IllegalStateException} if a reference cannot be embedded or an in-page link has no target.
   */
  public static String embed(String html, Path site) {
    Document d = Jsoup.parse(html);
    d.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8);
    for (Element link : d.select("link[rel=stylesheet][href]")) {
      String css = read(site, link.attr("href"));
      Matcher m = LOCAL_URL_IN_CSS.matcher(css);
      if (m.find()) {
        throw new IllegalStateException("paper.html: " + link.attr("href") + " refers to the file '" + m.group(1)
            + "', which the offline edition cannot embed");
      }
      link.after(new Element("style").appendChild(new DataNode(css)));
      link.remove();
    }
    for (Element icon : d.select("link[rel=icon][href]")) {
      icon.attr("href", "data:" + icon.attr("type") + ";base64," + Base64.getEncoder().encodeToString(
          read(site, icon.attr("href")).getBytes(StandardCharsets.UTF_8)));
    }
    for (Element script : d.select("script[src]")) {
      // an inline script runs where it stands: at the end of the body, once the buttons it shows exist
      String js = read(site, script.attr("src"));
      script.remove();
      d.body().appendElement("script").appendChild(new DataNode(js));
    }
    List<String> figures = new ArrayList<>();
    for (Element img : d.select("img.offline-figure")) {
      figures.add(figure(read(site, img.attr("src")), img, "f" + figures.size()));
      img.before(new Comment("offline-figure:" + (figures.size() - 1)));
      img.remove();
    }
    shareGlyphs(d);
    contents(d);
    check(d);
    String out = d.outerHtml();
    for (int i = 0; i < figures.size(); i++) {
      out = out.replace("<!--offline-figure:" + i + "-->", figures.get(i));
    }
    return out;
  }

  /**
   * A figure's SVG file as an inline {@code <svg>}: no XML prolog, named by the alt text, each distinct style
   * attribute a class (prefixed with the figure's id: inline styles are the document's), sized by CSS.
   */
  static String figure(String svg, Element img, String prefix) {
    String s = svg.replaceFirst("^\\s*<\\?xml[^>]*\\?>\\s*", "").replaceAll(" xmlns:jfreesvg=(['\"])[^'\"]*\\1", "");
    if (!s.startsWith("<svg")) {
      throw new IllegalStateException("paper.html: " + img.attr("src") + " is not an SVG file");
    }
    Map<String, String> classes = new LinkedHashMap<>();
    Matcher m = STYLE_ATTR.matcher(s);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String name = classes.computeIfAbsent(m.group(1), k -> prefix + "s" + classes.size());
      m.appendReplacement(sb, Matcher.quoteReplacement("class='" + name + "'"));
    }
    m.appendTail(sb);
    s = group(sb.toString());
    StringBuilder css = new StringBuilder();
    classes.forEach((style, name) -> css.append('.').append(name).append('{').append(style).append('}'));
    int open = s.indexOf('>');
    String root = s.substring(0, open).replaceFirst(" width='([0-9.]+)px'", " width='$1'")
        .replaceFirst(" height='([0-9.]+)px'", " height='$1'");
    return root.replaceFirst("^<svg", Matcher.quoteReplacement("<svg class='offline-figure' role='img' aria-label='"
        + MathRenderer.escape(img.attr("alt")) + "'")) + "><style>" + css + "</style>" + s.substring(open + 1);
  }

  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern PLACED = Pattern.compile("( transform='[^']*')( clip-path='[^']*')?(?=/>$)");

  /**
   * Runs of adjacent empty elements (lines, paths) drawn with the same transform and clip path become a group
   * that carries them once: the same drawing (the clip path's user space is the transformed one either way).
   */
  static String group(String svg) {
    StringBuilder out = new StringBuilder();
    List<String> run = new ArrayList<>();
    String runKey = null;
    int last = 0;
    Matcher t = TAG.matcher(svg);
    while (t.find()) {
      String tag = t.group();
      Matcher p = PLACED.matcher(tag);
      boolean adjacent = t.start() == last;
      String key = p.find() ? p.group() : null;
      if (runKey != null && (!adjacent || !runKey.equals(key))) {
        flush(out, run, runKey);
        runKey = null;
      }
      out.append(svg, last, t.start());
      if (key != null) {
        runKey = key;
        run.add(tag.substring(0, p.start()) + "/>");
      } else {
        out.append(tag);
      }
      last = t.end();
    }
    if (runKey != null) {
      flush(out, run, runKey);
    }
    out.append(svg.substring(last));
    return out.toString();
  }

  private static void flush(StringBuilder out, List<String> run, String key) {
    if (run.size() == 1) {
      String tag = run.get(0);
      out.append(tag, 0, tag.length() - 2).append(key).append("/>");
    } else {
      out.append("<g").append(key).append('>');
      run.forEach(out::append);
      out.append("</g>");
    }
    run.clear();
  }

  /**
   * The formulas' glyphs (JLaTeXMath draws each as a path, again in every formula) go once into a hidden
   * {@code <defs>}; each formula uses them by reference, with its transforms rounded to 1/1000 px.
   */
  private static void shareGlyphs(Document d) {
    Map<String, String> glyphs = new LinkedHashMap<>();
    for (Element svg : d.select("svg.tex")) {
      svg.removeAttr("xmlns").removeAttr("xmlns:xlink");
      for (Element path : svg.select("path[d]")) {
        if (path.attributesSize() != 1) {
          continue;
        }
        String id = glyphs.computeIfAbsent(path.attr("d"), k -> "glyph-" + glyphs.size());
        path.replaceWith(new Element("use").attr("href", "#" + id));
      }
      for (Element g : svg.select("[transform]")) {
        g.attr("transform", round(g.attr("transform")));
      }
    }
    if (glyphs.isEmpty()) {
      return;
    }
    Element holder = new Element("svg").attr("aria-hidden", "true").attr("focusable", "false")
        .attr("style", "position:absolute;width:0;height:0;overflow:hidden");
    Element defs = holder.appendElement("defs");
    glyphs.forEach((path, id) -> defs.appendElement("path").attr("id", id).attr("d", path));
    d.body().prependChild(holder);
  }

  static String round(String s) {
    Matcher m = NUMBER.matcher(s);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, new BigDecimal(m.group()).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros()
          .toPlainString());
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** Each section's entry in the table of contents lists its subsections (ids given where they have none). */
  private static void contents(Document d) {
    Set<String> ids = new LinkedHashSet<>(d.select("[id]").eachAttr("id"));
    for (Element a : d.select("nav.contents > ol > li > a[href^=#sec-]")) {
      Element section = d.getElementById(a.attr("href").substring(1));
      if (section == null) {
        continue;
      }
      Element sub = null;
      int n = 0;
      for (Element h2 : section.select("h2")) {
        if (h2.id().isEmpty()) {
          String id = section.id() + "-" + (++n);
          while (ids.contains(id)) {
            id = id + "-";
          }
          ids.add(id);
          h2.id(id);
        }
        if (sub == null) {
          sub = a.parent().appendElement("ol");
        }
        sub.appendElement("li").appendElement("a").attr("href", "#" + h2.id()).text(h2.text());
      }
    }
  }

  /** Nothing may load or link a local file, and every in-page link needs its target. */
  private static void check(Document d) {
    Set<String> ids = new LinkedHashSet<>(d.select("[id]").eachAttr("id"));
    for (Element e : d.getAllElements()) {
      for (org.jsoup.nodes.Attribute a : e.attributes()) {
        if (!URL_ATTRIBUTES.contains(a.getKey())) {
          continue;
        }
        String v = a.getValue().strip();
        if (v.startsWith("#")) {
          if (!ids.contains(v.substring(1))) {
            throw new IllegalStateException("paper.html: the link '" + v + "' has no target in the document");
          }
        } else if (!v.startsWith("data:") && !v.startsWith("https://") && !v.startsWith("http://")
            && !v.startsWith("mailto:")) {
          throw new IllegalStateException("paper.html: <" + e.tagName() + " " + a.getKey() + "=\"" + v + "\"> refers"
              + " to a local file; the offline edition embeds files or links absolute URLs only");
        }
      }
    }
  }

  private static String read(Path site, String file) {
    Path f = site.resolve(file).normalize();
    if (!f.startsWith(site.normalize())) {
      throw new IllegalStateException("paper.html: '" + file + "' is outside the site");
    }
    try {
      return Files.readString(f);
    } catch (IOException e) {
      throw new IllegalStateException("paper.html: cannot embed " + file + ": " + e.getMessage(), e);
    }
  }
}
