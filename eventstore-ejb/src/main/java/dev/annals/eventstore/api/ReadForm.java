package dev.annals.eventstore.api;

/** Which form of its events a read returns. */
public enum ReadForm {
  /** Lifted to the current schema by the registered upcasters (the default). */
  CURRENT,
  /** As stored: the type, schema version and payload that were appended. */
  STORED
}
