package dev.annals.eventstore.api.workflow;

import java.util.Locale;

/** Where a research workflow stands. */
public enum WorkflowStatus {
  /** Set up, not started. */
  CREATED,
  /** Started; steps may be completed. */
  STARTED,
  /** Finished successfully: final. */
  COMPLETED,
  /** Given up: final. */
  FAILED;

  /** The wire name: {@code created}, {@code started}, {@code completed}, {@code failed}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The status of a wire name. */
  public static WorkflowStatus parse(String wireName) {
    return valueOf(wireName.toUpperCase(Locale.ROOT));
  }

  /** Whether nothing can happen any more. */
  public boolean isFinal() {
    return this == COMPLETED || this == FAILED;
  }
}
