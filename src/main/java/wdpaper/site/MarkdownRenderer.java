package wdpaper.site;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Markdown to HTML: CommonMark plus tables, heading ids, footnotes, autolinks and build-time math. Pages are checked
 * on the way (see {@link ContentCheck}): the problems come back with their line in the Markdown.
 */
public final class MarkdownRenderer {
  private final Parser parser;
  private final HtmlRenderer renderer;

  public MarkdownRenderer(MathRenderer math) {
    List<Extension> ext = List.of(TablesExtension.create(), HeadingAnchorExtension.create(),
        FootnotesExtension.create(), AutolinkExtension.create(), MathExtension.create(math::svg));
    this.parser = Parser.builder().extensions(ext).includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();
    this.renderer = HtmlRenderer.builder().extensions(ext).build();
  }

  /** A problem in a page: the 1-based line of the Markdown it was given, and what is wrong. */
  public record Problem(int line, String message) {}

  /**
   * The formulas of {@code markdown} in their order, as the renderer will ask {@link MathRenderer} for them (an
   * unclosed display formula is left out): parsed, not rendered.
   */
  public List<MathRenderer.Formula> formulas(String markdown) {
    List<MathRenderer.Formula> found = new java.util.ArrayList<>();
    parser.parse(markdown).accept(new org.commonmark.node.AbstractVisitor() {
      @Override
      public void visit(org.commonmark.node.CustomNode node) {
        if (node instanceof MathExtension.InlineMath m) {
          found.add(new MathRenderer.Formula(m.tex, m.display));
        }
        visitChildren(node);
      }

      @Override
      public void visit(org.commonmark.node.CustomBlock node) {
        if (node instanceof MathExtension.DisplayMath d && d.closed) {
          found.add(new MathRenderer.Formula(d.tex, true));
        }
        visitChildren(node);
      }
    });
    return found;
  }

  public String render(String markdown) {
    return renderer.render(parser.parse(markdown));
  }

  /**
   * Renders {@code markdown}, adding what {@link ContentCheck} finds wrong with it to {@code problems}; a page with
   * problems is not rendered (an unclosed formula would hand the rest of the page to the TeX renderer).
   */
  public String render(String markdown, List<Problem> problems) {
    org.commonmark.node.Node doc = parser.parse(markdown);
    int before = problems.size();
    ContentCheck.check(doc, problems);
    return problems.size() > before ? "" : renderer.render(doc);
  }
}
