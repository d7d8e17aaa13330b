package wdpaper.experiments;

/** Which version of the paper to build. */
public enum Profile {
  /** The paper: full data, all epochs, all seeds. */
  FULL,
  /**
   * A preview in seconds: the first {@value #QUICK_TRAINING} training, {@value #QUICK_VALIDATION} validation and
   * {@value #QUICK_TEST} test images, at most {@value #QUICK_EPOCHS} epochs, one seed, the training cost measured
   * on at most {@value #QUICK_MONITOR} training images (each experiment may override these in its {@code quick}
   * block).
   */
  QUICK;

  public static final int QUICK_TRAINING = 2_500;
  public static final int QUICK_VALIDATION = 1_000;
  /** The quick profile's {@code testSetSize} at most: the test accuracy after the last epoch on 1,000 images. */
  public static final int QUICK_TEST = 1_000;
  public static final int QUICK_EPOCHS = 4;
  /** The quick profile's {@code monitorSample} at most: the training cost of each epoch on 1,000 images. */
  public static final int QUICK_MONITOR = 1_000;
}
