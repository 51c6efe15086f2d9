package dev.annals.web.rest;

import dev.annals.tenancy.api.DatabaseServer;
import dev.annals.tenancy.api.InvalidRequestException;
import dev.annals.tenancy.api.Isolation;
import dev.annals.tenancy.api.TenantId;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Optional;
import java.util.Set;

/**
 * Turns tenant-creation and move bodies into the tenancy module's terms, strictly: unknown fields
 * are refused by name, so a misspelt option is an error rather than silently ignored ({@link
 * TenantCreateRequest} and {@link TenantMoveRequest} document the shapes).
 */
public final class TenantRequestParser {

  private static final Set<String> CREATE_FIELDS = Set.of("id", "name", "isolation", "database");
  private static final Set<String> SERVER_FIELDS = Set.of("server");
  private static final Set<String> MOVE_FIELDS = Set.of("isolation", "database");

  /** A parsed creation. */
  record ParsedCreate(TenantId id, String name, Isolation isolation, Optional<String> server) {}

  /** A parsed move. */
  record ParsedMove(Isolation to, Optional<String> server) {}

  private TenantRequestParser() {}

  static ParsedCreate create(JsonObject json) {
    unknownFields(json, CREATE_FIELDS, "");
    TenantId id = new TenantId(string(json, "id", null));
    String name = string(json, "name", null);
    Isolation isolation = Isolation.parse(string(json, "isolation", "shared"));
    return new ParsedCreate(id, name, isolation, server(json.get("database")));
  }

  static ParsedMove move(JsonObject json) {
    unknownFields(json, MOVE_FIELDS, "");
    Isolation to = Isolation.parse(string(json, "isolation", null));
    return new ParsedMove(to, server(json.get("database")));
  }

  /**
   * The registered server a {@code database} member names. A host, port or credentials there are
   * refused by name: Annals connects only to servers a platform admin registered.
   */
  private static Optional<String> server(JsonValue value) {
    if (value == null || value == JsonValue.NULL) {
      return Optional.empty();
    }
    if (!(value instanceof JsonObject o)) {
      throw new InvalidRequestException(
          "'database' must be an object {\"server\": \"<registered server name>\"}");
    }
    for (String field : o.keySet()) {
      if (field.equals("host") || field.equals("port")) {
        throw new InvalidRequestException(
            "'database."
                + field
                + "' is not accepted: name a registered database server in 'database.server'");
      }
    }
    unknownFields(o, SERVER_FIELDS, "database.");
    JsonValue server = o.get("server");
    if (!(server instanceof JsonString s)) {
      throw new InvalidRequestException("'database.server' is required and must be a string");
    }
    return Optional.of(DatabaseServer.checkName(s.getString()));
  }

  /** A string field; its default when absent, or a 400 naming it when there is none. */
  public static String string(JsonObject json, String field, String defaultValue) {
    JsonValue v = json.get(field);
    if (v == null || v == JsonValue.NULL) {
      if (defaultValue != null) {
        return defaultValue;
      }
      throw new InvalidRequestException("'" + field + "' is required and must be a string");
    }
    if (!(v instanceof JsonString s)) {
      throw new InvalidRequestException("'" + field + "' must be a string");
    }
    return s.getString();
  }

  /** A caller-supplied text as an error message quotes it: at most 64 characters. */
  static String shown(String raw) {
    return raw.length() > 64 ? raw.substring(0, 64) + "…" : raw;
  }

  /** Refuses a field outside {@code known}, naming it and the allowed ones. */
  public static void unknownFields(JsonObject json, Set<String> known, String prefix) {
    for (String key : json.keySet()) {
      if (!known.contains(key)) {
        throw new InvalidRequestException(
            "Unknown field '"
                + prefix
                + shown(key)
                + "'; allowed: "
                + String.join(", ", known.stream().sorted().toList()));
      }
    }
  }
}
