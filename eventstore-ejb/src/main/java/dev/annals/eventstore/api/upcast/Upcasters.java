package dev.annals.eventstore.api.upcast;

import dev.annals.eventstore.api.EventType;
import dev.annals.tenancy.api.TenantId;
import jakarta.ejb.Local;
import jakarta.json.JsonArray;
import java.util.List;

/**
 * A tenant's declarative upcasters. Each change is audited in the tenant's chain and takes effect
 * on this node at once, on other nodes within the cache's time to live ({@code
 * annals.upcasters.cache-ttl-ms}).
 */
@Local
public interface Upcasters {

  /**
   * Stores (or replaces) the upcaster of {@code type} at {@code fromVersion}.
   *
   * @param tenant the tenant
   * @param type the event type
   * @param fromVersion the schema version it lifts from, 1 or more
   * @param operations one or more operations
   * @return the stored definition
   * @throws dev.annals.tenancy.api.InvalidRequestException naming the operation at fault
   * @throws dev.annals.tenancy.api.TenantNotFoundException when the tenant does not exist
   */
  UpcasterDefinition put(TenantId tenant, EventType type, int fromVersion, JsonArray operations);

  /**
   * @param tenant the tenant
   * @return its upcasters by event type, then version
   * @throws dev.annals.tenancy.api.TenantNotFoundException when the tenant does not exist
   */
  List<UpcasterDefinition> list(TenantId tenant);

  /**
   * Removes one upcaster.
   *
   * @param tenant the tenant
   * @param type the event type
   * @param fromVersion the schema version it lifts from
   * @throws UpcasterNotFoundException when there is none
   * @throws dev.annals.tenancy.api.TenantNotFoundException when the tenant does not exist
   */
  void delete(TenantId tenant, EventType type, int fromVersion);
}
