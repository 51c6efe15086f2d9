package dev.annals.eventstore.internal.snapshot;

import dev.annals.eventstore.api.StreamId;
import dev.annals.eventstore.api.snapshot.SnapshotPolicy;
import dev.annals.eventstore.api.workflow.WorkflowType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The snapshot policy of each stream category (the stream id's prefix before its first {@code -}),
 * from MicroProfile Config: {@code annals.snapshots.<category>.every} (0: no automatic snapshots;
 * environment {@code ANNALS_SNAPSHOTS_<CATEGORY>_EVERY}) and {@code
 * annals.snapshots.<category>.keep}. Unknown categories take no automatic snapshots and keep
 * {@value #DEFAULT_KEEP}; the research workflow snapshots every {@value #WORKFLOW_EVERY} events.
 * Read once per category.
 */
@ApplicationScoped
public class SnapshotPolicies {

  /** Snapshots a stream keeps unless its category says otherwise. */
  static final int DEFAULT_KEEP = 3;

  /** The research workflow's default interval. */
  static final int WORKFLOW_EVERY = 50;

  private final Map<String, SnapshotPolicy> byCategory = new ConcurrentHashMap<>();

  /** The policy of {@code stream}'s category. */
  public SnapshotPolicy of(StreamId stream) {
    return byCategory.computeIfAbsent(category(stream), SnapshotPolicies::read);
  }

  /** The stream id's prefix before its first {@code -} (the whole id when it has none). */
  static String category(StreamId stream) {
    String id = stream.value();
    int dash = id.indexOf('-');
    return dash < 0 ? id : id.substring(0, dash);
  }

  private static SnapshotPolicy read(String category) {
    Config config = ConfigProvider.getConfig();
    int every =
        config
            .getOptionalValue("annals.snapshots." + category + ".every", Integer.class)
            .orElse(category.equals(WorkflowType.CATEGORY) ? WORKFLOW_EVERY : 0);
    int keep =
        config
            .getOptionalValue("annals.snapshots." + category + ".keep", Integer.class)
            .orElse(DEFAULT_KEEP);
    return new SnapshotPolicy(every, keep);
  }
}
