package wdpaper.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The book-figure rule on synthetic results, one test per outcome. */
class BookFigureTest {
  private final BookFigure claim = new BookFigure();
  private final Thresholds t = new Thresholds("book", Map.of("hidden", 30.0, "oldEpoch1Percent", 87.0,
      "newEpoch1Percent", 93.0, "finalPercent", 96.0, "tolerancePercentagePoints", 2.0));

  private static BookFigure.Result result(double old1, double new1, double oldLast, double newLast) {
    BookFigure.Row old = new BookFigure.Row(30, "old", old1, old1, old1, oldLast, oldLast, oldLast, oldLast, oldLast);
    BookFigure.Row neu = new BookFigure.Row(30, "new", new1, new1, new1, newLast, newLast, newLast, newLast, newLast);
    boolean shape = new1 > old1 && Math.abs(oldLast - newLast) < Math.abs(new1 - old1);
    return new BookFigure.Result(0.1, 5, 10, 30, 50_000, 10_000, 3, 784, 10, List.of(30), List.of(old, neu), old,
        neu, BookFigure.aboveBound(old1, 87), new1 - 93, BookFigure.aboveBound(96, oldLast),
        BookFigure.aboveBound(96, newLast), 0, shape, true, 10_000, true);
  }

  @Test
  void holdsWhenTheShapeIsThereAndAllFourQuotedNumbersAreMatched() {
    assertThat(claim.judge(result(87.5, 92.8, 96.1, 96.4), t)).isEqualTo(Outcome.HOLDS);
  }

  @Test
  void holdsWithCaveatsWhenTheShapeIsThereButAQuotedNumberIsMissedByMoreThanTheTolerance() {
    assertThat(claim.judge(result(84.5, 89.8, 96.1, 96.4), t)).isEqualTo(Outcome.CAVEATS);
    assertThat(claim.judge(result(87.5, 92.8, 96.1, 96.4), t.with(BookFigure.TOLERANCE, 0.3)))
        .isEqualTo(Outcome.CAVEATS);
  }

  @Test
  void theBooksUnderAndOverAreBoundsNotValues() {
    // "under 87": 80 is inside the bound; "somewhat over 96": 99 is inside it
    assertThat(claim.judge(result(80.0, 92.8, 99.0, 99.0), t)).isEqualTo(Outcome.HOLDS);
    assertThat(BookFigure.aboveBound(87.55, 87)).isCloseTo(0.55, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(BookFigure.aboveBound(86, 87)).isZero();
    // 93.5 over a bound of 96 by less than the tolerance: still matched
    assertThat(claim.judge(result(80.0, 92.8, 94.5, 96.4), t)).isEqualTo(Outcome.HOLDS);
    assertThat(claim.judge(result(80.0, 92.8, 93.5, 96.4), t)).isEqualTo(Outcome.CAVEATS);
  }

  @Test
  void doesNotHoldWithoutTheShapeEvenIfTheNumbersAreClose() {
    // the new init does not lead after epoch 1
    assertThat(claim.judge(result(88.0, 87.5, 96.1, 96.4), t)).isEqualTo(Outcome.FAILS);
    // the gap does not close
    assertThat(claim.judge(result(86.0, 93.0, 89.0, 97.5), t)).isEqualTo(Outcome.FAILS);
  }
}
