package wdpaper.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import wdpaper.project.SourceInfo;
import wdpaper.project.UserError;

class PermalinksTest {
  static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
  static final Instant DATE = Instant.parse("2026-11-24T23:30:00Z");

  static SourceInfo source(String tag) {
    return new SourceInfo(Optional.of(COMMIT), Optional.of(COMMIT.substring(0, 12)), Optional.ofNullable(tag), DATE,
        "git");
  }

  @Test
  void urlJoinsTheBaseUrlFileAndAnchor() {
    Permalinks p = new Permalinks("https://example.org/paper", source(null));
    assertThat(p.url("index.html", "fig-x")).isEqualTo("https://example.org/paper/index.html#fig-x");
    assertThat(p.url("figures/x.pdf", null)).isEqualTo("https://example.org/paper/figures/x.pdf");
    assertThat(p.url("", "")).isEqualTo("https://example.org/paper/");
    assertThat(p.absolute()).isTrue();
  }

  @Test
  void withoutABaseUrlTheAddressIsSiteRelative() {
    Permalinks p = Permalinks.of(Map.of(), Map.of(), source(null));
    assertThat(p.url("index.html", "fig-x")).isEqualTo("index.html#fig-x");
    assertThat(p.absolute()).isFalse();
  }

  @Test
  void siteJsonBaseUrlWinsOverTheEnvironment() {
    Map<String, Object> site = new LinkedHashMap<>();
    site.put("baseUrl", "https://a.example/");
    Permalinks p = Permalinks.of(site, Map.of(Permalinks.BASE_URL_ENV, "https://b.example/"), source(null));
    assertThat(p.url("a.html", null)).isEqualTo("https://a.example/a.html");
    assertThat(Permalinks.of(Map.of("baseUrl", ""), Map.of(Permalinks.BASE_URL_ENV, "https://b.example"),
        source(null)).url("a.html", null)).isEqualTo("https://b.example/a.html");
  }

  @Test
  void aMalformedBaseUrlFromTheEnvironmentIsAnError() {
    assertThatThrownBy(() -> Permalinks.of(Map.of(), Map.of(Permalinks.BASE_URL_ENV, "example.org"), source(null)))
        .isInstanceOf(UserError.class)
        .hasMessage("environment variable WDPAPER_BASE_URL must be an absolute http(s) address such as"
            + " \"https://owner.github.io/weight-decay-paper/\", was \"example.org\"");
  }

  @Test
  void versionIsTheTagElseTheShortCommitElseUnversioned() {
    assertThat(new Permalinks("", source("v1.0")).version()).isEqualTo("v1.0");
    assertThat(new Permalinks("", source(null)).version()).isEqualTo("0123456789ab");
    assertThat(new Permalinks("", new SourceInfo(Optional.empty(), Optional.empty(), Optional.empty(), DATE,
        "fallback")).version()).isEqualTo("unversioned");
  }

  @Test
  void dateIsTheSourceDateInUtc() {
    assertThat(new Permalinks("", source(null)).date()).isEqualTo("2026-11-24");
  }
}
