package dev.annals.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.web.rest.ApiEntryFilter;
import dev.annals.web.rest.TenantLimitsResource;
import dev.annals.web.rest.TokenResource;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.PreMatching;
import java.io.InputStream;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/tokens} answers 404 to every caller while the development issuer is off. The
 * test server always runs with the issuer on (the tests sign with its key), so an integration test
 * cannot switch it off; this checks the rule and that the gate runs after authentication and before
 * the role check (so a non-admin gets the same 404 as an admin, not a 403).
 */
class DevelopmentIssuerGateTest {

  private static final Method MINT = method(TokenResource.class, "mint", InputStream.class);

  @Test
  void tokenEndpointIsHiddenWhileTheIssuerIsOff() {
    assertTrue(DevelopmentIssuerGate.hidden(MINT, false));
    assertFalse(DevelopmentIssuerGate.hidden(MINT, true));
  }

  @Test
  void otherOperationsAreNeverHidden() {
    Method limits = method(TenantLimitsResource.class, "get", String.class);
    assertFalse(DevelopmentIssuerGate.hidden(limits, false));
    assertFalse(DevelopmentIssuerGate.hidden(null, false)); // unmatched: JAX-RS answers 404 itself
  }

  @Test
  void gateRunsAfterAuthenticationAndBeforeTheRoleCheck() {
    int gate = DevelopmentIssuerGate.class.getAnnotation(Priority.class).value();
    assertEquals(DevelopmentIssuerGate.PRIORITY, gate);
    assertTrue(ApiEntryFilter.class.isAnnotationPresent(PreMatching.class));
    assertFalse(DevelopmentIssuerGate.class.isAnnotationPresent(PreMatching.class));
    int access = AccessFilter.class.getAnnotation(Priority.class).value();
    assertEquals(Priorities.AUTHORIZATION, access);
    assertTrue(gate < access, "the gate must run before AccessFilter");
  }

  private static Method method(Class<?> type, String name, Class<?>... parameters) {
    try {
      return type.getMethod(name, parameters);
    } catch (NoSuchMethodException e) {
      throw new AssertionError(e);
    }
  }
}
