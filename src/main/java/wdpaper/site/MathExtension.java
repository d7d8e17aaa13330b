package wdpaper.site;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.parser.SourceLine;
import org.commonmark.parser.beta.InlineContentParser;
import org.commonmark.parser.beta.InlineContentParserFactory;
import org.commonmark.parser.beta.InlineParserState;
import org.commonmark.parser.beta.ParsedInline;
import org.commonmark.parser.beta.Position;
import org.commonmark.parser.beta.Scanner;
import org.commonmark.parser.block.AbstractBlockParser;
import org.commonmark.parser.block.AbstractBlockParserFactory;
import org.commonmark.parser.block.BlockContinue;
import org.commonmark.parser.block.BlockStart;
import org.commonmark.parser.block.MatchedBlockParser;
import org.commonmark.parser.block.ParserState;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Keeps TeX byte-exact through Markdown: {@code $...$} inline, {@code $$...$$} inline display, and a block
 * {@code $$} on its own line ... {@code $$} (optionally {@code $$ {#eq:name}} to number it). The renderer calls
 * {@code render(tex, display)} for the HTML of each formula.
 */
public final class MathExtension implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {
  private final BiFunction<String, Boolean, String> render;

  private MathExtension(BiFunction<String, Boolean, String> render) {
    this.render = render;
  }

  public static MathExtension create(BiFunction<String, Boolean, String> render) {
    return new MathExtension(render);
  }

  /** Inline math; {@code display} for {@code $$...$$} inside a paragraph. */
  public static final class InlineMath extends CustomNode {
    final String tex;
    final boolean display;

    InlineMath(String tex, boolean display) {
      this.tex = tex;
      this.display = display;
    }
  }

  /** A display formula on lines of its own, with an optional label such as {@code eq:update}. */
  public static final class DisplayMath extends CustomBlock {
    String tex = "";
    String label;
    /** False if the page ended before a line closing the formula: an error (see {@link ContentCheck}). */
    boolean closed;
  }

  @Override
  public void extend(Parser.Builder b) {
    b.customInlineContentParserFactory(new InlineContentParserFactory() {
      @Override
      public Set<Character> getTriggerCharacters() {
        return Set.of('$');
      }

      @Override
      public InlineContentParser create() {
        return MathExtension::tryParseInline;
      }
    });
    b.customBlockParserFactory(new DisplayFactory());
  }

  private static ParsedInline tryParseInline(InlineParserState state) {
    Scanner s = state.scanner();
    int open = s.matchMultiple('$');
    if (open > 2) {
      return ParsedInline.none();
    }
    Position start = s.position();
    char first = s.peek();
    if (open == 1 && (first == Scanner.END || Character.isWhitespace(first))) {
      return ParsedInline.none();
    }
    while (s.hasNext()) {
      char c = s.peek();
      if (c == '\\') {
        s.next();
        if (s.hasNext()) {
          s.next();
        }
        continue;
      }
      if (c == '`') {
        return ParsedInline.none();
      }
      if (c != '$') {
        s.next();
        continue;
      }
      Position end = s.position();
      if (s.matchMultiple('$') != open) {
        continue;
      }
      String tex = s.getSource(start, end).getContent();
      if (open == 1 && (tex.isEmpty() || Character.isWhitespace(tex.charAt(tex.length() - 1))
          || Character.isDigit(s.peek()))) {
        continue;
      }
      return ParsedInline.of(new InlineMath(tex.strip(), open == 2), s.position());
    }
    return ParsedInline.none();
  }

  private static final class DisplayFactory extends AbstractBlockParserFactory {
    @Override
    public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
      if (state.getIndent() >= 4) {
        return BlockStart.none();
      }
      CharSequence line = state.getLine().getContent();
      int nn = state.getNextNonSpaceIndex();
      String rest = line.subSequence(nn, line.length()).toString();
      if (!rest.startsWith("$$") || rest.strip().length() > 2 && rest.strip().substring(2).contains("$$")) {
        return BlockStart.none();
      }
      return BlockStart.of(new DisplayParser()).atIndex(nn + 2);
    }
  }

  private static final class DisplayParser extends AbstractBlockParser {
    private final DisplayMath block = new DisplayMath();
    private final StringBuilder sb = new StringBuilder();
    private boolean done;

    @Override
    public org.commonmark.node.Block getBlock() {
      return block;
    }

    @Override
    public BlockContinue tryContinue(ParserState state) {
      if (done) {
        return BlockContinue.none();
      }
      String line = state.getLine().getContent().toString();
      String strip = line.strip();
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(.*)\\$\\$\\s*(\\{#(eq:[a-z0-9-]+)\\})?$")
          .matcher(strip);
      if (m.matches()) {
        sb.append(m.group(1)).append('\n');
        block.label = m.group(3);
        done = true;
        return BlockContinue.finished();
      }
      return BlockContinue.atIndex(state.getIndex());
    }

    @Override
    public void addLine(SourceLine line) {
      sb.append(line.getContent()).append('\n');
    }

    @Override
    public void closeBlock() {
      block.tex = sb.toString().strip();
      block.closed = done;
    }
  }

  @Override
  public void extend(HtmlRenderer.Builder b) {
    b.nodeRendererFactory(ctx -> new MathRenderer(ctx));
  }

  /**
   * Attributes in the order given. Never {@code Map.of}: its iteration order changes from one JVM to the next, and
   * the written HTML (and so the manifest) with it.
   */
  static Map<String, String> attributes(String... keyValues) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put(keyValues[i], keyValues[i + 1]);
    }
    return m;
  }

  private final class MathRenderer implements NodeRenderer {
    private final HtmlWriter w;

    MathRenderer(HtmlNodeRendererContext ctx) {
      this.w = ctx.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
      return Set.of(InlineMath.class, DisplayMath.class);
    }

    @Override
    public void render(Node node) {
      if (node instanceof InlineMath m) {
        w.tag("span", attributes("class", m.display ? "math display" : "math inline"));
        w.raw(MathExtension.this.render.apply(m.tex, m.display));
        w.tag("/span");
      } else if (node instanceof DisplayMath d) {
        w.line();
        if (d.label != null) {
          w.tag("div", attributes("class", "equation", "id", d.label.replace(':', '-'), "data-label", d.label));
        } else {
          w.tag("div", attributes("class", "equation"));
        }
        w.tag("span", attributes("class", "math display"));
        w.raw(MathExtension.this.render.apply(d.tex, true));
        w.tag("/span");
        w.tag("/div");
        w.line();
      }
    }
  }
}
