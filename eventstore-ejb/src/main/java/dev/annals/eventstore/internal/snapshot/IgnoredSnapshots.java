package dev.annals.eventstore.internal.snapshot;

import dev.annals.eventstore.api.snapshot.Snapshot;
import dev.annals.tenancy.api.TenantId;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Snapshots that loading passed over (unknown schema version, above the stream's version, a state
 * that does not decode): counted in {@code annals_snapshots_ignored_total}, logged once per server
 * start (the first one, with the reason), since one bad snapshot is read on every load until a
 * newer one replaces it.
 */
@ApplicationScoped
public class IgnoredSnapshots {

  private static final Logger LOG = Logger.getLogger(IgnoredSnapshots.class.getName());

  @Inject MetricRegistry metrics;

  private Counter ignored;
  private final AtomicBoolean logged = new AtomicBoolean();

  @PostConstruct
  void init() {
    ignored = metrics.counter("annals.snapshots.ignored");
  }

  /** Counts an ignored snapshot, and logs the first. */
  public void ignore(TenantId tenant, Snapshot snapshot, String why) {
    ignored.inc();
    if (logged.compareAndSet(false, true)) {
      LOG.log(
          Level.WARNING,
          "Ignoring snapshot {0} of stream {1}/{2} ({3}); further ignored snapshots are only"
              + " counted (annals_snapshots_ignored_total)",
          new Object[] {snapshot.version(), tenant, snapshot.streamId(), why});
    }
  }
}
