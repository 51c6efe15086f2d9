package dev.annals.eventstore.api.upcast;

/**
 * A Java upcaster: lifts payloads of {@link #eventType()} at schema version {@link #fromVersion()}
 * to {@code fromVersion() + 1}. Register one by making it a CDI bean of the application (for
 * example {@code @ApplicationScoped}); the store finds every bean of this type once, at the first
 * read. Upcasters chain: after this one, the upcaster for the (possibly renamed) type at the next
 * version runs, and so on. They run on every read path and never change a stored event.
 *
 * <p>An upcaster is a pure function of its input: no I/O, no state, fast. One that throws does not
 * fail the read: the event is returned in its stored form with an {@code upcastError}.
 */
public interface Upcaster {

  /**
   * @return the event type whose payloads it lifts (as stored, or as named by an earlier upcaster)
   */
  String eventType();

  /**
   * @return the schema version it lifts from, 1 or more
   */
  int fromVersion();

  /**
   * Lifts one event.
   *
   * @param event the type and payload at {@link #fromVersion()}
   * @return the type and payload at {@code fromVersion() + 1}
   * @throws RuntimeException when the payload cannot be lifted
   */
  UpcastEvent upcast(UpcastEvent event);
}
