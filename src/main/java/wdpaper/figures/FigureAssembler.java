package wdpaper.figures;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import wdpaper.claims.Figure;
import wdpaper.project.UserError;

/**
 * Puts a figure together: the data from a claim ({@link Figure}) and the words from the page that places it
 * ({@link FigureText}). Every line needs a legend label, and the labels of one figure must differ.
 */
public final class FigureAssembler {
  private FigureAssembler() {}

  public static FigureSpec assemble(Figure data, FigureText words) {
    String where = words.where() + ": figure '" + data.id() + "'";
    for (String[] part : new String[][] {{"title", words.title()}, {"x", words.xLabel()}, {"y", words.yLabel()}}) {
      if (part[1].isBlank()) {
        throw UserError.config(where + " has an empty " + part[0] + "=\"\"");
      }
    }
    List<FigureSpec.Plot> plots = new ArrayList<>();
    Set<String> labels = new LinkedHashSet<>();
    for (int i = 0; i < data.lines().size(); i++) {
      Figure.Line line = data.lines().get(i);
      String label = words.legends().get(i);
      if (label == null || label.isBlank()) {
        throw UserError.config(where + " has no legend label for its series '" + line.kind() + "'"
            + (line.params().isEmpty() ? "" : " " + line.params()) + ": add <@p.legend series=\"" + line.kind()
            + "\">…</@p.legend>");
      }
      if (!labels.add(label)) {
        throw UserError.config(where + " has two series labelled '" + label + "'; a legend label must say which"
            + " series it is (use its parameters, e.g. ${s.lambda})");
      }
      plots.add(new FigureSpec.Plot(label, line.series(), style(line.look()), line.color(), line.censored()));
    }
    for (int index : words.legends().keySet()) {
      if (index < 0 || index >= data.lines().size()) {
        throw UserError.config(where + " labels a series " + index + " it does not have");
      }
    }
    String censored = words.censoredLabel() == null || words.censoredLabel().isBlank() ? null
        : words.censoredLabel();
    if (censored == null && plots.stream().anyMatch(FigureSpec.Plot::hasCensored)) {
      throw UserError.config(where + " has censored points (drawn as open markers, e.g. runs that never tail off):"
          + " give their legend entry with <@p.censored>…</@p.censored>");
    }
    try {
      return new FigureSpec(data.id(), words.title(), plain(words.captionHtml()), data.experiments(),
          words.xLabel(), words.yLabel(), data.xLog(), data.yLog(), plots, censored);
    } catch (IllegalArgumentException e) {
      throw UserError.config(words.where() + ": " + e.getMessage());
    }
  }

  private static FigureSpec.Style style(Figure.Look look) {
    return switch (look) {
      case MEASURED -> FigureSpec.Style.MEASURED;
      case PREDICTED -> FigureSpec.Style.PREDICTED;
      case REFERENCE -> FigureSpec.Style.REFERENCE;
      case POINTS -> FigureSpec.Style.POINTS;
    };
  }

  /** The caption without markup, for files that keep plain text. */
  private static String plain(String html) {
    return org.jsoup.Jsoup.parseBodyFragment(html).text();
  }
}
