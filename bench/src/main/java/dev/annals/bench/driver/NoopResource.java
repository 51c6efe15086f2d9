package dev.annals.bench.driver;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The floor the per-request cost of Annals' API is compared with: a JAX-RS GET that does nothing,
 * in the same server and the same Liberty features, but in the driver's own application, so none of
 * Annals' providers (filters, exception mappers, JSON-B) run for it.
 */
@Path("noop")
public class NoopResource {

  /** Answers a two-byte text body. */
  @GET
  @Produces(MediaType.TEXT_PLAIN)
  public String get() {
    return "ok";
  }
}
