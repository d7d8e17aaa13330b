package wdpaper.project;

/** The process exit codes, documented in README and in {@code --help}. */
public final class ExitCodes {
  /** Everything was built. */
  public static final int OK = 0;
  /** An unexpected failure (a bug): rerun with --verbose for the stack trace. */
  public static final int FAILURE = 1;
  /** The command line was wrong (unknown option, bad value). */
  public static final int USAGE = 2;
  /** A content, template or experiment-spec file is invalid. */
  public static final int CONFIG = 3;
  /** The MNIST data could not be found, downloaded or verified. */
  public static final int DATA = 4;
  /** A training run diverged (NaN or blow-up) and the paper cannot be built from it. */
  public static final int DIVERGED = 5;
  /** A file or folder could not be read or written (permission denied, disk full, read-only file system). */
  public static final int IO = 6;
  /** The build was interrupted; the previous output is left in place. */
  public static final int INTERRUPTED = 130;

  private ExitCodes() {}
}
