package wdpaper.figures;

import java.util.ArrayList;
import java.util.List;

/**
 * The light markup of figure labels (titles, axis titles, legend entries): Unicode text plus subscripts and
 * superscripts. The contract, also stated on {@link FigureSpec}:
 *
 * <ul>
 *   <li>{@code _x} makes the one character x a subscript, {@code _{...}} the braced text ({@code n_w},
 *       {@code n_{in}}, {@code ‖w_{e−1}‖});</li>
 *   <li>{@code ^x} and {@code ^{...}} the same for superscripts ({@code ‖w‖^2}, {@code 10^{−4}});</li>
 *   <li>{@code \_ \^ \{ \} \\} are the literal characters; any other character, Greek letters, {@code ‖},
 *       {@code √}, {@code ²}, {@code −} included, is itself;</li>
 *   <li>a hyphen-minus directly before a digit, at the start or after a space, {@code (}, {@code =}, {@code /},
 *       {@code ,} or {@code ×}, and anywhere in a script, is a minus sign: "slope -0.36" is drawn "slope −0.36",
 *       {@code w_{e-1}} as w with subscript e−1 (write {@code −} yourself elsewhere);</li>
 *   <li>scripts do not nest, braces close on the same label, and a {@code _} or {@code ^} must be followed by a
 *       character or a braced group: anything else is an error naming the label and the column.</li>
 * </ul>
 *
 * The chart draws scripts as smaller raised or lowered text; {@link #plain} gives a one-line text form (Unicode
 * sub/superscript characters where every character has one, else {@code n_w}), {@link #html} an HTML form.
 */
public final class RichText {
  private RichText() {}

  /** Where a run sits relative to the baseline. */
  public enum Shift { NONE, SUB, SUPER }

  /** A stretch of text drawn at one size and baseline. */
  public record Run(String text, Shift shift) {}

  private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
  private static final String SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉";

  /** Parses a label into runs; throws {@link IllegalArgumentException} naming the label and column if malformed. */
  public static List<Run> parse(String label) {
    List<Run> runs = new ArrayList<>();
    StringBuilder plain = new StringBuilder();
    int i = 0;
    int n = label.length();
    while (i < n) {
      char c = label.charAt(i);
      if (c == '\\' && i + 1 < n && "\\_^{}".indexOf(label.charAt(i + 1)) >= 0) {
        plain.append(label.charAt(i + 1));
        i += 2;
      } else if (c == '_' || c == '^') {
        Shift shift = c == '_' ? Shift.SUB : Shift.SUPER;
        int start = i;
        if (i + 1 >= n || Character.isWhitespace(label.charAt(i + 1))) {
          throw error(label, start, "'" + c + "' must be followed by a character or {…}");
        }
        String script;
        if (label.charAt(i + 1) == '{') {
          int close = label.indexOf('}', i + 2);
          if (close < 0) {
            throw error(label, start, "'" + c + "{' is never closed, expected '}'");
          }
          script = label.substring(i + 2, close);
          if (script.isEmpty()) {
            throw error(label, start, "'" + c + "{}' is empty");
          }
          i = close + 1;
        } else {
          int cp = label.codePointAt(i + 1);
          script = new String(Character.toChars(cp));
          i += 1 + Character.charCount(cp);
        }
        for (int k = 0; k < script.length(); k++) {
          char s = script.charAt(k);
          if (s == '_' || s == '^' || s == '{') {
            throw error(label, start, "scripts do not nest ('" + s + "' inside '" + c + "')");
          }
        }
        flush(runs, plain, Shift.NONE);
        runs.add(new Run(minus(script, true, true), shift));
      } else {
        plain.append(c);
        i++;
      }
    }
    flush(runs, plain, Shift.NONE);
    return runs;
  }

  /** Null if {@code label} is well-formed, else the error message {@link #parse} would throw. */
  public static String check(String label) {
    try {
      parse(label);
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  /** One-line text: ‖w‖^2 gives ‖w‖², n_w gives n_w, n_{in} gives n_in (no Unicode subscript w, i or n). */
  public static String plain(String label) {
    StringBuilder sb = new StringBuilder();
    for (Run r : parse(label)) {
      if (r.shift() == Shift.NONE) {
        sb.append(r.text());
        continue;
      }
      String mapped = mapScript(r.text(), r.shift() == Shift.SUPER);
      sb.append(mapped != null ? mapped : (r.shift() == Shift.SUB ? "_" : "^") + r.text());
    }
    return sb.toString();
  }

  /** HTML with {@code <sub>}/{@code <sup>}, text escaped. */
  public static String html(String label) {
    StringBuilder sb = new StringBuilder();
    for (Run r : parse(label)) {
      String t = escape(r.text());
      sb.append(switch (r.shift()) {
        case NONE -> t;
        case SUB -> "<sub>" + t + "</sub>";
        case SUPER -> "<sup>" + t + "</sup>";
      });
    }
    return sb.toString();
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static void flush(List<Run> runs, StringBuilder plain, Shift shift) {
    if (plain.length() > 0) {
      runs.add(new Run(minus(plain.toString(), runs.isEmpty(), false), shift));
      plain.setLength(0);
    }
  }

  /**
   * Hyphen-minus before a digit, at the start or after a space, (, =, /, comma or ×, becomes U+2212; in a script
   * ({@code w_{e-1}}) every hyphen-minus before a digit does.
   */
  static String minus(String s, boolean atStart, boolean script) {
    StringBuilder sb = new StringBuilder(s);
    for (int i = 0; i < sb.length(); i++) {
      if (sb.charAt(i) != '-' || i + 1 >= sb.length() || !Character.isDigit(sb.charAt(i + 1))) {
        continue;
      }
      boolean start = script || (i == 0 ? atStart : " (=/,×\u00a0".indexOf(sb.charAt(i - 1)) >= 0);
      if (start) {
        sb.setCharAt(i, '\u2212');
      }
    }
    return sb.toString();
  }

  private static String mapScript(String s, boolean sup) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        sb.append((sup ? SUPERSCRIPTS : SUBSCRIPTS).charAt(c - '0'));
      } else if (c == '−' || c == '-') {
        sb.append(sup ? '⁻' : '₋');
      } else if (c == '+') {
        sb.append(sup ? '⁺' : '₊');
      } else {
        return null;
      }
    }
    return sb.toString();
  }

  private static IllegalArgumentException error(String label, int index, String what) {
    return new IllegalArgumentException("label \"" + label + "\": " + what + " (column " + (index + 1) + ")");
  }
}
