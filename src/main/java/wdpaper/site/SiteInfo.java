package wdpaper.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import wdpaper.project.UserError;

/**
 * {@code content/site.json}: the paper's title, authors and other facts every page, the PDF and the citations
 * print. Checked here, once, and turned into the template model {@code site}.
 *
 * <p>Schema (keys not listed here are passed to the templates unchanged):
 * <pre>
 * title      string, required         the paper's title
 * subtitle   string                   printed under the title, the PDF's Subject
 * authors    list, at least one       each {"name": "..."} for a group or organisation, printed as is (BibTeX
 *                                     braces it: {{weight-decay-paper contributors}}), or {"given": "...",
 *                                     "family": "..."} for a person (BibTeX "Family, Given")
 * keywords   list of strings          the PDF's Keywords
 * language   BCP 47 tag, e.g. "en"    the pages' lang attribute and the PDF's /Lang
 * year       string or number         the citation year
 * baseUrl    absolute http(s) URL     where the site is published; empty or missing: the build's environment
 *                                     WDPAPER_BASE_URL, else relative addresses (see {@link Permalinks})
 * repository absolute http(s) URL     the source repository (footer links "Source", "Report an error")
 * </pre>
 * Derived for the templates: {@code site.authorNames} ("A, B and C"), {@code site.bibtexAuthors} (the BibTeX
 * author field without its outer braces: {@code {weight-decay-paper contributors}} or
 * {@code Nielsen, Michael A. and {ACME Lab}}), and each author's {@code display} and {@code bibtex}.
 */
public final class SiteInfo {
  private SiteInfo() {}

  /** The checked model of {@code raw}, read from {@code file} (named in errors). */
  public static Map<String, Object> model(String file, Map<String, Object> raw) {
    Map<String, Object> m = new LinkedHashMap<>(raw);
    m.put("title", string(file, raw, "title", true));
    if (raw.containsKey("subtitle")) {
      m.put("subtitle", string(file, raw, "subtitle", false));
    } else {
      m.put("subtitle", "");
    }
    List<Map<String, Object>> authors = authors(file, raw.get("authors"));
    m.put("authors", authors);
    m.put("authorNames", names(authors.stream().map(a -> (String) a.get("display")).toList()));
    m.put("bibtexAuthors", String.join(" and ", authors.stream().map(a -> (String) a.get("bibtex")).toList()));
    m.put("keywords", keywords(file, raw.get("keywords")));
    Object lang = raw.getOrDefault("language", "en");
    if (!(lang instanceof String s) || !s.matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
      throw UserError.config(file + ": language must be a language tag such as \"en\" or \"en-GB\", was "
          + show(lang));
    }
    m.put("language", lang);
    Object year = raw.get("year");
    if (year != null && !(year instanceof String y && y.matches("[0-9]{4}"))
        && !(year instanceof Integer i && i >= 1000 && i <= 9999)) {
      throw UserError.config(file + ": year must be a four-digit year such as \"2026\", was " + show(year));
    }
    if (year != null) {
      m.put("year", year.toString());
    }
    for (String key : List.of("baseUrl", "repository")) {
      Object v = raw.getOrDefault(key, "");
      if (!(v instanceof String url)) {
        throw UserError.config(file + ": " + key + " must be a URL string such as \"https://example.org/\", was "
            + show(v));
      }
      if (!url.isBlank()) {
        Permalinks.checkBase(file + ": " + key, url.strip());
      }
      m.put(key, url.strip().replaceFirst("/$", key.equals("repository") ? "" : "/"));
    }
    return m;
  }

  /** The authors for the PDF's Author entry and similar: display names, in order. */
  @SuppressWarnings("unchecked")
  public static List<String> authorNames(Map<String, Object> model) {
    return ((List<Map<String, Object>>) model.get("authors")).stream().map(a -> (String) a.get("display")).toList();
  }

  /** The keywords of a checked model. */
  @SuppressWarnings("unchecked")
  public static List<String> keywords(Map<String, Object> model) {
    return (List<String>) model.get("keywords");
  }

  private static List<Map<String, Object>> authors(String file, Object value) {
    String expected = "authors must be a list of objects such as [{\"name\": \"weight-decay-paper contributors\"}]"
        + " or [{\"given\": \"Ada\", \"family\": \"Lovelace\"}]";
    if (!(value instanceof List<?> list) || list.isEmpty()) {
      throw UserError.config(file + ": " + expected + ", was " + show(value));
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Object o = list.get(i);
      String where = file + ": authors[" + i + "]";
      if (!(o instanceof Map<?, ?> a)) {
        throw UserError.config(where + " must be an object such as {\"name\": \"...\"}, was " + show(o));
      }
      for (Object k : a.keySet()) {
        if (!List.of("name", "given", "family").contains(k)) {
          throw UserError.config(where + ": unknown key '" + k + "', expected \"name\" (a group or organisation)"
              + " or \"given\" and \"family\" (a person)");
        }
      }
      Map<String, Object> author = new LinkedHashMap<>();
      if (a.containsKey("name")) {
        if (a.containsKey("given") || a.containsKey("family")) {
          throw UserError.config(where + ": give either \"name\" (a group or organisation) or \"given\" and"
              + " \"family\" (a person), not both");
        }
        String name = nonEmpty(where, "name", a.get("name"));
        author.put("name", name);
        author.put("display", name);
        author.put("bibtex", "{" + bibtexEscape(name) + "}");
      } else {
        String given = nonEmpty(where, "given", a.get("given"));
        String family = nonEmpty(where, "family", a.get("family"));
        author.put("given", given);
        author.put("family", family);
        author.put("display", given + " " + family);
        author.put("bibtex", bibtexEscape(family) + ", " + bibtexEscape(given));
      }
      out.add(author);
    }
    return out;
  }

  private static List<String> keywords(String file, Object value) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list) || !list.stream().allMatch(k -> k instanceof String s && !s.isBlank())) {
      throw UserError.config(file + ": keywords must be a list of words or phrases such as [\"weight decay\","
          + " \"MNIST\"], was " + show(value));
    }
    return list.stream().map(k -> ((String) k).strip()).toList();
  }

  private static String string(String file, Map<String, Object> raw, String key, boolean required) {
    Object v = raw.get(key);
    if (v == null && !required) {
      return "";
    }
    if (!(v instanceof String s) || s.isBlank()) {
      throw UserError.config(file + ": " + key + " must be a non-empty string, was " + show(v));
    }
    return s;
  }

  private static String nonEmpty(String where, String key, Object v) {
    if (!(v instanceof String s) || s.isBlank()) {
      throw UserError.config(where + ": " + key + " must be a non-empty string, was " + show(v));
    }
    return s.strip();
  }

  /** "A", "A and B", "A, B and C". */
  static String names(List<String> names) {
    if (names.size() <= 2) {
      return String.join(" and ", names);
    }
    return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
  }

  /** Characters BibTeX (LaTeX) treats specially, escaped; braces are balanced or escaped. */
  static String bibtexEscape(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      switch (c) {
        case '&', '%', '$', '#', '_', '{', '}' -> sb.append('\\').append(c);
        case '\\' -> sb.append("\\textbackslash{}");
        case '~' -> sb.append("\\textasciitilde{}");
        case '^' -> sb.append("\\textasciicircum{}");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  private static String show(Object v) {
    if (v == null) {
      return "missing";
    }
    return wdpaper.project.Json.compact(v);
  }
}
