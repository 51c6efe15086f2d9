package dev.annals.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place every authentication failure, refusal and token mint is reported: logs it and fires
 * it as a CDI {@link SecurityEvent}, which the audit log observes ({@code @Observes
 * SecurityEvent}).
 */
@ApplicationScoped
public class SecurityEvents {

  private static final Logger LOG = Logger.getLogger(SecurityEvents.class.getName());

  @Inject Event<SecurityEvent> events;

  /** Reports {@code event}: logged, then fired to every observer. */
  public void report(SecurityEvent event) {
    Level level = event.kind() == SecurityEvent.Kind.TOKEN_MINTED ? Level.INFO : Level.FINE;
    LOG.log(
        level,
        "{0}: principal {1}, tenant {2}, {3}: {4} (correlation id {5})",
        new Object[] {
          event.kind(),
          event.principal(),
          event.tenant(),
          event.action(),
          event.detail(),
          event.correlationId()
        });
    events.fire(event);
  }
}
