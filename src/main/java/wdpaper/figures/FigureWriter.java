package wdpaper.figures;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import wdpaper.claims.Series;
import wdpaper.project.AtomicFiles;

/** Writes a figure as {@code <id>.png} (2x, for the web), {@code <id>.svg} (site and PDF) and {@code <id>.csv}. */
public final class FigureWriter {
  private FigureWriter() {}

  /** Writes the three files into {@code dir} and returns their names. */
  public static List<String> write(FigureSpec spec, List<String> runKeys, Path dir) {
    XYChart chart = ChartFactory.build(spec);
    AtomicFiles.write(dir.resolve(spec.id() + ".png"), png(chart, 2));
    AtomicFiles.write(dir.resolve(spec.id() + ".svg"), svg(chart));
    AtomicFiles.write(dir.resolve(spec.id() + ".csv"), csv(spec, runKeys));
    return List.of(spec.id() + ".png", spec.id() + ".svg", spec.id() + ".csv");
  }

  static byte[] png(XYChart chart, int scale) {
    BufferedImage img = new BufferedImage(chart.getWidth() * scale, chart.getHeight() * scale,
        BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.scale(scale, scale);
    chart.paint(g, chart.getWidth(), chart.getHeight());
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(img, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] svg(XYChart chart) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Long format: one row per plotted point, with the seed range; a header names the figure, units and runs. */
  static String csv(FigureSpec spec, List<String> runKeys) {
    StringBuilder sb = new StringBuilder();
    sb.append("# figure: ").append(spec.id()).append('\n');
    sb.append("# title: ").append(spec.title()).append('\n');
    sb.append("# x: ").append(spec.xLabel()).append('\n');
    sb.append("# y: ").append(spec.yLabel()).append(" (mean over seeds; lo/hi = seed range)").append('\n');
    sb.append("# experiments: ").append(String.join(" ", spec.experiments())).append('\n');
    sb.append("# runs (cache keys): ").append(String.join(" ", runKeys)).append('\n');
    sb.append("series,style,x,y_mean,y_lo,y_hi,seeds\n");
    for (FigureSpec.Plot p : spec.plots()) {
      Series s = p.series();
      for (int i = 0; i < s.x().length; i++) {
        sb.append(quote(p.label())).append(',').append(p.style().name().toLowerCase(Locale.ROOT)).append(',')
            .append(num(s.x()[i])).append(',').append(num(s.mean()[i])).append(',').append(num(s.lo()[i]))
            .append(',').append(num(s.hi()[i])).append(',').append(s.seeds()).append('\n');
      }
    }
    return sb.toString();
  }

  private static String num(double v) {
    return Double.toString(v);
  }

  private static String quote(String s) {
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
