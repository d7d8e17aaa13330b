package wdpaper.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DatasetTest {
  /** Three 28x28 images of random bytes with many zeros, and their labels. */
  private static Dataset images() {
    Random r = new Random(5);
    byte[] px = new byte[3 * 784];
    for (int i = 0; i < px.length; i++) {
      px[i] = r.nextDouble() < 0.7 ? 0 : (byte) (1 + r.nextInt(255));
    }
    return Dataset.fromBytes(px, 0, 3, 784, new int[] {4, 1, 9}, 0);
  }

  @Test
  void bytesBecomeValuesOverTwoHundredFiftyFive() {
    Dataset d = images();
    double[] x = d.dense(1);
    for (int p = d.nonZeroStart(1); p < d.nonZeroEnd(1); p++) {
      int b = (int) Math.round(d.value(p) * 255);
      assertThat(d.value(p)).isEqualTo(b / 255.0);
      assertThat(x[d.indexArray()[p]]).isEqualTo(d.value(p));
    }
    assertThat(d.label(2)).isEqualTo(9);
  }

  /**
   * Pixels read a block at a time from a buffer outside the heap (as from a mapped file), over many blocks and a
   * last partial one, give each image's bytes / 255 at the right index, and the labels from labelOffset on.
   */
  @Test
  void pixelsReadInBlocksFromADirectBufferAreEveryImagesBytes() {
    Random r = new Random(7);
    int count = 301;
    byte[] px = new byte[(count + 2) * 784];
    for (int i = 0; i < px.length; i++) {
      px[i] = r.nextDouble() < 0.8 ? 0 : (byte) (1 + r.nextInt(255));
    }
    int[] labels = new int[count + 5];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = r.nextInt(10);
    }
    java.nio.ByteBuffer direct = java.nio.ByteBuffer.allocateDirect(px.length).put(px).flip();
    Dataset d = Dataset.fromPixels(direct, 2, count, 784, labels, 3);
    assertThat(d.size()).isEqualTo(count);
    for (int i = 0; i < count; i++) {
      double[] x = d.dense(i);
      for (int j = 0; j < 784; j++) {
        assertThat(x[j]).isEqualTo((px[(2 + i) * 784 + j] & 0xff) / 255.0);
      }
      assertThat(d.label(i)).isEqualTo(labels[3 + i]);
    }
  }

  /** A file's bytes after its header give the same dataset as the pixels copied out of them. */
  @Test
  void pixelsReadInPlaceAfterAHeaderAreThePixelsCopied() {
    Random r = new Random(6);
    byte[] file = new byte[16 + 4 * 784];
    r.nextBytes(file);
    byte[] px = java.util.Arrays.copyOfRange(file, 16, file.length);
    int[] labels = {1, 2, 3, 4};
    Dataset copied = Dataset.fromBytes(px, 1, 3, 784, labels, 1);
    Dataset inPlace = Dataset.fromBytes(file, 16, 1, 3, 784, labels, 1);
    for (int i = 0; i < 3; i++) {
      assertThat(inPlace.dense(i)).containsExactly(copied.dense(i));
      assertThat(inPlace.label(i)).isEqualTo(copied.label(i)).isEqualTo(labels[1 + i]);
    }
  }

  /** Each 14x14 input is the mean of its 2x2 block of pixels, (q1+q2+q3+q4)/1020, still in [0,1]. */
  @Test
  void meanPoolingAveragesTwoByTwoBlocks() {
    Dataset d = images();
    Dataset p = d.meanPool2x2(28);
    assertThat(p.inputs()).isEqualTo(196);
    assertThat(p.size()).isEqualTo(3);
    for (int i = 0; i < 3; i++) {
      double[] x = d.dense(i);
      double[] y = p.dense(i);
      for (int r = 0; r < 14; r++) {
        for (int c = 0; c < 14; c++) {
          long sum = 0;
          for (int dr = 0; dr < 2; dr++) {
            for (int dc = 0; dc < 2; dc++) {
              sum += Math.round(x[(2 * r + dr) * 28 + 2 * c + dc] * 255);
            }
          }
          assertThat(y[r * 14 + c]).as("image %d (%d, %d)", i, r, c).isEqualTo(sum / 1020.0);
          assertThat(y[r * 14 + c]).isBetween(0.0, 1.0);
        }
      }
      assertThat(p.label(i)).isEqualTo(d.label(i));
    }
  }

  @Test
  void poolingNeedsEvenSquareImagesOfIntegerLevels() {
    assertThatThrownBy(() -> images().meanPool2x2(27)).hasMessage(
        "2x2 pooling needs square images with an even side, was 784 inputs for side 27");
    Dataset dense = Dataset.fromDense(new double[][] {{0.3, 0, 0.1, 0.7}}, new int[] {0});
    assertThatThrownBy(() -> dense.meanPool2x2(2)).hasMessage("2x2 pooling needs integer levels (as MNIST bytes)");
  }

  /** A variant is computed once per load and shared; "mnist" is the data itself. */
  @Test
  void inputVariantsAreComputedOncePerLoad() {
    Dataset d = images();
    Mnist m = new Mnist(d, d.head(2), d, Map.of("f", "x"));
    Mnist small = m.input(InputVariant.MNIST_14X14);
    assertThat(m.input(InputVariant.MNIST)).isSameAs(m);
    assertThat(m.input(InputVariant.MNIST_14X14)).isSameAs(small);
    assertThat(small.training().inputs()).isEqualTo(InputVariant.MNIST_14X14.inputs());
    assertThat(small.validation().size()).isEqualTo(2);
    assertThat(small.checksums()).isEqualTo(m.checksums());
    assertThat(InputVariant.of("mnist-14x14")).contains(InputVariant.MNIST_14X14);
    assertThat(InputVariant.of("mnist-7x7")).isEmpty();
  }
}
