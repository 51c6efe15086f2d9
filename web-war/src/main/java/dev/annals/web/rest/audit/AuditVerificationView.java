package dev.annals.web.rest.audit;

import dev.annals.tenancy.api.AuditVerification;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A chain's verification on the wire.
 *
 * @param valid whether every record proves itself and the chain ends at its recorded head
 * @param records how many records the chain holds
 * @param firstBrokenRecord the sequence number of the first record that does not prove itself;
 *     absent when valid
 * @param problem what is wrong there; absent when valid
 * @param headHash the last record's hash: keep it elsewhere to detect a later rewrite
 */
@Schema(name = "AuditVerification")
public record AuditVerificationView(
    @Schema(required = true) boolean valid,
    @Schema(required = true, minimum = "0") long records,
    @Schema(minimum = "1") Long firstBrokenRecord,
    @Schema(
            enumeration = {"hash", "sequence", "link", "head"},
            description =
                "hash: the record was edited; sequence: a record is missing or out of place;"
                    + " link: it does not follow its predecessor (reordered, forged or edited"
                    + " before it); head: the records and the recorded head disagree")
        String problem,
    @Schema(required = true, pattern = "^[0-9a-f]{64}$") String headHash) {

  static AuditVerificationView from(AuditVerification v) {
    return new AuditVerificationView(
        v.valid(),
        v.records(),
        v.firstBrokenRecord().orElse(null),
        v.problem().orElse(null),
        v.headHash());
  }
}
