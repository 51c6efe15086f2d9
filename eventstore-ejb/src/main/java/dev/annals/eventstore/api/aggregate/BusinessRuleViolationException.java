package dev.annals.eventstore.api.aggregate;

import jakarta.ejb.ApplicationException;
import java.util.Objects;

/**
 * A command the aggregate's state does not allow (complete a workflow that never started, start one
 * twice). Nothing was stored; the request can never succeed as it stands, whatever the retry.
 */
// rollback = false: nothing was written, so the caller's transaction may go on.
@ApplicationException(rollback = false)
public class BusinessRuleViolationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String rule;

  /**
   * @param rule the rule's stable name, e.g. {@code start-once}
   * @param message what is wrong and what the caller can do, fit to show the caller
   */
  public BusinessRuleViolationException(String rule, String message) {
    super(message);
    this.rule = Objects.requireNonNull(rule, "rule");
  }

  /** The broken rule's stable name. */
  public String rule() {
    return rule;
  }
}
