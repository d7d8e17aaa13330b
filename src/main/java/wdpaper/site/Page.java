package wdpaper.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import wdpaper.project.UserError;

/**
 * One content page: {@code content/NN-slug.md} with front matter ({@code title}, {@code order}, and for the page
 * of a claim {@code claim} and {@code experiments}). The page with the lowest order becomes {@code index.html}.
 *
 * <pre>
 * ---
 * title: "Claim 2: decay by exp(−ηλ/m) per epoch"
 * order: 5
 * claim: claim2
 * experiments:
 *   - decay-alone: pure-decay
 *   - training: decay-vs-gradient
 * ---
 * </pre>
 *
 * @param claim the id of the claim the page presents, or null
 * @param claimLine the line of {@code claim:} (1 if absent)
 * @param experiments the experiments named under {@code experiments:}, in order
 */
public record Page(String file, String slug, String title, int order, String claim, int claimLine,
    List<Experiment> experiments, String source) {

  /** One item of {@code experiments:}: {@code role: id}, or just {@code id} (role null). */
  public record Experiment(String role, String id, int line) {}

  public Page {
    experiments = List.copyOf(experiments);
  }

  private static final List<String> KEYS = List.of("title", "order", "claim", "experiments");
  private static final String ID = "[a-z0-9]+(-[a-z0-9]+)*";

  /**
   * Parses the front matter block at the top of {@code source}; names {@code file} in errors. Windows line ends
   * (and a byte-order mark) are normalised first, so the page is the same text whatever editor saved it.
   */
  static Page parse(String file, String text) {
    String source = wdpaper.project.Text.normalize(text);
    if (!source.startsWith("---\n")) {
      throw UserError.config(file + ":1: missing front matter, expected '---' then 'title: ...' and"
          + " 'order: N' then '---'");
    }
    int end = source.indexOf("\n---\n", 3);
    if (end < 0) {
      throw UserError.config(file + ":1: front matter is not closed by a '---' line");
    }
    Map<String, String> meta = new LinkedHashMap<>();
    Map<String, Integer> lineOf = new LinkedHashMap<>();
    List<Experiment> experiments = new ArrayList<>();
    String[] lines = source.substring(4, end).split("\n");
    String listKey = null;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int number = i + 2;
      if (line.isBlank()) {
        continue;
      }
      if (line.startsWith(" ") && line.strip().startsWith("- ")) {
        if (listKey == null) {
          throw UserError.config(file + ":" + number + ": front matter list item '" + line.strip() + "' belongs to"
              + " no key, expected 'experiments:' above it");
        }
        experiments.add(experiment(file, number, line.strip().substring(2).strip()));
        continue;
      }
      listKey = null;
      int colon = line.indexOf(':');
      if (colon < 0 || line.startsWith(" ")) {
        throw UserError.config(file + ":" + number + ": front matter line '" + line + "' is not 'key: value'");
      }
      String key = line.substring(0, colon).strip();
      if (!KEYS.contains(key)) {
        throw UserError.config(file + ":" + number + ": unknown front matter key '" + key + "', expected "
            + String.join(", ", KEYS));
      }
      if (meta.containsKey(key)) {
        throw UserError.config(file + ":" + number + ": front matter key '" + key + "' is given twice (first on line "
            + lineOf.get(key) + ")");
      }
      String value = unquote(line.substring(colon + 1).strip());
      meta.put(key, value);
      lineOf.put(key, number);
      if (key.equals("experiments")) {
        if (value.isEmpty()) {
          listKey = key;
        } else {
          experiments.add(experiment(file, number, value));
        }
      }
    }
    if (!meta.containsKey("title") || meta.get("title").isEmpty()) {
      throw UserError.config(file + ":1: front matter has no 'title'");
    }
    int order;
    try {
      order = Integer.parseInt(meta.getOrDefault("order", ""));
    } catch (NumberFormatException e) {
      throw UserError.config(file + ":1: front matter 'order' must be a whole number, was '"
          + meta.getOrDefault("order", "") + "'");
    }
    String claim = meta.get("claim");
    if (claim != null && !claim.matches(ID)) {
      throw UserError.config(file + ":" + lineOf.get("claim") + ": front matter 'claim' must be a claim id such as"
          + " claim1, was '" + claim + "'");
    }
    if (claim == null && meta.containsKey("experiments")) {
      throw UserError.config(file + ":" + lineOf.get("experiments") + ": front matter 'experiments' names what a"
          + " claim reads, so it needs 'claim: <id>' too");
    }
    if (claim != null && experiments.isEmpty()) {
      throw UserError.config(file + ":" + lineOf.get("claim") + ": the page of claim '" + claim + "' names no"
          + " experiments, expected 'experiments: <id>' or a list of '- <role>: <id>'");
    }
    String name = file.substring(file.lastIndexOf('/') + 1).replaceFirst("\\.md$", "");
    String slug = name.replaceFirst("^\\d+-", "");
    return new Page(file, slug, meta.get("title"), order, claim, lineOf.getOrDefault("claim", 1), experiments,
        source);
  }

  private static Experiment experiment(String file, int line, String item) {
    String value = unquote(item);
    int colon = value.indexOf(':');
    String role = colon < 0 ? null : value.substring(0, colon).strip();
    String id = colon < 0 ? value : value.substring(colon + 1).strip();
    if (role != null && !role.matches(ID) || !id.matches(ID)) {
      throw UserError.config(file + ":" + line + ": experiment '" + item + "' must be '<role>: <experiment id>' or"
          + " '<experiment id>', kebab-case");
    }
    return new Experiment(role, id, line);
  }

  private static String unquote(String value) {
    if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
        || value.startsWith("'") && value.endsWith("'"))) {
      return value.substring(1, value.length() - 1);
    }
    return value;
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

  /**
   * What follows the front matter in {@code text}: a page's source, or the page as its template rendered it (the
   * Markdown body).
   */
  static String body(String text) {
    return text.substring(text.indexOf("\n---\n", 3) + 5);
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
