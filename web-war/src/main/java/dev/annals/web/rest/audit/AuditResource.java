package dev.annals.web.rest.audit;

import dev.annals.tenancy.api.AuditChain;
import dev.annals.tenancy.api.AuditLog;
import dev.annals.web.error.Problem;
import dev.annals.web.error.ProblemView;
import dev.annals.web.security.Allowed;
import dev.annals.web.security.Role;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The platform's audit chain: every administrative action on the platform and its tenants. */
@Path("audit")
@RequestScoped
@Tag(
    name = "Audit",
    description =
        "The hash-chained audit log: one chain for the platform, one per tenant; page and verify")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

  @EJB AuditLog audit;

  @GET
  @Allowed(value = Role.PLATFORM_ADMIN, tenantInPath = false)
  @Operation(
      operationId = "listAuditRecords",
      summary = "Page the platform's audit chain, in sequence order")
  @APIResponse(
      responseCode = "200",
      description = "A page: {records, next}",
      content = @Content(schema = @Schema(implementation = AuditPageView.class)))
  @APIResponse(
      responseCode = "400",
      description = "Invalid 'after' or 'limit'",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemView.class)))
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public AuditPageView list(@BeanParam AuditPageParams paging) {
    return paging.page(audit, AuditChain.platform());
  }

  @GET
  @Allowed(value = Role.PLATFORM_ADMIN, tenantInPath = false)
  @Path("verify")
  @Operation(
      operationId = "verifyAuditChain",
      summary = "Recompute the platform's audit chain",
      description =
          "Recomputes every record's SHA-256 and link, and checks the chain ends at its recorded"
              + " head. Reads the whole chain: minutes for millions of records.")
  @APIResponse(
      responseCode = "200",
      description = "The verdict; firstBrokenRecord names the first record that is wrong",
      content = @Content(schema = @Schema(implementation = AuditVerificationView.class)))
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public AuditVerificationView verify() {
    return AuditVerificationView.from(audit.verify(AuditChain.platform()));
  }
}
