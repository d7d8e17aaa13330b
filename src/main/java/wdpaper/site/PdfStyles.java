package wdpaper.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import wdpaper.project.UserError;

/**
 * The site's stylesheets as the PDF renderer understands them. openhtmltopdf 1.1 knows no CSS custom properties:
 * {@code color: var(--holds)} is dropped without a trace (the verdict badges came out white on white). So for the
 * PDF every {@code var(--name)} is replaced, at build time, by the value {@code :root} gives it at the top level
 * of the stylesheet (the light scheme; the PDF is printed on white), custom-property declarations are blanked and
 * {@code :root} becomes {@code html}. Line numbers stay as in the source, so the renderer's own warnings point at
 * the right line.
 *
 * <p>What the renderer still drops is checked: {@link #unsupported} turns each of its CSS warnings into a message
 * naming file, line and declaration, unless the declaration is one listed in {@link #SCREEN_ONLY} (screen layout
 * that the paper's HTML does not use, or that paper.css replaces). The build prints those as warnings and a test
 * requires that there are none for the project's stylesheets.
 */
final class PdfStyles {
  /**
   * Declarations openhtmltopdf ignores that do not matter for the PDF, as "property" or "property: value":
   * the site's flex layout of header, sidebar and pager (not in paper.html), horizontal scrolling of wide tables and
   * formulas (the PDF has no scrolling; tables are fitted or put on a landscape page instead), the sticky contents,
   * {@code break-inside} (paper.css sets {@code page-break-inside}) and the dark scheme's filter (never applied).
   */
  static final List<String> SCREEN_ONLY = List.of("display: flex", "flex", "gap", "align-items", "justify-content",
      "overflow-x", "position: sticky", "break-inside", "filter", "@media (prefers-color-scheme", "@media (max-width",
      "@media (min-width");

  private static final Pattern VAR = Pattern.compile("var\\(\\s*(--[A-Za-z0-9_-]+)\\s*(?:,\\s*([^()]*))?\\)");
  private static final Pattern CUSTOM_DECLARATION = Pattern.compile("--[A-Za-z0-9_-]+\\s*:[^;{}]*;?");
  private static final Pattern LINE = Pattern.compile(" at line ([0-9]+)");

  private PdfStyles() {}

  /**
   * {@code css} with custom properties resolved and removed; {@code file} names the stylesheet in errors.
   *
   * @throws UserError (exit 3) naming file and line when a {@code var()} has no value and no fallback, or when
   *     custom properties refer to each other in a cycle
   */
  static String resolve(String file, String css) {
    Map<String, String> raw = rootProperties(css);
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : raw.keySet()) {
      values.put(name, value(file, css, name, raw, new ArrayList<>()));
    }
    // comments are blanked (line breaks kept): the renderer needs none, and a var() in a comment is no error
    String resolved = withoutComments(css);
    for (int round = 0; round < 8 && VAR.matcher(resolved).find(); round++) {
      resolved = substitute(file, css, resolved, values);
    }
    StringBuilder sb = new StringBuilder();
    Matcher m = CUSTOM_DECLARATION.matcher(resolved);
    int last = 0;
    while (m.find()) {
      sb.append(resolved, last, m.start()).append(m.group().replaceAll("[^\n]", " "));
      last = m.end();
    }
    sb.append(resolved.substring(last));
    return sb.toString().replaceAll(":root\\b", "html");
  }

  /**
   * What the PDF renderer would drop from {@code css} (already {@link #resolve resolved}): its own CSS parser is run
   * over the text and each complaint is turned into a message by {@link #unsupported}.
   */
  static List<String> check(String file, String css) {
    List<String> problems = new ArrayList<>();
    com.openhtmltopdf.css.parser.CSSParser parser = new com.openhtmltopdf.css.parser.CSSParser(
        (uri, message) -> unsupported(file, css, message).ifPresent(problems::add));
    try {
      parser.parseStylesheet(file, com.openhtmltopdf.css.sheet.StylesheetInfo.AUTHOR, new java.io.StringReader(css));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return problems;
  }

  /**
   * The problem a CSS warning of openhtmltopdf points at, as "FILE:LINE: the PDF renderer ignores 'DECLARATION'
   * (MESSAGE)", or empty when the declaration is {@link #SCREEN_ONLY} or the message is not a CSS warning.
   *
   * @param css the stylesheet text the renderer read (after {@link #resolve})
   */
  static Optional<String> unsupported(String file, String css, String message) {
    Matcher lm = LINE.matcher(message);
    if (!lm.find()) {
      return Optional.of(file + ": the PDF renderer " + message);
    }
    int line = Integer.parseInt(lm.group(1));
    String[] lines = css.split("\n", -1);
    String subject = subject(message);
    // the parser's line numbers drift by a line or two after a skipped block: look around the reported line
    String declaration = null;
    String text = "";
    for (int delta : new int[] {0, 1, -1, 2, -2}) {
      int n = line + delta;
      if (n < 1 || n > lines.length) {
        continue;
      }
      String candidate = lines[n - 1];
      if (delta == 0) {
        text = candidate;
      }
      if (candidate.strip().startsWith("@media") && message.contains("@media")) {
        declaration = candidate.strip().replaceAll("\\s*\\{.*$", "");
        line = n;
        break;
      }
      String d = declarationOn(candidate, subject);
      if (d != null) {
        declaration = d;
        line = n;
        break;
      }
    }
    if (declaration != null && screenOnly(declaration)) {
      return Optional.empty();
    }
    String what = declaration != null ? declaration : subject != null ? subject : text.strip();
    return Optional.of(file + ":" + line + ": the PDF renderer ignores '" + what + "' ("
        + message.replaceAll(" at line [0-9]+\\.", "").replaceAll("\\s+$", "") + ")");
  }

  private static boolean screenOnly(String declaration) {
    String d = declaration.replaceAll("\\s+", " ").strip();
    if (d.startsWith("@media")) {
      return SCREEN_ONLY.stream().anyMatch(s -> s.startsWith("@media") && d.startsWith(s));
    }
    String property = d.contains(":") ? d.substring(0, d.indexOf(':')).strip() : d;
    for (String s : SCREEN_ONLY) {
      if (s.contains(":") ? d.startsWith(s) : property.equals(s)) {
        return true;
      }
    }
    return false;
  }

  /** The property or value a message is about ("overflow-x", "sticky", "font-family"). */
  private static String subject(String message) {
    Matcher m;
    if ((m = Pattern.compile("^(\\S+) is an unrecognized CSS property").matcher(message)).find()) {
      return m.group(1);
    }
    if ((m = Pattern.compile("^Value (\\S+) is not a recognized identifier").matcher(message)).find()) {
      return m.group(1);
    }
    if ((m = Pattern.compile("^Value for (\\S+) must be").matcher(message)).find()) {
      return m.group(1);
    }
    if (message.startsWith("Invalid font-family definition")) {
      return "font-family";
    }
    if ((m = Pattern.compile("^(\\S+) is not a (border|recognized)").matcher(message)).find()) {
      return m.group(1);
    }
    return null;
  }

  /** The declaration on {@code line} that mentions {@code subject} as property or value. */
  private static String declarationOn(String line, String subject) {
    if (subject == null) {
      return null;
    }
    String body = line.contains("{") ? line.substring(line.lastIndexOf('{') + 1) : line;
    for (String d : body.split(";")) {
      String decl = d.replace("}", "").strip();
      int colon = decl.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String property = decl.substring(0, colon).strip();
      String value = decl.substring(colon + 1).strip();
      if (property.equals(subject) || Pattern.compile("(^|[\\s,(])" + Pattern.quote(subject) + "($|[\\s,)])")
          .matcher(value).find()) {
        return property + ": " + value;
      }
    }
    return null;
  }

  /** Custom properties declared in top-level {@code :root} rules (not inside {@code @media}). */
  static Map<String, String> rootProperties(String css) {
    String plain = withoutComments(css);
    Map<String, String> props = new LinkedHashMap<>();
    int depth = 0;
    int selectorStart = 0;
    for (int i = 0; i < plain.length(); i++) {
      char c = plain.charAt(i);
      if (c == '{') {
        if (depth == 0) {
          String selector = plain.substring(selectorStart, i).strip();
          int end = matching(plain, i);
          if (selector.equals(":root")) {
            for (String decl : plain.substring(i + 1, end).split(";")) {
              int colon = decl.indexOf(':');
              String name = colon < 0 ? "" : decl.substring(0, colon).strip();
              if (name.startsWith("--")) {
                props.put(name, decl.substring(colon + 1).strip());
              }
            }
          }
          i = end;
          selectorStart = end + 1;
          continue;
        }
        depth++;
      } else if (c == '}') {
        depth = Math.max(0, depth - 1);
        selectorStart = i + 1;
      } else if (c == ';' && depth == 0) {
        selectorStart = i + 1;
      }
    }
    return props;
  }

  private static int matching(String s, int open) {
    int depth = 0;
    for (int i = open; i < s.length(); i++) {
      if (s.charAt(i) == '{') {
        depth++;
      } else if (s.charAt(i) == '}' && --depth == 0) {
        return i;
      }
    }
    return s.length() - 1;
  }

  private static String withoutComments(String css) {
    StringBuilder sb = new StringBuilder(css);
    int i = 0;
    while ((i = sb.indexOf("/*", i)) >= 0) {
      int end = sb.indexOf("*/", i + 2);
      end = end < 0 ? sb.length() : end + 2;
      for (int k = i; k < end; k++) {
        if (sb.charAt(k) != '\n') {
          sb.setCharAt(k, ' ');
        }
      }
      i = end;
    }
    return sb.toString();
  }

  private static String value(String file, String css, String name, Map<String, String> raw, List<String> seen) {
    if (seen.contains(name)) {
      seen.add(name);
      throw UserError.config(file + ":" + lineOf(css, name + ":") + ": custom properties refer to each other in a"
          + " cycle (" + String.join(" -> ", seen) + ")");
    }
    seen.add(name);
    String v = raw.get(name);
    Map<String, String> resolvedInner = new LinkedHashMap<>();
    Matcher m = VAR.matcher(v);
    while (m.find()) {
      if (raw.containsKey(m.group(1))) {
        resolvedInner.put(m.group(1), value(file, css, m.group(1), raw, new ArrayList<>(seen)));
      }
    }
    return substitute(file, css, v, resolvedInner);
  }

  private static String substitute(String file, String css, String text, Map<String, String> values) {
    StringBuilder sb = new StringBuilder();
    Matcher m = VAR.matcher(text);
    int last = 0;
    while (m.find()) {
      String v = values.get(m.group(1));
      if (v == null) {
        if (m.group(2) == null) {
          throw UserError.config(file + ":" + lineOf(css, m.group()) + ": " + m.group() + " has no value: "
              + m.group(1) + " is not declared in a top-level :root rule and there is no fallback");
        }
        v = m.group(2).strip();
      }
      sb.append(text, last, m.start()).append(v);
      last = m.end();
    }
    sb.append(text.substring(last));
    return sb.toString();
  }

  private static int lineOf(String css, String needle) {
    int i = css.indexOf(needle);
    return i < 0 ? 1 : (int) css.substring(0, i).chars().filter(c -> c == '\n').count() + 1;
  }
}
