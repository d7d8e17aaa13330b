package wdpaper.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import wdpaper.data.Mnist;
import wdpaper.project.Json;

/** The canonical JSON of a spec is its cache key: a setting added later must leave older keys as they were. */
class RunSpecTest {
  private static final Map<String, String> CHECKSUMS = Map.of("f", "abc");

  @Test
  void allTestImagesIsLeftOutOfTheCanonicalJsonSoTheKeysOfMainStay() {
    RunSpec spec = RunSpec.builder().init("old").lambda(25_000).epochs(2).seed(3).gradients(false).build();
    assertThat(spec.testSetSize()).isEqualTo(Mnist.TEST);
    assertThat(Json.compact(RunSpec.DEFAULTS)).isEqualTo("{\"sizes\":[784,30,10],\"init\":\"new\",\"eta\":0.1,"
        + "\"lambda\":5.0,\"miniBatchSize\":10,\"epochs\":30,\"trainingSetSize\":50000,\"validationSetSize\":10000,"
        + "\"seed\":1,\"gradients\":true,\"instrument\":false,\"snapshotsPerEpoch\":0,\"histogramEpochs\":[],"
        + "\"saturationSample\":1000,\"monitorSample\":5000,\"input\":\"mnist\",\"saturationThresholds\":[2.0,3.0,"
        + "4.0,5.0,6.0],\"settle\":null}");
    // the canonical JSON above and these keys are main's (e4cd0db), computed before RunSpec had testSetSize
    assertThat(spec.key(CHECKSUMS)).isEqualTo("5948d98deb974d5e");
    assertThat(RunSpec.DEFAULTS.key(CHECKSUMS)).isEqualTo("f7192167be090a1b");
  }

  @Test
  void fewerTestImagesAreWrittenAndAreAnotherRun() throws Exception {
    RunSpec fewer = RunSpec.DEFAULTS.toBuilder().testSetSize(1_000).build();
    assertThat(Json.compact(fewer)).contains("\"validationSetSize\":10000,\"testSetSize\":1000,\"seed\":1");
    assertThat(fewer.key(CHECKSUMS)).isNotEqualTo(RunSpec.DEFAULTS.key(CHECKSUMS));
    assertThat(Json.MAPPER.readValue(Json.write(fewer), RunSpec.class)).isEqualTo(fewer);
  }

  @Test
  void aSpecWrittenWithoutTestSetSizeReadsBackAsAllTestImages() throws Exception {
    String json = Json.write(RunSpec.DEFAULTS);
    assertThat(json).doesNotContain("testSetSize");
    RunSpec back = Json.MAPPER.readValue(json, RunSpec.class);
    assertThat(back.testSetSize()).isEqualTo(Mnist.TEST);
    assertThat(back).isEqualTo(RunSpec.DEFAULTS);
  }

  @Test
  void anExplicitNullTestSetSizeIsRefusedLikeEveryOtherCount() {
    String json = Json.write(RunSpec.DEFAULTS).replace("\"validationSetSize\" : 10000,",
        "\"validationSetSize\" : 10000,\n  \"testSetSize\" : null,");
    assertThat(json).contains("\"testSetSize\" : null");
    assertThatThrownBy(() -> Json.MAPPER.readValue(json, RunSpec.class)).isInstanceOf(JsonMappingException.class)
        .hasMessageStartingWith("Cannot coerce `null` to `java.lang.Integer` value").hasMessageContaining(
            "wdpaper.nn.RunSpec[\"testSetSize\"]");
  }
}
