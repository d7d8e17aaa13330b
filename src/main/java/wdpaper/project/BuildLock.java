package wdpaper.project;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.FileLockInterruptionException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * One build at a time per output folder and per cache: an exclusive lock ({@link FileChannel#tryLock()}) on a lock
 * file in the cache ({@code <cache>/.lock}) and beside the output ({@code .<name>.lock}). A second build waits: it
 * prints one line naming the process that holds the lock and goes on when that one ends (Ctrl-C stops the wait).
 * The operating system releases the lock of a killed process, so a crash never leaves a stale lock behind. Within
 * one JVM (tests, {@code serve}) a semaphore per lock file plays the same role, because file locks are per process.
 */
public final class BuildLock implements AutoCloseable {
  private static final ConcurrentHashMap<Path, Semaphore> IN_PROCESS = new ConcurrentHashMap<>();

  private record Held(Semaphore semaphore, FileChannel channel, FileLock lock) {}

  private final List<Held> held = new ArrayList<>();

  private BuildLock() {}

  /** Acquires every lock file in the order given, waiting while another build holds one. */
  public static BuildLock acquire(String command, Consumer<String> log, List<Path> lockFiles) {
    BuildLock l = new BuildLock();
    try {
      for (Path f : lockFiles) {
        l.held.add(lock(f.toAbsolutePath().normalize(), command, log));
      }
    } catch (RuntimeException e) {
      l.close();
      throw e;
    }
    return l;
  }

  private static Held lock(Path file, String command, Consumer<String> log) {
    Semaphore s = IN_PROCESS.computeIfAbsent(file, k -> new Semaphore(1));
    try {
      if (!s.tryAcquire()) {
        log.accept("waiting for another build in this process to finish (it holds " + file + ")");
        s.acquire();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserError(ExitCodes.INTERRUPTED, "interrupted while waiting for the lock " + file);
    }
    FileChannel ch = null;
    try {
      AtomicFiles.createFolders(file.getParent());
      ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock = ch.tryLock();
      if (lock == null) {
        log.accept("waiting for " + holder(ch) + " to finish (it holds the lock " + file + "); Ctrl-C to stop");
        lock = ch.lock();
      }
      ch.truncate(0);
      ch.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + " (" + OutputFolder.PROGRAM + " " + command
          + ")\n").getBytes(StandardCharsets.UTF_8)), 0);
      return new Held(s, ch, lock);
    } catch (FileLockInterruptionException e) {
      close(ch);
      s.release();
      Thread.currentThread().interrupt();
      throw new UserError(ExitCodes.INTERRUPTED, "interrupted while waiting for the lock " + file);
    } catch (IOException e) {
      close(ch);
      s.release();
      throw IoErrors.error("cannot create or lock the lock file", file, e);
    } catch (RuntimeException e) {
      close(ch);
      s.release();
      throw e;
    }
  }

  /** What the holder wrote into the lock file, e.g. "pid 4242 (weight-decay-paper build)". */
  private static String holder(FileChannel ch) {
    try {
      ByteBuffer b = ByteBuffer.allocate(200);
      ch.read(b, 0);
      String s = new String(b.array(), 0, b.position(), StandardCharsets.UTF_8).strip();
      return s.isEmpty() ? "another build" : s;
    } catch (IOException e) {
      return "another build";
    }
  }

  private static void close(FileChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException e) {
        // closing releases the lock; nothing else to do
      }
    }
  }

  @Override
  public void close() {
    for (int i = held.size() - 1; i >= 0; i--) {
      Held h = held.get(i);
      try {
        h.lock().release();
      } catch (IOException e) {
        // the channel close below releases it too
      }
      close(h.channel());
      h.semaphore().release();
    }
    held.clear();
  }
}
