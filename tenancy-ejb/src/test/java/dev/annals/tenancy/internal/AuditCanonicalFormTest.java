package dev.annals.tenancy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.annals.tenancy.api.AuditRecord;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The canonical form and hash, against vectors computed by PostgreSQL's {@code
 * annals.audit_canonical}/{@code annals.audit_hash} (and Python's hashlib): Java and the database
 * must agree byte for byte.
 */
class AuditCanonicalFormTest {

  static AuditRecord sample() {
    return new AuditRecord(
        "tenant:acme",
        3,
        Instant.parse("2026-11-30T12:21:13.731561Z"),
        "UNAUTHENTICATED",
        Optional.of("acme"),
        "tenant.resumed",
        Optional.of("acme"),
        "succeeded",
        Optional.of("corr-1"),
        "{\"a\": \"é\", \"b\": 1}",
        "6364aca0bf0378ef027afadf1d0d2ffebeccd22c08fa55231f2de49329d7f4bf",
        "71ab617f85c52abf394c059cc5d5fea0982b383c713f3d37e09a85379d54fb7f");
  }

  @Test
  void canonicalFormIsLengthPrefixedFieldsInFixedOrder() {
    assertEquals(
        "annals-audit-v1\n11:tenant:acme\n1:3\n27:2026-11-30T12:21:13.731561Z\n15:UNAUTHENTICATED"
            + "\n4:acme\n14:tenant.resumed\n4:acme\n9:succeeded\n6:corr-1"
            + "\n19:{\"a\": \"é\", \"b\": 1}"
            + "\n64:6364aca0bf0378ef027afadf1d0d2ffebeccd22c08fa55231f2de49329d7f4bf",
        AuditCanonicalForm.of(sample()));
  }

  @Test
  void hashMatchesTheDatabasesHashOfTheSameRecord() {
    assertEquals(sample().hash(), AuditCanonicalForm.hash(sample()));
  }

  @Test
  void absentFieldsAreADashAndTimesKeepTheirMicroseconds() {
    AuditRecord r =
        new AuditRecord(
            "platform",
            1,
            Instant.parse("2026-01-02T03:04:05.000007Z"),
            "p",
            Optional.empty(),
            "a",
            Optional.empty(),
            "refused",
            Optional.empty(),
            "{}",
            AuditCanonicalForm.GENESIS,
            "");
    assertEquals(
        "annals-audit-v1\n8:platform\n1:1\n27:2026-01-02T03:04:05.000007Z\n1:p\n-\n1:a\n-"
            + "\n7:refused\n-\n2:{}\n64:"
            + AuditCanonicalForm.GENESIS,
        AuditCanonicalForm.of(r));
    assertEquals(
        "b923b0b29e8c42e13df61aa9ebeb53244fcfad383f779d71dedae0321e11fd4a",
        AuditCanonicalForm.hash(r));
  }

  @Test
  void anAbsentValueDiffersFromTheTextDashAndFromAnEmptyValue() {
    AuditRecord absent = sample();
    AuditRecord dash = withTarget(Optional.of("-"));
    AuditRecord empty = withTarget(Optional.of(""));
    AuditRecord none = withTarget(Optional.empty());
    assertNotEquals(AuditCanonicalForm.hash(dash), AuditCanonicalForm.hash(none));
    assertNotEquals(AuditCanonicalForm.hash(empty), AuditCanonicalForm.hash(none));
    assertNotEquals(AuditCanonicalForm.hash(absent), AuditCanonicalForm.hash(none));
  }

  @Test
  void aValueCannotPassForTwoFields() {
    // without the length prefix, "a\n1:b" as the principal would read as two fields
    AuditRecord shifted =
        new AuditRecord(
            "platform",
            1,
            Instant.EPOCH,
            "a\n1:b",
            Optional.empty(),
            "c",
            Optional.empty(),
            "succeeded",
            Optional.empty(),
            "{}",
            AuditCanonicalForm.GENESIS,
            "");
    AuditRecord plain =
        new AuditRecord(
            "platform",
            1,
            Instant.EPOCH,
            "a",
            Optional.of("b"),
            "c",
            Optional.empty(),
            "succeeded",
            Optional.empty(),
            "{}",
            AuditCanonicalForm.GENESIS,
            "");
    assertNotEquals(AuditCanonicalForm.of(shifted), AuditCanonicalForm.of(plain));
  }

  private static AuditRecord withTarget(Optional<String> target) {
    AuditRecord s = sample();
    return new AuditRecord(
        s.chain(),
        s.sequence(),
        s.recordedAt(),
        s.principal(),
        s.tenant(),
        s.action(),
        target,
        s.outcome(),
        s.correlationId(),
        s.detail(),
        s.prevHash(),
        s.hash());
  }
}
