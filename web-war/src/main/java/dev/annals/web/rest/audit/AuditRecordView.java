package dev.annals.web.rest.audit;

import dev.annals.tenancy.api.AuditRecord;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One audit record on the wire.
 *
 * @param chain {@code platform} or {@code tenant:<id>}
 * @param sequence its place in the chain, from 1
 * @param time when it was appended: UTC, microseconds, as in the canonical form
 * @param principal who did it
 * @param tenant the tenant concerned, if any
 * @param action what was done
 * @param target what it was done on, if anything
 * @param outcome how it ended
 * @param correlationId the request's correlation id, if any
 * @param detail more about it
 * @param prevHash the previous record's hash
 * @param hash this record's hash
 */
@Schema(name = "AuditRecord")
public record AuditRecordView(
    @Schema(required = true, example = "platform") String chain,
    @Schema(required = true, minimum = "1") long sequence,
    @Schema(required = true, format = "date-time") String time,
    @Schema(required = true) String principal,
    String tenant,
    @Schema(required = true, example = "tenant.suspended") String action,
    String target,
    @Schema(
            required = true,
            enumeration = {"succeeded", "refused", "failed"})
        String outcome,
    String correlationId,
    @Schema(required = true, type = SchemaType.OBJECT, additionalProperties = Schema.True.class)
        JsonObject detail,
    @Schema(required = true, pattern = "^[0-9a-f]{64}$") String prevHash,
    @Schema(required = true, pattern = "^[0-9a-f]{64}$") String hash) {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  static AuditRecordView from(AuditRecord r) {
    return new AuditRecordView(
        r.chain(),
        r.sequence(),
        TIME.format(r.recordedAt()),
        r.principal(),
        r.tenant().orElse(null),
        r.action(),
        r.target().orElse(null),
        r.outcome(),
        r.correlationId().orElse(null),
        parse(r.detail()),
        r.prevHash(),
        r.hash());
  }

  private static JsonObject parse(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }
}
