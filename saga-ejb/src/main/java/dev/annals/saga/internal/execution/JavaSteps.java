package dev.annals.saga.internal.execution;

import dev.annals.saga.api.SagaData;
import dev.annals.saga.api.SagaDefinition;
import dev.annals.saga.api.SagaStep;
import dev.annals.saga.api.StepAction;
import dev.annals.saga.api.StepRefusedException;
import java.util.Optional;

/**
 * A Java saga type's steps: run in-process, inside the transaction that records their outcome. An
 * exception is a failed attempt (retriable unless it is a {@link StepRefusedException}); its
 * message, not its stack trace, is what the saga's log keeps.
 *
 * @param <D> the saga's data
 */
public final class JavaSteps<D> implements SagaSteps {

  private final SagaDefinition<D> definition;
  private final SagaData<D> data;

  /**
   * @param definition the saga type
   */
  public JavaSteps(SagaDefinition<D> definition) {
    this.definition = definition;
    this.data = new SagaData<>(definition.dataType());
  }

  @Override
  public Optional<StepInvoker> action(String step) {
    return find(step).map(s -> invoker(s.action()));
  }

  @Override
  public Optional<StepInvoker> compensation(String step) {
    return find(step).flatMap(SagaStep::compensation).map(this::invoker);
  }

  private Optional<SagaStep<D>> find(String step) {
    return definition.steps().stream().filter(s -> s.name().equals(step)).findFirst();
  }

  private StepInvoker invoker(StepAction<D> body) {
    return new StepInvoker() {
      @Override
      public boolean transactional() {
        return true;
      }

      @Override
      public StepOutcome invoke(
          jakarta.json.JsonObject current, dev.annals.saga.api.StepContext context) {
        try {
          return new StepOutcome.Succeeded(data.toJson(body.run(data.fromJson(current), context)));
        } catch (StepRefusedException e) {
          return new StepOutcome.Failed(message(e), false);
        } catch (Exception e) {
          return new StepOutcome.Failed(message(e), true);
        }
      }
    };
  }

  private static String message(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
