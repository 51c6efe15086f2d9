package dev.annals.web.security;

import dev.annals.tenancy.api.TenantId;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * An authenticated caller as its token describes it: its name (the subject), its roles (the {@code
 * groups} claim; unknown names are ignored) and its tenants (the {@code tenants} claim: a list of
 * tenant ids, or {@code "*"} for all). A platform admin sees every tenant.
 *
 * @param name the token's subject, recorded as the principal of the events it appends
 * @param roles the roles it holds
 * @param allTenants whether it may act on every tenant
 * @param tenants the tenants it may act on (when not all)
 */
public record Caller(String name, Set<Role> roles, boolean allTenants, Set<String> tenants) {

  /** The tenants claim's value for every tenant. */
  public static final String ALL_TENANTS = "*";

  /** The tenants claim. */
  public static final String TENANTS_CLAIM = "tenants";

  public Caller {
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(roles);
    tenants = Set.copyOf(tenants);
  }

  /**
   * The caller a verified token's claims describe.
   *
   * @param name the subject
   * @param groupsClaim the groups claim, as the JWT library hands it over (see {@code
   *     tenantsClaim})
   * @param tenantsClaim the tenants claim as the JWT library hands it over: a JSON array or string,
   *     a collection or a string, or null
   */
  static Caller of(String name, Object groupsClaim, Object tenantsClaim) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String g : strings(groupsClaim)) {
      Role.fromClaim(g).ifPresent(roles::add);
    }
    List<String> tenants = strings(tenantsClaim);
    boolean all = roles.contains(Role.PLATFORM_ADMIN) || tenants.contains(ALL_TENANTS);
    return new Caller(name, roles, all, Set.copyOf(tenants));
  }

  /** Whether it holds one of {@code allowed}. */
  public boolean holdsAny(Role... allowed) {
    for (Role r : allowed) {
      if (roles.contains(r)) {
        return true;
      }
    }
    return false;
  }

  /** Whether it may act on {@code tenant}. */
  public boolean sees(TenantId tenant) {
    return allTenants || tenants.contains(tenant.value());
  }

  private static List<String> strings(Object claim) {
    List<String> out = new ArrayList<>();
    if (claim instanceof JsonArray array) {
      for (JsonValue v : array) {
        if (v instanceof JsonString s) {
          out.add(s.getString());
        }
      }
    } else if (claim instanceof JsonString s) {
      out.add(s.getString());
    } else if (claim instanceof Collection<?> c) {
      for (Object o : c) {
        if (o instanceof String s) {
          out.add(s);
        } else if (o instanceof JsonString s) {
          out.add(s.getString());
        }
      }
    } else if (claim instanceof String s) {
      out.add(s);
    }
    return out;
  }
}
