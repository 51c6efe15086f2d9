package dev.annals.web.rest.audit;

import dev.annals.tenancy.api.AuditChain;
import dev.annals.tenancy.api.AuditLog;
import dev.annals.tenancy.api.TenantId;
import dev.annals.web.error.Problem;
import dev.annals.web.error.ProblemView;
import dev.annals.web.security.Allowed;
import dev.annals.web.security.Role;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A tenant's audit chain: what was done to and within the tenant. It outlives the tenant: a deleted
 * or purged tenant's chain still answers here (not 410/404), so it can be verified after the end.
 */
@Path("tenants/{tenant}/audit")
@RequestScoped
@Tag(name = "Audit")
@Produces(MediaType.APPLICATION_JSON)
public class TenantAuditResource {

  @EJB AuditLog audit;

  @GET
  @Allowed({Role.PLATFORM_ADMIN, Role.TENANT_ADMIN})
  @Operation(
      operationId = "listTenantAuditRecords",
      summary = "Page a tenant's audit chain, in sequence order (also of a deleted tenant)")
  @APIResponse(
      responseCode = "200",
      description = "A page: {records, next}",
      content = @Content(schema = @Schema(implementation = AuditPageView.class)))
  @APIResponse(
      responseCode = "400",
      description = "Invalid tenant id, 'after' or 'limit'",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemView.class)))
  @APIResponse(responseCode = "404", ref = "TenantNotFound")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public AuditPageView list(
      @Parameter(ref = "tenant") @PathParam("tenant") String tenant,
      @BeanParam AuditPageParams paging) {
    return paging.page(audit, AuditChain.of(new TenantId(tenant)));
  }

  @GET
  @Allowed({Role.PLATFORM_ADMIN, Role.TENANT_ADMIN})
  @Path("verify")
  @Operation(
      operationId = "verifyTenantAuditChain",
      summary = "Recompute a tenant's audit chain (also of a deleted or purged tenant)")
  @APIResponse(
      responseCode = "200",
      description = "The verdict; firstBrokenRecord names the first record that is wrong",
      content = @Content(schema = @Schema(implementation = AuditVerificationView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "TenantNotFound")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public AuditVerificationView verify(
      @Parameter(ref = "tenant") @PathParam("tenant") String tenant) {
    return AuditVerificationView.from(audit.verify(AuditChain.of(new TenantId(tenant))));
  }
}
