package wdpaper.experiments;

import java.util.Map;
import wdpaper.nn.TrainingResult;

/**
 * What the cache holds for one run: the key, the full spec, the data checksums and trainer version that went
 * into the key, where and how fast it ran, every metric, and the SHA-256 of the metrics' canonical JSON (so a
 * number edited by hand is noticed, see {@link ResultCache}).
 */
public record RunRecord(String key, String trainerVersion, RunSpec spec, Map<String, String> dataChecksums,
    Provenance provenance, String resultSha256, TrainingResult result) {

  /** A record of a run just computed, with the checksum of its result. */
  public static RunRecord of(String key, RunSpec spec, Map<String, String> dataChecksums, Provenance provenance,
      TrainingResult result) {
    return new RunRecord(key, RunSpec.TRAINER_VERSION, spec, dataChecksums, provenance, payloadSha256(result), result);
  }

  /** SHA-256 of the canonical (compact, key-ordered) JSON of {@code result}. */
  public static String payloadSha256(TrainingResult result) {
    return wdpaper.project.Hashing.sha256(wdpaper.project.Json.compact(result));
  }

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
