package wdpaper.site;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The build check that measured values in the prose come from templates: in a page's source, after removing
 * FreeMarker constructs ({@code ${...}}, {@code <#...>}, {@code <@.../>}, comments), code, math and link
 * targets, any number with a decimal point or a percent sign is an error naming the file and line.
 * Whole numbers (layer sizes, epoch counts, "claim 1") are allowed.
 */
public final class NumberCheck {
  private static final Pattern LITERAL = Pattern.compile("(?<![\\w.#-])(\\d+\\.\\d+|\\d+(\\.\\d+)?\\s?%|\\.\\d+)");

  private NumberCheck() {}

  /** Returns one message per literal number found; {@code file} is used in the messages. */
  public static List<String> check(String file, String source) {
    String s = blank(source, "(?s)<#--.*?-->");
    s = blank(s, "(?s)\\$\\{[^}]*\\}");
    s = blank(s, "(?s)</?#[^>]*>");
    s = blank(s, "(?s)</?@[^>]*>");
    s = blank(s, "(?s)```.*?```");
    s = blank(s, "`[^`\n]*`");
    s = blank(s, "(?s)\\$\\$.*?\\$\\$");
    s = blank(s, "\\$[^$\n]+\\$");
    s = blank(s, "\\]\\([^)]*\\)");
    s = blank(s, "(?s)\\A---\n.*?\n---\n");
    List<String> errors = new ArrayList<>();
    Matcher m = LITERAL.matcher(s);
    while (m.find()) {
      int line = 1;
      for (int i = 0; i < m.start(); i++) {
        if (s.charAt(i) == '\n') {
          line++;
        }
      }
      errors.add(file + ":" + line + ": literal number '" + m.group(1).strip() + "' in the prose; measured values"
          + " must come from a template expression such as ${book.rows[0].final}");
    }
    return errors;
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
}
