package wdpaper.site;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import wdpaper.project.SourceInfo;
import wdpaper.project.UserError;

/**
 * The one place every citation and permalink URL of the site is built, and the one version string citations print.
 *
 * <p>{@link #url(String, String)} makes an absolute URL from the base URL: {@code content/site.json}'s
 * {@code baseUrl} if set, else the environment variable {@value #BASE_URL_ENV} (the GitHub Pages workflow sets it
 * from the repository). When neither is set (a local build), {@link #url} returns the site-relative address
 * {@code file#anchor} and {@link #absolute()} is false: the citations then carry that relative address, and the
 * pages say so; the published build always has a base URL.
 *
 * <p>{@link #version()} is the git tag of the built commit if it has one, else its short commit id (12 hex
 * digits), else {@value #NO_VERSION} (a source tree without git). {@link #date()} is the source date of
 * {@link SourceInfo} as {@code yyyy-MM-dd} (UTC): never the clock, so a rebuild of the same source is identical.
 */
public final class Permalinks {
  /** The environment variable that gives the base URL when site.json has none. */
  public static final String BASE_URL_ENV = "WDPAPER_BASE_URL";
  /** The version of a build whose source is not a git work tree. */
  public static final String NO_VERSION = "unversioned";

  private final String base;
  private final SourceInfo source;

  /**
   * @param baseUrl the site's address ({@code https://host/path}, with or without the final slash), or empty
   * @param source the source the site is built from
   */
  public Permalinks(String baseUrl, SourceInfo source) {
    String b = baseUrl == null ? "" : baseUrl.strip();
    this.base = b.isEmpty() || b.endsWith("/") ? b : b + "/";
    this.source = source;
  }

  /** The permalinks of the site described by a checked site.json model, with the environment's fallback. */
  public static Permalinks of(Map<String, Object> site, Map<String, String> env, SourceInfo source) {
    Object configured = site.get("baseUrl");
    String base = configured instanceof String s ? s.strip() : "";
    if (base.isEmpty()) {
      String fromEnv = env.get(BASE_URL_ENV);
      base = fromEnv == null ? "" : fromEnv.strip();
      if (!base.isEmpty()) {
        checkBase("environment variable " + BASE_URL_ENV, base);
      }
    }
    return new Permalinks(base, source);
  }

  /**
   * @throws UserError (exit 3) naming {@code where} if {@code url} is not an absolute http(s) URL without query or
   *     fragment
   */
  static void checkBase(String where, String url) {
    if (!url.matches("https?://[^\\s/?#]+(/[^\\s?#]*)?")) {
      throw UserError.config(where + " must be an absolute http(s) address such as"
          + " \"https://owner.github.io/weight-decay-paper/\", was \"" + url + "\"");
    }
  }

  /**
   * The address of {@code anchor} in {@code file} (a site path such as {@code index.html} or
   * {@code figures/x.pdf}; empty for the site's front page): absolute from the base URL, or relative when there is
   * none. {@code anchor} may be null or empty (no fragment).
   */
  public String url(String file, String anchor) {
    String f = file == null ? "" : file;
    if (f.startsWith("/")) {
      throw new IllegalArgumentException("site path must be relative, was " + f);
    }
    String fragment = anchor == null || anchor.isEmpty() ? "" : "#" + anchor;
    return base + f + fragment;
  }

  /**
   * The permalink of {@code anchor} in {@code file} in this build's edition (see README "Editions"): the published
   * site keeps every edition at {@code v/<version>/}, so a citation made with this address keeps resolving to the
   * same figure after later rebuilds. Without a base URL (a local build, which has no {@code v/} tree) it is
   * {@link #url}'s relative address.
   */
  public String edition(String file, String anchor) {
    if (!absolute()) {
      return url(file, anchor);
    }
    String f = file == null ? "" : file;
    return url("v/" + version() + "/" + f, anchor);
  }

  /** The base URL with its final slash, or empty when none is known. */
  public String base() {
    return base;
  }

  /** True if {@link #url} returns absolute URLs. */
  public boolean absolute() {
    return !base.isEmpty();
  }

  /** The tag of the built commit, else its short id, else {@value #NO_VERSION}. */
  public String version() {
    return source.tag().or(source::shortCommit).orElse(NO_VERSION);
  }

  /** The full commit id, or empty. */
  public String commit() {
    return source.commit().orElse("");
  }

  /** The source date, {@code yyyy-MM-dd} in UTC. */
  public String date() {
    return DateTimeFormatter.ISO_LOCAL_DATE.format(source.date().atOffset(ZoneOffset.UTC));
  }
}
