package wdpaper.site;

import freemarker.core.Environment;
import freemarker.core.TemplateFormatUtil;
import freemarker.core.TemplateNumberFormat;
import freemarker.core.TemplateNumberFormatFactory;
import freemarker.core.TemplateValueFormatException;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.SimpleHash;
import freemarker.template.SimpleNumber;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNumberModel;
import freemarker.template.TemplateScalarModel;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * How the typed-number check tells numbers from the data apart from numbers typed in a page. Every
 * {@link Number} of the template model reaches a content page as a {@link DataNumber}; interpolating one
 * ({@code ${x}}) or formatting it with the page functions ({@code p.f}, {@code p.pct}, {@code p.pctOf},
 * {@code p.sci}, {@code p.sig}) writes it between two invisible marks, {@link #OPEN} and {@link #CLOSE}. A number
 * typed in the template ({@code ${97.3}}), computed in it ({@code ${x * 2}}) or formatted by other means
 * ({@code x?string("0.0")}) has no marks, so {@link NumberCheck} finds it in the rendered text; the marks are
 * stripped before Markdown.
 */
public final class DataNumbers {
  /** Opens a number from the data (a private-use character: never in real text). */
  public static final char OPEN = '\uE000';
  /** Closes it. */
  public static final char CLOSE = '\uE001';

  private DataNumbers() {}

  /** {@code s} between the marks. */
  static String mark(String s) {
    return OPEN + s + CLOSE;
  }

  /** {@code s} without the marks. */
  public static String strip(String s) {
    if (s.indexOf(OPEN) < 0 && s.indexOf(CLOSE) < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != OPEN && c != CLOSE) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** A number that came from the template model, not from the template. */
  static final class DataNumber implements TemplateNumberModel {
    private final Number value;

    DataNumber(Number value) {
      this.value = value;
    }

    @Override
    public Number getAsNumber() {
      return value;
    }
  }

  /** Wraps the model for content pages: every Number becomes a {@link DataNumber}; the rest as usual. */
  static final class Wrapper extends DefaultObjectWrapper {
    Wrapper() {
      super(Configuration.VERSION_2_3_34);
    }

    @Override
    public TemplateModel wrap(Object obj) throws TemplateModelException {
      if (obj instanceof Number n) {
        return new DataNumber(n);
      }
      return super.wrap(obj);
    }
  }

  /** The {@code @data} number format: FreeMarker's "computer" format, between the marks if the number is data. */
  static final class Format extends TemplateNumberFormatFactory {
    @Override
    public TemplateNumberFormat get(String params, Locale locale, Environment env)
        throws TemplateValueFormatException {
      TemplateFormatUtil.checkHasNoParameters(params);
      TemplateNumberFormat computer = env.getTemplateNumberFormat("computer");
      return new TemplateNumberFormat() {
        @Override
        public String formatToPlainText(TemplateNumberModel n) throws TemplateValueFormatException,
            TemplateModelException {
          String s = computer.formatToPlainText(n);
          return n instanceof DataNumber ? mark(s) : s;
        }

        @Override
        public boolean isLocaleBound() {
          return false;
        }

        @Override
        public String getDescription() {
          return "data (computer format, marked)";
        }
      };
    }
  }

  /**
   * The functions behind {@code p.f}, {@code p.pctOf}, {@code p.sci}, {@code p.sig}, as the shared "numbers"; each
   * writes a negative number with the minus sign (−), not a hyphen.
   */
  static SimpleHash functions(Configuration c) {
    SimpleHash h = new SimpleHash(c.getObjectWrapper());
    h.put("fixed", (TemplateMethodModelEx) args -> {
      TemplateNumberModel x = number("p.f", args, 0);
      int d = digits("p.f", args, 1, 2);
      return result(x, format(x.getAsNumber(), d == 0 ? "0" : "0." + "0".repeat(d)).replace("-", "−"));
    });
    h.put("percentOf", (TemplateMethodModelEx) args -> {
      TemplateNumberModel x = number("p.pctOf", args, 0);
      int d = digits("p.pctOf", args, 1, 1);
      Number percent;
      try {
        percent = Environment.getCurrentEnvironment().getArithmeticEngine().multiply(100, x.getAsNumber());
      } catch (freemarker.template.TemplateException e) {
        throw new TemplateModelException("p.pctOf: cannot multiply " + x.getAsNumber() + " by 100", e);
      }
      return result(x, format(percent, d == 0 ? "0" : "0." + "0".repeat(d)).replace("-", "−"));
    });
    h.put("sci", (TemplateMethodModelEx) args -> {
      TemplateNumberModel x = number("p.sci", args, 0);
      return result(x, sci(x.getAsNumber()));
    });
    h.put("significant", (TemplateMethodModelEx) args -> {
      TemplateNumberModel x = number("p.sig", args, 0);
      int n = digits("p.sig", args, 1, 3);
      if (n < 1) {
        throw new TemplateModelException("p.sig: the number of significant digits must be at least 1, was " + n);
      }
      BigDecimal v = new BigDecimal(x.getAsNumber().doubleValue()).round(new MathContext(n, RoundingMode.HALF_UP));
      return result(x, v.toPlainString().replace("-", "−"));
    });
    h.put("plain", (TemplateMethodModelEx) args -> {
      if (args.size() != 1 || !(args.get(0) instanceof TemplateScalarModel s)) {
        throw new TemplateModelException("numbers.plain: expected one string");
      }
      return strip(s.getAsString());
    });
    return h;
  }

  private static String result(TemplateNumberModel x, String text) {
    return x instanceof DataNumber ? mark(text) : text;
  }

  private static TemplateNumberModel number(String fn, List<?> args, int i) throws TemplateModelException {
    if (args.size() <= i || !(args.get(i) instanceof TemplateNumberModel n)) {
      throw new TemplateModelException(fn + ": argument " + (i + 1) + " must be a number from the data, was "
          + (args.size() <= i ? "missing" : describe(args.get(i))));
    }
    return n;
  }

  private static int digits(String fn, List<?> args, int i, int dflt) throws TemplateModelException {
    if (args.size() <= i) {
      return dflt;
    }
    if (!(args.get(i) instanceof TemplateNumberModel n) || n.getAsNumber().doubleValue() < 0
        || n.getAsNumber().doubleValue() != Math.rint(n.getAsNumber().doubleValue())) {
      throw new TemplateModelException(fn + ": argument " + (i + 1) + " (digits) must be a whole number >= 0, was "
          + describe(args.get(i)));
    }
    return n.getAsNumber().intValue();
  }

  private static String describe(Object o) throws TemplateModelException {
    return o instanceof TemplateScalarModel s ? "the string \"" + strip(s.getAsString()) + "\""
        : o instanceof TemplateNumberModel n ? n.getAsNumber().toString() : "a " + o.getClass().getSimpleName();
  }

  /** Formats with a FreeMarker decimal pattern, exactly as {@code x?string(pattern)} would. */
  private static String format(Number x, String pattern) throws TemplateModelException {
    try {
      return Environment.getCurrentEnvironment().getTemplateNumberFormat(pattern)
          .formatToPlainText(new SimpleNumber(x));
    } catch (TemplateValueFormatException e) {
      throw new TemplateModelException("cannot format " + x + " as " + pattern, e);
    }
  }

  private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

  /**
   * Two significant digits: plain between 0.001 and 9999 (0.95, 0.0067, 42), else a power of ten written with
   * superscript characters and no-break spaces, 1.2 × 10⁻⁵, so that it never splits across lines; a real minus.
   */
  static String sci(Number x) throws TemplateModelException {
    if (x.doubleValue() == 0) {
      return "0";
    }
    String[] parts = format(x, "0.0E0").split("E");
    int e = Integer.parseInt(parts[1]);
    if (e >= -3 && e <= 3) {
      return format(x, e >= 1 ? "0" : "0." + "0".repeat(1 - e)).replace("-", "−");
    }
    StringBuilder power = new StringBuilder();
    for (char ch : Integer.toString(e).toCharArray()) {
      power.append(ch == '-' ? '⁻' : SUPERSCRIPTS.charAt(ch - '0'));
    }
    return parts[0].replace("-", "−") + "\u00A0×\u00A010" + power;
  }
}
