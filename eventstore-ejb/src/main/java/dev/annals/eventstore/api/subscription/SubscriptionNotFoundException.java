package dev.annals.eventstore.api.subscription;

import dev.annals.tenancy.api.ResourceNotFoundException;

/** The tenant has no subscription of this name. */
public class SubscriptionNotFoundException extends ResourceNotFoundException {

  private static final long serialVersionUID = 1L;

  /**
   * @param name the name that was asked for
   */
  public SubscriptionNotFoundException(SubscriptionName name) {
    super("Subscription '" + name + "' does not exist");
  }
}
