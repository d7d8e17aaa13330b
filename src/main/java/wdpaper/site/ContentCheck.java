package wdpaper.site;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * What must not pass silently from a page's Markdown into the site: math that is never closed (it would swallow the
 * rest of the page into one formula, or leave a stray {@code $$} in the prose), and anything that could run or load
 * something: raw HTML beyond a small safe list of tags and attributes (no {@code <script>}, {@code <iframe>},
 * {@code onerror=}, {@code style=}), links other than http(s), mailto, relative and {@code #anchor}, and images
 * that are not files of the site. Problems are rejected with the line, never silently sanitised.
 */
final class ContentCheck extends AbstractVisitor {
  /** Longer inline formulas are taken for an unmatched {@code $} that paired with a far-away one. */
  static final int MAX_INLINE_MATH = 400;

  private final List<MarkdownRenderer.Problem> problems;

  private ContentCheck(List<MarkdownRenderer.Problem> problems) {
    this.problems = problems;
  }

  static void check(Node document, List<MarkdownRenderer.Problem> problems) {
    document.accept(new ContentCheck(problems));
  }

  private static int line(Node n) {
    for (Node x = n; x != null; x = x.getParent()) {
      if (!x.getSourceSpans().isEmpty()) {
        return x.getSourceSpans().get(0).getLineIndex() + 1;
      }
    }
    return 1;
  }

  @Override
  public void visit(CustomBlock block) {
    if (block instanceof MathExtension.DisplayMath d && !d.closed) {
      problems.add(new MarkdownRenderer.Problem(line(block), "unterminated $$: the display formula that starts here is"
          + " never closed by a line ending in $$, so it would swallow the rest of the page"));
    }
    visitChildren(block);
  }

  @Override
  public void visit(CustomNode node) {
    if (node instanceof MathExtension.InlineMath m && m.tex.length() > MAX_INLINE_MATH) {
      problems.add(new MarkdownRenderer.Problem(line(node), "a formula of " + m.tex.length() + " characters starts"
          + " here ('" + m.tex.substring(0, 40).replace('\n', ' ') + "...'): is a $ unmatched? (inline formulas are"
          + " limited to " + MAX_INLINE_MATH + " characters)"));
    }
    visitChildren(node);
  }

  /** Tags raw HTML in content may use (the figure and verdict slots the macros emit are divs). */
  static final List<String> TAGS = List.of("a", "abbr", "b", "br", "cite", "code", "dfn", "div", "em", "i", "kbd",
      "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "u", "var", "wbr");
  /** Attributes raw HTML in content may use. */
  static final List<String> ATTRIBUTES = List.of("class", "id", "title", "lang", "dir", "href", "data-figure",
      "data-claim", "data-experiment", "data-metric", "data-layer", "data-log", "data-axis", "data-line",
      "data-part");
  private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto");

  @Override
  public void visit(HtmlBlock block) {
    html(block.getLiteral(), block);
  }

  @Override
  public void visit(HtmlInline inline) {
    html(inline.getLiteral(), inline);
  }

  private void html(String raw, Node node) {
    for (Element e : Jsoup.parseBodyFragment(raw).body().getAllElements()) {
      if (e.tagName().equals("body")) {
        continue;
      }
      if (!TAGS.contains(e.normalName())) {
        problems.add(new MarkdownRenderer.Problem(line(node), "raw HTML <" + e.normalName() + "> is not allowed in"
            + " content (allowed tags: " + String.join(", ", TAGS) + "; use Markdown for links and images)"));
        return;
      }
      for (Attribute a : e.attributes()) {
        String name = a.getKey().toLowerCase(Locale.ROOT);
        if (!ATTRIBUTES.contains(name)) {
          problems.add(new MarkdownRenderer.Problem(line(node), "raw HTML attribute '" + name + "' on <"
              + e.normalName() + "> is not allowed in content (allowed: " + String.join(", ", ATTRIBUTES) + ")"));
          return;
        }
        if (name.equals("href")) {
          link(a.getValue(), node, "link");
        }
      }
    }
  }

  @Override
  public void visit(Link link) {
    link(link.getDestination(), link, "link");
    visitChildren(link);
  }

  @Override
  public void visit(Image image) {
    String d = image.getDestination();
    String scheme = scheme(d);
    if (scheme != null || d.startsWith("//") || d.startsWith("/")) {
      problems.add(new MarkdownRenderer.Problem(line(image), "image '" + d + "' is not a file of the site: images"
          + " must be relative paths (the site loads nothing from elsewhere)"));
    }
    visitChildren(image);
  }

  private void link(String destination, Node node, String what) {
    String scheme = scheme(destination);
    if (scheme != null && !LINK_SCHEMES.contains(scheme)) {
      problems.add(new MarkdownRenderer.Problem(line(node), what + " to '" + destination + "' is not allowed: only"
          + " http:, https:, mailto:, relative links and #anchors"));
    }
  }

  /** The URL scheme in lower case (control characters and spaces removed, as browsers do), or null if relative. */
  static String scheme(String url) {
    StringBuilder sb = new StringBuilder();
    for (char c : url.toCharArray()) {
      if (c > ' ' && c != 0x7f) {
        sb.append(c);
      }
    }
    String u = sb.toString().toLowerCase(Locale.ROOT);
    int colon = u.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    String s = u.substring(0, colon);
    return s.matches("[a-z][a-z0-9+.-]*") && !u.substring(0, colon).contains("/") ? s : null;
  }

  @Override
  public void visit(Text text) {
    if (text.getLiteral().contains("$$")) {
      problems.add(new MarkdownRenderer.Problem(line(text), "unterminated $$: no closing $$ in the same paragraph"));
    }
  }
}
