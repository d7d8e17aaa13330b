package wdpaper.editions;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import wdpaper.project.SourceInfo;

/**
 * One published build of the paper: its version (the git tag of the build's commit if it has one, else the short
 * commit, else {@code local} outside git), the commit, the source date (see {@link SourceInfo}), and where the
 * source lives. Every page and the PDF print "edition &lt;version&gt;, built from &lt;repository&gt;@&lt;commit&gt;
 * on &lt;date&gt;"; the deployed site keeps each edition under {@code v/<version>/} ({@link Assembler}), so a
 * permalink built by {@link #url} keeps resolving to the same figure after later rebuilds.
 *
 * @param version the tag, the short commit or {@code local}
 * @param commit the full commit id, or empty outside git
 * @param tag the tag, or empty
 * @param date the source date
 * @param repository how the source is named in print: {@code owner/name} from the repository URL, else site.json's
 *     {@code repository}
 * @param repositoryUrl the repository's web address (site.json {@code repositoryUrl}, or {@code repository} when it
 *     is an https address), or empty
 * @param baseUrl the published site's address with a trailing slash (site.json {@code baseUrl}), or empty
 */
public record Edition(String version, String commit, String tag, Instant date, String repository,
    String repositoryUrl, String baseUrl) {
  /** The version of a build made outside a git work tree. */
  public static final String LOCAL = "local";

  /** The edition of a build of {@code source} with {@code site} (content/site.json as read). */
  public static Edition of(SourceInfo source, Map<String, Object> site) {
    String url = text(site.get("repositoryUrl"));
    String repo = text(site.get("repository"));
    if (url.isEmpty() && repo.startsWith("https://")) {
      url = repo;
    }
    url = stripSlash(url);
    if (url.startsWith("https://")) {
      String[] parts = url.substring("https://".length()).split("/");
      if (parts.length >= 3) {
        repo = parts[parts.length - 2] + "/" + parts[parts.length - 1];
      }
    }
    if (repo.isEmpty()) {
      repo = "weight-decay-paper";
    }
    String base = text(site.get("baseUrl"));
    if (!base.isEmpty() && !base.endsWith("/")) {
      base = base + "/";
    }
    String version = source.tag().orElse(source.shortCommit().orElse(LOCAL)).replaceAll("[^A-Za-z0-9._-]", "-");
    if (version.equals("latest") || version.startsWith(".")) {
      version = "tag-" + version; // v/latest/ is the newest edition's alias; dot-names are hidden on Pages
    }
    return new Edition(version, source.commit().orElse(""), source.tag().orElse(""), source.date(), repo, url, base);
  }

  /** The source date as {@code yyyy-MM-dd} (UTC). */
  public String day() {
    return DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC).format(date);
  }

  /** The commit as printed: its first 12 characters, or {@code local}. */
  public String shortCommit() {
    return commit.isEmpty() ? LOCAL : commit.substring(0, Math.min(12, commit.length()));
  }

  /** The versioned permalink of {@code file} (a site path such as {@code claim-3.html}) and optional anchor. */
  public String url(String file, String anchor) {
    return baseUrl + "v/" + version + "/" + file + (anchor == null || anchor.isEmpty() ? "" : "#" + anchor);
  }

  /** The web address of {@code path} (e.g. {@code content/experiments/x.json}) at this commit, or empty. */
  public String blob(String path) {
    if (repositoryUrl.isEmpty() || commit.isEmpty()) {
      return "";
    }
    return repositoryUrl + "/blob/" + commit + "/" + path;
  }

  /** What the templates see as {@code edition} (and output/model.json records). */
  public Map<String, Object> model() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", version);
    m.put("commit", commit);
    m.put("shortCommit", shortCommit());
    m.put("tag", tag);
    m.put("tagged", !tag.isEmpty());
    m.put("date", day());
    m.put("instant", date.toString());
    m.put("repository", repository);
    m.put("repositoryUrl", repositoryUrl);
    m.put("sourceUrl", repositoryUrl.isEmpty() || commit.isEmpty() ? "" : repositoryUrl + "/tree/" + commit);
    m.put("permalink", url("index.html", ""));
    m.put("base", url("", ""));
    m.put("absolute", !baseUrl.isEmpty());
    m.put("line", "edition " + version + ", built from " + repository + "@" + shortCommit() + " on " + day());
    return m;
  }

  /** Reads the {@code edition} entry of a result model (output/model.json), as written by {@link #model()}. */
  public static Edition fromModel(Map<String, Object> model) {
    Object e = model.get("edition");
    if (!(e instanceof Map<?, ?> m)) {
      throw new IllegalArgumentException("it has no 'edition' entry (built before editions existed?)");
    }
    String url = text(m.get("repositoryUrl"));
    String permalink = text(m.get("permalink"));
    String version = text(m.get("version"));
    String suffix = "v/" + version + "/index.html";
    String base = permalink.endsWith(suffix) ? permalink.substring(0, permalink.length() - suffix.length()) : "";
    return new Edition(version, text(m.get("commit")), text(m.get("tag")), Instant.parse(text(m.get("instant"))),
        text(m.get("repository")), url, base);
  }

  private static String text(Object o) {
    return o == null ? "" : o.toString().strip();
  }

  private static String stripSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
