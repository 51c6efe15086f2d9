package dev.annals.tenancy.internal;

import dev.annals.tenancy.api.AuditRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The canonical form of an audit record (version 1) and its SHA-256, computed here independently of
 * the database's {@code annals.audit_canonical}, so that verification does not trust the database's
 * function. The form is the line {@code annals-audit-v1}, then one line per field in a fixed order,
 * each {@code -} for an absent value or {@code <UTF-8 byte length>:<value>}: the length prefix
 * makes the form unambiguous without escaping anything.
 */
public final class AuditCanonicalForm {

  /** The previous hash of a chain's first record. */
  public static final String GENESIS = "0".repeat(64);

  static final String VERSION = "annals-audit-v1";

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private AuditCanonicalForm() {}

  /** The canonical text of {@code r}: every field but its own hash, the previous hash included. */
  public static String of(AuditRecord r) {
    StringBuilder b = new StringBuilder(256).append(VERSION);
    field(b, r.chain());
    field(b, Long.toString(r.sequence()));
    field(b, TIME.format(r.recordedAt()));
    field(b, r.principal());
    field(b, r.tenant().orElse(null));
    field(b, r.action());
    field(b, r.target().orElse(null));
    field(b, r.outcome());
    field(b, r.correlationId().orElse(null));
    field(b, r.detail());
    field(b, r.prevHash());
    return b.toString();
  }

  /** The SHA-256 of the canonical form's UTF-8 bytes, lowercase hex. */
  public static String hash(AuditRecord r) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(of(r).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static void field(StringBuilder b, String value) {
    b.append('\n');
    if (value == null) {
      b.append('-');
    } else {
      b.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value);
    }
  }
}
