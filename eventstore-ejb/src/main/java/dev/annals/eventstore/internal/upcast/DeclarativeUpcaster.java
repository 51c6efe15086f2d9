package dev.annals.eventstore.internal.upcast;

import dev.annals.eventstore.api.upcast.UpcastEvent;
import dev.annals.eventstore.api.upcast.Upcaster;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * A tenant's declarative upcaster: its operations, applied in order.
 *
 * @param eventType the event type it lifts
 * @param fromVersion the schema version it lifts from
 * @param operations the parsed operations
 */
record DeclarativeUpcaster(String eventType, int fromVersion, List<Operation> operations)
    implements Upcaster {

  /**
   * Parses a definition.
   *
   * @throws dev.annals.tenancy.api.InvalidRequestException naming the operation at fault
   */
  static DeclarativeUpcaster of(String eventType, int fromVersion, JsonValue operations) {
    return new DeclarativeUpcaster(eventType, fromVersion, OperationParser.parse(operations));
  }

  /**
   * Applies the operations to an object payload's members, as {@link #upcast(UpcastEvent)} would.
   *
   * @return the event type after them
   * @throws ObjectMembers.Unsupported where the members cannot follow the tree
   */
  String upcast(String type, ObjectMembers data) {
    String out = type;
    for (Operation op : operations) {
      out = op.applyTo(out, data);
    }
    return out;
  }

  @Override
  public UpcastEvent upcast(UpcastEvent event) {
    UpcastEvent out = event;
    for (Operation op : operations) {
      out = op.apply(out);
    }
    return out;
  }
}
