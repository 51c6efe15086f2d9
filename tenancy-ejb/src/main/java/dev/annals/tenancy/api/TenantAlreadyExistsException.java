package dev.annals.tenancy.api;

/** A tenant with this id exists already; ids are never reused. */
public class TenantAlreadyExistsException extends ConflictException {

  private static final long serialVersionUID = 1L;

  /**
   * @param id the id that is taken
   */
  public TenantAlreadyExistsException(TenantId id) {
    super("Tenant '" + id + "' already exists");
  }
}
