package dev.annals.eventstore.api;

/** Which way a stream is read. */
public enum Direction {
  FORWARD,
  BACKWARD
}
