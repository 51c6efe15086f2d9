package dev.annals.dlq.internal;

import dev.annals.dlq.api.BreakerStatus;
import dev.annals.dlq.api.ConsumerPolicy;
import dev.annals.dlq.api.PoisonRule;
import dev.annals.dlq.api.Policies;
import dev.annals.dlq.infrastructure.PolicyRepository;
import dev.annals.tenancy.api.TenantId;
import dev.annals.tenancy.api.UnavailableException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.Map;

/** Consumers' policies and breakers, in the tenant's place. */
@Stateless
public class PoliciesBean implements Policies {

  @Inject PolicyRepository repository;

  @Inject FailuresConfig config;

  @Inject DeadLetterMetrics metrics;

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public ConsumerPolicy defaults() {
    return config.defaults();
  }

  @Override
  public PoisonRule poisonRule() {
    return config.poisonRule();
  }

  @Override
  public ConsumerPolicy policy(TenantId tenant, String consumerKind, String consumer) {
    try {
      return repository.find(tenant, consumerKind, consumer).orElseGet(config::defaults);
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("read the policy of " + consumer, e);
    }
  }

  @Override
  public void set(TenantId tenant, String consumerKind, String consumer, ConsumerPolicy policy) {
    try {
      repository.save(tenant, consumerKind, consumer, policy);
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("set the policy of " + consumer, e);
    }
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void recordBreaker(
      TenantId tenant, String consumerKind, String consumer, BreakerStatus status) {
    metrics.breaker(tenant, consumerKind, consumer, status.state());
    try {
      repository.saveBreaker(tenant, consumerKind, consumer, status);
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("record the breaker of " + consumer, e);
    }
  }

  @Override
  public BreakerStatus breaker(TenantId tenant, String consumerKind, String consumer) {
    return breakers(tenant, consumerKind).getOrDefault(consumer, BreakerStatus.CLOSED);
  }

  @Override
  public Map<String, BreakerStatus> breakers(TenantId tenant, String consumerKind) {
    try {
      return repository.breakers(tenant, consumerKind);
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("read breakers", e);
    }
  }
}
