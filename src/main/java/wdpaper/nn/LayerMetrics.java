package wdpaper.nn;

/**
 * Measurements of one layer's weights at the end of an epoch, and of how they changed during it.
 * Write a_decay = 1 - eta*lambda/n and, for step t of the epoch, w_{t+1} = a_decay w_t - g_t with
 * g_t = (eta/m) sum_x nablaW_x. Over the epoch the change w_end - w_start splits exactly into
 * D = sum_t (a_decay - 1) w_t (the decay term) and G = -sum_t g_t (the gradient term).
 *
 * @param rms root mean square of the weights
 * @param mean mean weight
 * @param std standard deviation of the weights
 * @param norm Euclidean norm ||w||
 * @param netDecay ||D||, the net displacement due to weight decay over the epoch
 * @param netGradient ||G||, the net displacement due to the gradient term over the epoch
 * @param netChange ||w_end - w_start||
 * @param normSqDecay sum_t (a_decay^2 - 1) ||w_t||^2: the change of ||w||^2 that decay alone makes
 * @param normSqGradient the rest of the change of ||w||^2 over the epoch (gradient and cross terms)
 * @param meanStepDecay mean over steps of ||(1 - a_decay) w_t||, the per-step decay term
 * @param meanStepGradient mean over steps of ||g_t||, the per-step gradient term
 */
public record LayerMetrics(double rms, double mean, double std, double norm, double netDecay, double netGradient,
    double netChange, double normSqDecay, double normSqGradient, double meanStepDecay, double meanStepGradient) {}
