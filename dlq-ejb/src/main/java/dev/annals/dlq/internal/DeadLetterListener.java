package dev.annals.dlq.internal;

import dev.annals.dlq.api.Letter;
import dev.annals.dlq.api.RecordingHook;
import dev.annals.dlq.infrastructure.BlockedStreamRepository;
import dev.annals.dlq.infrastructure.DeadLetterRepository;
import dev.annals.dlq.infrastructure.LetterMessages;
import dev.annals.tenancy.api.TenantNotFoundException;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Records each dead letter in the tenant's place, in the XA transaction that consumes the message:
 * the row and the acknowledgement commit together, and the insert is deduplicated on (consumer,
 * event), so a message delivered again after a crash records nothing twice. Any failure rolls back
 * (never swallowed): the engine redelivers, and after the queue's {@code maxRedeliveryCount} moves
 * the message to its {@code exceptionDestination}. Bound to its activation spec in {@code
 * META-INF/ibm-ejb-jar-bnd.xml}. Crash tests hold it before and after the insert through a {@link
 * RecordingHook}, of which the application has none.
 */
@MessageDriven(
    name = "DeadLetterListener",
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationLookup",
          propertyValue = "jms/annals/deadLetters"),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue")
    })
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class DeadLetterListener implements MessageListener {

  private static final Logger LOG = Logger.getLogger(DeadLetterListener.class.getName());

  @Inject DeadLetterRepository letters;

  @Inject BlockedStreamRepository blocks;

  @Inject DeadLetterMetrics metrics;

  @Inject @Any Instance<RecordingHook> hooks;

  @Override
  public void onMessage(Message message) {
    Letter letter;
    try {
      if (!(message instanceof MapMessage map)) {
        throw new IllegalArgumentException("not a dead letter: " + message.getClass().getName());
      }
      letter = LetterMessages.fromMessage(map);
    } catch (JMSException e) {
      throw new IllegalStateException("unreadable dead letter", e);
    }
    try {
      reached(RecordingHook.Point.BEFORE_RECORD, letter);
      boolean recorded = letters.record(letter);
      // Every message consumed was one sent (the send counted it pending on the stream's block):
      // a duplicate of a letter already recorded, too.
      blocks.recorded(letter.tenant(), letter.consumerKind(), letter.consumer(), letter.streamId());
      reached(RecordingHook.Point.AFTER_RECORD, letter);
      if (recorded) {
        metrics.recorded(letter.tenant(), letter.consumerKind(), letter.consumer());
        metrics.open(
            letter.tenant(),
            letter.consumerKind(),
            letter.consumer(),
            letters.open(letter.tenant(), letter.consumerKind(), letter.consumer()));
      }
    } catch (TenantNotFoundException gone) {
      // The tenant was deleted meanwhile: its data is gone, and so is the letter's place.
      LOG.log(
          Level.INFO,
          "Dropped a dead letter of deleted tenant {0} (consumer {1}, event {2})",
          new Object[] {letter.tenant(), letter.consumer(), letter.eventId()});
    } catch (SQLException e) {
      throw new IllegalStateException(
          "could not record a dead letter (SQLState " + e.getSQLState() + ")", e);
    }
  }

  private void reached(RecordingHook.Point point, Letter letter) {
    if (!hooks.isUnsatisfied()) {
      hooks.forEach(h -> h.reached(point, letter));
    }
  }
}
