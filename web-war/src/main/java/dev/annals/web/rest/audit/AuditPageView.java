package dev.annals.web.rest.audit;

import dev.annals.tenancy.api.AuditPage;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A page of an audit chain on the wire.
 *
 * @param records this page, in sequence order
 * @param next pass as {@code after} for the next page; null on the last page
 */
@Schema(name = "AuditPage")
public record AuditPageView(@Schema(required = true) List<AuditRecordView> records, Long next) {

  static AuditPageView from(AuditPage page) {
    return new AuditPageView(
        page.records().stream().map(AuditRecordView::from).toList(), page.next().orElse(null));
  }
}
