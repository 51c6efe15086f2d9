package dev.annals.web.rest;

import dev.annals.tenancy.api.InvalidRequestException;
import dev.annals.tenancy.api.TenantId;
import dev.annals.web.security.Caller;
import dev.annals.web.security.Role;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a token request ({@link TokenRequest}) strictly: every field checked, unknown ones refused.
 */
final class TokenRequestParser {

  static final long MIN_TTL_SECONDS = 60;
  static final long MAX_TTL_SECONDS = 30L * 24 * 3600;
  static final long DEFAULT_TTL_SECONDS = 3600;

  private static final Set<String> FIELDS = Set.of("subject", "roles", "tenants", "ttlSeconds");
  private static final Pattern SUBJECT = Pattern.compile("^[A-Za-z0-9._:@+=-]{1,200}$");

  /** A parsed request. */
  record ParsedToken(String subject, List<String> roles, List<String> tenants, Duration ttl) {}

  private TokenRequestParser() {}

  /**
   * @param scrapeRole the role that may read /metrics ({@code annals.metrics.role}), if one is
   *     configured: a token may carry it besides the platform's roles
   */
  static ParsedToken parse(JsonObject json, Optional<String> scrapeRole) {
    TenantRequestParser.unknownFields(json, FIELDS, "");
    String subject = TenantRequestParser.string(json, "subject", null);
    if (!SUBJECT.matcher(subject).matches()) {
      throw new InvalidRequestException("'subject' must be 1-200 letters, digits or . _ : @ + = -");
    }
    List<String> roles = strings(json, "roles");
    if (roles.isEmpty()) {
      throw new InvalidRequestException("'roles' needs at least one role");
    }
    for (String r : roles) {
      if (Role.fromClaim(r).isEmpty() && !scrapeRole.filter(r::equals).isPresent()) {
        List<String> known =
            new ArrayList<>(Arrays.stream(Role.values()).map(Role::claim).toList());
        scrapeRole.ifPresent(known::add);
        throw new InvalidRequestException(
            "Unknown role '"
                + TenantRequestParser.shown(r)
                + "'; roles: "
                + String.join(", ", known));
      }
    }
    List<String> tenants = json.containsKey("tenants") ? strings(json, "tenants") : List.of();
    for (String t : tenants) {
      if (!t.equals(Caller.ALL_TENANTS)) {
        try {
          new TenantId(t);
        } catch (InvalidRequestException e) {
          throw new InvalidRequestException(
              "'tenants' entry '"
                  + TenantRequestParser.shown(t)
                  + "' is neither \"*\" nor a tenant id: "
                  + e.getMessage());
        }
      }
    }
    return new ParsedToken(subject, List.copyOf(roles), List.copyOf(tenants), ttl(json));
  }

  private static Duration ttl(JsonObject json) {
    JsonValue v = json.get("ttlSeconds");
    if (v == null || v == JsonValue.NULL) {
      return Duration.ofSeconds(DEFAULT_TTL_SECONDS);
    }
    if (!(v instanceof JsonNumber n)
        || !n.isIntegral()
        || n.bigIntegerValue().bitLength() > 62
        || n.longValue() < MIN_TTL_SECONDS
        || n.longValue() > MAX_TTL_SECONDS) {
      throw new InvalidRequestException(
          "'ttlSeconds' must be a whole number from "
              + MIN_TTL_SECONDS
              + " to "
              + MAX_TTL_SECONDS
              + " (30 days)");
    }
    return Duration.ofSeconds(n.longValue());
  }

  private static List<String> strings(JsonObject json, String field) {
    JsonValue v = json.get(field);
    if (!(v instanceof JsonArray array)) {
      throw new InvalidRequestException("'" + field + "' must be an array of strings");
    }
    List<String> out = new ArrayList<>();
    for (JsonValue e : array) {
      if (!(e instanceof JsonString s)) {
        throw new InvalidRequestException("'" + field + "' must be an array of strings");
      }
      out.add(s.getString());
    }
    return out;
  }
}
