package dev.annals.web.rest.saga;

import dev.annals.saga.api.SagaId;
import dev.annals.saga.api.SagaQuery;
import dev.annals.saga.api.SagaStart;
import dev.annals.saga.api.SagaState;
import dev.annals.tenancy.api.InvalidRequestException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Reads saga bodies and query parameters by hand, naming the field at fault. */
final class SagaRequestParser {

  private static final Set<String> START_FIELDS = Set.of("type", "data", "id");

  private SagaRequestParser() {}

  static SagaStart start(JsonObject json, String correlationId) {
    for (String key : json.keySet()) {
      if (!START_FIELDS.contains(key)) {
        throw new InvalidRequestException("Unknown field '" + key + "'");
      }
    }
    JsonValue type = json.get("type");
    if (type == null || type.getValueType() != JsonValue.ValueType.STRING) {
      throw new InvalidRequestException("'type' is required and must be a string");
    }
    JsonValue data = json.get("data");
    JsonObject object;
    if (data == null || data.getValueType() == JsonValue.ValueType.NULL) {
      object = JsonValue.EMPTY_JSON_OBJECT;
    } else if (data.getValueType() == JsonValue.ValueType.OBJECT) {
      object = data.asJsonObject();
    } else {
      throw new InvalidRequestException("'data' must be a JSON object");
    }
    JsonValue id = json.get("id");
    Optional<SagaId> sagaId;
    if (id == null || id.getValueType() == JsonValue.ValueType.NULL) {
      sagaId = Optional.empty();
    } else if (id.getValueType() == JsonValue.ValueType.STRING) {
      sagaId = Optional.of(id(json.getString("id"), "'id'"));
    } else {
      throw new InvalidRequestException("'id' must be a string");
    }
    return new SagaStart(
        json.getString("type"), object, sagaId, Optional.ofNullable(correlationId));
  }

  static SagaId id(String raw, String what) {
    try {
      return new SagaId(raw);
    } catch (InvalidRequestException e) {
      throw new InvalidRequestException(what + ": " + e.getMessage());
    }
  }

  static SagaQuery query(String state, String type, String after, int limit) {
    Optional<SagaState> s = Optional.empty();
    if (state != null && !state.isEmpty()) {
      s =
          Optional.of(
              Arrays.stream(SagaState.values())
                  .filter(v -> v.wireName().equals(state.toLowerCase(Locale.ROOT)))
                  .findFirst()
                  .orElseThrow(
                      () ->
                          new InvalidRequestException(
                              "'state' must be one of "
                                  + Arrays.stream(SagaState.values())
                                      .map(SagaState::wireName)
                                      .toList())));
    }
    return new SagaQuery(
        s,
        Optional.ofNullable(type).filter(t -> !t.isEmpty()),
        Optional.ofNullable(after).filter(a -> !a.isEmpty()),
        limit);
  }
}
