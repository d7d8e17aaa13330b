package wdpaper.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TexTextTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      \\eta\\lambda \\ll n | ηλ ≪ n
      w \\rightarrow \\left(1-\\frac{\\eta\\lambda}{n}\\right) w - \\frac{\\eta}{m}\\sum_x \\frac{\\partial C_x}{\\partial w} | w → (1 − ηλ/n) w − (η/m) ∑_x ∂C_x/∂w
      b \\rightarrow b - \\frac{\\eta}{m}\\sum_x \\partial C_x / \\partial b | b → b − (η/m) ∑_x ∂C_x/∂b
      \\exp(-\\eta\\lambda/m) | exp(−ηλ/m)
      (1-\\eta\\lambda/n)^{n/m} | (1 − ηλ/n)^(n/m)
      N(0, 1/n_{in}) | `N(0, 1/n_in)`
      [784, H, 10] | `[784, H, 10]`
      1/\\sqrt{n_{in}} | 1/√n_in
      \\lVert w\\rVert^2 | ‖w‖²
      \\lVert D\\rVert / (\\lVert D\\rVert + \\lVert G\\rVert) | ‖D‖/(‖D‖ + ‖G‖)
      \\frac{n}{\\lambda}\\lVert\\nabla C_0\\rVert | (n/λ) ‖∇C_0‖
      \\frac{\\lambda}{n} w \\approx -\\nabla_w C_0 | (λ/n) w ≈ −∇_w C_0
      g_t = \\frac{\\eta}{m}\\sum_x \\nabla_w C_x | g_t = (η/m) ∑_x ∇_w C_x
      w_{t+1} = a\\,w_t - g_t | w_(t+1) = a w_t − g_t
      z = \\sum_j w_j x_j + b | z = ∑_j w_j x_j + b
      \\sigma'(z) = \\sigma(z)(1-\\sigma(z)) | σ′(z) = σ(z)(1 − σ(z))
      \\ln(1-x) = -x - x^2/2 - \\dots | ln(1 − x) = −x − x²/2 − …
      -\\ln(\\lVert w_e\\rVert / \\lVert w_{e-1}\\rVert) | −ln(‖w_e‖/‖w_(e−1)‖)
      \\log_{10}(\\text{scale}) = a + b\\log_{10} n_w | log_10(scale) = a + b log_10 n_w
      H \\in \\{10, 30, 100, 300\\} | `H ∈ {10, 30, 100, 300}`
      `|z| > 4` | `|z| > 4`
      (n/m)\\,x^2 \\ll 1 | (n/m) x² ≪ 1
      (\\eta\\lambda/n)\\,w | (ηλ/n) w
      (a^2-1)\\lVert w_t\\rVert^2 | (a² − 1)‖w_t‖²
      R^2 | R²
      \\frac{a+b}{2} | (a + b)/2
      w_{\\mathrm{end}} - w_{\\mathrm{start}} = \\underbrace{\\sum_t (a-1)\\,w_t}_{D} \\; \\underbrace{- \\sum_t g_t}_{G} | w_end − w_start = ∑_t (a − 1) w_t (= D) − ∑_t g_t (= G)
      \\left(1-\\frac{\\eta\\lambda}{n}\\right)^{n/m} = \\exp\\left(\\frac{n}{m}\\ln\\left(1-\\frac{\\eta\\lambda}{n}\\right)\\right) \\approx \\exp\\left(-\\frac{\\eta\\lambda}{m}\\right) \\quad \\text{if } \\eta\\lambda \\ll n | (1 − ηλ/n)^(n/m) = exp((n/m) ln(1 − ηλ/n)) ≈ exp(−ηλ/m) if ηλ ≪ n
      """)
  void readsLikeTheFormula(String tex, String text) {
    assertThat(TexText.of(tex)).isEqualTo(text);
  }
}
