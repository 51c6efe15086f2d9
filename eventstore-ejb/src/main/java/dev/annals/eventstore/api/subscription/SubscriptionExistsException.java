package dev.annals.eventstore.api.subscription;

import dev.annals.tenancy.api.ConflictException;

/** The tenant has a subscription of this name already. */
public class SubscriptionExistsException extends ConflictException {

  private static final long serialVersionUID = 1L;

  /**
   * @param name the name that is taken
   */
  public SubscriptionExistsException(SubscriptionName name) {
    super("Subscription '" + name + "' exists already: delete it first, or choose another name");
  }
}
