package wdpaper.site;

import de.undercouch.citeproc.CSL;
import de.undercouch.citeproc.ItemDataProvider;
import de.undercouch.citeproc.bibtex.BibTeXConverter;
import de.undercouch.citeproc.csl.CSLItemData;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.Key;
import org.jbibtex.ParseException;
import org.jbibtex.TokenMgrException;
import wdpaper.project.UserError;

/**
 * BibTeX read with a real parser (JBibTeX) and formatted with a CSL processor (citeproc-java) in the paper's own
 * style, {@code src/main/resources/csl/wdpaper-author-date.csl}, with the en-US locale from the class path: no
 * network. Used for {@code content/references.bib} (the works the prose cites with {@code [@key]}) and for the
 * site's own citations, so that the formatted reference is made from the very BibTeX the reader copies.
 */
public final class References {
  /** The bundled CSL style, on the class path. */
  public static final String STYLE = "/csl/wdpaper-author-date.csl";

  private final String file;
  private final Map<String, BibTeXEntry> entries = new LinkedHashMap<>();
  private final Map<String, CSLItemData> items;

  private References(String file, BibTeXDatabase db) {
    this.file = file;
    db.getEntries().forEach((k, e) -> entries.put(k.getValue(), e));
    this.items = new LinkedHashMap<>(new BibTeXConverter().toItemData(db));
  }

  /**
   * Parses {@code text}, the BibTeX of {@code file} (named in errors).
   *
   * @throws UserError (exit 3) naming the file and the parser's reason if it is not BibTeX
   */
  public static References parse(String file, String text) {
    try {
      BibTeXParser parser = new BibTeXParser() {
        @Override
        public void checkStringResolution(Key key, org.jbibtex.BibTeXString string) {
          if (string == null) {
            throw new IllegalArgumentException("unknown @string '" + key.getValue() + "'");
          }
        }

        @Override
        public void checkCrossReferenceResolution(Key key, BibTeXEntry entry) {
          if (entry == null) {
            throw new IllegalArgumentException("crossref '" + key.getValue() + "' names no entry");
          }
        }
      };
      return new References(file, parser.parse(new StringReader(text)));
    } catch (ParseException | TokenMgrException | IllegalArgumentException e) {
      throw UserError.config(file + ": not valid BibTeX: " + firstLine(e.getMessage()));
    }
  }

  /** The keys, in the file's order. */
  public List<String> keys() {
    return List.copyOf(entries.keySet());
  }

  public boolean has(String key) {
    return entries.containsKey(key);
  }

  /** A field of an entry as written (braces kept), or empty. */
  public String field(String key, String name) {
    BibTeXEntry e = entries.get(key);
    if (e == null || e.getField(new Key(name)) == null) {
      return "";
    }
    return e.getField(new Key(name)).toUserString();
  }

  /** The BibTeX type of an entry, lower case ({@code misc}, {@code book}, …). */
  public String type(String key) {
    return entries.get(key).getType().getValue().toLowerCase(java.util.Locale.ROOT);
  }

  /** The in-text citations of {@code keys} in the paper's style, e.g. "Glorot and Bengio 2010". */
  public List<String> inText(List<String> keys) {
    return withProcessor("text", keys, csl -> {
      List<String> out = new ArrayList<>();
      for (String k : keys) {
        out.add(csl.makeCitation(k).get(0).getText().strip());
      }
      return out;
    });
  }

  /**
   * The reference list entries of {@code keys} in the style's order, each key with its formatted entry as
   * {@code format} ("text" or "html").
   */
  public Map<String, String> bibliography(List<String> keys, String format) {
    java.util.TreeMap<String, String> order = new java.util.TreeMap<>();
    Map<String, String> formatted = new LinkedHashMap<>();
    for (String k : keys) {
      // the text form sorts the list; formatted once when it is also the form asked for
      String text = entry(k, "text");
      order.put(text.toLowerCase(java.util.Locale.ROOT) + "\u0000" + k, k);
      formatted.put(k, format.equals("text") ? text : entry(k, format));
    }
    Map<String, String> out = new LinkedHashMap<>();
    order.values().forEach(k -> out.put(k, formatted.get(k)));
    return out;
  }

  private static final java.util.regex.Pattern URL_IN_TEXT = java.util.regex.Pattern.compile(
      "(?<![\"'=/\\w])(https?://[^\\s<>\"]+?)(?=[.,;]?(?:\\s|$))");

  private String entry(String key, String format) {
    String t = withProcessor(format, List.of(key), csl -> csl.makeBibliography().getEntries()[0].strip());
    if (format.equals("html")) {
      t = t.replaceFirst("^<div class=\"csl-entry\">", "").replaceFirst("</div>$", "").strip();
      // the work's URL or DOI link, which the style prints as text, is a link (a final full stop stays outside)
      t = URL_IN_TEXT.matcher(t).replaceAll("<a href=\"$1\">$1</a>");
    }
    return t;
  }

  /** The one-entry reference of {@code key} as plain text. */
  public String text(String key) {
    return bibliography(List.of(key), "text").get(key);
  }

  /**
   * Runs {@code use} with the CSL processor holding exactly the items {@code keys}, registered in that order, output
   * as {@code format}: one processor for all calls (of every References), reset between them, with the style and
   * locale parsed once (a new processor parsed both, about 8 ms of C1 code, and a quick build made about 50 of
   * them); one call at a time. A reset processor formats what a new one does (tested on every entry format).
   */
  private <T> T withProcessor(String format, List<String> keys, java.util.function.Function<CSL, T> use) {
    Map<String, CSLItemData> selected = new LinkedHashMap<>();
    for (String k : keys) {
      CSLItemData item = items.get(k);
      if (item == null) {
        throw new IllegalArgumentException(file + " has no entry '" + k + "'");
      }
      selected.put(k, item);
    }
    synchronized (SHARED) {
      try {
        if (SHARED.csl == null) {
          SHARED.csl = new CSL(SHARED, style());
        }
        SHARED.items = selected;
        CSL csl = SHARED.csl;
        csl.reset();
        csl.setOutputFormat(format);
        csl.registerCitationItems(keys.toArray(new String[0]));
        return use.apply(csl);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        SHARED.items = Map.of();
      }
    }
  }

  /** The shared processor and the items it sees ({@link #withProcessor}). */
  private static final class SharedProcessor implements ItemDataProvider {
    private CSL csl;
    private Map<String, CSLItemData> items = Map.of();

    @Override
    public CSLItemData retrieveItem(String id) {
      return items.get(id);
    }

    @Override
    public java.util.Collection<String> getIds() {
      return items.keySet();
    }
  }

  private static final SharedProcessor SHARED = new SharedProcessor();

  private static String style;

  private static synchronized String style() {
    if (style == null) {
      try (InputStream in = References.class.getResourceAsStream(STYLE)) {
        if (in == null) {
          throw new IllegalStateException("the CSL style " + STYLE + " is missing from the class path");
        }
        style = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return style;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable";
    }
    String line = s.strip().lines().findFirst().orElse("unreadable");
    return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
  }
}
