package dev.annals.it.eventstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.it.Api;
import dev.annals.it.Db;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad input a client can send gets a 4xx problem document that says what to fix, and
 * stores nothing. {t} in a path is a fresh tenant, {e} a fresh event id.
 */
class BadInputIT {

  private static final String JSON = "application/json";
  private static final String EVENTS = "/api/tenants/{t}/streams/s-1/events";

  static Stream<Arguments> cases() {
    String ok = "{\"type\":\"A\",\"data\":{}}";
    String big = "{\"type\":\"A\",\"data\":\"" + "x".repeat(1024 * 1024) + "\"}";
    String many = String.join(",", java.util.Collections.nCopies(1001, ok));
    return Stream.of(
        post("malformed JSON", EVENTS, JSON, "{\"events\": [", 400, "not valid JSON"),
        post("body is an array", EVENTS, JSON, "[]", 400, "JSON object"),
        post("empty body", EVENTS, JSON, "", 400, "empty"),
        post("events missing", EVENTS, JSON, "{}", 400, "'events' is required"),
        post("events empty", EVENTS, JSON, "{\"events\":[]}", 400, "at least one"),
        post("events not an array", EVENTS, JSON, "{\"events\":{}}", 400, "'events'"),
        post(
            "event not an object",
            EVENTS,
            JSON,
            "{\"events\":[1]}",
            400,
            "events[0] must be an object"),
        post("type missing", EVENTS, JSON, "{\"events\":[{\"data\":1}]}", 400, "events[0].type"),
        post(
            "type malformed",
            EVENTS,
            JSON,
            "{\"events\":[{\"type\":\"1x\",\"data\":1}]}",
            400,
            "events[0].type"),
        post(
            "data missing", EVENTS, JSON, "{\"events\":[{\"type\":\"A\"}]}", 400, "events[0].data"),
        post(
            "event id not a UUID",
            EVENTS,
            JSON,
            "{\"events\":[{\"eventId\":\"nope\",\"type\":\"A\",\"data\":1}]}",
            400,
            "UUID"),
        post(
            "U+0000 in a data string",
            EVENTS,
            JSON,
            "{\"events\":[{\"type\":\"A\",\"data\":{\"x\":\"a\\u0000b\"}}]}",
            400,
            "events[0].data.x: a string contains U+0000"),
        post(
            "U+0000 in a metadata key",
            EVENTS,
            JSON,
            "{\"events\":[" + ok + ",{\"type\":\"A\",\"data\":1,\"metadata\":{\"k\\u0000\":1}}]}",
            400,
            "events[1].metadata[\"k\\u0000\"]: a key contains U+0000"),
        post(
            "an unpaired surrogate",
            EVENTS,
            JSON,
            "{\"events\":[{\"type\":\"A\",\"data\":[\"\\ud800\"]}]}",
            400,
            "events[0].data[0]: a string contains an unpaired UTF-16 surrogate"),
        post(
            "a number jsonb cannot hold",
            EVENTS,
            JSON,
            "{\"events\":[{\"type\":\"A\",\"data\":{\"n\":1e131072}}]}",
            400,
            "events[0].data.n: the number 1E+131072 is outside the range of a double"),
        post(
            "eight numbers that expand to a megabyte",
            EVENTS,
            JSON,
            "{\"events\":[{\"type\":\"A\",\"data\":[1e131071,1e131071,1e131071,1e131071,"
                + "1e131071,1e131071,1e131071,1e131071]}]}",
            400,
            "outside the range of a double"),
        post(
            "a number too small for a double",
            EVENTS,
            JSON,
            "{\"events\":[{\"type\":\"A\",\"data\":-1e-400}]}",
            400,
            "events[0].data: the number -1E-400 is outside the range of a double"),
        post(
            "a number with too many decimals",
            EVENTS,
            JSON,
            "{\"events\":[{\"type\":\"A\",\"data\":0." + "1".repeat(16384) + "}]}",
            400,
            "number literal too long"),
        post(
            "an expected version of a million digits",
            EVENTS,
            JSON,
            "{\"expectedVersion\":1e1000000,\"events\":[" + ok + "]}",
            400,
            "expectedVersion"),
        post(
            "data nested 100,000 deep",
            EVENTS,
            JSON,
            "{\"events\":[{\"type\":\"A\",\"data\":"
                + "[".repeat(100_000)
                + "]".repeat(100_000)
                + "}]}",
            400,
            "nest deeper than"),
        post(
            "data nested 101 deep",
            EVENTS,
            JSON,
            "{\"events\":[{\"type\":\"A\",\"data\":" + "[".repeat(101) + "]".repeat(101) + "}]}",
            400,
            "nest deeper than"),
        post(
            "text after the body",
            EVENTS,
            JSON,
            "{\"events\":[" + ok + "]} {}",
            400,
            "text follows the JSON object"),
        post(
            "a key twice",
            EVENTS,
            JSON,
            "{\"events\":[{\"type\":\"A\",\"type\":\"B\",\"data\":1}]}",
            400,
            "the key \"type\" appears twice in one object"),
        post(
            "event id a number",
            EVENTS,
            JSON,
            "{\"events\":[{\"eventId\":7,\"type\":\"A\",\"data\":1}]}",
            400,
            "UUID"),
        post(
            "metadata not an object",
            EVENTS,
            JSON,
            "{\"events\":[{\"type\":\"A\",\"data\":1,\"metadata\":[]}]}",
            400,
            "metadata"),
        post(
            "negative expected version",
            EVENTS,
            JSON,
            "{\"expectedVersion\":-1,\"events\":[" + ok + "]}",
            400,
            "expectedVersion"),
        post(
            "fractional expected version",
            EVENTS,
            JSON,
            "{\"expectedVersion\":1.5,\"events\":[" + ok + "]}",
            400,
            "expectedVersion"),
        post(
            "numeric string expected version",
            EVENTS,
            JSON,
            "{\"expectedVersion\":\"3\",\"events\":[" + ok + "]}",
            400,
            "expectedVersion"),
        post(
            "unknown expected version",
            EVENTS,
            JSON,
            "{\"expectedVersion\":\"latest\",\"events\":[" + ok + "]}",
            400,
            "expectedVersion"),
        post(
            "same event id twice",
            EVENTS,
            JSON,
            "{\"events\":[{\"eventId\":\"{e}\",\"type\":\"A\",\"data\":1},{\"eventId\":\"{e}\",\"type\":\"B\",\"data\":2}]}",
            400,
            "twice"),
        post(
            "wrong content type",
            EVENTS,
            "text/plain",
            "{\"events\":[" + ok + "]}",
            415,
            "application/json"),
        post("no content type", EVENTS, null, "{\"events\":[" + ok + "]}", 415, "application/json"),
        post(
            "unknown tenant",
            "/api/tenants/nosuchtenant/streams/s-1/events",
            JSON,
            "{\"events\":[" + ok + "]}",
            404,
            "does not exist"),
        post(
            "malformed tenant",
            "/api/tenants/Bad!/streams/s-1/events",
            JSON,
            "{\"events\":[" + ok + "]}",
            400,
            "Tenant id"),
        post(
            "stream id with a space",
            "/api/tenants/{t}/streams/a%20b/events",
            JSON,
            "{\"events\":[" + ok + "]}",
            400,
            "Stream id"),
        post(
            "reserved stream id",
            "/api/tenants/{t}/streams/%24all/events",
            JSON,
            "{\"events\":[" + ok + "]}",
            400,
            "reserved"),
        post(
            "stream id too long",
            "/api/tenants/{t}/streams/" + "s".repeat(201) + "/events",
            JSON,
            "{\"events\":[" + ok + "]}",
            400,
            "Stream id"),
        post("body over 1 MiB", EVENTS, JSON, "{\"events\":[" + big + "]}", 413, "larger than"),
        post("over 1,000 events", EVENTS, JSON, "{\"events\":[" + many + "]}", 413, "at most 1000"),
        get("from zero", EVENTS + "?from=0", 400, "'from'"),
        get("from not a number", EVENTS + "?from=abc", 400, "'from'"),
        get("limit zero", EVENTS + "?limit=0", 400, "'limit'"),
        get("limit over 1,000", EVENTS + "?limit=1001", 400, "'limit'"),
        get("unknown direction", EVENTS + "?direction=sideways", 400, "'direction'"),
        get("unknown stream", EVENTS, 404, "does not exist"),
        get("unknown stream info", "/api/tenants/{t}/streams/s-1", 404, "does not exist"),
        get("malformed after", "/api/tenants/{t}/events?after=garbage", 400, "malformed"),
        get("unknown after", "/api/tenants/{t}/events?after=1-1", 400, "not a position"),
        get("negative limit on $all", "/api/tenants/{t}/events?limit=-1", 400, "'limit'"),
        get("$all of unknown tenant", "/api/tenants/nosuchtenant/events", 404, "does not exist"),
        get("unknown tenant", "/api/tenants/nosuchtenant", 404, "does not exist"),
        get("no such path", "/api/nothing-here", 404, "No resource"),
        post(
            "tenant id with SQL",
            "/api/tenants",
            JSON,
            "{\"id\":\"a'; drop table annals.events; --\",\"name\":\"x\"}",
            400,
            "Tenant id"),
        post(
            "tenant id with look-alike letters",
            "/api/tenants",
            JSON,
            "{\"id\":\"\u0430cme\",\"name\":\"x\"}",
            400,
            "Tenant id"),
        post(
            "tenant id of 10 KB",
            "/api/tenants",
            JSON,
            "{\"id\":\"" + "a".repeat(10_240) + "\",\"name\":\"x\"}",
            400,
            "Tenant id"),
        post(
            "tenant id with a quote",
            "/api/tenants",
            JSON,
            "{\"id\":\"ab\\\"c\",\"name\":\"x\"}",
            400,
            "Tenant id"),
        post(
            "tenant id with a semicolon",
            "/api/tenants",
            JSON,
            "{\"id\":\"abc;drop\",\"name\":\"x\"}",
            400,
            "Tenant id"),
        post(
            "tenant id with a trailing newline",
            "/api/tenants",
            JSON,
            "{\"id\":\"abc\\n\",\"name\":\"x\"}",
            400,
            "Tenant id"),
        post(
            "unknown isolation",
            "/api/tenants",
            JSON,
            "{\"id\":\"{n}\",\"name\":\"x\",\"isolation\":\"galactic\"}",
            400,
            "'isolation'"),
        post(
            "isolation not a string",
            "/api/tenants",
            JSON,
            "{\"id\":\"{n}\",\"name\":\"x\",\"isolation\":1}",
            400,
            "'isolation'"),
        post(
            "unknown tenant field",
            "/api/tenants",
            JSON,
            "{\"id\":\"{n}\",\"name\":\"x\",\"isolaton\":\"schema\"}",
            400,
            "Unknown field"),
        post(
            "server for a shared tenant",
            "/api/tenants",
            JSON,
            "{\"id\":\"{n}\",\"name\":\"x\",\"database\":{\"server\":\"pg2\"}}",
            400,
            "applies only"),
        post(
            "server host with markup",
            "/api/tenants",
            JSON,
            "{\"id\":\"{n}\",\"name\":\"x\",\"isolation\":\"database\","
                + "\"database\":{\"host\":\"h\\\"/><dataSource id=\\\"x\",\"port\":5432}}",
            400,
            "'database.host'"),
        post(
            "server host of 10 KB",
            "/api/tenants",
            JSON,
            "{\"id\":\"{n}\",\"name\":\"x\",\"isolation\":\"database\","
                + "\"database\":{\"host\":\""
                + "h".repeat(10_240)
                + "\",\"port\":5432}}",
            400,
            "'database.host'"),
        post(
            "a port instead of a registered server",
            "/api/tenants",
            JSON,
            "{\"id\":\"{n}\",\"name\":\"x\",\"isolation\":\"database\","
                + "\"database\":{\"port\":5432}}",
            400,
            "'database.port'"),
        post(
            "a host and a port on a move",
            "/api/tenants/{t}/move",
            JSON,
            "{\"isolation\":\"database\",\"database\":{\"host\":\"127.0.0.1\",\"port\":5432}}",
            400,
            "'database.host'"),
        post(
            "server not an object",
            "/api/tenants",
            JSON,
            "{\"id\":\"{n}\",\"name\":\"x\",\"isolation\":\"database\","
                + "\"database\":\"127.0.0.1:5432\"}",
            400,
            "'database'"),
        post(
            "server name malformed",
            "/api/tenants",
            JSON,
            "{\"id\":\"{n}\",\"name\":\"x\",\"isolation\":\"database\","
                + "\"database\":{\"server\":\"Pg 2\"}}",
            400,
            "database server name"),
        post(
            "server not registered",
            "/api/tenants",
            JSON,
            "{\"id\":\"{n}\",\"name\":\"x\",\"isolation\":\"database\","
                + "\"database\":{\"server\":\"nowhere\"}}",
            400,
            "'database.server'"),
        post(
            "server registration with a password in it",
            "/api/database-servers",
            JSON,
            "{\"name\":\"x{n}\",\"host\":\"h\",\"port\":5432,\"credentials\":\"hunter2!\"}",
            400,
            "'credentials'"),
        post(
            "server registration with an unknown field",
            "/api/database-servers",
            JSON,
            "{\"name\":\"x\",\"host\":\"h\",\"port\":5432,\"credentials\":\"c\","
                + "\"password\":\"p\"}",
            400,
            "Unknown field 'password'"),
        get("tenant id with an encoded quote in the path", "/api/tenants/ab%27c", 400, "Tenant id"),
        get(
            "tenant id with an encoded semicolon in the path",
            "/api/tenants/abc%3Bdrop/events",
            400,
            "Tenant id"),
        get("a path outside the API", "/no-such-page", 404, "No resource at this path"),
        get(
            "an encoded slash in a stream id",
            "/api/tenants/{t}/streams/a%2Fb/events",
            400,
            "could not be understood"),
        get("the web module's own files", "/WEB-INF/web.xml", 404, "No resource at this path"),
        get("list limit zero", "/api/tenants?limit=0", 400, "'limit'"),
        get("list after not an id", "/api/tenants?after=A%27", 400, "Tenant id"),
        post("suspend unknown tenant", "/api/tenants/{n}/suspend", JSON, "", 404, "does not exist"),
        post("resume with a bad id", "/api/tenants/a%22b/resume", JSON, "", 400, "Tenant id"),
        delete(
            "delete with negative retention",
            "/api/tenants/{t}?retainDays=-1",
            400,
            "'retainDays'"),
        delete(
            "delete with retention not a number",
            "/api/tenants/{t}?retainDays=x",
            400,
            "'retainDays'"),
        delete(
            "delete with ten years and a day",
            "/api/tenants/{t}?retainDays=3651",
            400,
            "'retainDays'"),
        delete("delete unknown tenant", "/api/tenants/{n}", 404, "does not exist"),
        post("tenant name missing", "/api/tenants", JSON, "{\"id\":\"{n}\"}", 400, "'name'"),
        post(
            "tenant name empty",
            "/api/tenants",
            JSON,
            "{\"id\":\"{n}\",\"name\":\"\"}",
            400,
            "name"),
        post(
            "tenant exists",
            "/api/tenants",
            JSON,
            "{\"id\":\"{t}\",\"name\":\"again\"}",
            409,
            "already exists"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void badInputIsAProblemAndStoresNothing(
      String name,
      String method,
      String path,
      String contentType,
      String body,
      int status,
      String detail)
      throws Exception {
    String tenant = Api.createTenant();
    String fresh = Api.newTenantId();
    String e = UUID.randomUUID().toString();
    String target = path.replace("{t}", tenant);
    target = target.replace("{n}", fresh);
    HttpResponse<String> response =
        method.equals("GET")
            ? Api.get(target)
            : method.equals("DELETE")
                ? Api.delete(target)
                : Api.post(
                    target,
                    contentType,
                    body.replace("{t}", tenant).replace("{n}", fresh).replace("{e}", e));

    assertEquals(status, response.statusCode(), response.body());
    assertEquals(
        "application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
    JsonObject problem = Api.json(response);
    assertEquals(status, problem.getInt("status"));
    assertTrue(problem.getString("type").startsWith("https://annals.dev/problems/"));
    assertTrue(problem.getString("detail").contains(detail), problem.getString("detail"));
    assertTrue(problem.containsKey("correlationId"));
    assertEquals(0, Db.eventIds(tenant).size());
    assertEquals(404, Api.get("/api/tenants/" + fresh).statusCode());
    assertEquals("active", Api.json(Api.get("/api/tenants/" + tenant)).getString("state"));
    assertEquals(
        List.of(),
        Db.platformColumn(
            "SELECT nspname FROM pg_namespace WHERE nspname = ? UNION ALL"
                + " SELECT datname FROM pg_database WHERE datname = ?",
            "tenant_" + fresh,
            "annals_tenant_" + fresh),
        "no schema or database was created");
  }

  private static Arguments delete(String name, String path, int status, String detail) {
    return Arguments.of(name, "DELETE", path, null, null, status, detail);
  }

  private static Arguments post(
      String name, String path, String type, String body, int status, String detail) {
    return Arguments.of(name, "POST", path, type, body, status, detail);
  }

  private static Arguments get(String name, String path, int status, String detail) {
    return Arguments.of(name, "GET", path, null, null, status, detail);
  }
}
