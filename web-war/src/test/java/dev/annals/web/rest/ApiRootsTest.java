package dev.annals.web.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.web.WebClasses;
import jakarta.ws.rs.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@link ApiRoots} answers 404 before the JAX-RS runtime matches: its segments must be exactly the
 * root resources' first segments, or a new resource would be hidden (or a removed one kept).
 */
class ApiRootsTest {

  @Test
  void firstSegmentsAreExactlyThoseOfTheRootResources() {
    Set<String> found = new TreeSet<>();
    int resources = 0;
    for (Class<?> type : WebClasses.all()) {
      Path path = type.getAnnotation(Path.class);
      if (path != null) {
        resources++;
        String p = path.value().startsWith("/") ? path.value().substring(1) : path.value();
        String first = p.contains("/") ? p.substring(0, p.indexOf('/')) : p;
        assertFalse(
            first.isEmpty() || first.contains("{"),
            type + ": a root resource must start with a fixed segment, not '" + p + "'");
        found.add(first);
      }
    }
    assertTrue(resources >= 12, "found only " + resources + " root resources");
    assertEquals(new TreeSet<>(ApiRoots.FIRST_SEGMENTS), found);
  }

  @Test
  void onlyAPlainUnknownFirstSegmentIsOutside() {
    assertTrue(ApiRoots.outside("/no-such-thing"));
    assertTrue(ApiRoots.outside("no-such-thing/tenants"));
    assertTrue(ApiRoots.outside("/Tenants"));
    assertTrue(ApiRoots.outside("/tenant/acme"));
    assertFalse(ApiRoots.outside("/tenants"));
    assertFalse(ApiRoots.outside("/tenants/acme/streams/s/events"));
    assertFalse(ApiRoots.outside("tokens"));
    assertFalse(ApiRoots.outside("/database-servers/x"));
    assertFalse(ApiRoots.outside("/audit"));
    // left to the JAX-RS runtime: nothing to gain, and its rules decide
    assertFalse(ApiRoots.outside(""));
    assertFalse(ApiRoots.outside("/"));
    assertFalse(ApiRoots.outside("//tenants"));
    assertFalse(ApiRoots.outside("/tenants;v=1/acme"));
    assertFalse(ApiRoots.outside("/ten%61nts/acme"));
  }
}
