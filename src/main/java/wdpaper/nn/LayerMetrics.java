package wdpaper.nn;

/**
 * Measurements of one layer's weights at the end of an epoch, and of how they changed during it.
 * Write a = 1 - eta*lambda/n and, for step t of the epoch, w_{t+1} = a w_t - g_t with
 * g_t = (eta/m) sum_x nablaW_x. Over the epoch the change w_end - w_start splits exactly into
 * D = sum_t (a - 1) w_t (the decay term) and G = -sum_t g_t (the gradient term), and the change of ||w||^2 into
 * decay + drift + diffusion: ||w_{t+1}||^2 - ||w_t||^2 = (a^2 - 1)||w_t||^2 - 2a w_t.g_t + ||g_t||^2.
 * The split fields are 0 unless the run is instrumented (and in epoch 0).
 *
 * @param rms root mean square of the weights
 * @param mean mean weight
 * @param std standard deviation of the weights
 * @param norm Euclidean (Frobenius) norm ||w||
 * @param netDecay ||D||, the net displacement due to weight decay over the epoch
 * @param netGradient ||G||, the net displacement due to the gradient term over the epoch
 * @param netChange ||w_end - w_start||
 * @param normSqDecay sum_t (a^2 - 1) ||w_t||^2 (&lt;= 0): the change of ||w||^2 that decay makes
 * @param normSqGradient the rest of the change of ||w||^2 over the epoch, (||w_end||^2 - ||w_start||^2) -
 *     normSqDecay (= normSqDrift + normSqDiffusion up to rounding)
 * @param meanStepDecay mean over steps of ||(1 - a) w_t||, the per-step decay term
 * @param meanStepGradient mean over steps of ||g_t||, the per-step gradient term
 * @param normSqDrift sum_t -2a w_t.g_t: the gradient's drift along w (signed; negative = the gradient shrinks w)
 * @param normSqDiffusion sum_t ||g_t||^2 (&gt;= 0): SGD diffusion; normSqDecay + normSqDrift + normSqDiffusion
 *     = ||w_end||^2 - ||w_start||^2
 * @param cosInit cosine between the weights now and the same layer's weights at initialization (1 in epoch 0)
 * @param meanRelativeStep mean over steps of ||g_t|| / ||w_t||: the step's size relative to the weights
 */
public record LayerMetrics(double rms, double mean, double std, double norm, double netDecay, double netGradient,
    double netChange, double normSqDecay, double normSqGradient, double meanStepDecay, double meanStepGradient,
    double normSqDrift, double normSqDiffusion, double cosInit, double meanRelativeStep) {

  /** The older form, without drift, diffusion, cosine and relative step (all 0). */
  public LayerMetrics(double rms, double mean, double std, double norm, double netDecay, double netGradient,
      double netChange, double normSqDecay, double normSqGradient, double meanStepDecay, double meanStepGradient) {
    this(rms, mean, std, norm, netDecay, netGradient, netChange, normSqDecay, normSqGradient, meanStepDecay,
        meanStepGradient, 0, 0, 0, 0);
  }
}
