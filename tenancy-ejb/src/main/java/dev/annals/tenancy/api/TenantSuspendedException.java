package dev.annals.tenancy.api;

/** The tenant is suspended: its writes are refused until it is resumed; reads still work. */
public class TenantSuspendedException extends LockedException {

  private static final long serialVersionUID = 1L;

  /**
   * @param id the suspended tenant
   */
  public TenantSuspendedException(TenantId id) {
    super("Tenant '" + id + "' is suspended: writes are refused until it is resumed");
  }
}
