package dev.annals.saga.internal.assignment;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stand-in for the platform's evidence log: records are idempotent by key. It can be told to be
 * unavailable for a number of calls, to drive the saga's failure paths.
 */
@ApplicationScoped
public class EvidenceLog {

  private final Map<String, String> recordByKey = new ConcurrentHashMap<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();

  /**
   * Records evidence of the run, or returns the record this key wrote.
   *
   * @throws EvidenceUnavailableException while told to fail
   */
  public String record(String runId, String idempotencyKey) {
    if (failuresLeft.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
      throw new EvidenceUnavailableException("Evidence log unavailable");
    }
    return recordByKey.computeIfAbsent(idempotencyKey, key -> "evidence-" + runId);
  }

  /** The next {@code calls} calls fail ({@link Integer#MAX_VALUE}: all of them). */
  public void failNext(int calls) {
    failuresLeft.set(calls);
  }

  /** How many records exist. */
  public int records() {
    return recordByKey.size();
  }

  /** The evidence log did not answer; trying again may help. */
  public static final class EvidenceUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    EvidenceUnavailableException(String message) {
      super(message);
    }
  }
}
