package dev.annals.dlq.internal;

import dev.annals.dlq.api.DeadLetterQueue;
import dev.annals.dlq.api.Letter;
import dev.annals.dlq.api.LetterState;
import dev.annals.dlq.api.StreamReleasedException;
import dev.annals.dlq.infrastructure.BlockedStreamRepository;
import dev.annals.dlq.infrastructure.LetterMessages;
import dev.annals.tenancy.api.TenantId;
import dev.annals.tenancy.api.UnavailableException;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import java.sql.SQLException;
import java.util.Set;

/**
 * Sends letters in the caller's transaction: the JMS message (persistent; the XA transaction that
 * moves the consumer's checkpoint commits or rolls it back too) and the stream's block.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class DeadLetterQueueBean implements DeadLetterQueue {

  @Resource(lookup = "jms/annals/connectionFactory")
  ConnectionFactory connectionFactory;

  @Resource(lookup = "jms/annals/deadLetters")
  Queue queue;

  @Inject BlockedStreamRepository blocks;

  @Override
  public void send(Letter letter) {
    try {
      if (letter.state() != LetterState.PARKED) {
        blocks.block(
            letter.tenant(),
            letter.consumerKind(),
            letter.consumer(),
            letter.streamId(),
            letter.eventId());
      } else if (!blocks.park(
          letter.tenant(),
          letter.consumerKind(),
          letter.consumer(),
          letter.streamId(),
          letter.eventId())) {
        throw new StreamReleasedException(letter.streamId());
      }
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("block stream " + letter.streamId(), e);
    }
    try (JMSContext jms = connectionFactory.createContext()) {
      jms.createProducer()
          .setDeliveryMode(DeliveryMode.PERSISTENT)
          .send(queue, LetterMessages.toMessage(jms, letter));
    } catch (JMSException e) {
      throw new UnavailableException("Could not send a dead letter now", e);
    }
  }

  @Override
  public Set<String> blockedStreams(TenantId tenant, String consumerKind, String consumer) {
    try {
      return blocks.blocked(tenant, consumerKind, consumer);
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("read blocked streams", e);
    }
  }

  @Override
  public void forget(TenantId tenant, String consumerKind, String consumer) {
    try {
      blocks.forget(tenant, consumerKind, consumer);
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("forget consumer " + consumer, e);
    }
  }
}
