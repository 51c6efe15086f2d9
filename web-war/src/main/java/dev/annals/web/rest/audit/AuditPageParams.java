package dev.annals.web.rest.audit;

import dev.annals.tenancy.api.AuditChain;
import dev.annals.tenancy.api.AuditLog;
import dev.annals.web.rest.QueryParams;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The paging parameters of both audit chains' listings, as raw text (a bad one is a 400). */
public class AuditPageParams {

  /** Most records per page. */
  static final int MAX_LIMIT = 1000;

  @Parameter(
      description = "The 'next' of the previous page; absent or 0: from the first record",
      schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0"))
  @QueryParam("after")
  String after;

  @Parameter(
      description = "Records per page",
      schema =
          @Schema(
              type = SchemaType.INTEGER,
              format = "int32",
              minimum = "1",
              maximum = "1000",
              defaultValue = "100"))
  @QueryParam("limit")
  String limit;

  /** The page of {@code chain} these parameters ask for. */
  AuditPageView page(AuditLog audit, AuditChain chain) {
    long from = QueryParams.longAtLeast(after, "after", 0, 0);
    return AuditPageView.from(audit.page(chain, from, QueryParams.limit(limit, MAX_LIMIT)));
  }
}
