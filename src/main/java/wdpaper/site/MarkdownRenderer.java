package wdpaper.site;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/** Markdown to HTML: CommonMark plus tables, heading ids, footnotes, autolinks and build-time math. */
public final class MarkdownRenderer {
  private final Parser parser;
  private final HtmlRenderer renderer;

  public MarkdownRenderer(MathRenderer math) {
    List<Extension> ext = List.of(TablesExtension.create(), HeadingAnchorExtension.create(),
        FootnotesExtension.create(), AutolinkExtension.create(), MathExtension.create(math::svg));
    this.parser = Parser.builder().extensions(ext).build();
    this.renderer = HtmlRenderer.builder().extensions(ext).build();
  }

  public String render(String markdown) {
    return renderer.render(parser.parse(markdown));
  }
}
