package wdpaper.figures;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Function;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The figures' font ({@link HouseTheme#fontFile()}, DejaVu Sans) parsed for their PDFs, each parsed copy lent to one
 * thread at a time and kept for the next figure: parsing it (its character map, kerning pairs and glyph table) cost
 * each figure's PDF about 15 to 30 ms of CPU and several MB of garbage, more than drawing the chart. A parsed font is
 * only read when a PDF embeds its subset, so a figure's PDF has the same bytes whichever copy it gets (tested). At
 * most as many copies are kept as figures were written at once.
 */
final class FigureFonts {
  private static final ConcurrentLinkedDeque<TrueTypeFont> PARSED = new ConcurrentLinkedDeque<>();

  private FigureFonts() {}

  /** Runs {@code use} with a parsed copy of the font that no other thread uses meanwhile. */
  static <T> T with(Function<TrueTypeFont, T> use) {
    TrueTypeFont ttf = PARSED.pollFirst();
    if (ttf == null) {
      ttf = parse();
    }
    try {
      return use.apply(ttf);
    } finally {
      PARSED.addFirst(ttf);
    }
  }

  /** A new parsed copy, without ligatures: "tail-off" must copy and search as f, f, not as the one glyph U+FB00. */
  static TrueTypeFont parse() {
    try (InputStream in = HouseTheme.fontFile()) {
      TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(in));
      ttf.setEnableGsub(false);
      return ttf;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the figures' font " + HouseTheme.FONT_RESOURCE, e);
    }
  }

  /** Forgets the parsed copies (tests: the next figure parses its own). */
  static void forget() {
    PARSED.clear();
  }
}
