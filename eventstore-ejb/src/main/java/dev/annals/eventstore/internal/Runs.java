package dev.annals.eventstore.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Splits a sorted list into its runs of consecutive members with equal keys. */
final class Runs {

  private Runs() {}

  /**
   * @return views of {@code sorted}, in order, each holding members with one key
   */
  static <T, K> List<List<T>> of(List<T> sorted, Function<T, K> key) {
    List<List<T>> runs = new ArrayList<>();
    int from = 0;
    while (from < sorted.size()) {
      K k = key.apply(sorted.get(from));
      int to = from + 1;
      while (to < sorted.size() && Objects.equals(k, key.apply(sorted.get(to)))) {
        to++;
      }
      runs.add(sorted.subList(from, to));
      from = to;
    }
    return runs;
  }
}
