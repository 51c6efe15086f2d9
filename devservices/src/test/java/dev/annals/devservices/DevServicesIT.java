package dev.annals.devservices;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.RedisClient;

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
      try (RedisClient redis = RedisClient.create(env.get("REDIS_URL"))) {
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
      try (RedisClient redis = RedisClient.create(env.get("REDIS_URL"))) {
        assertEquals("survives", redis.get("kept"));
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
