package dev.annals.web.rest.subscription;

import dev.annals.eventstore.api.Checkpoint;
import dev.annals.eventstore.api.subscription.SubscriptionFilter;
import dev.annals.eventstore.api.subscription.SubscriptionName;
import dev.annals.eventstore.api.subscription.SubscriptionStart;
import dev.annals.eventstore.api.subscription.SubscriptionTarget;
import dev.annals.tenancy.api.InvalidRequestException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** Reads subscription bodies by hand, naming the field at fault; unknown fields are refused. */
final class SubscriptionRequestParser {

  /**
   * A parsed creation body.
   *
   * @param name the name
   * @param filter the filter
   * @param start where it starts
   * @param target where it delivers
   */
  record ParsedCreate(
      SubscriptionName name,
      SubscriptionFilter filter,
      SubscriptionStart start,
      SubscriptionTarget target) {}

  private SubscriptionRequestParser() {}

  static ParsedCreate create(JsonObject json) {
    only(json, "", Set.of("name", "filter", "start", "target"));
    SubscriptionName name = new SubscriptionName(requiredString(json, "name", ""));
    SubscriptionFilter filter = filter(json.get("filter"));
    SubscriptionStart start =
        json.containsKey("start")
            ? start(requiredString(json, "start", ""), "start")
            : new SubscriptionStart.Beginning();
    return new ParsedCreate(name, filter, start, target(json.get("target")));
  }

  /** A reset body: {@code {"to": ...}}. */
  static SubscriptionStart reset(JsonObject json) {
    only(json, "", Set.of("to"));
    return start(requiredString(json, "to", ""), "to");
  }

  /** "beginning", "now", or a checkpoint. */
  static SubscriptionStart start(String text, String field) {
    return switch (text) {
      case "beginning" -> new SubscriptionStart.Beginning();
      case "now" -> new SubscriptionStart.Now();
      default -> {
        try {
          yield new SubscriptionStart.After(Checkpoint.parse(text));
        } catch (InvalidRequestException e) {
          throw new InvalidRequestException(
              "'" + field + "' must be \"beginning\", \"now\" or a checkpoint: " + e.getMessage());
        }
      }
    };
  }

  private static SubscriptionFilter filter(JsonValue value) {
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return SubscriptionFilter.ALL;
    }
    JsonObject f = object(value, "filter");
    only(f, "filter.", Set.of("streamPrefix", "eventTypes"));
    Optional<String> prefix =
        f.containsKey("streamPrefix")
            ? Optional.of(requiredString(f, "streamPrefix", "filter."))
            : Optional.empty();
    Set<String> types = new LinkedHashSet<>();
    JsonValue t = f.get("eventTypes");
    if (t != null && t.getValueType() != JsonValue.ValueType.NULL) {
      if (!(t instanceof JsonArray array)) {
        throw new InvalidRequestException("'filter.eventTypes' must be an array of event types");
      }
      for (JsonValue v : array) {
        if (!(v instanceof JsonString s)) {
          throw new InvalidRequestException("'filter.eventTypes' must hold strings only");
        }
        types.add(s.getString());
      }
    }
    return new SubscriptionFilter(prefix, types);
  }

  private static SubscriptionTarget target(JsonValue value) {
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      throw new InvalidRequestException(
          "'target' is required: {\"webhook\": {\"url\": ...}} or {\"handler\": name}");
    }
    JsonObject t = object(value, "target");
    only(t, "target.", Set.of("webhook", "handler"));
    if (t.containsKey("webhook") == t.containsKey("handler")) {
      throw new InvalidRequestException("'target' must have exactly one of 'webhook', 'handler'");
    }
    if (t.containsKey("handler")) {
      return new SubscriptionTarget.Handler(requiredString(t, "handler", "target."));
    }
    JsonObject w = object(t.get("webhook"), "target.webhook");
    only(w, "target.webhook.", Set.of("url"));
    String url = requiredString(w, "url", "target.webhook.");
    try {
      return new SubscriptionTarget.Webhook(new URI(url));
    } catch (URISyntaxException e) {
      throw new InvalidRequestException("'target.webhook.url' is not a valid URL");
    }
  }

  private static JsonObject object(JsonValue value, String field) {
    if (!(value instanceof JsonObject o)) {
      throw new InvalidRequestException("'" + field + "' must be an object");
    }
    return o;
  }

  private static String requiredString(JsonObject json, String field, String path) {
    JsonValue v = json.get(field);
    if (!(v instanceof JsonString s)) {
      throw new InvalidRequestException("'" + path + field + "' is required (a string)");
    }
    return s.getString();
  }

  private static void only(JsonObject json, String path, Set<String> fields) {
    for (String field : json.keySet()) {
      if (!fields.contains(field)) {
        throw new InvalidRequestException("Unknown field '" + path + field + "'");
      }
    }
  }
}
