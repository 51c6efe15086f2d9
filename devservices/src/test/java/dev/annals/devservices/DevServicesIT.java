package dev.annals.devservices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisAccessControlException;

class DevServicesIT {

  @TempDir Path data;

  @Test
  void embeddedDefaultIsDurableKeepsDataAcrossRestartsAndAllowsTwoPhaseCommit() throws Exception {
    DevServices.Settings settings = new DevServices.Settings(data, freePort(), freePort(), false);

    try (DevServices services = DevServices.start(settings)) {
      Map<String, String> env = services.environment();
      try (Connection c = connect(env);
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE kept(v text)");
        s.execute("INSERT INTO kept VALUES ('survives')");
        try (ResultSet rs = s.executeQuery("SHOW max_prepared_transactions")) {
          rs.next();
          assertEquals(32, rs.getInt(1));
        }
        for (String durability : new String[] {"fsync", "synchronous_commit"}) {
          try (ResultSet rs = s.executeQuery("SHOW " + durability)) {
            rs.next();
            assertEquals("on", rs.getString(1), durability);
          }
        }
      }
      try (RedisClient redis = RedisClient.create(services.adminRedisUrl())) {
        redis.set("kept", "survives");
      }
    }

    try (DevServices services = DevServices.start(settings)) {
      Map<String, String> env = services.environment();
      try (Connection c = connect(env);
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT v FROM kept")) {
        rs.next();
        assertEquals("survives", rs.getString(1));
      }
      try (RedisClient redis = RedisClient.create(services.adminRedisUrl())) {
        assertEquals("survives", redis.get("kept"));
      }
    }
  }

  /**
   * No trust, no fixed password: every role needs its generated password, the owner Annals uses is
   * no superuser, the passwords are kept in a file only its owner may read, and Redis' user for
   * Annals may run only the commands Annals uses.
   */
  @Test
  void embeddedDefaultAsksForPasswordsEverywhere() throws Exception {
    DevServices.Settings settings = new DevServices.Settings(data, freePort(), freePort(), false);
    try (DevServices services = DevServices.start(settings)) {
      Map<String, String> env = services.environment();
      assertEquals(
          "rw-------",
          PosixFilePermissions.toString(
              Files.getPosixFilePermissions(data.resolve(DevSecrets.FILE))));
      String url = "jdbc:postgresql://127.0.0.1:" + env.get("DB_PORT") + "/" + env.get("DB_NAME");
      for (String role : new String[] {"postgres", "annals", "annals_app", "annals_tenancy"}) {
        SQLException refused =
            assertThrows(SQLException.class, () -> DriverManager.getConnection(url, role, ""));
        assertTrue(
            Set.of("08004", "28P01").contains(refused.getSQLState()),
            role + ": " + refused.getSQLState());
        assertThrows(SQLException.class, () -> DriverManager.getConnection(url, role, "wrong"));
      }
      try (Connection c = connect(env);
          Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT rolsuper, rolbypassrls, rolcreatedb FROM pg_roles"
                      + " WHERE rolname = current_user")) {
        rs.next();
        assertFalse(rs.getBoolean(1), "the owner is no superuser");
        assertFalse(rs.getBoolean(2), "the owner cannot bypass RLS");
        assertEquals(true, rs.getBoolean(3), "the owner may create tenant databases");
      }
      try (Connection c =
          DriverManager.getConnection(url, env.get("DB_APP_USER"), env.get("DB_APP_PASSWORD"))) {
        assertFalse(c.isClosed());
      }
      try (RedisClient redis = RedisClient.create(env.get("REDIS_URL"))) {
        assertEquals("PONG", redis.ping());
        redis.publish("annals:wakeup:t_devservices", "");
        assertThrows(JedisAccessControlException.class, () -> redis.publish("annals:other", ""));
        assertThrows(JedisAccessControlException.class, () -> redis.set("annals:k", "v"));
        assertThrows(JedisAccessControlException.class, () -> redis.flushAll());
      }
      try (RedisClient anonymous =
          RedisClient.create("redis://127.0.0.1:" + settings.redisPort())) {
        assertThrows(Exception.class, anonymous::ping);
      }
    }
  }

  private static Connection connect(Map<String, String> env) throws SQLException {
    String url =
        "jdbc:postgresql://"
            + env.get("DB_HOST")
            + ":"
            + env.get("DB_PORT")
            + "/"
            + env.get("DB_NAME");
    return DriverManager.getConnection(url, env.get("DB_USER"), env.get("DB_PASSWORD"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
