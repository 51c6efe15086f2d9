package dev.annals.eventstore.internal;

import dev.annals.eventstore.api.AllScan;
import dev.annals.eventstore.api.Checkpoint;
import dev.annals.eventstore.api.ReadForm;
import dev.annals.eventstore.api.RecordedEvent;
import dev.annals.eventstore.api.subscription.SubscriptionFilter;
import dev.annals.eventstore.infrastructure.EventReader;
import dev.annals.eventstore.internal.upcast.Upcasting;
import dev.annals.tenancy.api.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Following $all with a filter, for subscriptions and live feeds: the stream prefix and the stored
 * event types a filter can match are handed to the database (a pre-filter: only candidates come
 * back with their data), the candidates are lifted by the tenant's upcasters (unless the stored
 * form is asked for) and filtered exactly, on their lifted type. The checkpoint moves past every
 * event scanned, matched or not, with read_all's semantics: nothing below the horizon is skipped.
 */
@ApplicationScoped
public class AllFollowing {

  @Inject EventReader reader;

  @Inject Upcasting upcasting;

  /**
   * The next scan after {@code after}; empty when {@code after} is neither the start nor one of the
   * tenant's events.
   */
  public Optional<AllScan> scan(
      TenantId tenant, Checkpoint after, int limit, ReadForm form, SubscriptionFilter filter)
      throws SQLException {
    Set<String> storedTypes =
        form == ReadForm.STORED
            ? filter.eventTypes()
            : upcasting.storedTypesFor(tenant, filter.eventTypes());
    Optional<AllScan> scan =
        reader.readAllMatching(tenant, after, limit, filter.streamPrefix(), storedTypes);
    if (scan.isEmpty() || scan.get().events().isEmpty()) {
      return scan;
    }
    List<RecordedEvent> candidates = scan.get().events();
    List<RecordedEvent> lifted =
        form == ReadForm.STORED ? candidates : upcasting.current(tenant, candidates);
    return Optional.of(scan.get().withEvents(lifted.stream().filter(filter::matches).toList()));
  }
}
