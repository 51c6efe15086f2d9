package dev.annals.eventstore.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Commits a batch around the members that make it fail: a batch refused because of what one member
 * carries is split in halves, each tried on its own, until every such member stands alone and the
 * rest have been committed. With one bad member among n, that costs about 2·log2(n) extra attempts
 * — a few commits, paid once per bad member, instead of failing everyone who shared its batch.
 */
final class Bisection {

  private Bisection() {}

  /**
   * @param batch the members, in the order they must be tried (halves keep it)
   * @param attempt tries to commit a part: empty when it committed (or failed for a reason that is
   *     nobody's input, which the attempt answered itself), else the failure that a member's input
   *     caused; nothing of a failed part was committed
   * @param culprit told of each member that fails alone, with its failure
   * @param <T> the member type
   * @param <F> the failure type
   */
  static <T, F> void commit(
      List<T> batch, Function<List<T>, Optional<F>> attempt, BiConsumer<T, F> culprit) {
    Optional<F> failure = attempt.apply(batch);
    if (failure.isEmpty()) {
      return;
    }
    if (batch.size() == 1) {
      culprit.accept(batch.get(0), failure.get());
      return;
    }
    int half = batch.size() / 2;
    commit(batch.subList(0, half), attempt, culprit);
    commit(batch.subList(half, batch.size()), attempt, culprit);
  }
}
