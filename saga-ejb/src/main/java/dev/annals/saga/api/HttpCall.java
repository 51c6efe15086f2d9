package dev.annals.saga.api;

import jakarta.json.JsonValue;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP call of a declarative saga step: its method, its URL and its JSON body, both of which
 * may carry {@code ${data.<field>}} placeholders filled from the saga's data when the call is made
 * (never in the URL's scheme, host or port).
 *
 * @param method the HTTP method
 * @param url the URL template
 * @param body the JSON body template, if any
 */
public record HttpCall(Method method, String url, Optional<JsonValue> body) {

  /** The methods a step may use. */
  public enum Method {
    GET,
    POST,
    PUT,
    PATCH,
    DELETE
  }

  /** Checks the parts are present (the URL's rules are checked where it is defined). */
  public HttpCall {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(body, "body");
  }
}
