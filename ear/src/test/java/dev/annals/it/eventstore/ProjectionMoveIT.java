package dev.annals.it.eventstore;

import static dev.annals.it.eventstore.ProjectionsApi.append;
import static dev.annals.it.eventstore.ProjectionsApi.assertMatches;
import static dev.annals.it.eventstore.ProjectionsApi.awaitStatistics;
import static dev.annals.it.eventstore.ProjectionsApi.fresh;
import static dev.annals.it.eventstore.SubscriptionsApi.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.annals.it.Api;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A tenant moved to another isolation mode while its statistics projection counts: the projection's
 * rows move with their checkpoint (consistent with it: a batch in flight at the source is read
 * again at the target), so the statistics end exactly equal to a count from scratch, for events
 * appended before, during and after the move; a rebuild in the new place agrees.
 */
class ProjectionMoveIT {

  /** Where the suite's tenants move to: always another mode. */
  private static final Map<String, String> TARGET =
      Map.of("shared", "schema", "schema", "database", "database", "shared");

  @Test
  void statisticsFollowTheirTenantThroughAMove() throws Exception {
    String tenant = Api.createTenant();
    for (int i = 0; i < 10; i++) {
      append(tenant, "before-" + (i % 3), "Before", 30);
    }
    String to = TARGET.get(Api.defaultIsolation());
    HttpResponse<String> move =
        Api.post("/api/tenants/" + tenant + "/move", "{\"isolation\":\"" + to + "\"}");
    assertEquals(202, move.statusCode(), move.body());
    for (int i = 0; i < 10; i++) {
      append(tenant, "during-" + (i % 4), "During", 5);
    }
    JsonObject moved =
        await(
            "the move's end",
            () -> Api.json(Api.get("/api/tenants/" + tenant)),
            v ->
                v.containsKey("move")
                    && List.of("done", "failed")
                        .contains(v.getJsonObject("move").getString("phase"))
                    && !v.getString("state").equals("moving"));
    assertEquals("done", moved.getJsonObject("move").getString("phase"), moved.toString());
    assertEquals(to, moved.getString("isolation"));
    append(tenant, "after-1", "After", 7);

    assertMatches(fresh(tenant, Optional.empty()), awaitStatistics(tenant, 357));

    HttpResponse<String> rebuild =
        Api.post("/api/tenants/" + tenant + "/projections/statistics/rebuild", null, "");
    assertEquals(202, rebuild.statusCode(), rebuild.body());
    JsonObject rebuilt = awaitStatistics(tenant, 357);
    assertEquals(2, rebuilt.getInt("generation"), rebuilt.toString());
    assertMatches(fresh(tenant, Optional.empty()), rebuilt);
  }
}
