package dev.annals.it.eventstore;

import static dev.annals.it.Api.appendBody;
import static dev.annals.it.Api.event;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.annals.it.Api;
import dev.annals.it.Db;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Streams and snapshots over HTTP for tests, and the snapshots stored, read as the owner. */
public final class SnapshotApi {

  private SnapshotApi() {}

  /** A fresh stream {@code <category>-<uuid>} with {@code events} events. */
  public static String stream(String tenant, String category, int events) {
    String stream = category + "-" + UUID.randomUUID();
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < events; i++) {
      bodies.add(event(UUID.randomUUID(), "Changed", "{\"n\":" + i + "}"));
    }
    HttpResponse<String> r =
        Api.post(
            "/api/tenants/" + tenant + "/streams/" + stream + "/events",
            appendBody("\"no_stream\"", bodies.toArray(String[]::new)));
    assertEquals(201, r.statusCode(), r.body());
    return stream;
  }

  public static String path(String tenant, String stream) {
    return "/api/tenants/" + tenant + "/streams/" + stream + "/snapshot";
  }

  public static HttpResponse<String> put(
      String tenant, String stream, long version, int schemaVersion, String state) {
    return Api.put(
        path(tenant, stream),
        "{\"version\":"
            + version
            + ",\"schemaVersion\":"
            + schemaVersion
            + ",\"state\":"
            + state
            + "}");
  }

  /** The stream's stored snapshot versions, read as the owner. */
  public static List<Long> snapshotVersions(String tenant, String stream) throws SQLException {
    List<Long> out = new ArrayList<>();
    try (Connection c = Db.ownerOf(tenant);
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT stream_version FROM snapshots WHERE tenant_id = ? AND stream_id = ?"
                    + " ORDER BY stream_version")) {
      ps.setString(1, tenant);
      ps.setString(2, stream);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getLong(1));
        }
      }
    }
    return out;
  }
}
