package dev.annals.web.rest;

import dev.annals.eventstore.api.AppendTooLargeException;
import dev.annals.tenancy.api.InvalidRequestException;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads a request body as one JSON object, refusing more than a limit of bytes before parsing, so a
 * huge or endless body costs at most the limit. Parse errors become 400s that say where.
 */
final class JsonBody {

  /** Made once: every {@code Json.create…} call repeats a service-loader lookup. */
  private static final JsonReaderFactory READERS =
      JsonProvider.provider().createReaderFactory(java.util.Map.of());

  private JsonBody() {}

  static JsonObject readObject(InputStream body, int maxBytes) {
    byte[] bytes = readAtMost(body, maxBytes);
    if (bytes.length == 0) {
      throw new InvalidRequestException("The request body is empty: send a JSON object");
    }
    JsonValue value;
    try (JsonReader reader = READERS.createReader(new ByteArrayInputStream(bytes))) {
      value = reader.readValue();
    } catch (JsonException e) {
      throw new InvalidRequestException("The request body is not valid JSON: " + e.getMessage());
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new InvalidRequestException("The request body must be a JSON object");
    }
    return value.asJsonObject();
  }

  private static byte[] readAtMost(InputStream body, int maxBytes) {
    if (body == null) {
      return new byte[0];
    }
    try {
      byte[] bytes = body.readNBytes(maxBytes + 1);
      if (bytes.length > maxBytes) {
        throw new AppendTooLargeException(
            "The request body is larger than "
                + maxBytes
                + " bytes: split it into several appends");
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
