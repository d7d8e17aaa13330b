package wdpaper.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A readable plain-text equivalent of a TeX formula, for screen readers (the SVG's accessible name), for copying
 * and for text extraction from the PDF: {@code w \rightarrow \left(1-\frac{\eta\lambda}{n}\right) w} becomes
 * {@code w → (1 − ηλ/n) w}. Covers the subset the paper uses (Greek letters, relations and operators, fractions,
 * roots, sub- and superscripts, delimiters, norms, text, spacing, underbraces); a command it does not know is kept
 * as its TeX source ({@code \foo}), so nothing is lost silently, and a test checks that the paper's formulas
 * convert without one.
 *
 * <p>Conventions: a fraction is written {@code a/b}, in parentheses when it multiplies a neighbour
 * ({@code (η/m) ∑_x}); a subscript is {@code _x} or {@code _(t+1)}; a superscript made only of digits and signs
 * uses superscript characters ({@code x²}), others {@code ^(n/m)}; binary operators and relations are spaced,
 * a unary minus is not; {@code -} becomes the minus sign {@code −}.
 */
public final class TexText {
  private static final Map<String, String> SYMBOLS = new TreeMap<>();
  private static final Map<String, String> RELATIONS = new TreeMap<>();
  private static final Map<String, String> BIG = new TreeMap<>();
  private static final Map<String, String> OPENING = new TreeMap<>(Map.of("lVert", "‖", "lvert", "|", "langle",
      "⟨", "lfloor", "⌊", "lceil", "⌈"));
  private static final Map<String, String> CLOSING = new TreeMap<>(Map.of("rVert", "‖", "rvert", "|", "rangle",
      "⟩", "rfloor", "⌋", "rceil", "⌉"));
  private static final List<String> FUNCTIONS = List.of("exp", "ln", "log", "sin", "cos", "tan", "min", "max",
      "arg", "det", "dim", "lim", "sup", "inf", "tanh", "sinh", "cosh", "Pr");
  private static final String SUPERSCRIPT_FROM = "0123456789+-=()n";
  private static final String SUPERSCRIPT_TO = "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿ";

  static {
    String[][] greek = {{"alpha", "α"}, {"beta", "β"}, {"gamma", "γ"}, {"delta", "δ"}, {"epsilon", "ϵ"},
        {"varepsilon", "ε"}, {"zeta", "ζ"}, {"eta", "η"}, {"theta", "θ"}, {"vartheta", "ϑ"}, {"iota", "ι"},
        {"kappa", "κ"}, {"lambda", "λ"}, {"mu", "μ"}, {"nu", "ν"}, {"xi", "ξ"}, {"pi", "π"}, {"rho", "ρ"},
        {"sigma", "σ"}, {"tau", "τ"}, {"upsilon", "υ"}, {"phi", "ϕ"}, {"varphi", "φ"}, {"chi", "χ"}, {"psi", "ψ"},
        {"omega", "ω"}, {"Gamma", "Γ"}, {"Delta", "Δ"}, {"Theta", "Θ"}, {"Lambda", "Λ"}, {"Xi", "Ξ"}, {"Pi", "Π"},
        {"Sigma", "Σ"}, {"Phi", "Φ"}, {"Psi", "Ψ"}, {"Omega", "Ω"}};
    for (String[] g : greek) {
      SYMBOLS.put(g[0], g[1]);
    }
    String[][] symbols = {{"partial", "∂"}, {"nabla", "∇"}, {"infty", "∞"}, {"dots", "…"}, {"ldots", "…"},
        {"cdots", "⋯"}, {"ell", "ℓ"}, {"prime", "′"}, {"Vert", "‖"}, {"vert", "|"}};
    for (String[] s : symbols) {
      SYMBOLS.put(s[0], s[1]);
    }
    String[][] relations = {{"rightarrow", "→"}, {"to", "→"}, {"leftarrow", "←"}, {"Rightarrow", "⇒"},
        {"mapsto", "↦"}, {"ll", "≪"}, {"gg", "≫"}, {"approx", "≈"}, {"sim", "∼"}, {"simeq", "≃"}, {"propto", "∝"},
        {"in", "∈"}, {"notin", "∉"}, {"le", "≤"}, {"leq", "≤"}, {"ge", "≥"}, {"geq", "≥"}, {"ne", "≠"}, {"neq", "≠"},
        {"equiv", "≡"}, {"times", "×"}, {"cdot", "·"}, {"pm", "±"}, {"mp", "∓"}, {"div", "÷"}, {"subset", "⊂"},
        {"subseteq", "⊆"}, {"cup", "∪"}, {"cap", "∩"}};
    for (String[] r : relations) {
      RELATIONS.put(r[0], r[1]);
    }
    BIG.put("sum", "∑");
    BIG.put("prod", "∏");
    BIG.put("int", "∫");
  }

  private enum Kind { ORD, OP, PUNCT, OPEN, CLOSE, FUNC, BIG, SLASH, SPACE }

  private static final class Atom {
    final Kind kind;
    String text;
    boolean frac;
    boolean parenthesised;
    boolean asciiScript;

    Atom(Kind kind, String text) {
      this.kind = kind;
      this.text = text;
    }
  }

  private final String tex;
  private int pos;

  private TexText(String tex) {
    this.tex = tex;
  }

  /** The plain-text equivalent of {@code tex}. */
  public static String of(String tex) {
    TexText t = new TexText(tex);
    List<Atom> atoms = t.sequence(false);
    return join(atoms, true);
  }

  /** Atoms up to the end of the input, or up to the closing brace of a group when {@code inGroup}. */
  private List<Atom> sequence(boolean inGroup) {
    List<Atom> atoms = new ArrayList<>();
    while (pos < tex.length()) {
      char c = tex.charAt(pos);
      if (c == '}') {
        if (inGroup) {
          pos++;
          return atoms;
        }
        pos++;
        continue;
      }
      if (Character.isWhitespace(c)) {
        pos++;
        continue;
      }
      if (c == '{') {
        pos++;
        String inner = join(sequence(true), false);
        atoms.add(new Atom(Kind.ORD, inner));
        continue;
      }
      if (c == '^' || c == '_') {
        pos++;
        String script = argument();
        Atom base = atoms.isEmpty() ? new Atom(Kind.ORD, "") : atoms.get(atoms.size() - 1);
        if (atoms.isEmpty()) {
          atoms.add(base);
        }
        attachScript(base, c, script);
        continue;
      }
      if (c == '\\') {
        command(atoms);
        continue;
      }
      pos++;
      atoms.add(character(c));
    }
    return atoms;
  }

  private static Atom character(char c) {
    switch (c) {
      case '+':
      case '=':
      case '<':
      case '>':
        return new Atom(Kind.OP, String.valueOf(c));
      case '-':
        return new Atom(Kind.OP, "−");
      case '*':
        return new Atom(Kind.OP, "∗");
      case ',':
      case ';':
        return new Atom(Kind.PUNCT, String.valueOf(c));
      case '(':
      case '[':
        return new Atom(Kind.OPEN, String.valueOf(c));
      case ')':
      case ']':
        return new Atom(Kind.CLOSE, String.valueOf(c));
      case '/':
        return new Atom(Kind.SLASH, "/");
      case '\'':
        return new Atom(Kind.ORD, "′");
      case '~':
        return new Atom(Kind.SPACE, " ");
      default:
        return new Atom(Kind.ORD, String.valueOf(c));
    }
  }

  private void command(List<Atom> atoms) {
    pos++;
    if (pos >= tex.length()) {
      atoms.add(new Atom(Kind.ORD, "\\"));
      return;
    }
    char c = tex.charAt(pos);
    if (!Character.isLetter(c)) {
      pos++;
      switch (c) {
        case ',':
        case ';':
        case ':':
        case ' ':
        case '>':
          atoms.add(new Atom(Kind.SPACE, " "));
          return;
        case '!':
          return;
        case '{':
          atoms.add(new Atom(Kind.OPEN, "{"));
          return;
        case '}':
          atoms.add(new Atom(Kind.CLOSE, "}"));
          return;
        case '|':
          atoms.add(new Atom(Kind.ORD, "‖"));
          return;
        case '\\':
          atoms.add(new Atom(Kind.PUNCT, ";"));
          return;
        default:
          atoms.add(new Atom(Kind.ORD, String.valueOf(c)));
          return;
      }
    }
    int start = pos;
    while (pos < tex.length() && Character.isLetter(tex.charAt(pos))) {
      pos++;
    }
    String name = tex.substring(start, pos);
    switch (name) {
      case "frac":
      case "dfrac":
      case "tfrac": {
        String num = argumentTight();
        String den = argumentTight();
        Atom a = new Atom(Kind.ORD, num + "/" + den);
        a.frac = true;
        atoms.add(a);
        return;
      }
      case "sqrt": {
        String arg = argumentTight();
        atoms.add(new Atom(Kind.ORD, "√" + arg));
        return;
      }
      case "text":
      case "mathrm":
      case "mathit":
      case "mathbf":
      case "mathsf":
      case "mathtt":
      case "textrm":
      case "textit":
      case "textbf":
      case "operatorname":
      case "boldsymbol":
      case "mathcal":
      case "mathbb":
      case "hat":
      case "bar":
      case "tilde":
      case "vec":
      case "overline":
        atoms.add(new Atom(name.equals("operatorname") ? Kind.FUNC : Kind.ORD, plainArgument(name)));
        return;
      case "underbrace":
      case "overbrace": {
        String body = argument();
        if (body.startsWith("−") || body.startsWith("+")) {
          atoms.add(new Atom(Kind.OP, body.substring(0, 1)));
          body = body.substring(1).strip();
        }
        Atom a = new Atom(Kind.ORD, body);
        skipSpaces();
        if (pos < tex.length() && (tex.charAt(pos) == '_' || tex.charAt(pos) == '^')) {
          pos++;
          a.text = body + " (= " + argument() + ")";
        }
        atoms.add(a);
        return;
      }
      case "left":
      case "right":
      case "bigl":
      case "bigr":
      case "Bigl":
      case "Bigr":
      case "big":
      case "Big":
        delimiter(atoms, name.equals("left") || name.endsWith("l"));
        return;
      case "quad":
      case "qquad":
      case "enspace":
      case "thinspace":
        atoms.add(new Atom(Kind.SPACE, " "));
        return;
      case "displaystyle":
      case "textstyle":
      case "limits":
      case "nolimits":
        return;
      default:
        break;
    }
    if (OPENING.containsKey(name)) {
      atoms.add(new Atom(Kind.OPEN, OPENING.get(name)));
    } else if (CLOSING.containsKey(name)) {
      atoms.add(new Atom(Kind.CLOSE, CLOSING.get(name)));
    } else if (SYMBOLS.containsKey(name)) {
      atoms.add(new Atom(Kind.ORD, SYMBOLS.get(name)));
    } else if (RELATIONS.containsKey(name)) {
      atoms.add(new Atom(Kind.OP, RELATIONS.get(name)));
    } else if (BIG.containsKey(name)) {
      atoms.add(new Atom(Kind.BIG, BIG.get(name)));
    } else if (FUNCTIONS.contains(name)) {
      atoms.add(new Atom(Kind.FUNC, name));
    } else {
      atoms.add(new Atom(Kind.ORD, "\\" + name));
    }
  }

  /** {@code \left(}, {@code \right)}, {@code \left.}: the delimiter itself, or nothing for the dot. */
  private void delimiter(List<Atom> atoms, boolean open) {
    skipSpaces();
    if (pos >= tex.length()) {
      return;
    }
    char c = tex.charAt(pos);
    String d;
    if (c == '\\') {
      int save = pos;
      pos++;
      int start = pos;
      while (pos < tex.length() && Character.isLetter(tex.charAt(pos))) {
        pos++;
      }
      if (pos == start && pos < tex.length()) {
        pos++;
      }
      String name = tex.substring(start, pos);
      d = switch (name) {
        case "{" -> open ? "{" : "}";
        case "}" -> "}";
        case "|", "Vert", "lVert", "rVert" -> "‖";
        case "vert", "lvert", "rvert" -> "|";
        case "langle" -> "⟨";
        case "rangle" -> "⟩";
        default -> {
          pos = save;
          yield null;
        }
      };
      if (d == null) {
        return;
      }
    } else {
      pos++;
      d = c == '.' ? "" : String.valueOf(c);
    }
    if (d.isEmpty()) {
      return;
    }
    boolean bracket = "([{⟨".contains(d);
    boolean closing = ")]}⟩".contains(d);
    atoms.add(new Atom(bracket ? Kind.OPEN : closing ? Kind.CLOSE : Kind.ORD, d));
  }

  private void skipSpaces() {
    while (pos < tex.length() && Character.isWhitespace(tex.charAt(pos))) {
      pos++;
    }
  }

  /** The next argument (a group or a single token) as text. */
  private String argument() {
    skipSpaces();
    if (pos >= tex.length()) {
      return "";
    }
    char c = tex.charAt(pos);
    if (c == '{') {
      pos++;
      return join(sequence(true), false);
    }
    if (c == '\\') {
      List<Atom> one = new ArrayList<>();
      command(one);
      return join(one, false);
    }
    pos++;
    return join(List.of(character(c)), false);
  }

  /** An argument of a fraction or root: parenthesised when it is more than one tight term. */
  private String argumentTight() {
    String s = argument();
    return tight(s) ? s : "(" + s + ")";
  }

  /** The argument of {@code \text} and friends: its characters, spaces kept, braces dropped. */
  private String plainArgument(String command) {
    skipSpaces();
    if (pos >= tex.length() || tex.charAt(pos) != '{') {
      return argument();
    }
    if (command.startsWith("text")) {
      int depth = 0;
      StringBuilder sb = new StringBuilder();
      while (pos < tex.length()) {
        char c = tex.charAt(pos++);
        if (c == '{') {
          if (depth++ > 0) {
            sb.append(c);
          }
        } else if (c == '}') {
          if (--depth == 0) {
            break;
          }
          sb.append(c);
        } else {
          sb.append(c);
        }
      }
      return sb.toString();
    }
    return argument();
  }

  private static boolean tight(String s) {
    if (s.isEmpty()) {
      return true;
    }
    int depth = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ("([{".indexOf(c) >= 0) {
        depth++;
      } else if (")]}".indexOf(c) >= 0) {
        depth--;
      } else if (depth == 0 && (c == ' ' || c == '/' || c == '+' || c == '−' && i > 0 || c == '=' || c == ',')) {
        return false;
      }
    }
    return true;
  }

  private static void attachScript(Atom base, char kind, String script) {
    if (kind == '^' && !script.isEmpty() && script.chars().allMatch(ch -> superscript((char) ch) != 0)) {
      StringBuilder sb = new StringBuilder();
      script.chars().forEach(ch -> sb.append(superscript((char) ch)));
      base.text += sb;
      return;
    }
    if (kind == '^' && script.equals("′")) {
      base.text += "′";
      return;
    }
    if (!script.contains("(=")) {
      script = script.replaceAll(" ?([+−=]) ?", "$1");
    }
    boolean word = script.codePoints().allMatch(Character::isLetterOrDigit);
    base.text += kind + (word ? script : "(" + script + ")");
    base.asciiScript = true;
  }

  private static char superscript(char c) {
    int i = SUPERSCRIPT_FROM.indexOf(c == '−' ? '-' : c);
    return i < 0 ? 0 : SUPERSCRIPT_TO.charAt(i);
  }

  /** Joins atoms with the spacing rules above; {@code whole} when these atoms are the entire formula. */
  private static String join(List<Atom> atoms, boolean whole) {
    List<Atom> list = new ArrayList<>();
    for (Atom a : atoms) {
      if (a.text.isEmpty() && a.kind != Kind.SPACE) {
        continue;
      }
      list.add(a);
    }
    if (!(whole && list.size() == 1)) {
      for (int i = 0; i < list.size(); i++) {
        Atom a = list.get(i);
        if (a.frac && (multipliesLeft(list, i - 1) || multipliesRight(list, i + 1))) {
          a.text = "(" + a.text + ")";
          a.frac = false;
          a.asciiScript = false;
          a.parenthesised = true;
        }
      }
    }
    StringBuilder sb = new StringBuilder();
    Atom prev = null;
    for (int i = 0; i < list.size(); i++) {
      Atom a = list.get(i);
      switch (a.kind) {
        case SPACE -> space(sb);
        case OP -> {
          boolean unary = a.text.equals("−") || a.text.equals("+") || a.text.equals("±");
          boolean prefix = prev == null || prev.kind == Kind.OP || prev.kind == Kind.OPEN || prev.kind == Kind.PUNCT
              || prev.kind == Kind.BIG || prev.kind == Kind.SLASH;
          if (unary && prefix) {
            if (prev != null && prev.kind == Kind.OP) {
              space(sb);
            }
            sb.append(a.text);
          } else {
            space(sb);
            sb.append(a.text).append(' ');
          }
        }
        case PUNCT -> {
          trimSpace(sb);
          sb.append(a.text).append(' ');
        }
        case SLASH -> {
          trimSpace(sb);
          sb.append('/');
        }
        case CLOSE -> {
          trimSpace(sb);
          sb.append(a.text);
        }
        case FUNC -> {
          if (prev != null && (prev.kind == Kind.ORD || prev.kind == Kind.CLOSE || prev.kind == Kind.BIG)) {
            space(sb);
          }
          sb.append(a.text);
        }
        default -> {
          if (prev != null && (prev.kind == Kind.FUNC && !a.text.startsWith("(") || prev.kind == Kind.BIG
              || prev.asciiScript && a.kind != Kind.OPEN && a.kind != Kind.CLOSE
              || prev.parenthesised && a.kind != Kind.CLOSE || prev.kind == Kind.CLOSE && a.kind == Kind.ORD
              || a.parenthesised && (prev.kind == Kind.ORD || prev.kind == Kind.CLOSE)
              || prev.kind == Kind.FUNC && prev.asciiScript && a.kind != Kind.OPEN)) {
            space(sb);
          }
          sb.append(a.text);
        }
      }
      if (a.kind != Kind.SPACE) {
        prev = a;
      }
    }
    return sb.toString().strip().replaceAll(" {2,}", " ");
  }

  /** Whether the atom at {@code i}, left of a fraction, multiplies it (so the fraction needs parentheses). */
  private static boolean multipliesLeft(List<Atom> list, int i) {
    if (i < 0) {
      return false;
    }
    Kind k = list.get(i).kind;
    return k == Kind.ORD || k == Kind.CLOSE;
  }

  /** Whether the atom at {@code i}, right of a fraction, multiplies it. */
  private static boolean multipliesRight(List<Atom> list, int i) {
    if (i >= list.size()) {
      return false;
    }
    Kind k = list.get(i).kind;
    return k == Kind.ORD || k == Kind.FUNC || k == Kind.BIG || k == Kind.OPEN;
  }

  private static void space(StringBuilder sb) {
    if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ' ') {
      sb.append(' ');
    }
  }

  private static void trimSpace(StringBuilder sb) {
    while (sb.length() > 0 && sb.charAt(sb.length() - 1) == ' ') {
      sb.setLength(sb.length() - 1);
    }
  }
}
