package dev.annals.bench.http;

/**
 * Reads what paging needs from a page's JSON without building a tree: the event count, the stream's
 * {@code next} and $all's {@code checkpoint}. The load driver shares two cores with the server, so
 * it does as little per response as a client can while still receiving all of it.
 */
final class Pages {

  private static final String EVENT_ID = "\"eventId\":";
  private static final String NEXT = "\"next\":";
  private static final String CHECKPOINT = "\"checkpoint\":\"";

  private Pages() {}

  /** Events in a page: one {@code eventId} per event. */
  static long count(String body) {
    long n = 0;
    for (int i = body.indexOf(EVENT_ID);
        i >= 0;
        i = body.indexOf(EVENT_ID, i + EVENT_ID.length())) {
      n++;
    }
    return n;
  }

  /** A stream page's {@code next}, or null at the end (absent or JSON null). */
  static Long next(String body) {
    int i = body.lastIndexOf(NEXT);
    if (i < 0) {
      return null;
    }
    int start = i + NEXT.length();
    int end = start;
    while (end < body.length() && Character.isDigit(body.charAt(end))) {
      end++;
    }
    return end == start ? null : Long.valueOf(body.substring(start, end));
  }

  /** An $all page's {@code checkpoint}. */
  static String checkpoint(String body) {
    int i = body.lastIndexOf(CHECKPOINT);
    if (i < 0) {
      throw new IllegalStateException("An $all page without a checkpoint");
    }
    int start = i + CHECKPOINT.length();
    return body.substring(start, body.indexOf('"', start));
  }
}
