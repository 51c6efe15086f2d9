package dev.annals.it.handlers;

import dev.annals.eventstore.api.upcast.Upcaster;

/** The test library's Java upcasters: one event type, lifted from one version. */
abstract class ProbeUpcaster implements Upcaster {

  private final String type;
  private final int fromVersion;

  ProbeUpcaster(String type, int fromVersion) {
    this.type = type;
    this.fromVersion = fromVersion;
  }

  @Override
  public String eventType() {
    return type;
  }

  @Override
  public int fromVersion() {
    return fromVersion;
  }
}
