package wdpaper.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import wdpaper.experiments.Results;

/** What a page may ask of a figure of one experiment's runs. */
class ExperimentFiguresTest {
  private final Results none = new Results(List.of(), Map.of(), Map.of());

  @Test
  void everyMetricHasTheNameAPageWrites() {
    for (ExperimentFigures.Metric m : ExperimentFigures.Metric.values()) {
      assertThat(ExperimentFigures.Metric.of(m.key())).isEqualTo(m);
    }
  }

  @Test
  void anUnknownMetricNamesTheKnownOnes() {
    assertThatThrownBy(() -> ExperimentFigures.Metric.of("accuracy")).hasMessage("unknown metric 'accuracy',"
        + " expected one of validationAccuracy, validationCost, trainingCost, saturatedPercent, meanSigmaPrime,"
        + " weightStd, weightRms, weightNorm");
  }

  @Test
  void anUnknownExperimentIsNamed() {
    assertThatThrownBy(() -> ExperimentFigures.figure(none, "f", "nope", "weightStd", 1, ""))
        .hasMessage("experiment 'nope' does not exist (known: )");
  }
}
