package dev.annals.eventstore.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BisectionTest {

  /** A fake database: a part commits unless it holds a bad member. */
  private static final class Store {
    final Set<Integer> bad;
    final List<Integer> committed = new ArrayList<>();
    final Map<Integer, String> refused = new TreeMap<>();
    int attempts;

    Store(Set<Integer> bad) {
      this.bad = bad;
    }

    Optional<String> attempt(List<Integer> part) {
      attempts++;
      Optional<Integer> culprit = part.stream().filter(bad::contains).findFirst();
      if (culprit.isPresent()) {
        return Optional.of("22P05 from " + culprit.get());
      }
      committed.addAll(part);
      return Optional.empty();
    }

    void run(List<Integer> batch) {
      Bisection.commit(batch, this::attempt, refused::put);
    }
  }

  private static List<Integer> batch(int n) {
    return IntStream.range(0, n).boxed().toList();
  }

  @Test
  void aCleanBatchCommitsInOneAttempt() {
    Store store = new Store(Set.of());
    store.run(batch(50));
    assertEquals(batch(50), store.committed);
    assertEquals(1, store.attempts);
    assertTrue(store.refused.isEmpty());
  }

  @Test
  void oneBadMemberIsRefusedAloneAndEveryOtherIsCommittedInOrder() {
    Store store = new Store(Set.of(37));
    store.run(batch(50));
    assertEquals(Map.of(37, "22P05 from 37"), store.refused);
    List<Integer> others = new ArrayList<>(batch(50));
    others.remove(Integer.valueOf(37));
    assertEquals(others, store.committed);
    assertTrue(store.attempts <= 1 + 2 * 6, "attempts: " + store.attempts);
  }

  @Test
  void severalBadMembersAreEachFound() {
    Store store = new Store(Set.of(0, 1, 49));
    store.run(batch(50));
    assertEquals(Set.of(0, 1, 49), store.refused.keySet());
    assertEquals(47, store.committed.size());
  }

  @Test
  void aLoneBadMemberIsRefusedInOneAttempt() {
    Store store = new Store(Set.of(0));
    store.run(batch(1));
    assertEquals(Set.of(0), store.refused.keySet());
    assertEquals(1, store.attempts);
  }
}
