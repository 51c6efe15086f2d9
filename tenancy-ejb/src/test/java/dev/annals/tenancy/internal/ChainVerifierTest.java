package dev.annals.tenancy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.annals.tenancy.api.AuditRecord;
import dev.annals.tenancy.api.AuditVerification;
import dev.annals.tenancy.infrastructure.AuditRepository.Head;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every kind of tampering is reported at the first record that no longer proves itself. */
class ChainVerifierTest {

  private static final int N = 6;

  /** A valid chain of {@code n} records, hashed as the database would. */
  static List<AuditRecord> chain(int n) {
    List<AuditRecord> records = new ArrayList<>();
    String prev = AuditCanonicalForm.GENESIS;
    for (int i = 1; i <= n; i++) {
      AuditRecord r = record(i, "tenant.suspended", prev, "");
      r = rehash(r);
      records.add(r);
      prev = r.hash();
    }
    return records;
  }

  static AuditRecord record(long seq, String action, String prev, String hash) {
    return new AuditRecord(
        "tenant:acme",
        seq,
        Instant.parse("2026-11-30T12:00:00Z").plusMillis(seq),
        "alice",
        Optional.of("acme"),
        action,
        Optional.of("acme"),
        "succeeded",
        Optional.of("c-" + seq),
        "{}",
        prev,
        hash);
  }

  static AuditRecord rehash(AuditRecord r) {
    return copy(r, r.sequence(), r.action(), AuditCanonicalForm.hash(r));
  }

  static AuditRecord withSequence(AuditRecord r, long seq) {
    return copy(r, seq, r.action(), r.hash());
  }

  static AuditRecord withAction(AuditRecord r, String action) {
    return copy(r, r.sequence(), action, r.hash());
  }

  static AuditRecord copy(AuditRecord r, long seq, String action, String hash) {
    return new AuditRecord(
        r.chain(),
        seq,
        r.recordedAt(),
        r.principal(),
        r.tenant(),
        action,
        r.target(),
        r.outcome(),
        r.correlationId(),
        r.detail(),
        r.prevHash(),
        hash);
  }

  static AuditVerification verify(List<AuditRecord> stored, Head head) {
    ChainVerifier v = new ChainVerifier();
    stored.forEach(v::accept);
    return v.finish(Optional.of(head));
  }

  static Head headOf(List<AuditRecord> records) {
    return new Head(records.size(), records.get(records.size() - 1).hash());
  }

  static void assertBroken(AuditVerification v, long records, long at, String problem) {
    assertEquals(false, v.valid(), "valid");
    assertEquals(records, v.records(), "records");
    assertEquals(Optional.of(at), v.firstBrokenRecord(), "firstBrokenRecord");
    assertEquals(Optional.of(problem), v.problem(), "problem");
  }

  @Test
  void anIntactChainIsValid() {
    List<AuditRecord> c = chain(N);
    AuditVerification v = verify(c, headOf(c));
    assertEquals(true, v.valid());
    assertEquals(N, v.records());
    assertEquals(Optional.empty(), v.firstBrokenRecord());
    assertEquals(c.get(N - 1).hash(), v.headHash());
  }

  @Test
  void aChainWithNoRecordsAndNoHeadIsValid() {
    AuditVerification v = new ChainVerifier().finish(Optional.empty());
    assertEquals(true, v.valid());
    assertEquals(0, v.records());
    assertEquals(AuditCanonicalForm.GENESIS, v.headHash());
  }

  @Test
  void anEditedFieldBreaksItsRecord() {
    List<AuditRecord> c = chain(N);
    Head head = headOf(c);
    c.set(2, withAction(c.get(2), "tenant.resumed"));
    assertBroken(verify(c, head), N, 3, "hash");
  }

  @Test
  void anEditedAndRehashedRecordBreaksTheLinkOfTheNext() {
    List<AuditRecord> c = chain(N);
    Head head = headOf(c);
    c.set(2, rehash(withAction(c.get(2), "tenant.resumed")));
    assertBroken(verify(c, head), N, 4, "link");
  }

  @Test
  void aDeletedRecordIsAGapAtItsSequenceNumber() {
    List<AuditRecord> c = chain(N);
    Head head = headOf(c);
    c.remove(3);
    assertBroken(verify(c, head), N - 1, 4, "sequence");
  }

  @Test
  void twoRecordsSwappedBreakAtTheFirstOfThem() {
    List<AuditRecord> c = chain(N);
    Head head = headOf(c);
    // their sequence numbers swapped, so they are read in the other order
    AuditRecord second = withSequence(c.get(1), 3);
    AuditRecord third = withSequence(c.get(2), 2);
    c.set(1, third);
    c.set(2, second);
    assertBroken(verify(c, head), N, 2, "link");
    // or only the order changed (contents swapped, sequence numbers kept)
    List<AuditRecord> d = chain(N);
    Collections.swap(d, 1, 2);
    assertBroken(verify(d, head), N, 2, "sequence");
  }

  @Test
  void aForgedRecordWithAValidHashBreaksTheLinkOfTheRecordAfterIt() {
    List<AuditRecord> c = chain(N);
    Head head = headOf(c);
    AuditRecord forged = rehash(record(3, "tenant.resumed", c.get(1).hash(), ""));
    List<AuditRecord> tampered = new ArrayList<>(c.subList(0, 2));
    tampered.add(forged);
    for (AuditRecord r : c.subList(2, N)) {
      tampered.add(withSequence(r, r.sequence() + 1));
    }
    assertBroken(verify(tampered, head), N + 1, 4, "link");
  }

  @Test
  void anEditedLastRecordIsBrokenEvenWhenRehashed() {
    List<AuditRecord> c = chain(N);
    Head head = headOf(c);
    c.set(N - 1, withAction(c.get(N - 1), "x"));
    assertBroken(verify(c, head), N, N, "hash");
    c.set(N - 1, rehash(c.get(N - 1)));
    assertBroken(verify(c, head), N, N, "head");
  }

  @Test
  void aRemovedLastRecordIsMissingAccordingToTheHead() {
    List<AuditRecord> c = chain(N);
    Head head = headOf(c);
    c.remove(N - 1);
    assertBroken(verify(c, head), N - 1, N, "sequence");
  }

  @Test
  void aRecordAppendedBehindTheHeadIsReported() {
    List<AuditRecord> c = chain(N + 1);
    Head head = headOf(c.subList(0, N));
    assertBroken(verify(c, head), N + 1, N + 1, "head");
  }
}
