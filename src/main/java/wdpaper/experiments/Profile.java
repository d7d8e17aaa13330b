package wdpaper.experiments;

/** Which version of the paper to build. */
public enum Profile {
  /** The paper: full data, all epochs, all seeds. */
  FULL,
  /**
   * A preview in seconds: the first {@value #QUICK_TRAINING} training and {@value #QUICK_VALIDATION} validation
   * images, at most {@value #QUICK_EPOCHS} epochs, one seed, the training cost measured on at most
   * {@value #QUICK_MONITOR} training images (each experiment may override these in its {@code quick} block).
   */
  QUICK;

  public static final int QUICK_TRAINING = 2_500;
  public static final int QUICK_VALIDATION = 1_000;
  public static final int QUICK_EPOCHS = 4;
  /** The quick profile's {@code monitorSample} at most: the training cost of each epoch on 1,000 images. */
  public static final int QUICK_MONITOR = 1_000;
}
