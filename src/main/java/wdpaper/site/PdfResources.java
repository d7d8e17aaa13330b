package wdpaper.site;

import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.extend.FSStreamFactory;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Everything the PDF renderer may load: files inside one folder (the build's staging folder) and {@code data:}
 * URIs, nothing else. No network request is ever made (http, https, ftp, jar, ... are refused before they are
 * resolved, and their stream factories never open a connection); a {@code file:} URI outside the folder, or a
 * link inside it that leads out of it, is refused. A refused resource is skipped (the PDF is built without it) and
 * reported as a warning naming the section that uses it and the URI. Stylesheets are served with their custom
 * properties resolved ({@link PdfStyles}).
 */
final class PdfResources {
  /** Schemes that would reach the network or the class path: never opened. */
  static final List<String> BLOCKED_SCHEMES = List.of("http", "https", "ftp", "jar", "classpath", "mailto");

  private final Path root;
  private final Path realRoot;
  private final Function<String, String> whereUsed;
  /** Files still being written when the rendering starts, by path relative to the folder ("figures/a.svg"). */
  private final Map<String, ? extends Future<?>> pending;
  /** The first error of a pending file's writing, rethrown by {@link #rethrowFailure()}. */
  private volatile Throwable failure;
  private final Set<String> warnings = new LinkedHashSet<>();
  /** Stylesheets served so far, by URI, resolved for the PDF (each is read, resolved and checked once). */
  private final Map<String, String> stylesheets = new LinkedHashMap<>();

  /**
   * @param root the only folder files may come from
   * @param whereUsed for a URI as written in the document, where it is used ("section 3, Claim 1: ...") or null
   */
  PdfResources(Path root, Function<String, String> whereUsed) {
    this(root, whereUsed, Map.of());
  }

  /**
   * As {@link #PdfResources(Path, Function)}, where some files of the folder may still be being written: reading
   * one of {@code pending} (by path relative to {@code root}, "/"-separated) waits until its future is done; if
   * its writing failed, the read fails with that same error (see {@link #rethrowFailure()}).
   */
  PdfResources(Path root, Function<String, String> whereUsed, Map<String, ? extends Future<?>> pending) {
    this.pending = pending;
    this.root = root.toAbsolutePath().normalize();
    try {
      this.realRoot = this.root.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the folder " + root, e);
    }
    this.whereUsed = whereUsed;
  }

  /** Access check on the URI as written: relative, {@code file:} and {@code data:} may proceed. */
  boolean allowWritten(String uri, ExternalResourceType type) {
    String scheme = scheme(uri);
    if (scheme == null || scheme.equals("file") || scheme.equals("data")) {
      return true;
    }
    refuse(uri, uri, "the PDF makes no network requests");
    return false;
  }

  /** Access check on the resolved URI: a file inside the folder, or a {@code data:} URI. */
  boolean allowResolved(String resolved, ExternalResourceType type) {
    String scheme = scheme(resolved);
    if ("data".equals(scheme)) {
      return true;
    }
    if (!"file".equals(scheme)) {
      refuse(resolved, resolved, "the PDF makes no network requests");
      return false;
    }
    if (inside(resolved) == null) {
      refuse(resolved, resolved, "the PDF embeds only files inside the output folder");
      return false;
    }
    return true;
  }

  /** Serves {@code file:} URIs inside the folder (stylesheets resolved for the PDF); refuses all others. */
  FSStreamFactory files() {
    return url -> {
      Path p = written(inside(url), url);
      if (p == null || !Files.isRegularFile(p)) {
        if (p == null) {
          refuse(url, url, "the PDF embeds only files inside the output folder");
        } else {
          warnings.add("paper.pdf: " + use(url) + "missing file " + root.relativize(p));
        }
        return new Empty();
      }
      return new FSStream() {
        @Override
        public InputStream getStream() {
          try {
            if (p.toString().endsWith(".css")) {
              return new ByteArrayInputStream(stylesheet(url, p).getBytes(StandardCharsets.UTF_8));
            }
            return Files.newInputStream(p);
          } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
          }
        }

        @Override
        public Reader getReader() {
          if (p.toString().endsWith(".css")) {
            return new StringReader(stylesheet(url, p));
          }
          return new InputStreamReader(getStream(), StandardCharsets.UTF_8);
        }
      };
    };
  }

  /** The bytes of {@code relative} (a path inside the folder, after following links), or empty. */
  java.util.Optional<byte[]> read(String relative) {
    String uri = root.resolve(relative).normalize().toUri().toString();
    Path p = written(inside(uri), uri);
    if (p == null || !Files.isRegularFile(p)) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(Files.readAllBytes(p));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + p, e);
    }
  }

  /**
   * {@code p} (a file inside the folder, or null) once it is written: if it is pending, waits for its writing to
   * end, then checks again that it lies inside the folder (it may be a link only now); a failed writing is thrown
   * as it was (an interruption as an {@link IllegalStateException}), and kept for {@link #rethrowFailure()}.
   */
  private Path written(Path p, String uri) {
    if (p == null) {
      return null;
    }
    Future<?> writing = pending.get(root.relativize(p).toString().replace('\\', '/'));
    if (writing == null) {
      return p;
    }
    try {
      writing.get();
    } catch (ExecutionException e) {
      throw fail(e.getCause());
    } catch (CancellationException e) {
      throw fail(new IllegalStateException("paper.pdf: the writing of " + root.relativize(p) + " was cancelled"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw fail(new IllegalStateException("paper.pdf: interrupted while waiting for " + root.relativize(p)));
    }
    return inside(uri);
  }

  /** Keeps the first failure; returns a runtime exception to throw (an error is thrown at once). */
  private RuntimeException fail(Throwable cause) {
    Throwable thrown = cause instanceof RuntimeException || cause instanceof Error ? cause
        : new IllegalStateException(cause);
    synchronized (this) {
      if (failure == null) {
        failure = thrown;
      }
    }
    if (thrown instanceof Error err) {
      throw err;
    }
    return (RuntimeException) thrown;
  }

  /**
   * Throws the first error of a pending file's writing, if a read met one: the renderer may catch what a resource
   * loader throws and go on without the file, but the PDF must not be made without it.
   */
  void rethrowFailure() {
    Throwable f = failure;
    if (f instanceof RuntimeException re) {
      throw re;
    }
    if (f instanceof Error err) {
      throw err;
    }
  }

  /** A factory for a scheme that must never be opened: records the attempt, returns nothing. */
  FSStreamFactory blocked() {
    return url -> {
      refuse(url, url, "the PDF makes no network requests");
      return new Empty();
    };
  }

  /** The source file a served URI stands for, for messages: {@code assets/x.css} is {@code templates/assets/x.css}. */
  String display(String uri) {
    Path p = inside(uri);
    if (p == null) {
      return uri;
    }
    String rel = root.relativize(p).toString().replace('\\', '/');
    return rel.startsWith("assets/") ? "templates/" + rel : rel;
  }

  Set<String> warnings() {
    return warnings;
  }

  private String stylesheet(String url, Path p) {
    return stylesheets.computeIfAbsent(url, u -> {
      try {
        String css = PdfStyles.resolve(display(u), Files.readString(p));
        for (String problem : PdfStyles.check(display(u), css)) {
          warnings.add(problem);
        }
        return css;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + p, e);
      }
    });
  }

  private void refuse(String written, String resolved, String why) {
    warnings.add("paper.pdf: " + use(written) + "skipped " + resolved + " (" + why + ")");
  }

  private String use(String uri) {
    String where = whereUsed.apply(uri);
    return where == null ? "" : where + ": ";
  }

  /** The file a {@code file:} URI names if it lies inside the folder (also after following links), else null. */
  private Path inside(String uri) {
    if (!"file".equals(scheme(uri))) {
      return null;
    }
    try {
      Path p = Path.of(new URI(uri)).toAbsolutePath().normalize();
      if (!p.startsWith(root)) {
        return null;
      }
      if (Files.exists(p) && !p.toRealPath().startsWith(realRoot)) {
        return null;
      }
      return p;
    } catch (Exception e) {
      return null;
    }
  }

  private static String scheme(String uri) {
    int colon = uri.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    String s = uri.substring(0, colon);
    if (!s.matches("[A-Za-z][A-Za-z0-9+.-]*")) {
      return null;
    }
    // a one-letter "scheme" is a Windows drive (C:\...), which is a file
    return s.length() == 1 ? "file" : s.toLowerCase(Locale.ROOT);
  }

  private static final class Empty implements FSStream {
    @Override
    public InputStream getStream() {
      return null;
    }

    @Override
    public Reader getReader() {
      return null;
    }
  }
}
