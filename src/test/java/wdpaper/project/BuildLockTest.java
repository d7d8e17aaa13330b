package wdpaper.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildLockTest {
  @TempDir Path tmp;

  @Test
  void aSecondHolderWaitsWithOneLineAndGoesOnWhenTheFirstIsDone() throws Exception {
    Path file = tmp.resolve("out.lock");
    List<String> log = new CopyOnWriteArrayList<>();
    CountDownLatch acquired = new CountDownLatch(1);
    try (BuildLock first = BuildLock.acquire("build", log::add, List.of(file))) {
      assertThat(Files.readString(file)).isEqualTo("pid " + ProcessHandle.current().pid()
          + " (weight-decay-paper build)\n");
      Thread second = new Thread(() -> {
        try (BuildLock l = BuildLock.acquire("render", log::add, List.of(file))) {
          acquired.countDown();
        }
      });
      second.start();
      assertThat(acquired.await(500, TimeUnit.MILLISECONDS)).isFalse();
      assertThat(log).containsExactly("waiting for another build in this process to finish (it holds " + file + ")");
    }
    assertThat(acquired.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.readString(file)).contains("(weight-decay-paper render)");
  }

  @Test
  void anInterruptedWaitIsAnInterruption() throws Exception {
    Path file = tmp.resolve("out.lock");
    Throwable[] thrown = {null};
    try (BuildLock first = BuildLock.acquire("build", s -> {}, List.of(file))) {
      Thread second = new Thread(() -> {
        try (BuildLock l = BuildLock.acquire("render", s -> {}, List.of(file))) {
          thrown[0] = new AssertionError("acquired");
        } catch (UserError e) {
          thrown[0] = e;
        }
      });
      second.start();
      Thread.sleep(200);
      second.interrupt();
      second.join(10_000);
    }
    assertThat(thrown[0]).isInstanceOfSatisfying(UserError.class, e -> assertThat(e.exitCode())
        .isEqualTo(ExitCodes.INTERRUPTED)).hasMessage("interrupted while waiting for the lock " + file);
  }
}
