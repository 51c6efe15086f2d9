package dev.annals.eventstore.api.workflow;

import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a workflow snapshot (schema 1) straight from its stored text with a streaming parser: a
 * long workflow's snapshot holds every step, and building a JSON tree of thousands of step objects
 * only to copy them into {@link WorkflowStep}s was most of a snapshot load. Accepts exactly what
 * {@link WorkflowType#restore(String, int, JsonValue)} accepts (unknown members are skipped) and
 * refuses the rest with an {@link IllegalArgumentException} (a malformed text with the parser's
 * exception).
 */
final class WorkflowSnapshotReader {

  private static final JsonProvider JSON = JsonProvider.provider();

  private WorkflowSnapshotReader() {}

  static Workflow read(String id, String text) {
    String status = null;
    String title = null;
    String question = null;
    String methodology = null;
    String reason = null;
    List<WorkflowStep> steps = null;
    try (JsonParser p = JSON.createParser(new StringReader(text))) {
      expect(p.next(), Event.START_OBJECT, "snapshot state");
      for (Event e = p.next(); e != Event.END_OBJECT; e = p.next()) {
        String key = p.getString();
        Event value = p.next();
        switch (key) {
          case "status" -> status = string(p, value, key);
          case "title" -> title = string(p, value, key);
          case "question" -> question = string(p, value, key);
          case "methodology" -> methodology = string(p, value, key);
          case "failureReason" -> reason = string(p, value, key);
          case "steps" -> steps = steps(p, value);
          default -> skip(p, value);
        }
      }
    }
    if (steps == null) {
      throw new IllegalArgumentException("'steps' is missing");
    }
    WorkflowStatus parsed = WorkflowStatus.parse(required(status, "status"));
    if ((parsed == WorkflowStatus.FAILED) != (reason != null)) {
      throw new IllegalArgumentException("A failure reason belongs to a failed workflow only");
    }
    Workflow w = new Workflow(id);
    w.restore(
        parsed,
        required(title, "title"),
        required(question, "question"),
        required(methodology, "methodology"),
        steps,
        reason);
    return w;
  }

  private static List<WorkflowStep> steps(JsonParser p, Event at) {
    expect(at, Event.START_ARRAY, "'steps'");
    List<WorkflowStep> steps = new ArrayList<>();
    for (Event e = p.next(); e != Event.END_ARRAY; e = p.next()) {
      expect(e, Event.START_OBJECT, "step");
      String name = null;
      JsonValue result = null;
      for (Event f = p.next(); f != Event.END_OBJECT; f = p.next()) {
        String key = p.getString();
        Event value = p.next();
        if (key.equals("name")) {
          name = string(p, value, "name");
        } else if (key.equals("result")) {
          JsonValue r = p.getValue();
          result = r == JsonValue.NULL ? null : r;
        } else {
          skip(p, value);
        }
      }
      steps.add(new WorkflowStep(required(name, "name"), result));
    }
    return steps;
  }

  private static String string(JsonParser p, Event value, String key) {
    if (value != Event.VALUE_STRING) {
      skip(p, value);
      return null; // reported as missing, like getString(key, null)
    }
    return p.getString();
  }

  private static void skip(JsonParser p, Event value) {
    if (value == Event.START_OBJECT || value == Event.START_ARRAY) {
      p.getValue(); // consumes the whole structure
    }
  }

  private static String required(String s, String field) {
    if (s == null) {
      throw new IllegalArgumentException("'" + field + "' is missing or no string");
    }
    return s;
  }

  private static void expect(Event e, Event wanted, String what) {
    if (e != wanted) {
      throw new IllegalArgumentException("The " + what + " is no JSON " + describe(wanted));
    }
  }

  private static String describe(Event e) {
    return e == Event.START_ARRAY ? "array" : "object";
  }
}
