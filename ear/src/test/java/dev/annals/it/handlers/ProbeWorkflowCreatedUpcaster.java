package dev.annals.it.handlers;

import dev.annals.eventstore.api.upcast.UpcastEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * A Java upcaster for the tests: an old creation event of the research workflow, {@value #TYPE}
 * {@code {"name", "q", "method"}} at version 1, becomes {@code WorkflowCreated} at version 2 with
 * {@code title} (a declarative upcaster of the test's tenant takes it on from there).
 */
@ApplicationScoped
public class ProbeWorkflowCreatedUpcaster extends ProbeUpcaster {

  /** The old event type. */
  public static final String TYPE = "UpcastProbeWorkflowCreated";

  public ProbeWorkflowCreatedUpcaster() {
    super(TYPE, 1);
  }

  @Override
  public UpcastEvent upcast(UpcastEvent event) {
    JsonObject data = event.data().asJsonObject();
    return new UpcastEvent(
        "WorkflowCreated",
        Json.createObjectBuilder(data).remove("name").add("title", data.get("name")).build());
  }
}
