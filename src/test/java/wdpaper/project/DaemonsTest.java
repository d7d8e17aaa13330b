package wdpaper.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DaemonsTest {
  @Test
  void threadsAreNamedDaemonsThatRunTheirTask() throws InterruptedException {
    Thread made = Daemons.named("figures").newThread(() -> { });
    assertThat(made.getName()).isEqualTo("figures");
    assertThat(made.isDaemon()).isTrue();
    AtomicReference<String> ranOn = new AtomicReference<>();
    Thread started = Daemons.start("formulas", () -> ranOn.set(Thread.currentThread().getName()));
    started.join();
    assertThat(started.isDaemon()).isTrue();
    assertThat(ranOn.get()).isEqualTo("formulas");
  }
}
