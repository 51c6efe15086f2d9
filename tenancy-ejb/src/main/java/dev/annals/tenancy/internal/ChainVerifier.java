package dev.annals.tenancy.internal;

import dev.annals.tenancy.api.AuditRecord;
import dev.annals.tenancy.api.AuditVerification;
import dev.annals.tenancy.infrastructure.AuditRepository.Head;
import java.util.Optional;

/**
 * Checks a chain one record at a time, in stored sequence order, so a chain of any length is
 * verified in constant memory. The first record that does not prove itself is kept; later records
 * are only counted (once a link is broken, everything after it is unproven anyway).
 */
final class ChainVerifier {

  private long expected = 1;
  private String previous = AuditCanonicalForm.GENESIS;
  private long stored;
  private Long broken;
  private String problem;

  /** Takes the next stored record. */
  void accept(AuditRecord r) {
    stored++;
    if (broken != null) {
      return;
    }
    if (r.sequence() != expected) {
      fail(expected, "sequence"); // missing, duplicated or out of place
    } else if (!previous.equals(r.prevHash())) {
      fail(expected, "link");
    } else if (!AuditCanonicalForm.hash(r).equals(r.hash())) {
      fail(expected, "hash");
    } else {
      previous = r.hash();
      expected++;
    }
  }

  /**
   * The verdict once every record was taken: the records must also end where the head says (so a
   * removed last record, or one appended behind the log's back, is noticed).
   *
   * @param head the recorded head; empty when the chain has none (it never had a record)
   */
  AuditVerification finish(Optional<Head> head) {
    long proven = expected - 1;
    if (broken == null) {
      Head h = head.orElse(new Head(0, AuditCanonicalForm.GENESIS));
      if (h.records() > proven) {
        fail(proven + 1, "sequence"); // the head knows of records that are gone
      } else if (h.records() < proven) {
        fail(h.records() + 1, "head"); // records beyond the head were never appended by Annals
      } else if (!h.hash().equals(previous)) {
        fail(Math.max(1, proven), "head");
      }
    }
    String headHash = head.map(Head::hash).orElse(AuditCanonicalForm.GENESIS);
    return new AuditVerification(
        broken == null,
        stored,
        Optional.ofNullable(broken),
        Optional.ofNullable(problem),
        headHash);
  }

  private void fail(long sequence, String what) {
    broken = sequence;
    problem = what;
  }
}
