package wdpaper.editions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Reading editions from the command line. */
public final class Editions {
  private Editions() {}

  /** The result model of a build output, an edition folder, or a model.json file given on the command line. */
  public static Map<String, Object> readModel(Path p) {
    if (Files.isRegularFile(p)) {
      return Assembler.readModelFile(p, p.toString());
    }
    return Assembler.readModel(p, p.toString());
  }
}
