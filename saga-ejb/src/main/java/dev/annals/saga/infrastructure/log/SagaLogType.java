package dev.annals.saga.infrastructure.log;

import dev.annals.eventstore.api.EventType;
import dev.annals.eventstore.api.aggregate.AggregateType;
import dev.annals.saga.api.RetryBudget;
import dev.annals.saga.api.Saga;
import dev.annals.saga.api.SagaEvent;
import dev.annals.saga.api.SagaEvent.Cancelled;
import dev.annals.saga.api.SagaEvent.Compensated;
import dev.annals.saga.api.SagaEvent.CompensationBegan;
import dev.annals.saga.api.SagaEvent.CompensationFailed;
import dev.annals.saga.api.SagaEvent.CompensationStarted;
import dev.annals.saga.api.SagaEvent.CompensationSucceeded;
import dev.annals.saga.api.SagaEvent.Completed;
import dev.annals.saga.api.SagaEvent.Failed;
import dev.annals.saga.api.SagaEvent.Retried;
import dev.annals.saga.api.SagaEvent.Started;
import dev.annals.saga.api.SagaEvent.StepFailed;
import dev.annals.saga.api.SagaEvent.StepStarted;
import dev.annals.saga.api.SagaEvent.StepSucceeded;
import dev.annals.saga.api.SagaEvent.TimedOut;
import dev.annals.saga.api.SagaId;
import dev.annals.saga.api.SagaPlan;
import dev.annals.saga.api.StepPlan;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The saga log as event-store events: type {@code Saga<Event>} ({@code SagaStarted}, {@code
 * SagaStepFailed}, …), data a JSON object with the record's fields (times as RFC 3339 strings,
 * durations in milliseconds, absent optionals left out) and {@code at}. {@code SagaStarted} carries
 * the whole plan, so a saga never depends on its type's current definition to be read. Sagas take
 * no snapshots: their logs stay short (a few events per step).
 */
public final class SagaLogType implements AggregateType<Saga, SagaEvent> {

  /** The one instance. */
  public static final SagaLogType INSTANCE = new SagaLogType();

  /** The stream category: saga {@code x} lives in stream {@code saga-x}. */
  public static final String CATEGORY = "saga";

  private static final String PREFIX = "Saga";

  private SagaLogType() {}

  @Override
  public String category() {
    return CATEGORY;
  }

  @Override
  public Saga blank(String id) {
    return new Saga(new SagaId(id));
  }

  @Override
  public Encoded encode(SagaEvent event) {
    JsonObjectBuilder data = Json.createObjectBuilder();
    if (event instanceof Started e) {
      data.add("plan", plan(e.plan()))
          .add("data", e.data())
          .add("correlationId", e.correlationId());
      e.deadline().ifPresent(d -> data.add("deadline", d.toString()));
    } else if (event instanceof StepStarted e) {
      data.add("step", e.step()).add("attempt", e.attempt());
      e.deadline().ifPresent(d -> data.add("deadline", d.toString()));
    } else if (event instanceof StepSucceeded e) {
      data.add("step", e.step()).add("attempt", e.attempt()).add("data", e.data());
    } else if (event instanceof StepFailed e) {
      data.add("step", e.step()).add("attempt", e.attempt()).add("error", e.error());
      e.retryAt().ifPresent(r -> data.add("retryAt", r.toString()));
    } else if (event instanceof TimedOut e) {
      e.step().ifPresent(s -> data.add("step", s));
    } else if (event instanceof CompensationBegan e) {
      data.add("cancelled", e.cancelled()).add("reason", e.reason());
    } else if (event instanceof CompensationStarted e) {
      data.add("step", e.step()).add("attempt", e.attempt());
    } else if (event instanceof CompensationSucceeded e) {
      data.add("step", e.step()).add("attempt", e.attempt());
    } else if (event instanceof CompensationFailed e) {
      data.add("step", e.step()).add("attempt", e.attempt()).add("error", e.error());
      e.retryAt().ifPresent(r -> data.add("retryAt", r.toString()));
    } else if (event instanceof Retried e) {
      e.deadline().ifPresent(d -> data.add("deadline", d.toString()));
    } else if (event instanceof Failed e) {
      data.add("reason", e.reason());
    }
    data.add("at", event.at().toString());
    return new Encoded(new EventType(PREFIX + event.getClass().getSimpleName()), data.build());
  }

  @Override
  public SagaEvent decode(String type, JsonValue value) {
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new IllegalArgumentException("Saga event data must be an object");
    }
    try {
      return decode(type, new Fields(value.asJsonObject()));
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (RuntimeException e) { // a field missing or of the wrong type
      throw new IllegalArgumentException(
          "Saga event " + type + " does not decode: " + e.getClass().getSimpleName(), e);
    }
  }

  private static SagaEvent decode(String type, Fields f) {
    Instant at = f.instant("at");
    return switch (type) {
      case "SagaStarted" ->
          new Started(
              plan(f.object("plan")),
              f.object("data"),
              f.string("correlationId"),
              f.optionalInstant("deadline"),
              at);
      case "SagaStepStarted" ->
          new StepStarted(
              f.string("step"), f.integer("attempt"), f.optionalInstant("deadline"), at);
      case "SagaStepSucceeded" ->
          new StepSucceeded(f.string("step"), f.integer("attempt"), f.object("data"), at);
      case "SagaStepFailed" ->
          new StepFailed(
              f.string("step"),
              f.integer("attempt"),
              f.string("error"),
              f.optionalInstant("retryAt"),
              at);
      case "SagaTimedOut" -> new TimedOut(f.optionalString("step"), at);
      case "SagaCompensationBegan" ->
          new CompensationBegan(f.bool("cancelled"), f.string("reason"), at);
      case "SagaCompensationStarted" ->
          new CompensationStarted(f.string("step"), f.integer("attempt"), at);
      case "SagaCompensationSucceeded" ->
          new CompensationSucceeded(f.string("step"), f.integer("attempt"), at);
      case "SagaCompensationFailed" ->
          new CompensationFailed(
              f.string("step"),
              f.integer("attempt"),
              f.string("error"),
              f.optionalInstant("retryAt"),
              at);
      case "SagaRetried" -> new Retried(f.optionalInstant("deadline"), at);
      case "SagaCompleted" -> new Completed(at);
      case "SagaCompensated" -> new Compensated(at);
      case "SagaFailed" -> new Failed(f.string("reason"), at);
      case "SagaCancelled" -> new Cancelled(at);
      default -> throw new IllegalArgumentException("Unknown saga event type " + type);
    };
  }

  @Override
  public int snapshotSchemaVersion() {
    return 1;
  }

  @Override
  public boolean readsSnapshotSchema(int schemaVersion) {
    return false;
  }

  @Override
  public JsonObject snapshot(Saga saga) {
    throw new UnsupportedOperationException("Sagas take no snapshots");
  }

  @Override
  public Saga restore(String id, int schemaVersion, JsonValue state) {
    throw new IllegalArgumentException("Sagas take no snapshots");
  }

  static JsonObject plan(SagaPlan plan) {
    JsonArrayBuilder steps = Json.createArrayBuilder();
    for (StepPlan step : plan.steps()) {
      JsonObjectBuilder s =
          Json.createObjectBuilder()
              .add("name", step.name())
              .add("compensable", step.compensable())
              .add("maxAttempts", step.retry().maxAttempts())
              .add("backoffMs", step.retry().initialBackoff().toMillis())
              .add("maxBackoffMs", step.retry().maxBackoff().toMillis());
      step.timeout().ifPresent(t -> s.add("timeoutMs", t.toMillis()));
      steps.add(s);
    }
    JsonObjectBuilder json =
        Json.createObjectBuilder().add("type", plan.type()).add("steps", steps);
    plan.timeout().ifPresent(t -> json.add("timeoutMs", t.toMillis()));
    return json.build();
  }

  static SagaPlan plan(JsonObject json) {
    Fields plan = new Fields(json);
    List<StepPlan> steps = new ArrayList<>();
    for (JsonValue value : json.getJsonArray("steps")) {
      Fields s = new Fields(value.asJsonObject());
      steps.add(
          new StepPlan(
              s.string("name"),
              s.bool("compensable"),
              new RetryBudget(
                  s.integer("maxAttempts"),
                  Duration.ofMillis(s.number("backoffMs")),
                  Duration.ofMillis(s.number("maxBackoffMs"))),
              s.optionalMillis("timeoutMs")));
    }
    return new SagaPlan(plan.string("type"), steps, plan.optionalMillis("timeoutMs"));
  }

  /** Reading one stored object's fields, refusing what does not fit. */
  private record Fields(JsonObject json) {

    String string(String key) {
      return json.getString(key);
    }

    Optional<String> optionalString(String key) {
      return json.containsKey(key) ? Optional.of(json.getString(key)) : Optional.empty();
    }

    int integer(String key) {
      return json.getJsonNumber(key).intValueExact();
    }

    long number(String key) {
      return json.getJsonNumber(key).longValueExact();
    }

    boolean bool(String key) {
      return json.getBoolean(key);
    }

    JsonObject object(String key) {
      return json.getJsonObject(key);
    }

    Instant instant(String key) {
      return Instant.parse(json.getString(key));
    }

    Optional<Instant> optionalInstant(String key) {
      return json.containsKey(key) ? Optional.of(instant(key)) : Optional.empty();
    }

    Optional<Duration> optionalMillis(String key) {
      return json.containsKey(key) ? Optional.of(Duration.ofMillis(number(key))) : Optional.empty();
    }
  }
}
