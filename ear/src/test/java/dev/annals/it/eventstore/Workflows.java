package dev.annals.it.eventstore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.annals.eventstore.api.workflow.Workflow;
import dev.annals.eventstore.api.workflow.WorkflowType;
import dev.annals.it.Api;
import dev.annals.it.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.http.HttpResponse;
import java.util.List;

/** The research workflow's HTTP API for tests, and the views a plain {@link Workflow} expects. */
final class Workflows {

  private final String tenant;
  private final String token;

  private Workflows(String tenant, String token) {
    this.tenant = tenant;
    this.token = token;
  }

  /** As a platform admin. */
  static Workflows on(String tenant) {
    return new Workflows(tenant, Tokens.platformAdmin());
  }

  /** As a writer and reader of the tenant named {@code subject}: its own request rate. */
  static Workflows as(String tenant, String subject) {
    return new Workflows(tenant, Tokens.of(subject, List.of("writer", "reader"), List.of(tenant)));
  }

  String base() {
    return "/api/tenants/" + tenant + "/workflows";
  }

  static String createBody(String title, String question, String methodology) {
    return Json.createObjectBuilder()
        .add("title", title)
        .add("question", question)
        .add("methodology", methodology)
        .build()
        .toString();
  }

  HttpResponse<String> create(String body, String... headers) {
    return Api.call("POST", base(), body, token, headers);
  }

  /** Creates a workflow and returns its id. */
  String create() {
    HttpResponse<String> r = create(createBody("Title", "Question?", "Method"));
    assertEquals(201, r.statusCode(), r.body());
    return Api.json(r).getString("id");
  }

  /** POST …/{id}/{command} with a body (or none when null). */
  HttpResponse<String> command(String id, String command, String body, String... headers) {
    return Api.call("POST", base() + "/" + id + "/" + command, body, token, headers);
  }

  HttpResponse<String> get(String id, String query) {
    return Api.call("GET", base() + "/" + id + (query == null ? "" : "?" + query), null, token);
  }

  HttpResponse<String> streamEvents(String id) {
    return Api.call(
        "GET",
        "/api/tenants/" + tenant + "/streams/workflow-" + id + "/events?limit=1000",
        null,
        token);
  }

  /** The workflow folded from its stream's events 1..version, read over HTTP: no snapshot. */
  Workflow fold(String id, long version) {
    HttpResponse<String> r = streamEvents(id);
    assertEquals(200, r.statusCode(), r.body());
    Workflow w = new Workflow(id);
    for (JsonObject e : Api.json(r).getJsonArray("events").getValuesAs(JsonObject.class)) {
      long v = e.getJsonNumber("version").longValue();
      if (v <= version) {
        w.replay(WorkflowType.INSTANCE.decode(e.getString("type"), e.get("data")), v);
      }
    }
    return w;
  }

  /** The view the server should answer for {@code w}. */
  static JsonObject view(Workflow w) {
    JsonArrayBuilder steps = Json.createArrayBuilder();
    w.steps()
        .forEach(
            s -> {
              JsonObjectBuilder b = Json.createObjectBuilder().add("name", s.name());
              if (s.result() != null) {
                b.add("result", s.result());
              }
              steps.add(b);
            });
    JsonObjectBuilder b =
        Json.createObjectBuilder()
            .add("id", w.id())
            .add("state", w.status().orElseThrow().wireName())
            .add("version", w.version())
            .add("title", w.title())
            .add("question", w.question())
            .add("methodology", w.methodology())
            .add("steps", steps);
    w.failureReason().ifPresent(r -> b.add("failureReason", r));
    return b.build();
  }

  /** Asserts a problem document's status and type. */
  static JsonObject assertProblem(HttpResponse<String> r, int status, String type) {
    assertEquals(status, r.statusCode(), r.body());
    assertEquals(
        "application/problem+json", r.headers().firstValue("Content-Type").orElse(""), r.body());
    JsonObject p = Api.json(r);
    assertEquals("https://annals.dev/problems/" + type, p.getString("type"), r.body());
    return p;
  }
}
