package dev.annals.tenancy.api;

import java.util.Optional;

/**
 * The result of recomputing a chain.
 *
 * @param valid whether every record's sequence number, link and hash are right and the chain ends
 *     at its recorded head
 * @param records how many records the chain holds as stored
 * @param firstBrokenRecord the sequence number of the first record that does not prove itself:
 *     edited (hash), missing or out of place (sequence), not linked to its predecessor (link), or
 *     where the stored records and the head disagree (head); empty when valid
 * @param problem what is wrong there: {@code hash}, {@code sequence}, {@code link} or {@code head}
 * @param headHash the hash of the chain's last record (64 zeros for an empty chain): kept outside
 *     Annals, it lets a later verification prove that nothing was rewritten since
 */
public record AuditVerification(
    boolean valid,
    long records,
    Optional<Long> firstBrokenRecord,
    Optional<String> problem,
    String headHash) {}
