package dev.annals.it.handlers;

import dev.annals.eventstore.api.upcast.UpcastEvent;
import jakarta.enterprise.context.ApplicationScoped;

/** A Java upcaster for the tests that throws on every {@value #TYPE} at version 1. */
@ApplicationScoped
public class ProbeBrokenUpcaster extends ProbeUpcaster {

  /** The event type it fails on. */
  public static final String TYPE = "UpcastProbeBroken";

  /** What it throws. */
  public static final String MESSAGE = "the probe refuses every event";

  public ProbeBrokenUpcaster() {
    super(TYPE, 1);
  }

  @Override
  public UpcastEvent upcast(UpcastEvent event) {
    throw new IllegalStateException(MESSAGE);
  }
}
