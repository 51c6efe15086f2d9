package dev.annals.tenancy.api;

import jakarta.ejb.ApplicationException;

/**
 * A quota would be exceeded: the request is refused until an admin raises the quota or usage goes
 * down (waiting alone does not help). Names the quota, so callers can tell which.
 */
@ApplicationException(rollback = false)
public class QuotaExceededException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String quota;
  private final long limit;
  private final long usage;

  /**
   * @param quota the quota's name, e.g. {@code database-servers/pg2/maxTenants}
   * @param limit its value
   * @param message what was refused, fit to show the caller
   */
  public QuotaExceededException(String quota, long limit, String message) {
    this(quota, limit, -1, message);
  }

  /**
   * @param quota the quota's name, e.g. {@code maxStreams}
   * @param limit its value
   * @param usage how much is used now, or -1 when not known
   * @param message what was refused, fit to show the caller
   */
  public QuotaExceededException(String quota, long limit, long usage, String message) {
    super(message);
    this.quota = quota;
    this.limit = limit;
    this.usage = usage;
  }

  /** The quota's name. */
  public String quota() {
    return quota;
  }

  /** Its value. */
  public long limit() {
    return limit;
  }

  /** The usage when refused, or -1 when not known. */
  public long usage() {
    return usage;
  }
}
