package wdpaper.cli;

import picocli.CommandLine;

/** Entry point: {@code java -jar weight-decay-paper-all.jar <command>}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    java.util.OptionalInt child = Launcher.run(args);
    if (child.isPresent()) {
      System.exit(child.getAsInt());
    }
    System.setProperty("java.awt.headless", "true");
    JitDirectives.enable();
    System.exit(PaperCommand.commandLine(new java.io.PrintWriter(System.out, true),
        new java.io.PrintWriter(System.err, true)).execute(args));
  }
}
