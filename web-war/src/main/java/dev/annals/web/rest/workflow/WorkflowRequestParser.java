package dev.annals.web.rest.workflow;

import static dev.annals.web.rest.TenantRequestParser.string;
import static dev.annals.web.rest.TenantRequestParser.unknownFields;

import dev.annals.eventstore.api.StorableJson;
import dev.annals.eventstore.api.workflow.Workflow;
import dev.annals.tenancy.api.InvalidRequestException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Turns workflow command bodies into calls of {@link Workflow}'s command methods, strictly: unknown
 * fields are refused by name, and a missing or mistyped field is named. Blank or too long text is
 * refused by the workflow itself, naming the field too.
 */
final class WorkflowRequestParser {

  private static final Set<String> CREATE = Set.of("title", "question", "methodology");
  private static final Set<String> STEP = Set.of("name", "result");
  private static final Set<String> FAIL = Set.of("reason");

  private WorkflowRequestParser() {}

  static Consumer<Workflow> create(JsonObject json) {
    unknownFields(json, CREATE, "");
    String title = string(json, "title", null);
    String question = string(json, "question", null);
    String methodology = string(json, "methodology", null);
    return w -> w.create(title, question, methodology);
  }

  static Consumer<Workflow> step(JsonObject json) {
    unknownFields(json, STEP, "");
    String name = string(json, "name", null);
    JsonValue result = json.get("result");
    if (result != null) {
      StorableJson.check(result, "result");
    }
    return w -> w.completeStep(name, result);
  }

  static Consumer<Workflow> fail(JsonObject json) {
    unknownFields(json, FAIL, "");
    String reason = string(json, "reason", null);
    return w -> w.fail(reason);
  }

  /** A workflow id from the path: a UUID in its canonical form. */
  static String id(String raw) {
    try {
      if (raw != null && raw.length() == 36 && UUID.fromString(raw).toString().equals(raw)) {
        return raw;
      }
    } catch (IllegalArgumentException e) {
      // refused below
    }
    throw new InvalidRequestException(
        "'workflowId' must be a workflow id: a lower-case UUID like 3f2b1c9e-2b7d-4c1a-9d0e-5f6a7b8c9d01");
  }

  /**
   * The version an {@code If-Match} header names ({@code "3"}, {@code 3} or {@code W/"3"}), or null
   * without one.
   */
  static Long ifMatch(String raw) {
    if (raw == null) {
      return null;
    }
    String v = raw.strip();
    if (v.startsWith("W/")) {
      v = v.substring(2);
    }
    if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
      v = v.substring(1, v.length() - 1);
    }
    if (!v.isEmpty() && v.length() <= 18 && v.chars().allMatch(c -> c >= '0' && c <= '9')) {
      long version = Long.parseLong(v);
      if (version >= 1) {
        return version;
      }
    }
    throw new InvalidRequestException(
        "'If-Match' must be the workflow's version (1 or more), e.g. \"3\"");
  }

  /** When to show a workflow: a version (1 or more) or an RFC 3339 time. */
  sealed interface AsOf {
    /** Its state after this version. */
    record Version(long version) implements AsOf {}

    /** Its state with the events recorded at or before this time. */
    record Time(Instant time) implements AsOf {}
  }

  static AsOf asOf(String raw) {
    if (!raw.isEmpty() && raw.chars().allMatch(c -> c >= '0' && c <= '9') && raw.length() <= 18) {
      long version = Long.parseLong(raw);
      if (version >= 1) {
        return new AsOf.Version(version);
      }
    } else {
      try {
        return new AsOf.Time(OffsetDateTime.parse(raw).toInstant());
      } catch (DateTimeParseException e) {
        // refused below
      }
    }
    throw new InvalidRequestException(
        "'asOf' must be a version (1 or more) or an RFC 3339 time like 2026-11-30T12:00:00Z");
  }
}
