package wdpaper.site;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The build check that every measured value a reader sees comes from the data. It runs twice on each content page:
 *
 * <ul>
 *   <li>{@link #checkSource} on the page as written: inside FreeMarker constructs ({@code ${...}},
 *       {@code <#...>}, {@code <@...>}), a number with a decimal point or an exponent, a decimal number inside a
 *       string, or a whole number interpolated on its own ({@code ${784}}) is an error;</li>
 *   <li>{@link #checkRendered} on the text FreeMarker produced, before Markdown: prose, math, tables, figure
 *       titles, axis titles, legend labels, captions and verdict boxes alike. Numbers from the data arrive between
 *       the marks of {@link DataNumbers} and are skipped; any other number with a decimal point or comma, a percent
 *       sign, an exponent (1e-3) or a typed power of ten (10^{-3}, 10⁻³) is an error. Whole numbers ("claim 1",
 *       "784 pixels") are allowed. Code, link targets and HTML tags are not text.</li>
 * </ul>
 *
 * Errors name the file and the source line (found by locating the typed number in the page).
 */
public final class NumberCheck {
  private static final String SUPER = "⁰¹²³⁴⁵⁶⁷⁸⁹";
  /** A typed number that is not a plain whole number. */
  private static final Pattern TYPED = Pattern.compile(String.join("|",
      // 1e-3, 2.5E4
      "(?<![\\w.#])(?<!\\w-)(?<e>\\d+(?:\\.\\d+)?[eE][-+\u2212]?\\d+)(?!\\w)",
      // 97.3, .5, 87 %, 87.5%
      "(?<![\\w.#])(?<!\\w-)(?<d>\\d+\\.\\d+(?:[ \u00A0\u202F]?%)?|\\.\\d+|\\d+[ \u00A0\u202F]?%)",
      // 97,3 (not 7,950 and not inside N(0,1) or [784,30,10])
      "(?<![\\w.,(\\[])(?<c>\\d+,\\d+)(?![\\w,.)\\]])",
      // 10^{-3}, 10^-3, 10⁻³, × 10
      "(?<![\\w.])(?<p>10\\^\\{?[-\u2212]?\\d+\\}?|10[⁻" + SUPER + "]+|×[ \u00A0]?10)"));
  private static final Pattern THOUSANDS = Pattern.compile("\\d{1,3}(,\\d{3})+");
  /** A number literal in FreeMarker code that is not a whole number. */
  private static final Pattern CODE_LITERAL =
      Pattern.compile("(?<![\\w.$])(\\d+\\.\\d+|\\.\\d+|\\d+[eE][-+]?\\d+)(?![\\w])");

  private NumberCheck() {}

  // ---- the page as written ----------------------------------------------------------------------------------

  /** Numbers typed inside the FreeMarker constructs of {@code source}; one message per number. */
  public static List<String> checkSource(String file, String source) {
    List<String> errors = new ArrayList<>();
    for (int[] span : constructs(source)) {
      String construct = source.substring(span[0], span[1]);
      if (construct.startsWith("<#--")) {
        continue;
      }
      int line = lineAt(source, span[0]);
      if (construct.matches("\\$\\{\\s*[-+]?\\d+(\\.\\d+)?\\s*\\}")) {
        errors.add(file + ":" + line + ": number '" + construct.substring(2, construct.length() - 1).strip()
            + "' typed in a template expression; numbers the reader sees must come from the data (the experiment"
            + " specs, content/thresholds.json, the claims' results)");
        continue;
      }
      StringBuilder code = new StringBuilder();
      List<String> strings = new ArrayList<>();
      split(construct, code, strings);
      Matcher m = CODE_LITERAL.matcher(code);
      while (m.find()) {
        errors.add(file + ":" + (line + count(code, m.start())) + ": number '" + m.group(1) + "' typed in a template"
            + " expression; numbers must come from the data (a threshold belongs in content/thresholds.json)");
      }
      for (String s : strings) {
        Matcher t = TYPED.matcher(s);
        while (t.find()) {
          errors.add(file + ":" + line + ": literal number '" + found(t) + "' typed in a template string;"
              + " numbers the reader sees must come from the data through ${...} or p.f, p.pct, p.sci");
        }
      }
    }
    return errors;
  }

  /** Start and end of each FreeMarker construct: comments, interpolations, directive and macro tags. */
  static List<int[]> constructs(String s) {
    List<int[]> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      if (s.startsWith("<#--", i)) {
        int end = s.indexOf("-->", i + 4);
        end = end < 0 ? s.length() : end + 3;
        out.add(new int[] {i, end});
        i = end;
      } else if (s.startsWith("${", i)) {
        int end = close(s, i + 2, '}');
        out.add(new int[] {i, end});
        i = end;
      } else if (s.startsWith("<#", i) || s.startsWith("</#", i) || s.startsWith("<@", i) || s.startsWith("</@", i)) {
        int end = close(s, i + 2, '>');
        out.add(new int[] {i, end});
        i = end;
      } else {
        i++;
      }
    }
    return out;
  }

  /** The index after the {@code closer} that ends a construct opened before {@code from} (strings, nesting). */
  private static int close(String s, int from, char closer) {
    int depth = 0;
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\'') {
        i = endOfString(s, i);
      } else if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
        depth--;
      } else if (c == closer && depth == 0) {
        return i + 1;
      }
    }
    return s.length();
  }

  private static int endOfString(String s, int open) {
    char q = s.charAt(open);
    for (int i = open + 1; i < s.length(); i++) {
      if (s.charAt(i) == '\\') {
        i++;
      } else if (s.charAt(i) == q) {
        return i;
      }
    }
    return s.length();
  }

  /** Splits a construct into its code (strings blanked) and the text of its string literals (interpolations out). */
  private static void split(String construct, StringBuilder code, List<String> strings) {
    for (int i = 0; i < construct.length(); i++) {
      char c = construct.charAt(i);
      if (c == '"' || c == '\'') {
        int end = endOfString(construct, i);
        String body = construct.substring(i + 1, Math.min(end, construct.length()));
        StringBuilder text = new StringBuilder();
        for (int k = 0; k < body.length(); k++) {
          if (body.startsWith("${", k)) {
            int e = close(body, k + 2, '}');
            code.append(' ').append(body, k + 2, Math.max(k + 2, e - 1)).append(' ');
            text.append(' ');
            k = e - 1;
          } else {
            text.append(body.charAt(k));
          }
        }
        strings.add(text.toString());
        for (int k = i; k <= Math.min(end, construct.length() - 1); k++) {
          code.append(construct.charAt(k) == '\n' ? '\n' : ' ');
        }
        i = end;
      } else {
        code.append(c);
      }
    }
  }

  // ---- the rendered text ------------------------------------------------------------------------------------

  /**
   * Numbers in {@code rendered} (FreeMarker's output for the page, marks still in) that did not come from the data;
   * {@code source} is the page as written, to name the line.
   */
  public static List<String> checkRendered(String file, String source, String rendered) {
    String s = rendered;
    s = blank(s, "(?s)\\A---\n.*?\n---\n");
    s = blank(s, "(?s)<!--.*?-->");
    s = blank(s, "(?s)```.*?```");
    s = blank(s, "`[^`\n]*`");
    s = blank(s, "\\]\\([^)]*\\)");
    s = blank(s, "<https?://[^>]*>");
    s = blank(s, "</?[A-Za-z][\\w-]*(\\s[^<>]*)?/?>");
    List<String> errors = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    // typed digits glued to a number from the data: ${x}.5, ${x}3
    String gluedDigits = DataNumbers.CLOSE + "[.,]?\\d+";
    Matcher glued = Pattern.compile(gluedDigits).matcher(s);
    while (glued.find()) {
      add(errors, seen, file, source, rendered, glued.start() + 1, glued.group().substring(1), "typed next to a"
          + " number from the data");
    }
    s = blank(s, DataNumbers.OPEN + "[^" + DataNumbers.CLOSE + "]*(" + gluedDigits + "|" + DataNumbers.CLOSE + ")");
    Matcher m = TYPED.matcher(s);
    while (m.find()) {
      String literal = found(m);
      if (m.group("c") != null && THOUSANDS.matcher(literal).matches()) {
        continue;
      }
      add(errors, seen, file, source, rendered, m.start(), literal, "in the rendered text; numbers the reader sees"
          + " must come from the data through ${...} or p.f, p.pct, p.sci (a number typed, computed in the template"
          + " or formatted with ?string is not)");
    }
    return errors;
  }

  /** The numbers typed in a piece of plain text (an experiment's title, say) that are not plain whole numbers. */
  public static List<String> typedNumbers(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = TYPED.matcher(text);
    while (m.find()) {
      String literal = found(m);
      if (m.group("c") == null || !THOUSANDS.matcher(literal).matches()) {
        out.add(literal);
      }
    }
    return out;
  }

  private static String found(Matcher m) {
    for (String g : new String[] {"e", "d", "c", "p"}) {
      if (m.group(g) != null) {
        return m.group(g).strip();
      }
    }
    return m.group().strip();
  }

  private static void add(List<String> errors, Set<String> seen, String file, String source, String rendered,
      int offset, String literal, String what) {
    String message = file + ":" + sourceLine(source, rendered, offset, literal) + ": literal number '" + literal
        + "' " + what;
    if (seen.add(message)) {
      errors.add(message);
    }
  }

  /**
   * The line of the page that produced the text at {@code offset} of {@code rendered}: the line where the literal is
   * typed (if several, the one sharing most words with the rendered line), else the line most like the rendered one.
   */
  static int sourceLine(String source, String rendered, int offset, String literal) {
    String[] lines = source.split("\n", -1);
    int start = rendered.lastIndexOf('\n', offset - 1) + 1;
    int end = rendered.indexOf('\n', offset);
    Set<String> words = words(DataNumbers.strip(rendered.substring(start, end < 0 ? rendered.length() : end)));
    Pattern exact = Pattern.compile("(?<![\\d.])" + Pattern.quote(literal) + "(?![\\d])");
    int best = -1;
    int bestScore = -1;
    for (boolean needLiteral : new boolean[] {true, false}) {
      for (int i = 0; i < lines.length; i++) {
        if (needLiteral && !exact.matcher(lines[i]).find()) {
          continue;
        }
        Set<String> common = words(lines[i]);
        common.retainAll(words);
        if (common.size() > bestScore) {
          best = i;
          bestScore = common.size();
        }
      }
      if (best >= 0 && (needLiteral || bestScore > 0)) {
        return best + 1;
      }
    }
    return 1;
  }

  private static Set<String> words(String s) {
    Set<String> w = new LinkedHashSet<>();
    for (String t : s.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
      if (t.length() > 2) {
        w.add(t);
      }
    }
    return w;
  }

  /** Replaces each match by spaces, keeping newlines so line numbers stay right. */
  private static String blank(String s, String regex) {
    Matcher m = Pattern.compile(regex).matcher(s);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(m.group().replaceAll("[^\n]", " ")));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static int lineAt(String s, int offset) {
    return 1 + count(s, offset);
  }

  private static int count(CharSequence s, int offset) {
    int n = 0;
    for (int i = 0; i < offset && i < s.length(); i++) {
      if (s.charAt(i) == '\n') {
        n++;
      }
    }
    return n;
  }
}
