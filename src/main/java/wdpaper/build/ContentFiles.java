package wdpaper.build;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import wdpaper.project.Json;
import wdpaper.project.ProjectPaths;
import wdpaper.project.UserError;
import wdpaper.site.SiteInfo;

/** The content data files the pages see besides the claims: site.json and book-reference.json. */
final class ContentFiles {
  private ContentFiles() {}

  static String read(ProjectPaths paths, Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw UserError.config(paths.display(file) + ": cannot read (" + wdpaper.project.IoErrors.reason(e) + ")");
    }
  }

  static Map<String, Object> json(ProjectPaths paths, Path file) {
    try {
      return Json.MAPPER.readValue(read(paths, file), new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw UserError.config(paths.display(file) + ": invalid JSON at line " + e.getLocation().getLineNr() + ": "
          + e.getOriginalMessage());
    }
  }

  /** site.json: title, authors, citation (checked by {@link SiteInfo}) and the words for each verdict outcome. */
  static Map<String, Object> site(ProjectPaths paths) {
    Path file = paths.content().resolve("site.json");
    Map<String, Object> site = SiteInfo.model(paths.display(file), json(paths, file));
    Object outcomes = site.get("outcomes");
    if (!(outcomes instanceof Map<?, ?> words)) {
      throw UserError.config(paths.display(file) + ": 'outcomes' must be an object giving the words for holds,"
          + " caveats and fails, was " + (outcomes == null ? "missing" : outcomes));
    }
    for (String slug : List.of("holds", "caveats", "fails")) {
      if (!(words.get(slug) instanceof String s) || s.isBlank()) {
        throw UserError.config(paths.display(file) + ": 'outcomes." + slug + "' must be the words a reader sees for"
            + " that verdict, e.g. \"holds with caveats\", was " + words.get(slug));
      }
    }
    return site;
  }
}
