package wdpaper.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import wdpaper.project.Json;
import wdpaper.project.UserError;

class SiteInfoTest {
  static final String FILE = "content/site.json";

  private static Map<String, Object> json(String text) {
    try {
      return Json.MAPPER.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void theProjectsSiteJsonIsValid() throws IOException {
    Path file = Path.of(System.getProperty("project.root", ".")).resolve(FILE);
    Map<String, Object> m = SiteInfo.model(FILE, json(Files.readString(file)));
    assertThat(SiteInfo.authorNames(m)).isNotEmpty();
    assertThat(m.get("language")).isEqualTo("en");
    assertThat(SiteInfo.keywords(m)).contains("weight decay");
  }

  @Test
  void aGroupAuthorIsBracedInBibtexSoThatItIsNotReadAsFamilyName() {
    Map<String, Object> m = SiteInfo.model(FILE, json("""
        {"title": "T", "authors": [{"name": "weight-decay-paper contributors"}]}"""));
    assertThat(m.get("authorNames")).isEqualTo("weight-decay-paper contributors");
    assertThat(m.get("bibtexAuthors")).isEqualTo("{weight-decay-paper contributors}");
    assertThat(m.get("language")).isEqualTo("en");
    assertThat(SiteInfo.keywords(m)).isEmpty();
  }

  @Test
  void personsAreFamilyCommaGivenJoinedByAnd() {
    Map<String, Object> m = SiteInfo.model(FILE, json("""
        {"title": "T", "authors": [{"given": "Ada", "family": "Lovelace"}, {"given": "Charles", "family": "Babbage"},
          {"name": "R&D Lab"}], "keywords": ["a", "b c"], "language": "en-GB", "year": 2026}"""));
    assertThat(m.get("authorNames")).isEqualTo("Ada Lovelace, Charles Babbage and R&D Lab");
    assertThat(m.get("bibtexAuthors")).isEqualTo("Lovelace, Ada and Babbage, Charles and {R\\&D Lab}");
    assertThat(SiteInfo.authorNames(m)).containsExactly("Ada Lovelace", "Charles Babbage", "R&D Lab");
    assertThat(SiteInfo.keywords(m)).containsExactly("a", "b c");
    assertThat(m.get("year")).isEqualTo("2026");
  }

  @Test
  void badValuesAreClearErrors() {
    expect("{\"title\": \"T\", \"authors\": \"weight-decay-paper contributors\"}",
        FILE + ": authors must be a list of objects such as [{\"name\": \"weight-decay-paper contributors\"}] or"
            + " [{\"given\": \"Ada\", \"family\": \"Lovelace\"}], was \"weight-decay-paper contributors\"");
    expect("{\"title\": \"T\", \"authors\": []}", FILE + ": authors must be a list of objects such as [{\"name\":"
        + " \"weight-decay-paper contributors\"}] or [{\"given\": \"Ada\", \"family\": \"Lovelace\"}], was []");
    expect("{\"title\": \"T\", \"authors\": [{\"nom\": \"x\"}]}", FILE + ": authors[0]: unknown key 'nom', expected"
        + " \"name\" (a group or organisation) or \"given\" and \"family\" (a person)");
    expect("{\"title\": \"T\", \"authors\": [{\"name\": \"x\", \"family\": \"y\"}]}", FILE + ": authors[0]: give"
        + " either \"name\" (a group or organisation) or \"given\" and \"family\" (a person), not both");
    expect("{\"title\": \"T\", \"authors\": [{\"given\": \"x\"}]}",
        FILE + ": authors[0]: family must be a non-empty string, was missing");
    expect("{\"authors\": [{\"name\": \"x\"}]}", FILE + ": title must be a non-empty string, was missing");
    expect("{\"title\": \"T\", \"authors\": [{\"name\": \"x\"}], \"keywords\": \"a, b\"}",
        FILE + ": keywords must be a list of words or phrases such as [\"weight decay\", \"MNIST\"], was \"a, b\"");
    expect("{\"title\": \"T\", \"authors\": [{\"name\": \"x\"}], \"language\": \"English\"}",
        FILE + ": language must be a language tag such as \"en\" or \"en-GB\", was \"English\"");
    expect("{\"title\": \"T\", \"authors\": [{\"name\": \"x\"}], \"year\": \"26\"}",
        FILE + ": year must be a four-digit year such as \"2026\", was \"26\"");
  }

  private static void expect(String json, String message) {
    assertThatThrownBy(() -> SiteInfo.model(FILE, json(json))).isInstanceOf(UserError.class).hasMessage(message);
  }

  @Test
  void names() {
    assertThat(SiteInfo.names(List.of("A"))).isEqualTo("A");
    assertThat(SiteInfo.names(List.of("A", "B"))).isEqualTo("A and B");
    assertThat(SiteInfo.names(List.of("A", "B", "C"))).isEqualTo("A, B and C");
  }
}
