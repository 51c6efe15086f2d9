package dev.annals.saga.internal.deadletter;

import dev.annals.dlq.api.DeadLetter;
import dev.annals.dlq.api.Redelivery;
import dev.annals.eventstore.api.aggregate.BusinessRuleViolationException;
import dev.annals.saga.api.SagaId;
import dev.annals.saga.api.SagaNotFoundException;
import dev.annals.saga.api.SagaState;
import dev.annals.saga.api.SagaView;
import dev.annals.saga.api.Sagas;
import dev.annals.saga.api.StepState;
import dev.annals.saga.api.StepStatus;
import dev.annals.tenancy.api.ConflictException;
import dev.annals.tenancy.api.TenantId;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sagas' side of the dead-letter SPI ({@link Redelivery}, registered by the saga driver): redriving
 * a saga's letter is an operator's retry of the saga ({@link Sagas#retry}, audited), after which
 * the redrive waits for the saga to rest. Compensated (or cancelled) is a delivery; failing again
 * keeps the letter open. A saga that an operator already retried through the saga API, or that
 * another redrive is compensating, is followed rather than retried again, so the two paths never
 * compensate twice; a saga compensated meanwhile makes the redrive a no-op that succeeds.
 */
@Stateless
@LocalBean
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SagaRedelivery {

  @EJB Sagas sagas;

  /**
   * How long a redrive waits for the retried saga to rest ({@code annals.sagas.redrive-wait-ms}).
   */
  @Inject
  @ConfigProperty(name = "annals.sagas.redrive-wait-ms", defaultValue = "30000")
  long redriveWaitMs;

  /**
   * @see Redelivery#redeliver
   */
  public void redeliver(TenantId tenant, DeadLetter letter) throws SagaNotCompensatedException {
    SagaId id =
        SagaLetters.saga(letter.streamId())
            .orElseThrow(
                () ->
                    new ConflictException(
                        "Dead letter " + letter.id() + " names no saga: discard it"));
    if (show(tenant, id, letter).state() == SagaState.COMPENSATION_FAILED) {
      try {
        sagas.retry(tenant, id);
      } catch (BusinessRuleViolationException | ConflictException movedOn) {
        // Retried meanwhile (the saga API, another redrive): follow that run instead.
      }
    }
    SagaView rest = awaitRest(tenant, id, letter);
    if (!rest.state().isFinal()) {
      throw new SagaNotCompensatedException(
          "saga '" + id + "' is " + rest.state().wireName() + why(rest));
    }
  }

  /** The saga once it stops moving, or as it is when the wait is over. */
  private SagaView awaitRest(TenantId tenant, SagaId id, DeadLetter letter) {
    long deadline = System.currentTimeMillis() + Math.max(0, redriveWaitMs);
    SagaView saga = show(tenant, id, letter);
    while ((saga.state() == SagaState.COMPENSATING || saga.state() == SagaState.RUNNING)
        && System.currentTimeMillis() < deadline) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      saga = show(tenant, id, letter);
    }
    return saga;
  }

  private SagaView show(TenantId tenant, SagaId id, DeadLetter letter) {
    try {
      return sagas.show(tenant, id);
    } catch (SagaNotFoundException gone) {
      throw new ConflictException(
          "Saga '" + id + "' of dead letter " + letter.id() + " no longer exists: discard it");
    }
  }

  private static String why(SagaView saga) {
    return saga.steps().stream()
        .filter(s -> s.state() == StepState.COMPENSATION_FAILED)
        .findFirst()
        .map(s -> ": the compensation of step '" + s.name() + "' failed" + error(s))
        .orElse(" (still moving when the redrive stopped waiting; it goes on by itself)");
  }

  private static String error(StepStatus step) {
    return step.error().map(e -> ": " + e).orElse("");
  }
}
