package dev.annals.it.handlers;

import dev.annals.eventstore.api.upcast.UpcastEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * A Java upcaster for the tests: {@value #TYPE} from version 1 to 2 renames {@code qty} to {@code
 * quantity}. Tests chain declarative upcasters after it (from version 2 on) in their own tenants;
 * no product event has this type.
 */
@ApplicationScoped
public class ProbeOrderedUpcaster extends ProbeUpcaster {

  /** The event type it lifts. */
  public static final String TYPE = "UpcastProbeOrdered";

  public ProbeOrderedUpcaster() {
    super(TYPE, 1);
  }

  @Override
  public UpcastEvent upcast(UpcastEvent event) {
    JsonObject data = event.data().asJsonObject();
    JsonObjectBuilder b = Json.createObjectBuilder(data).remove("qty");
    if (data.containsKey("qty")) {
      b.add("quantity", data.get("qty"));
    }
    return event.withData(b.build());
  }
}
