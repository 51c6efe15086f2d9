package dev.annals.dlq.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether the messaging engine answers: every five seconds, in the background, a connection to the
 * dead-letter queue is opened and the queue browsed. A health request reads the last observation
 * and never waits on messaging.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MessagingProbe {

  /** What the last probe saw. */
  public record Observation(boolean up, String error, Instant since) {}

  @Resource(lookup = "jms/annals/connectionFactory")
  ConnectionFactory connectionFactory;

  @Resource(lookup = "jms/annals/deadLetters")
  Queue queue;

  private final Clock clock = Clock.systemUTC();
  private final AtomicBoolean probing = new AtomicBoolean();
  private volatile Observation last;

  @PostConstruct
  void start() {
    last = new Observation(false, "not probed yet", clock.instant());
  }

  /** One probe at a time: while messaging hangs, a probe is skipped rather than queued. */
  @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
  void probe() {
    if (!probing.compareAndSet(false, true)) {
      return;
    }
    try {
      String error = null;
      try (JMSContext context = connectionFactory.createContext();
          QueueBrowser browser = context.createBrowser(queue)) {
        browser.getEnumeration();
      } catch (JMSRuntimeException | JMSException e) {
        error = e.getClass().getSimpleName() + ": " + e.getMessage();
      }
      boolean up = error == null;
      Observation before = last;
      if (before.up() != up || (error != null && !error.equals(before.error()))) {
        last = new Observation(up, error, clock.instant());
      }
    } finally {
      probing.set(false);
    }
  }

  /** The last observation; answers at once. */
  public Observation last() {
    return last;
  }
}
