package dev.annals.it.probe;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Writes a row through the runtime XA datasource and sends a message through the application's
 * connection factory in one container-managed transaction, so a test can see whether both or
 * neither arrive. The row goes to {@code public.it_tx_probe}, which the test creates beforehand.
 */
@Stateless
public class TransactionProbe {

  /** Message property that carries the probe id; receivers select on it. */
  public static final String PROBE_ID = "probeId";

  private static final String INSERT = "INSERT INTO public.it_tx_probe (id) VALUES (?::uuid)";
  private static final String EXISTS = "SELECT 1 FROM public.it_tx_probe WHERE id = ?::uuid";

  @Resource(lookup = "jdbc/annals/runtime")
  private DataSource runtime;

  @Resource(lookup = "jms/annals/connectionFactory")
  private ConnectionFactory connectionFactory;

  @Resource(lookup = "jms/annals/test")
  private Queue testQueue;

  @Resource private SessionContext context;

  /** Inserts the row and sends the message; both commit when the method returns. */
  public void writeAndSend(UUID id) throws SQLException {
    insertRow(id);
    send(id);
  }

  /** Inserts the row and sends the message, then marks the transaction rollback-only. */
  public void writeAndSendThenMarkRollbackOnly(UUID id) throws SQLException {
    writeAndSend(id);
    context.setRollbackOnly();
  }

  /** Inserts the row and sends the message, then fails with an application exception. */
  public void writeAndSendThenReject(UUID id) throws SQLException {
    writeAndSend(id);
    throw new ProbeRejectedException("probe " + id + " rejected after its writes");
  }

  /**
   * Inserts the row into the platform database and into a database-mode tenant's database (through
   * its datasource {@code jdbc/annals/tenant/<id>-1}) and sends the message: a two-phase commit
   * over two PostgreSQL databases and the messaging engine.
   */
  public void writeBothAndSend(String tenant, UUID id, boolean rollbackOnly) throws Exception {
    writeAndSend(id);
    try (Connection c = tenantDataSource(tenant).getConnection();
        PreparedStatement ps = c.prepareStatement(INSERT)) {
      ps.setString(1, id.toString());
      ps.executeUpdate();
    }
    if (rollbackOnly) {
      context.setRollbackOnly();
    }
  }

  /** Whether the probe's row is visible in the tenant's database to a new transaction. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public boolean tenantRowExists(String tenant, UUID id) throws Exception {
    try (Connection c = tenantDataSource(tenant).getConnection();
        PreparedStatement ps = c.prepareStatement(EXISTS)) {
      ps.setString(1, id.toString());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static DataSource tenantDataSource(String tenant) throws NamingException {
    // a tenant that never moved is in its first placement (generation 1)
    return (DataSource) new InitialContext().lookup("jdbc/annals/tenant/" + tenant + "-1");
  }

  /** Whether the probe's row is visible to a new transaction. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public boolean rowExists(UUID id) throws SQLException {
    try (Connection c = runtime.getConnection();
        PreparedStatement ps = c.prepareStatement(EXISTS)) {
      ps.setString(1, id.toString());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /**
   * Consumes the probe's message if it arrives within {@code wait}; other messages on the queue,
   * such as those left by earlier runs, stay where they are.
   *
   * @return the message body, which is the probe id
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Optional<String> receive(UUID id, Duration wait) {
    // A UUID's text is hex digits and dashes: safe inside the selector's quotes.
    String selector = PROBE_ID + " = '" + id + "'";
    try (JMSContext jms = connectionFactory.createContext();
        JMSConsumer consumer = jms.createConsumer(testQueue, selector)) {
      return Optional.ofNullable(consumer.receiveBody(String.class, wait.toMillis()));
    }
  }

  private void insertRow(UUID id) throws SQLException {
    try (Connection c = runtime.getConnection();
        PreparedStatement ps = c.prepareStatement(INSERT)) {
      ps.setString(1, id.toString());
      ps.executeUpdate();
    }
  }

  private void send(UUID id) {
    try (JMSContext jms = connectionFactory.createContext()) {
      jms.createProducer().setProperty(PROBE_ID, id.toString()).send(testQueue, id.toString());
    }
  }
}
