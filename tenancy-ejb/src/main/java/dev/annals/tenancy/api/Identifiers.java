package dev.annals.tenancy.api;

/**
 * Names derived from a validated tenant id, and how they are quoted. Every identifier that reaches
 * SQL as a name comes from here: derived from a {@link TenantId} (so it matches {@code
 * ^[a-z][a-z0-9_]*$}) and still quoted wherever it is used.
 */
public final class Identifiers {

  /** The schema of shared tenants, and of each tenant database. */
  public static final String SHARED_SCHEMA = "annals";

  private Identifiers() {}

  /** The schema of a schema-mode tenant. */
  public static String schemaOf(TenantId id) {
    return "tenant_" + id.value();
  }

  /** The database of a database-mode tenant. */
  public static String databaseOf(TenantId id) {
    return "annals_tenant_" + id.value();
  }

  /** The JNDI name of a database-mode tenant's XA datasource for one placement (generation). */
  public static String jndiNameOf(TenantId id, int generation) {
    return "jdbc/annals/tenant/" + id.value() + "-" + generation;
  }

  /**
   * The JNDI name of a database-mode tenant's non-XA reads datasource for one placement: {@link
   * #jndiNameOf}'s name below {@code jdbc/annals/tenant-reads/} rather than {@code
   * jdbc/annals/tenant/}.
   *
   * @param jndiName the placement's XA datasource, as {@link #jndiNameOf} names it
   */
  public static String readsJndiNameOf(String jndiName) {
    return jndiName.replaceFirst("^jdbc/annals/tenant/", "jdbc/annals/tenant-reads/");
  }

  /** {@code name} as a quoted SQL identifier. */
  public static String quote(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  /** A caller's value for an error message: shortened, control characters escaped. */
  public static String shown(String value) {
    if (value == null) {
      return "(missing)";
    }
    String s = value.length() > 64 ? value.substring(0, 64) + "…" : value;
    StringBuilder b = new StringBuilder(s.length() + 2).append('\'');
    s.codePoints()
        .forEach(
            c -> {
              if (Character.isISOControl(c)) {
                b.append(String.format("\\u%04x", c));
              } else {
                b.appendCodePoint(c);
              }
            });
    return b.append('\'').toString();
  }
}
