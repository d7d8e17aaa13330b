package wdpaper.project;

/**
 * A problem the user can fix (bad input, bad config, missing data): printed as one line, no stack trace.
 * The message names the file or value and what was expected.
 */
public class UserError extends RuntimeException {
  private final int exitCode;

  public UserError(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public UserError(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public static UserError data(String message) {
    return new UserError(ExitCodes.DATA, message);
  }

  public static UserError data(String message, Throwable cause) {
    return new UserError(ExitCodes.DATA, message, cause);
  }

  public static UserError config(String message) {
    return new UserError(ExitCodes.CONFIG, message);
  }

  public int exitCode() {
    return exitCode;
  }
}
