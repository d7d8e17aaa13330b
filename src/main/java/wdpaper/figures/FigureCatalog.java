package wdpaper.figures;

import static wdpaper.figures.FigureSpec.Style.MEASURED;
import static wdpaper.figures.FigureSpec.Style.POINTS;
import static wdpaper.figures.FigureSpec.Style.PREDICTED;
import static wdpaper.figures.FigureSpec.Style.REFERENCE;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import wdpaper.analysis.Analysis;
import wdpaper.analysis.Findings;
import wdpaper.analysis.Series;
import wdpaper.experiments.Numbers;

/**
 * Every figure of the paper, declared by id. Each is built from {@link Findings} only (no training); the prose
 * refers to figures by these ids.
 */
public final class FigureCatalog {
  private final Findings f;

  private FigureCatalog(Findings f) {
    this.f = f;
  }

  public static List<FigureSpec> all(Findings findings) {
    return new FigureCatalog(findings).build();
  }

  private List<FigureSpec> build() {
    List<FigureSpec> figs = new ArrayList<>();
    for (int h : hiddenOfBook()) {
      figs.add(bookAccuracy(h));
    }
    figs.add(claim1Share());
    figs.add(claim1Steps());
    figs.add(saturation());
    figs.add(claim2Pure());
    figs.add(claim2Training());
    for (double lambda : doubles(f.model(), "claim3", "lambdas")) {
      figs.add(claim3Rms(lambda));
    }
    figs.add(claim3Scale());
    figs.add(claim4Accuracy());
    figs.add(claim4Std());
    figs.add(claim4Histograms());
    return figs;
  }

  private static String k(double v) {
    return Numbers.format(v);
  }

  @SuppressWarnings("unchecked")
  private static List<Double> doubles(Map<String, Object> model, String section, String key) {
    List<Double> out = new ArrayList<>();
    for (Object o : (List<Object>) ((Map<String, Object>) model.get(section)).get(key)) {
      out.add(((Number) o).doubleValue());
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private List<Integer> hiddenOfBook() {
    Set<Integer> hs = new LinkedHashSet<>();
    for (Object r : (List<Object>) ((Map<String, Object>) f.model().get("book")).get("rows")) {
      hs.add(((Number) ((Map<String, Object>) r).get("hidden")).intValue());
    }
    return new ArrayList<>(hs);
  }

  private static FigureSpec.Plot p(String label, Series s, FigureSpec.Style style, int color) {
    return new FigureSpec.Plot(label, s, style, color);
  }

  private FigureSpec bookAccuracy(int h) {
    return new FigureSpec("book-accuracy-" + h, "Validation accuracy, [784, " + h + ", 10]: old vs new initialization",
        "Validation accuracy per epoch of a [784, " + h + ", 10] network with the old N(0,1) and the new N(0,1/n_in)"
            + " weight initialization (eta = " + k(num("book", "eta")) + ", lambda = " + k(num("book", "lambda"))
            + ", m = " + k(num("book", "m")) + "), as in the book's figure. Solid: mean over seeds; dotted: seed range.",
        List.of("book-weight-init"), "epoch", "validation accuracy (%)", false, false, List.of(
            p("old init N(0, 1)", f.series("book/accuracy/" + h + "/old"), MEASURED, 1),
            p("new init N(0, 1/n_{in})", f.series("book/accuracy/" + h + "/new"), MEASURED, 0)));
  }

  @SuppressWarnings("unchecked")
  private double num(String section, String key) {
    return ((Number) ((Map<String, Object>) f.model().get(section)).get(key)).doubleValue();
  }

  private FigureSpec claim1Share() {
    List<FigureSpec.Plot> plots = new ArrayList<>();
    int c = 0;
    for (double lambda : doubles(f.model(), "claim1", "lambdas")) {
      plots.add(p("‖w‖², λ = " + k(lambda), f.series("claim1/old/" + k(lambda) + "/shareNorm"), MEASURED, c));
      plots.add(p("displacement, λ = " + k(lambda), f.series("claim1/old/" + k(lambda) + "/share"), PREDICTED,
          c));
      c++;
    }
    Series first = f.series("claim1/old/" + k(doubles(f.model(), "claim1", "lambdas").get(0)) + "/shareNorm");
    double[] t = new double[first.x().length];
    java.util.Arrays.fill(t, Analysis.DOMINANCE_SHARE);
    plots.add(p("threshold " + k(Analysis.DOMINANCE_SHARE), Series.exact("threshold", first.x(), t), REFERENCE, 6));
    return new FigureSpec("claim1-decay-share", "Share of the first layer's weight change due to decay, old init",
        "Per epoch, old initialization, first-layer weights. Solid: the decay term's share of the change of ||w||²;"
            + " dashed: its share of the displacement, ||D|| / (||D|| + ||G||), where D and G are the decay and"
            + " gradient terms summed over the epoch's steps. Above the grey line an epoch counts as dominated by decay.",
        List.of("decay-vs-gradient"), "epoch", "decay share of net change", false, false, plots);
  }

  private FigureSpec claim1Steps() {
    List<FigureSpec.Plot> plots = new ArrayList<>();
    int c = 0;
    for (double lambda : doubles(f.model(), "claim1", "lambdas")) {
      plots.add(p("gradient step, λ = " + k(lambda), f.series("claim1/old/" + k(lambda) + "/stepGradient"),
          MEASURED, c));
      plots.add(p("decay step, λ = " + k(lambda), f.series("claim1/old/" + k(lambda) + "/stepDecay"), PREDICTED,
          c));
      c++;
    }
    return new FigureSpec("claim1-step-norms", "Per-step update norms, first layer, old init",
        "Mean over the steps of each epoch of ||(eta/m) sum_x nablaW_x|| (solid) and ||(eta lambda/n) w|| (dashed) for"
            + " the first-layer weights, old init. Per step the gradient term is larger; over an epoch it largely"
            + " cancels while decay accumulates (compare the decay-share figure).",
        List.of("decay-vs-gradient"), "epoch", "mean norm per step", false, true, plots);
  }

  private FigureSpec saturation() {
    List<FigureSpec.Plot> plots = new ArrayList<>();
    int c = 0;
    for (String init : List.of("old", "new")) {
      for (String lambda : List.of("0", k(num("book", "lambda")))) {
        plots.add(p(init + " init, λ = " + lambda, f.series("claim4/" + init + "/" + lambda + "/saturation"),
            lambda.equals("0") ? PREDICTED : MEASURED, init.equals("old") ? 1 : 0));
        c++;
      }
    }
    return new FigureSpec("saturation", "Saturated hidden neurons: old vs new initialization",
        "Percentage of (hidden neuron, image) pairs with |z| > " + k(Analysis.SATURATION_Z) + " over a fixed sample of"
            + " validation images, per epoch (epoch 0 = at initialization). Solid: with L2; dashed: without.",
        List.of("init-and-l2", "book-weight-init"), "epoch", "saturated hidden neurons (%)", false, false, plots);
  }

  private FigureSpec claim2Pure() {
    return new FigureSpec("claim2-approximation-error", "How good is exp(−ηλ/m) as the per-epoch factor?",
        "With gradients switched off, one epoch multiplies the weights by exactly (1 - eta lambda/n)^(n/m). Lines: the"
            + " relative error of exp(-eta lambda/m) as that factor (blue) and as the decay rate (orange), against"
            + " eta lambda/n, for n = " + k(num("claim2", "n")) + " and m = " + k(num("claim2", "m"))
            + ". Points: the same, from the decay-only training runs.",
        List.of("pure-decay"), "ηλ/n", "relative error", true, true, List.of(
            p("factor error (formula)", f.series("claim2/curve/factorError"), PREDICTED, 0),
            p("rate error (formula)", f.series("claim2/curve/rateError"), PREDICTED, 1),
            p("factor error (runs)", f.series("claim2/pure/factorError"), POINTS, 0),
            p("rate error (runs)", f.series("claim2/pure/rateError"), POINTS, 1)));
  }

  private FigureSpec claim2Training() {
    List<FigureSpec.Plot> plots = new ArrayList<>();
    int c = 0;
    List<Double> lambdas = doubles(f.model(), "claim1", "lambdas");
    for (double lambda : lambdas.subList(Math.max(0, lambdas.size() - 2), lambdas.size())) {
      plots.add(p("old init, λ = " + k(lambda), f.series("claim2/training/old/" + k(lambda)), MEASURED, c));
      plots.add(p("new init, λ = " + k(lambda), f.series("claim2/training/new/" + k(lambda)), MEASURED, c + 2));
      plots.add(p("exp(−ηλ/m), λ = " + k(lambda), f.series("claim2/training/old/" + k(lambda)
          + "/predicted"), PREDICTED, c));
      c++;
    }
    return new FigureSpec("claim2-training-factor", "Per-epoch factor ‖w_e‖ / ‖w_{e−1}‖, first layer, in training",
        "The measured per-epoch shrink factor of the first-layer weight norm in real training, against the prediction"
            + " exp(-eta lambda/m) (dashed). Values near 1 mean the weights stopped shrinking.",
        List.of("decay-vs-gradient"), "epoch", "‖w_e‖ / ‖w_{e−1}‖", false, false, plots);
  }

  private FigureSpec claim3Rms(double lambda) {
    List<FigureSpec.Plot> plots = new ArrayList<>();
    int c = 0;
    for (Map.Entry<String, Series> e : f.allSeries().entrySet()) {
      String prefix = "claim3/rms/" + k(lambda) + "/";
      if (e.getKey().startsWith(prefix)) {
        String h = e.getKey().substring(prefix.length());
        plots.add(p("H = " + h, e.getValue(), MEASURED, c++));
      }
    }
    Series s0 = plots.get(0).series();
    double eta = 0.1;
    double[] pred = new double[s0.x().length];
    for (int i = 0; i < pred.length; i++) {
      pred[i] = s0.mean()[0] * Math.exp(-eta * lambda / 10 * s0.x()[i]);
    }
    plots.add(p("exp(−ηλ/m) per epoch", Series.exact("prediction", s0.x(), pred), PREDICTED, 6));
    return new FigureSpec("claim3-rms-lambda-" + k(lambda), "Weight RMS over epochs, old init, λ = " + k(lambda),
        "Root mean square of all weights for hidden widths H (n_w = 794 H), old init, lambda = " + k(lambda)
            + ", eta = 0.1, m = 10. The dashed line is pure decay from the H = " + plots.get(0).label().substring(4)
            + " start.", List.of("width-sweep"), "epoch", "weight RMS", false, true, plots);
  }

  private FigureSpec claim3Scale() {
    List<FigureSpec.Plot> plots = new ArrayList<>();
    int c = 0;
    Series anchor = null;
    for (double lambda : doubles(f.model(), "claim3", "lambdas")) {
      Series s = f.series("claim3/scale/" + k(lambda));
      anchor = anchor == null ? s : anchor;
      plots.add(new FigureSpec.Plot("tail-off scale, λ = " + k(lambda), s, POINTS, c, censored(lambda, s)));
      plots.add(p(f.series("claim3/fit/" + k(lambda)).name() + ", λ = " + k(lambda),
          f.series("claim3/fit/" + k(lambda)), PREDICTED, c));
      c++;
    }
    double[] x = anchor.x();
    double[] inv = new double[x.length];
    double[] invSqrt = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      inv[i] = anchor.mean()[0] * x[0] / x[i];
      invSqrt[i] = anchor.mean()[0] * Math.sqrt(x[0] / x[i]);
    }
    plots.add(p("slope −1 (1/n_w)", Series.exact("1/n_w", x, inv), REFERENCE, 6));
    plots.add(p("slope −1/2 (1/√n_w)", Series.exact("1/sqrt(n_w)", x, invSqrt), PREDICTED, 6));
    return new FigureSpec("claim3-scale-vs-nw", "Where the decay tails off, against the number of weights n_w",
        "Weight RMS at which the per-epoch decay rate first falls below " + k(100 * Analysis.TAIL_OFF_FRACTION)
            + "% of eta lambda/m, against n_w, log-log, with least-squares fits and reference slopes anchored at the"
            + " smallest network. Error bars: seed range.", List.of("width-sweep"), "number of weights n_w",
        "weight RMS at tail-off", true, true, plots, "open: never tails off within " + k(num("claim3", "epochs"))
            + " epochs (last-epoch RMS: an upper bound)");
  }

  /**
   * Per point of a claim-3 tail-off series (one point per width), true if a run at that width never tails off
   * within the epochs: its value is the last epoch's RMS, an upper bound on the tail-off scale.
   */
  @SuppressWarnings("unchecked")
  private boolean[] censored(double lambda, Series s) {
    boolean[] out = new boolean[s.x().length];
    for (Object o : (List<Object>) ((Map<String, Object>) f.model().get("claim3")).get("points")) {
      Map<String, Object> point = (Map<String, Object>) o;
      if (((Number) point.get("lambda")).doubleValue() != lambda
          || ((Number) point.get("censored")).intValue() == 0) {
        continue;
      }
      for (int i = 0; i < out.length; i++) {
        out[i] |= s.x()[i] == ((Number) point.get("nw")).doubleValue();
      }
    }
    return out;
  }

  private FigureSpec claim4Accuracy() {
    List<FigureSpec.Plot> plots = new ArrayList<>();
    for (String init : List.of("old", "new")) {
      for (String lambda : List.of("0", k(num("book", "lambda")))) {
        plots.add(p(init + " init, λ = " + lambda, f.series("claim4/" + init + "/" + lambda + "/accuracy"),
            lambda.equals("0") ? PREDICTED : MEASURED, init.equals("old") ? 1 : 0));
      }
    }
    return new FigureSpec("claim4-accuracy", "Validation accuracy: initialization × L2",
        "Validation accuracy per epoch for the four combinations of old/new initialization and L2 on/off, [784, 30, 10]."
            + " Solid: with L2; dashed: without.", List.of("init-and-l2"), "epoch", "validation accuracy (%)", false,
        false, plots);
  }

  private FigureSpec claim4Std() {
    List<FigureSpec.Plot> plots = new ArrayList<>();
    for (String init : List.of("old", "new")) {
      for (String lambda : List.of("0", k(num("book", "lambda")))) {
        plots.add(p(init + " init, λ = " + lambda, f.series("claim4/" + init + "/" + lambda + "/std"),
            lambda.equals("0") ? PREDICTED : MEASURED, init.equals("old") ? 1 : 0));
      }
    }
    Series target = f.series("claim4/target");
    plots.add(p("1/√n_{in} = 1/√" + Math.round(1 / (target.mean()[0] * target.mean()[0])), target, REFERENCE, 6));
    return new FigureSpec("claim4-weight-std", "First-layer weight standard deviation against 1/√n_{in}",
        "Standard deviation of the first-layer weights per epoch (epoch 0 = initialization) for the four combinations;"
            + " the grey line is the new initialization's 1/sqrt(n_in). Solid: with L2; dashed: without.",
        List.of("init-and-l2"), "epoch", "weight std, first layer", false, true, plots);
  }

  private FigureSpec claim4Histograms() {
    List<FigureSpec.Plot> plots = new ArrayList<>();
    String l = k(num("book", "lambda"));
    int c = 0;
    for (Map.Entry<String, Series> e : f.allSeries().entrySet()) {
      String prefix = "claim4/old/" + l + "/hist/";
      if (e.getKey().startsWith(prefix)) {
        plots.add(p("old init + L2, epoch " + e.getKey().substring(prefix.length()), e.getValue(), MEASURED, c++));
      }
    }
    String newInit = "claim4/new/" + l + "/hist/0";
    if (f.hasSeries(newInit)) {
      plots.add(p("new init, epoch 0", f.series(newInit), PREDICTED, 6));
    }
    return new FigureSpec("claim4-histograms", "Distribution of first-layer weights, old init with L2",
        "Density of log10|w| for the first-layer weights of one old-init run with lambda = " + l + " at several epochs,"
            + " and of the new initialization (dashed). Decay shifts the whole distribution left without changing its"
            + " shape.", List.of("init-and-l2"), "log_{10} |w|", "density", false, false, plots);
  }
}
