package dev.annals.web.rest.subscription;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A tenant's subscriptions, by name.
 *
 * @param subscriptions all of them
 */
@Schema(name = "SubscriptionList")
public record SubscriptionListView(@Schema(required = true) List<SubscriptionView> subscriptions) {}
