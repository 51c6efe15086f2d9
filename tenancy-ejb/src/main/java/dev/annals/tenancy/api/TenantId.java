package dev.annals.tenancy.api;

import java.util.regex.Pattern;

/**
 * A tenant's id: {@code ^[a-z][a-z0-9_]{2,39}$}. Validated here, at the edge, because it later
 * becomes part of schema, database and role names.
 *
 * @param value the id
 */
public record TenantId(String value) {

  private static final Pattern PATTERN = Pattern.compile("^[a-z][a-z0-9_]{2,39}$");

  /**
   * @throws InvalidRequestException when the value does not match the pattern
   */
  public TenantId {
    if (value == null || value.length() > 40 || !PATTERN.matcher(value).matches()) {
      throw new InvalidRequestException(
          "Tenant id must be 3-40 characters of lowercase letters, digits and '_', starting with"
              + " a letter (^[a-z][a-z0-9_]{2,39}$)");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
