package dev.annals.saga.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import java.util.Objects;

/**
 * A Java saga's typed data as the JSON object its log stores, through JSON-B: the data a step
 * returns is what the next step receives after a round trip, on this node or another.
 *
 * @param <D> the data's class
 */
public final class SagaData<D> {

  private static final Jsonb JSONB = JsonbBuilder.create();

  private final Class<D> type;

  /**
   * @param type the data's class
   */
  public SagaData(Class<D> type) {
    this.type = Objects.requireNonNull(type, "type");
  }

  /**
   * The data as stored.
   *
   * @throws IllegalArgumentException when it is not a JSON object
   */
  public JsonObject toJson(D data) {
    String text = JSONB.toJson(Objects.requireNonNull(data, "data"), type);
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Saga data must map to a JSON object: " + type, e);
    }
  }

  /** Stored data as the data's class. */
  public D fromJson(JsonObject json) {
    return JSONB.fromJson(json.toString(), type);
  }
}
