package dev.annals.dlq.api;

import jakarta.ejb.Local;

/** Where consumer kinds register their {@link Redelivery}, by kind. */
@Local
public interface RedeliveryRegistry {

  /** Registers (or replaces) the redelivery of {@code consumerKind}. */
  void register(String consumerKind, Redelivery redelivery);
}
