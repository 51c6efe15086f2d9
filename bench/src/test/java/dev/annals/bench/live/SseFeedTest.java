package dev.annals.bench.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseFeedTest {

  @Test
  void anEventCountsOnceItsMessageEndsAndCommentsAreNoEvents() {
    List<String> ids = new ArrayList<>();
    SseFeed feed = unopened(ids);
    for (String line :
        List.of(
            ": live",
            "",
            "id: 1-2",
            "event: Measured",
            "data: {\"eventId\":\"e-1\",\"streamId\":\"s\",\"data\":{\"eventId\":\"inner\"}}",
            "",
            ": heartbeat",
            "",
            "id: 1-3",
            "event: Measured",
            "data: {\"eventId\":\"e-2\"}")) {
      feed.onNext(line);
    }
    assertTrue(feed.live().isDone() && !feed.live().isCompletedExceptionally());
    assertEquals(List.of("e-1"), ids, "the second message is not complete yet");
    feed.onNext("");
    assertEquals(List.of("e-1", "e-2"), ids);
    assertEquals(2, feed.events());
  }

  @Test
  void aStreamThatEndsIsAFailure() {
    SseFeed feed = unopened(new ArrayList<>());
    feed.onComplete();
    assertTrue(feed.live().isCompletedExceptionally());
    assertFalse(feed.failure() == null);
  }

  /** A feed not connected to anything: the test hands it the lines. */
  private static SseFeed unopened(List<String> ids) {
    return new SseFeed((id, at) -> ids.add(id));
  }
}
