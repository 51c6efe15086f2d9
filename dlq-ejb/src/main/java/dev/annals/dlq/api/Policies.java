package dev.annals.dlq.api;

import dev.annals.tenancy.api.TenantId;
import jakarta.ejb.Local;

/**
 * Consumers' retry and breaker policies (set at run time, or the {@code annals.failures.*}
 * defaults) and their breakers' recorded state.
 */
@Local
public interface Policies {

  /** When the same error, fast, is poison ({@code annals.failures.poison.*}). */
  PoisonRule poisonRule();

  /** The policy of consumers that have none of their own ({@code annals.failures.*}). */
  ConsumerPolicy defaults();

  /** The consumer's policy: as set, else the defaults. */
  ConsumerPolicy policy(TenantId tenant, String consumerKind, String consumer);

  /** Sets the consumer's policy (audited by the caller's facade). */
  void set(TenantId tenant, String consumerKind, String consumer, ConsumerPolicy policy);

  /** Records a breaker transition, in a transaction of its own. */
  void recordBreaker(TenantId tenant, String consumerKind, String consumer, BreakerStatus status);

  /** The breaker as last recorded. */
  BreakerStatus breaker(TenantId tenant, String consumerKind, String consumer);

  /** The recorded breakers of the tenant's consumers of one kind, by consumer. */
  java.util.Map<String, BreakerStatus> breakers(TenantId tenant, String consumerKind);
}
