package dev.annals.dlq.internal;

import dev.annals.dlq.api.Redelivery;
import dev.annals.dlq.api.RedeliveryRegistry;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The consumer kinds' redeliveries. Registration rather than CDI discovery: implementations live in
 * modules that depend on this one, never the other way.
 */
@Singleton
@jakarta.ejb.LocalBean
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RedeliveryRegistryBean implements RedeliveryRegistry {

  private final Map<String, Redelivery> byKind = new ConcurrentHashMap<>();

  @Override
  public void register(String consumerKind, Redelivery redelivery) {
    byKind.put(consumerKind, redelivery);
  }

  /** The redelivery of a kind, if one registered. */
  public Optional<Redelivery> find(String consumerKind) {
    return Optional.ofNullable(byKind.get(consumerKind));
  }
}
