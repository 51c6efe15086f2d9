package dev.annals.eventstore.internal.projection;

import dev.annals.eventstore.api.projection.Projection;
import dev.annals.eventstore.api.projection.ProjectionName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.logging.Logger;

/** The application's {@link Projection} beans, by name, found once. */
@ApplicationScoped
public class ProjectionRegistry {

  private static final Logger LOG = Logger.getLogger(ProjectionRegistry.class.getName());

  @Inject @Any Instance<Projection> beans;

  private volatile SortedMap<String, Projection> byName;

  /** The projection of this name, if this server has one. */
  public Optional<Projection> find(String name) {
    return Optional.ofNullable(projections().get(name));
  }

  /** This server's projections by name, sorted. */
  public Map<String, Projection> all() {
    return projections();
  }

  private SortedMap<String, Projection> projections() {
    SortedMap<String, Projection> m = byName;
    if (m == null) {
      TreeMap<String, Projection> found = new TreeMap<>();
      for (Projection p : beans) {
        new ProjectionName(p.name()); // a bad name fails here, at the first use, loudly
        if (found.putIfAbsent(p.name(), p) != null) {
          LOG.severe("Two projections are named '" + p.name() + "': the first is used");
        }
      }
      m = byName = Collections.unmodifiableSortedMap(found);
    }
    return m;
  }
}
