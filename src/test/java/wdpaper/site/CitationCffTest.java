package wdpaper.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import wdpaper.project.Json;

/**
 * {@code CITATION.cff} (what GitHub's "Cite this repository" and reference managers read) is complete and says what
 * the site says: parsed as YAML and checked field by field against {@code content/site.json}, the pom's version and
 * the licence files.
 */
class CitationCffTest {
  static final Path ROOT = Path.of(System.getProperty("project.root", "."));

  @SuppressWarnings("unchecked")
  static Map<String, Object> cff() throws IOException {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    try (Reader r = Files.newBufferedReader(ROOT.resolve("CITATION.cff"))) {
      return (Map<String, Object>) new Yaml(new SafeConstructor(options)).load(r);
    }
  }

  static Map<String, Object> site() throws IOException {
    Map<String, Object> raw = Json.MAPPER.readValue(Files.readString(ROOT.resolve("content/site.json")),
        new TypeReference<LinkedHashMap<String, Object>>() {});
    return SiteInfo.model("content/site.json", raw);
  }

  /** The site's address: site.json's baseUrl, else the GitHub Pages address of the repository (what the workflow sets). */
  static String siteUrl(Map<String, Object> site) {
    Object base = site.get("baseUrl");
    if (base instanceof String b && !b.isBlank()) {
      return b.endsWith("/") ? b : b + "/";
    }
    return pagesUrl((String) site.get("repository"));
  }

  /** https://github.com/OWNER/REPO -> https://owner.github.io/REPO/ (a user site OWNER.github.io -> its root). */
  static String pagesUrl(String repository) {
    Matcher m = Pattern.compile("https://github\\.com/([A-Za-z0-9-]+)/([A-Za-z0-9._-]+)/?").matcher(repository);
    assertThat(m.matches()).as("site.json repository is a GitHub repository URL: %s", repository).isTrue();
    String owner = m.group(1).toLowerCase(java.util.Locale.ROOT);
    String repo = m.group(2);
    return repo.equalsIgnoreCase(owner + ".github.io") ? "https://" + owner + ".github.io/"
        : "https://" + owner + ".github.io/" + repo + "/";
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> siteAuthorsAsCff(Map<String, Object> site) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> a : (List<Map<String, Object>>) site.get("authors")) {
      Map<String, Object> c = new LinkedHashMap<>();
      if (a.containsKey("name")) {
        c.put("name", a.get("name"));
      } else {
        c.put("family-names", a.get("family"));
        c.put("given-names", a.get("given"));
      }
      out.add(c);
    }
    return out;
  }

  static String pomVersion() throws Exception {
    org.w3c.dom.Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(ROOT.resolve("pom.xml").toFile());
    org.w3c.dom.NodeList children = pom.getDocumentElement().getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i).getNodeName().equals("version")) {
        return children.item(i).getTextContent().strip();
      }
    }
    throw new AssertionError("pom.xml has no project version");
  }

  @Test
  void citationCffIsVersionOneTwoAndDescribesTheRepositoryAsTheSiteDoes() throws Exception {
    Map<String, Object> cff = cff();
    Map<String, Object> site = site();
    assertThat(cff.get("cff-version")).isEqualTo("1.2.0");
    assertThat((String) cff.get("message")).isNotBlank();
    assertThat(cff.get("title")).isEqualTo(site.get("title"));
    assertThat(cff.get("abstract")).isEqualTo(site.get("subtitle"));
    assertThat(cff.get("type")).isEqualTo("software");
    assertThat(cff.get("authors")).isEqualTo(siteAuthorsAsCff(site));
    assertThat(cff.get("version")).isEqualTo(pomVersion());
    assertThat(cff.get("license")).isEqualTo(List.of("MIT", "CC-BY-4.0"));
    assertThat(cff.get("repository-code")).isEqualTo(site.get("repository"));
    assertThat(cff.get("url")).isEqualTo(siteUrl(site));
    assertThat(cff.get("keywords")).isEqualTo(SiteInfo.keywords(site));
  }

  @Test
  @SuppressWarnings("unchecked")
  void thePreferredCitationIsTheReportTheSiteCites() throws Exception {
    Map<String, Object> cff = cff();
    Map<String, Object> site = site();
    Map<String, Object> preferred = (Map<String, Object>) cff.get("preferred-citation");
    assertThat(preferred).as("CITATION.cff preferred-citation").isNotNull();
    assertThat(preferred.get("type")).isEqualTo("report");
    assertThat(preferred.get("title")).isEqualTo(site.get("title") + ": " + site.get("subtitle"));
    assertThat(preferred.get("authors")).isEqualTo(siteAuthorsAsCff(site));
    assertThat(String.valueOf(preferred.get("year"))).isEqualTo(site.get("year"));
    assertThat(preferred.get("url")).isEqualTo(siteUrl(site));
    assertThat(preferred.get("repository-code")).isEqualTo(site.get("repository"));
    assertThat(preferred.get("license")).isEqualTo("CC-BY-4.0");
    assertThat(preferred.get("keywords")).isEqualTo(SiteInfo.keywords(site));
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyReferenceHasATypeTitleAndAuthors() throws Exception {
    for (Map<String, Object> ref : (List<Map<String, Object>>) cff().get("references")) {
      assertThat(ref).containsKeys("type", "title", "authors", "year");
      assertThat((List<?>) ref.get("authors")).isNotEmpty();
    }
  }

  @Test
  void theLicenceFilesAreTheOnesCitationCffNames() throws IOException {
    assertThat(Files.readString(ROOT.resolve("LICENSE"))).startsWith("MIT License\n")
        .contains("Copyright (c) " + site().get("year") + " weight-decay-paper contributors");
    assertThat(Files.readString(ROOT.resolve("LICENSE-text")))
        .contains("Creative Commons Attribution 4.0 International")
        .contains("https://creativecommons.org/licenses/by/4.0/");
  }

  @Test
  void theGitHubPagesAddressIsDerivedFromTheRepository() {
    assertThat(pagesUrl("https://github.com/Ada/weight-decay-paper"))
        .isEqualTo("https://ada.github.io/weight-decay-paper/");
    assertThat(pagesUrl("https://github.com/ada/ada.github.io")).isEqualTo("https://ada.github.io/");
  }
}
