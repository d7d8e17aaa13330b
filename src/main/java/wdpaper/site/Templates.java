package wdpaper.site;

import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import wdpaper.project.UserError;

/**
 * The two FreeMarker configurations: one for the Markdown pages in {@code content/} (plain text, with the macros
 * of {@code templates/macros.ftl} imported as {@code p}), one for the HTML layouts in {@code templates/} (.ftlh:
 * auto-escaping on). Both are locale-independent, rethrow errors, and have the unsafe built-ins off.
 */
public final class Templates {
  private final Configuration content;
  private final Configuration layout;
  private final Path root;

  public Templates(Path contentDir, Path templatesDir, Path root) {
    this.root = root;
    try {
      this.content = configure(new MultiTemplateLoader(new TemplateLoader[] {
          new ProjectLoader(contentDir), new ProjectLoader(templatesDir)}));
      this.content.addAutoImport("p", "macros.ftl");
      this.layout = configure(new ProjectLoader(templatesDir));
    } catch (IOException e) {
      throw UserError.config("cannot read templates in " + templatesDir + ": " + e.getMessage());
    }
  }

  private static Configuration configure(TemplateLoader loader) {
    Configuration c = new Configuration(Configuration.VERSION_2_3_34);
    c.setTemplateLoader(loader);
    c.setDefaultEncoding("UTF-8");
    c.setLocale(Locale.ROOT);
    c.setNumberFormat("computer");
    c.setBooleanFormat("c");
    c.setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
    c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    c.setLogTemplateExceptions(false);
    c.setWrapUncheckedExceptions(true);
    c.setFallbackOnNullLoopVariable(false);
    c.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    c.setAPIBuiltinEnabled(false);
    return c;
  }

  /** Renders a content page (Markdown with FreeMarker expressions); {@code name} is relative to content/. */
  public String renderContent(String name, Map<String, Object> model) {
    return render(content, name, model, "content/");
  }

  /** Renders an HTML layout or partial from templates/. */
  public String renderLayout(String name, Map<String, Object> model) {
    return render(layout, name, model, "templates/");
  }

  private String render(Configuration c, String name, Map<String, Object> model, String folder) {
    try {
      Template t = c.getTemplate(name);
      StringWriter w = new StringWriter();
      t.process(model, w);
      return w.toString();
    } catch (freemarker.core.ParseException e) {
      throw UserError.config(where(e.getTemplateName(), name, folder) + ":" + e.getLineNumber() + ":"
          + e.getColumnNumber() + ": template syntax error: " + firstLine(e.getEditorMessage()));
    } catch (TemplateException e) {
      String expr = e.getBlamedExpressionString();
      throw UserError.config(where(e.getTemplateSourceName(), name, folder) + ":" + e.getLineNumber() + ":"
          + e.getColumnNumber() + ": " + (expr != null ? "cannot evaluate '" + expr + "': " : "")
          + firstLine(e.getMessageWithoutStackTop()).replaceAll("\\s+", " ").strip());
    } catch (IOException e) {
      throw UserError.config(folder + name + ": cannot read template: " + e.getMessage());
    }
  }

  private static String where(String source, String name, String folder) {
    String s = source == null ? name : source;
    if (s.equals("macros.ftl") || s.startsWith("partials/") || s.endsWith(".ftlh")) {
      return "templates/" + s;
    }
    return folder + s;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "error";
    }
    String line = s.lines().filter(l -> !l.isBlank()).findFirst().orElse(s).strip();
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }

  /** A file loader whose templates read with Windows line ends normalised (CRLF and CR become LF). */
  private static final class ProjectLoader implements TemplateLoader {
    private final FileTemplateLoader files;

    ProjectLoader(Path dir) throws IOException {
      this.files = new FileTemplateLoader(dir.toFile());
    }

    @Override
    public Object findTemplateSource(String name) throws IOException {
      return files.findTemplateSource(name);
    }

    @Override
    public long getLastModified(Object source) {
      return files.getLastModified(source);
    }

    @Override
    public java.io.Reader getReader(Object source, String encoding) throws IOException {
      StringWriter text = new StringWriter();
      try (java.io.Reader r = files.getReader(source, encoding)) {
        r.transferTo(text);
      }
      return new java.io.StringReader(wdpaper.project.Text.normalize(text.toString()));
    }

    @Override
    public void closeTemplateSource(Object source) throws IOException {
      files.closeTemplateSource(source);
    }
  }

  public Path root() {
    return root;
  }
}
