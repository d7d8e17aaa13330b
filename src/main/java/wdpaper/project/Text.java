package wdpaper.project;

/** Text as read from a user's file: Windows (CRLF) and old Mac (CR) line ends and a leading BOM normalised away. */
public final class Text {
  private Text() {}

  /** {@code \r\n} and lone {@code \r} become {@code \n}; a leading byte-order mark is dropped. */
  public static String normalize(String s) {
    String t = s.startsWith("\uFEFF") ? s.substring(1) : s;
    return t.indexOf('\r') < 0 ? t : t.replace("\r\n", "\n").replace('\r', '\n');
  }
}
