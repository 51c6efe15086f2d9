package dev.annals.web.rest;

import java.util.List;

/**
 * A page of $all.
 *
 * @param events the events, in checkpoint order
 * @param checkpoint pass it as {@code after} for the next page
 */
public record AllPageView(List<EventView> events, String checkpoint) {}
