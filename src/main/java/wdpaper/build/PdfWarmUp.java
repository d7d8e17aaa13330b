package wdpaper.build;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import wdpaper.site.PdfRenderer;

/**
 * Renders a one-page PDF that is thrown away, on a core that would otherwise wait while the claims and pages are
 * computed: the first use of the PDF's libraries (HTML, CSS and SVG parsing, layout, fonts, PDF writing) costs
 * loading, initialising and compiling their code, and the paper's PDF, the longest chain of the build, then starts
 * with that done. Nothing of it reaches the output: the page is rendered to bytes that are dropped, and the paper's
 * PDF is the same with or without it (compared by the build's manifest).
 */
final class PdfWarmUp {
  /** The kinds of content the paper has: headings, text styles, a table, a formula (class tex) and a drawing. */
  static final String HTML = """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8"><title>warm-up</title>
      <link rel="stylesheet" href="assets/style.css"><link rel="stylesheet" href="assets/paper.css"></head>
      <body class="paper"><main><section id="s"><h1>Warm-up</h1><h2 id="t">Table</h2>
      <p>Text with <em>emphasis</em>, <strong>bold</strong>, <code>code</code> and a formula
      <svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="w → (1 − ηλ/n) w" class="tex"
       style="height:1.2em;vertical-align:-0.3em;width:6em" viewBox="0 0 60 12"><path d="M0 6 L10 0 L20 12 Z"/>
      <path d="M30 2 C35 0, 40 12, 45 6 S55 0, 60 6"/></svg>.</p>
      <table data-pdf-table="1"><thead><tr><th>λ</th><th>slope</th></tr></thead>
      <tbody><tr><td>30</td><td>−0.495</td></tr></tbody></table>
      <figure id="fig-w"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100" width="200pt" height="100pt">
      <rect x="10" y="10" width="180" height="80" fill="none" stroke="#888"/>
      <path d="M10 90 L50 60 L90 70 L130 30 L170 20" fill="none" stroke="#0072b2" stroke-width="1.5"/>
      <path d="M10 50 L190 50" stroke="#ddd" stroke-dasharray="4 2"/></svg>
      <figcaption>A drawing.</figcaption></figure></section></main></body></html>
      """;

  private PdfWarmUp() {}

  /** Renders the page against {@code templates} (whose assets hold the stylesheets); never fails. */
  static void run(Path templates) {
    try {
      PdfRenderer.render(HTML, templates, new PdfRenderer.Metadata("warm-up", "", List.of(), List.of(), "en",
          Instant.EPOCH), w -> { });
    } catch (RuntimeException | LinkageError e) {
      // only a warm-up: the paper's PDF reports its own errors
    }
  }
}
