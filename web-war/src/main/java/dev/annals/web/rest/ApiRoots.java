package dev.annals.web.rest;

import java.util.Set;

/**
 * The first path segments under {@code /api} that some resource answers. A request whose first
 * segment is none of them matches no resource whatever its method, so {@link ApiEntryFilter}
 * answers it 404 at once, after authentication, with the document the JAX-RS runtime's own 404
 * gets: without matching it against every resource and without the runtime's {@code
 * NotFoundException} (a stack trace per request). {@code ApiRootsTest} fails the build when a root
 * resource's path starts with a segment missing here, or one here starts no resource.
 */
public final class ApiRoots {

  /** Every root resource's first path segment. */
  static final Set<String> FIRST_SEGMENTS =
      Set.of("tenants", "tokens", "database-servers", "audit");

  private ApiRoots() {}

  /**
   * Whether no resource answers {@code path} (the request's path below {@code /api}, still
   * URI-encoded, with or without its leading slash). Anything unusual in the first segment (empty,
   * encoded, with matrix parameters) is left to the JAX-RS runtime: false.
   */
  static boolean outside(String path) {
    int start = path.startsWith("/") ? 1 : 0;
    int end = path.indexOf('/', start);
    String first = end < 0 ? path.substring(start) : path.substring(start, end);
    if (first.isEmpty() || first.indexOf(';') >= 0 || first.indexOf('%') >= 0) {
      return false;
    }
    return !FIRST_SEGMENTS.contains(first);
  }
}
