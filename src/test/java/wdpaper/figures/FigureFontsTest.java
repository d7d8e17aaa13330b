package wdpaper.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FigureFontsTest {
  /**
   * A figure's PDF has the same bytes with a freshly parsed font as with a copy that other figures' PDFs embedded
   * subsets of before (the pool's reuse changes how fast, not what).
   */
  @Test
  void aReusedParsedFontGivesTheSameBytesAsAFreshOne() {
    List<FigureSpec> all = SampleFigures.all();
    Chart first = ChartFactory.build(all.get(0), Variant.PRINT);
    byte[] fresh = FigureWriter.pdf(first, FigureFonts.parse());
    FigureFonts.forget();
    for (FigureSpec f : all) {
      FigureWriter.pdf(ChartFactory.build(f, Variant.PRINT));
    }
    assertThat(FigureWriter.pdf(first)).isEqualTo(fresh);
    // and the comparison can fail: another figure's PDF differs
    assertThat(FigureWriter.pdf(ChartFactory.build(all.get(1), Variant.PRINT))).isNotEqualTo(fresh);
  }

  /** One thread's copy is lent to no other: two threads writing at once each hold their own. */
  @Test
  void eachThreadGetsACopyNoOtherThreadHolds() throws Exception {
    FigureFonts.forget();
    java.util.concurrent.CountDownLatch both = new java.util.concurrent.CountDownLatch(2);
    java.util.Set<Object> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
    Runnable task = () -> FigureFonts.with(ttf -> {
      seen.add(ttf);
      both.countDown();
      try {
        both.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return null;
    });
    Thread a = new Thread(task);
    Thread b = new Thread(task);
    a.start();
    b.start();
    a.join();
    b.join();
    assertThat(seen).hasSize(2);
  }
}
