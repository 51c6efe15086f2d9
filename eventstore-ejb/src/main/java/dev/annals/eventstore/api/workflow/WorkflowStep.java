package dev.annals.eventstore.api.workflow;

import jakarta.json.JsonValue;

/**
 * A completed step.
 *
 * @param name its name
 * @param result what it produced, or null
 */
public record WorkflowStep(String name, JsonValue result) {}
