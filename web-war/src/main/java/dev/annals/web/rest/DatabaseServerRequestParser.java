package dev.annals.web.rest;

import dev.annals.tenancy.api.DatabaseServer;
import dev.annals.tenancy.api.InvalidRequestException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Set;

/** Turns a registration body ({@link DatabaseServerRequest}) into a server, strictly. */
final class DatabaseServerRequestParser {

  static final int DEFAULT_MAX_CONNECTIONS_PER_TENANT = 5;
  static final int DEFAULT_MAX_TENANTS = 20;

  private static final Set<String> FIELDS =
      Set.of("name", "host", "port", "credentials", "maxConnectionsPerTenant", "maxTenants");

  private DatabaseServerRequestParser() {}

  static DatabaseServer parse(JsonObject json) {
    TenantRequestParser.unknownFields(json, FIELDS, "");
    return new DatabaseServer(
        TenantRequestParser.string(json, "name", null),
        TenantRequestParser.string(json, "host", null),
        integer(json, "port", null),
        TenantRequestParser.string(json, "credentials", null),
        integer(json, "maxConnectionsPerTenant", DEFAULT_MAX_CONNECTIONS_PER_TENANT),
        integer(json, "maxTenants", DEFAULT_MAX_TENANTS));
  }

  private static int integer(JsonObject json, String field, Integer defaultValue) {
    JsonValue v = json.get(field);
    if ((v == null || v == JsonValue.NULL) && defaultValue != null) {
      return defaultValue;
    }
    if (!(v instanceof JsonNumber n) || !n.isIntegral()) {
      throw new InvalidRequestException("'" + field + "' is required and must be a whole number");
    }
    // out of int range: -1 is refused by every range check
    return n.bigIntegerValue().bitLength() > 31 ? -1 : n.intValue();
  }
}
