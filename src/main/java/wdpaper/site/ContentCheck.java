package wdpaper.site;

import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Node;
import org.commonmark.node.Text;

/**
 * What must not pass silently from a page's Markdown into the site: math that is never closed (it would swallow the
 * rest of the page into one formula, or leave a stray {@code $$} in the prose).
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

  @Override
  public void visit(Text text) {
    if (text.getLiteral().contains("$$")) {
      problems.add(new MarkdownRenderer.Problem(line(text), "unterminated $$: no closing $$ in the same paragraph"));
    }
  }
}
