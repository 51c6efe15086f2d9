package dev.annals.saga.infrastructure.http;

import dev.annals.saga.api.HttpCall;
import dev.annals.saga.api.HttpSagaStep;
import dev.annals.saga.api.HttpSagaType;
import dev.annals.saga.api.StepContext;
import dev.annals.saga.api.StepRefusedException;
import dev.annals.saga.internal.declarative.Placeholders;
import dev.annals.saga.internal.execution.SagaSteps;
import dev.annals.saga.internal.execution.StepInvoker;
import dev.annals.saga.internal.execution.StepOutcome;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * A declarative saga type's steps as HTTP calls. A 2xx succeeds (an action's JSON object answer is
 * merged into the saga's data, its fields winning); 408, 429, 5xx and no answer are retried within
 * the step's budget; any other status fails the step for good (for a compensation every failure
 * counts against its budget). Redirects are not followed. Calls carry {@code Idempotency-Key} and
 * the saga's correlation id ({@code X-Correlation-Id}); failures name the status and the host,
 * never the answer's text.
 */
public final class HttpSteps implements SagaSteps {

  /** The largest answer merged into the saga's data. */
  static final int MAX_ANSWER_BYTES = 1 << 20;

  private final HttpSagaType type;
  private final HttpClient client;
  private final Duration callTimeout;

  /**
   * @param type the saga type
   * @param client the HTTP client (no redirects)
   * @param callTimeout how long one call may take
   */
  public HttpSteps(HttpSagaType type, HttpClient client, Duration callTimeout) {
    this.type = type;
    this.client = client;
    this.callTimeout = callTimeout;
  }

  /** A client fit for saga steps: no redirects, a connect timeout. */
  public static HttpClient client(Duration connectTimeout) {
    return HttpClient.newBuilder()
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  @Override
  public Optional<StepInvoker> action(String step) {
    return find(step).map(s -> invoker(s.action(), true));
  }

  @Override
  public Optional<StepInvoker> compensation(String step) {
    return find(step).flatMap(HttpSagaStep::compensation).map(c -> invoker(c, false));
  }

  private Optional<HttpSagaStep> find(String step) {
    return type.steps().stream().filter(s -> s.name().equals(step)).findFirst();
  }

  private StepInvoker invoker(HttpCall call, boolean mergeAnswer) {
    return new StepInvoker() {
      @Override
      public boolean transactional() {
        return false;
      }

      @Override
      public StepOutcome invoke(JsonObject data, StepContext context) {
        return HttpSteps.this.invoke(call, mergeAnswer, data, context);
      }
    };
  }

  private StepOutcome invoke(
      HttpCall call, boolean mergeAnswer, JsonObject data, StepContext context) {
    HttpRequest request;
    try {
      request = request(call, data, context);
    } catch (StepRefusedException e) {
      return new StepOutcome.Failed(e.getMessage(), false);
    }
    String host = request.uri().getHost();
    HttpResponse<byte[]> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      return new StepOutcome.Failed(
          "no answer from " + host + " (" + e.getClass().getSimpleName() + ")", true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new StepOutcome.Failed("interrupted while calling " + host, true);
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return new StepOutcome.Succeeded(mergeAnswer ? merged(data, response.body()) : data);
    }
    boolean retriable = status == 408 || status == 429 || status >= 500;
    String why = status >= 300 && status < 400 ? " (redirects are not followed)" : "";
    return new StepOutcome.Failed("HTTP " + status + " from " + host + why, retriable);
  }

  private HttpRequest request(HttpCall call, JsonObject data, StepContext context) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(Placeholders.url(call.url(), data)))
            .timeout(callTimeout)
            .header("Accept", "application/json")
            .header("Idempotency-Key", context.idempotencyKey())
            .header("X-Correlation-Id", context.correlationId());
    Optional<JsonValue> body = call.body().map(b -> Placeholders.body(b, data));
    if (body.isPresent()) {
      builder.header("Content-Type", "application/json");
      builder.method(
          call.method().name(),
          HttpRequest.BodyPublishers.ofString(body.get().toString(), StandardCharsets.UTF_8));
    } else {
      builder.method(call.method().name(), HttpRequest.BodyPublishers.noBody());
    }
    return builder.build();
  }

  /** The data with the answer's fields, when the answer is a JSON object of a sane size. */
  private static JsonObject merged(JsonObject data, byte[] answer) {
    if (answer.length == 0 || answer.length > MAX_ANSWER_BYTES) {
      return data;
    }
    JsonValue value;
    try (JsonReader reader =
        Json.createReader(new StringReader(new String(answer, StandardCharsets.UTF_8)))) {
      value = reader.readValue();
    } catch (JsonParsingException | IllegalStateException e) {
      return data;
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      return data;
    }
    JsonObjectBuilder merged = Json.createObjectBuilder(data);
    value.asJsonObject().forEach(merged::add);
    return merged.build();
  }
}
