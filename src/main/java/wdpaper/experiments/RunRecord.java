package wdpaper.experiments;

import java.util.Map;
import wdpaper.nn.RunSpec;
import wdpaper.nn.TrainingResult;

/**
 * What the cache holds for one run: the key, the full spec, the data checksums and trainer version that went
 * into the key, where and how fast it ran, and every metric.
 */
public record RunRecord(String key, String trainerVersion, RunSpec spec, Map<String, String> dataChecksums,
    Provenance provenance, TrainingResult result) {

  /** Where a run was computed. Not part of the key: the same spec gives the same result anywhere. */
  public record Provenance(String java, String os, String cpu, int cores, double wallSeconds) {
    static Provenance here(double wallSeconds) {
      return new Provenance(System.getProperty("java.vendor") + " " + System.getProperty("java.version"),
          System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
          Cpu.model(), Runtime.getRuntime().availableProcessors(), wallSeconds);
    }
  }

  /** The CPU model name where the OS tells it. */
  static final class Cpu {
    private static String model;

    static synchronized String model() {
      if (model == null) {
        model = System.getProperty("os.arch");
        try {
          for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/cpuinfo"))) {
            if (line.startsWith("model name")) {
              model = line.substring(line.indexOf(':') + 1).strip();
              break;
            }
          }
        } catch (java.io.IOException | RuntimeException e) {
          // not Linux: keep the architecture
        }
      }
      return model;
    }
  }
}
