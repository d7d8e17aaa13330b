package wdpaper.site;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One content page: {@code content/NN-slug.md} with front matter ({@code title}, {@code order}). The page with
 * the lowest order becomes {@code index.html}.
 */
public record Page(String file, String slug, String title, int order, String source) {

  /**
   * Parses the front matter block at the top of {@code source}; names {@code file} in errors. Windows line ends
   * (and a byte-order mark) are normalised first, so the page is the same text whatever editor saved it.
   */
  static Page parse(String file, String text) {
    String source = wdpaper.project.Text.normalize(text);
    if (!source.startsWith("---\n")) {
      throw wdpaper.project.UserError.config(file + ":1: missing front matter, expected '---' then 'title: ...' and"
          + " 'order: N' then '---'");
    }
    int end = source.indexOf("\n---\n", 3);
    if (end < 0) {
      throw wdpaper.project.UserError.config(file + ":1: front matter is not closed by a '---' line");
    }
    Map<String, String> meta = new LinkedHashMap<>();
    String[] lines = source.substring(4, end).split("\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int colon = line.indexOf(':');
      if (line.isBlank()) {
        continue;
      }
      if (colon < 0) {
        throw wdpaper.project.UserError.config(file + ":" + (i + 2) + ": front matter line '" + line
            + "' is not 'key: value'");
      }
      String key = line.substring(0, colon).strip();
      if (!key.equals("title") && !key.equals("order")) {
        throw wdpaper.project.UserError.config(file + ":" + (i + 2) + ": unknown front matter key '" + key
            + "', expected title or order");
      }
      String value = line.substring(colon + 1).strip();
      if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
          || value.startsWith("'") && value.endsWith("'"))) {
        value = value.substring(1, value.length() - 1);
      }
      meta.put(key, value);
    }
    if (!meta.containsKey("title") || meta.get("title").isEmpty()) {
      throw wdpaper.project.UserError.config(file + ":1: front matter has no 'title'");
    }
    int order;
    try {
      order = Integer.parseInt(meta.getOrDefault("order", ""));
    } catch (NumberFormatException e) {
      throw wdpaper.project.UserError.config(file + ":1: front matter 'order' must be a whole number, was '"
          + meta.getOrDefault("order", "") + "'");
    }
    String name = file.substring(file.lastIndexOf('/') + 1).replaceFirst("\\.md$", "");
    String slug = name.replaceFirst("^\\d+-", "");
    return new Page(file, slug, meta.get("title"), order, source);
  }

  /**
   * The line of the source that line {@code bodyLine} (1-based) of the rendered Markdown body came from: the first
   * source line after the front matter with the same text, else the same distance below the front matter.
   */
  int lineOfBody(String body, int bodyLine) {
    String[] b = body.split("\n", -1);
    String text = bodyLine >= 1 && bodyLine <= b.length ? b[bodyLine - 1].strip() : "";
    String[] src = source.split("\n", -1);
    int front = frontMatterLines();
    if (!text.isEmpty()) {
      for (int i = front; i < src.length; i++) {
        if (src[i].strip().equals(text)) {
          return i + 1;
        }
      }
    }
    return Math.min(front + bodyLine, src.length);
  }

  /** Lines taken by the front matter, both '---' lines included. */
  int frontMatterLines() {
    int end = source.indexOf("\n---\n", 3);
    return end < 0 ? 0 : (int) source.substring(0, end + 5).chars().filter(c -> c == '\n').count();
  }

  /** Line number (1-based) of the first occurrence of {@code needle} in the source, or 1. */
  int lineOf(String needle) {
    int i = source.indexOf(needle);
    if (i < 0) {
      return 1;
    }
    int line = 1;
    for (int k = 0; k < i; k++) {
      if (source.charAt(k) == '\n') {
        line++;
      }
    }
    return line;
  }
}
