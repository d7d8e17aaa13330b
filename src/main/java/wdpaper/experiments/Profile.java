package wdpaper.experiments;

/** Which version of the paper to build. */
public enum Profile {
  /** The paper: full data, all epochs, all seeds. */
  FULL,
  /**
   * A preview in about a minute: the first {@value #QUICK_TRAINING} training and {@value #QUICK_VALIDATION}
   * validation images, at most {@value #QUICK_EPOCHS} epochs, one seed (each experiment may override these).
   */
  QUICK;

  public static final int QUICK_TRAINING = 5_000;
  public static final int QUICK_VALIDATION = 1_000;
  public static final int QUICK_EPOCHS = 4;
}
