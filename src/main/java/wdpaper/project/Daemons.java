package wdpaper.project;

import java.util.concurrent.ThreadFactory;

/** Threads that do not keep the JVM alive (pools and helpers of a command; the command's end ends them). */
public final class Daemons {
  private Daemons() {}

  /** A factory of daemon threads named {@code name}. */
  public static ThreadFactory named(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  /** Starts {@code task} on a new daemon thread named {@code name}. */
  public static Thread start(String name, Runnable task) {
    Thread t = named(name).newThread(task);
    t.start();
    return t;
  }
}
