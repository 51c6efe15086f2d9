package dev.annals.eventstore.internal.projection;

import dev.annals.eventstore.api.RecordedEvent;
import dev.annals.eventstore.api.projection.Projection;
import dev.annals.eventstore.api.projection.ProjectionBatch;
import dev.annals.eventstore.api.projection.TenantStatistics;
import dev.annals.eventstore.infrastructure.projection.StatisticsRepository;
import dev.annals.tenancy.api.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every tenant's stream and event statistics: per event type, the events, the streams that began
 * with one (a stream's first event) and the latest recording time. A batch is folded in memory and
 * written in one upsert of a row per type it holds.
 */
@ApplicationScoped
public class StatisticsProjection implements Projection {

  @Inject StatisticsRepository repository;

  @Override
  public String name() {
    return TenantStatistics.PROJECTION;
  }

  @Override
  public void apply(ProjectionBatch batch, Connection connection) throws SQLException {
    Map<String, TypeCounts> byType = fold(batch);
    int n = byType.size();
    String[] types = new String[n];
    Long[] events = new Long[n];
    Long[] streams = new Long[n];
    String[] last = new String[n];
    int i = 0;
    for (Map.Entry<String, TypeCounts> e : byType.entrySet()) {
      types[i] = e.getKey();
      events[i] = e.getValue().events;
      streams[i] = e.getValue().streams;
      last[i] = e.getValue().last.toString();
      i++;
    }
    repository.add(connection, batch.tenant(), batch.generation(), types, events, streams, last);
  }

  @Override
  public void discard(TenantId tenant, int generation, Connection connection) throws SQLException {
    repository.discard(connection, tenant, generation);
  }

  /** The batch's counts per event type, sorted by type (rows are locked in that order). */
  static Map<String, TypeCounts> fold(ProjectionBatch batch) {
    Map<String, TypeCounts> byType = new TreeMap<>();
    for (RecordedEvent e : batch.events()) {
      TypeCounts c = byType.computeIfAbsent(e.type(), t -> new TypeCounts());
      c.events++;
      if (e.version() == 1) {
        c.streams++;
      }
      if (c.last == null || e.recordedAt().isAfter(c.last)) {
        c.last = e.recordedAt();
      }
    }
    return byType;
  }

  /** One event type's counts within a batch. */
  static final class TypeCounts {
    long events;
    long streams;
    Instant last;
  }
}
