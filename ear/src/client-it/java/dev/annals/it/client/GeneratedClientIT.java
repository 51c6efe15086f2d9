package dev.annals.it.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.annals.client.ApiClient;
import dev.annals.client.ApiException;
import dev.annals.client.ApiResponse;
import dev.annals.client.api.AllEventsApi;
import dev.annals.client.api.DatabaseServersApi;
import dev.annals.client.api.StreamsApi;
import dev.annals.client.api.SubscriptionsApi;
import dev.annals.client.api.TenantsApi;
import dev.annals.client.api.TokensApi;
import dev.annals.client.api.WorkflowsApi;
import dev.annals.client.model.AllPageView;
import dev.annals.client.model.AppendRequest;
import dev.annals.client.model.AppendResponse;
import dev.annals.client.model.DatabasePlacement;
import dev.annals.client.model.DatabaseServerRequest;
import dev.annals.client.model.DatabaseServerView;
import dev.annals.client.model.Direction;
import dev.annals.client.model.EventView;
import dev.annals.client.model.ExpectedVersion;
import dev.annals.client.model.ExpectedVersionKeyword;
import dev.annals.client.model.Isolation;
import dev.annals.client.model.MovePhase;
import dev.annals.client.model.NewEventRequest;
import dev.annals.client.model.ProblemView;
import dev.annals.client.model.SnapshotRequest;
import dev.annals.client.model.SnapshotView;
import dev.annals.client.model.StreamPageView;
import dev.annals.client.model.Subscription;
import dev.annals.client.model.SubscriptionCreateRequest;
import dev.annals.client.model.SubscriptionCreated;
import dev.annals.client.model.SubscriptionFilter;
import dev.annals.client.model.SubscriptionResetRequest;
import dev.annals.client.model.SubscriptionState;
import dev.annals.client.model.SubscriptionTarget;
import dev.annals.client.model.SubscriptionWebhook;
import dev.annals.client.model.TenantCreateRequest;
import dev.annals.client.model.TenantMoveRequest;
import dev.annals.client.model.TenantState;
import dev.annals.client.model.TenantView;
import dev.annals.client.model.TokenRequest;
import dev.annals.client.model.TokenView;
import dev.annals.client.model.WorkflowCreateRequest;
import dev.annals.client.model.WorkflowFailRequest;
import dev.annals.client.model.WorkflowStepRequest;
import dev.annals.client.model.WorkflowView;
import dev.annals.it.Api;
import dev.annals.it.ItServer;
import dev.annals.it.Tokens;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A tenant's whole life through the Java client generated from the served OpenAPI document, with no
 * hand-written HTTP: what compiles and passes here is what any generated client can rely on.
 */
class GeneratedClientIT {

  private static final String PROBLEMS = "https://annals.dev/problems/";

  private static ApiClient client;
  private static TenantsApi tenants;
  private static StreamsApi streams;
  private static AllEventsApi all;
  private static DatabaseServersApi servers;

  @BeforeAll
  static void clientForTheServer() throws InterruptedException {
    ItServer.awaitReady(Duration.ofMinutes(3));
    client = new ApiClient();
    client.updateBaseUri(ItServer.baseUri().toString());
    client.setReadTimeout(Duration.ofSeconds(60));
    client.setRequestInterceptor(
        request -> request.header("Authorization", "Bearer " + Tokens.platformAdmin()));
    tenants = new TenantsApi(client);
    streams = new StreamsApi(client);
    all = new AllEventsApi(client);
    servers = new DatabaseServersApi(client);
  }

  /**
   * A database server registered, used by a database-mode tenant (which names it), refused removal
   * while used, and removed once the tenant is purged: all through the generated client.
   */
  @Test
  void databaseServerThroughTheGeneratedClient() throws Exception {
    String name = "c" + Api.newTenantId().substring(1, 12);
    DatabaseServerView registered =
        servers.registerDatabaseServer(
            new DatabaseServerRequest()
                .name(name)
                .host("127.0.0.1")
                .port(Integer.parseInt(System.getProperty("annals.it.db2Port")))
                .credentials("db2")
                .maxTenants(2));
    assertEquals(name, registered.getName());
    assertEquals(Boolean.TRUE, registered.getCredentialsResolve());
    assertEquals(5, registered.getMaxConnectionsPerTenant(), "the default");
    assertEquals(
        1,
        servers.listDatabaseServers().getServers().stream()
            .filter(s -> s.getName().equals(name))
            .count());

    String t = Api.newTenantId();
    TenantView created =
        tenants.createTenant(
            new TenantCreateRequest()
                .id(t)
                .name("Client " + t)
                .isolation(Isolation.DATABASE)
                .database(new DatabasePlacement().server(name)));
    assertEquals(name, created.getDatabase().getServer());
    assertEquals(1, servers.getDatabaseServer(name).getTenants());
    ApiException inUse = assertThrows(ApiException.class, () -> servers.removeDatabaseServer(name));
    assertEquals(409, inUse.getCode());
    assertEquals(PROBLEMS + "conflict", problem(inUse).getType().toString());

    tenants.deleteTenant(t, 0);
    assertEquals(name, servers.removeDatabaseServer(name).getName());
    ApiException gone = assertThrows(ApiException.class, () -> servers.getDatabaseServer(name));
    assertEquals(404, gone.getCode());
  }

  /** A webhook subscription created, paused, reset, refused twice, listed and deleted. */
  @Test
  void subscriptionThroughTheGeneratedClient() throws Exception {
    String t = Api.createTenant("shared");
    SubscriptionsApi subscriptions = new SubscriptionsApi(client);
    SubscriptionCreateRequest request =
        new SubscriptionCreateRequest()
            .name("client-hook")
            .filter(new SubscriptionFilter().streamPrefix("order-").eventTypes(List.of("Placed")))
            .start("now")
            .target(
                new SubscriptionTarget()
                    .webhook(new SubscriptionWebhook().url("https://hooks.example.test/in")));
    SubscriptionCreated created = subscriptions.createSubscription(t, request);
    assertEquals(64, created.getSecret().length());
    Subscription shown = created.getSubscription();
    assertEquals("https://hooks.example.test/in", shown.getTarget().getWebhook().getUrl());
    assertEquals(List.of("Placed"), shown.getFilter().getEventTypes());
    assertEquals("0-0", shown.getCheckpoint());

    assertEquals(
        SubscriptionState.PAUSED, subscriptions.pauseSubscription(t, "client-hook").getState());
    assertEquals(
        "0-0",
        subscriptions
            .resetSubscription(t, "client-hook", new SubscriptionResetRequest().to("beginning"))
            .getCheckpoint());
    ApiException taken =
        assertThrows(ApiException.class, () -> subscriptions.createSubscription(t, request));
    assertEquals(409, taken.getCode());
    assertEquals(URI.create(PROBLEMS + "conflict"), problem(taken).getType());
    assertEquals(1, subscriptions.listSubscriptions(t).getSubscriptions().size());

    assertEquals("client-hook", subscriptions.deleteSubscription(t, "client-hook").getName());
    ApiException gone =
        assertThrows(ApiException.class, () -> subscriptions.getSubscription(t, "client-hook"));
    assertEquals(404, gone.getCode());
  }

  @Test
  void tenantLifeCycleThroughTheGeneratedClient() throws Exception {
    String t = Api.newTenantId();
    TenantView created =
        tenants.createTenant(
            new TenantCreateRequest().id(t).name("Client " + t).isolation(Isolation.SHARED));
    assertEquals(t, created.getId());
    assertEquals(Isolation.SHARED, created.getIsolation());
    assertEquals(TenantState.ACTIVE, created.getState());
    assertNotNull(created.getCreated());

    List<NewEventRequest> placed =
        List.of(event("OrderPlaced", Map.of("total", 10)), event("OrderPaid", List.of("card", 10)));
    ApiResponse<AppendResponse> stored =
        streams.appendEventsWithHttpInfo(t, "order-1", append("no_stream", placed), "cause-1");
    assertEquals(201, stored.getStatusCode());
    assertEquals("order-1", stored.getData().getStreamId());
    assertEquals(1L, stored.getData().getFirstVersion());
    assertEquals(2L, stored.getData().getLastVersion());
    assertNotNull(stored.getData().getPosition());

    ApiResponse<AppendResponse> resent =
        streams.appendEventsWithHttpInfo(t, "order-1", append("no_stream", placed), null);
    assertEquals(200, resent.getStatusCode());
    assertEquals(stored.getData(), resent.getData());

    ApiException conflict =
        assertThrows(
            ApiException.class,
            () ->
                streams.appendEvents(
                    t, "order-1", append(1L, List.of(event("OrderShipped", "parcel"))), null));
    assertEquals(409, conflict.getCode());
    ProblemView wrongVersion = problem(conflict);
    assertEquals(URI.create(PROBLEMS + "wrong-expected-version"), wrongVersion.getType());
    assertEquals(409, wrongVersion.getStatus());
    assertEquals(2L, wrongVersion.getCurrentVersion());
    assertEquals("/api/tenants/" + t + "/streams/order-1/events", wrongVersion.getInstance());
    assertNotNull(wrongVersion.getCorrelationId());

    StreamPageView forward = streams.readStream(t, "order-1", null, null, null, null, null, null);
    assertEquals(ids(placed), viewIds(forward.getEvents()));
    assertEquals(Map.of("total", 10), forward.getEvents().get(0).getData());
    assertEquals(List.of("card", 10), forward.getEvents().get(1).getData());
    assertEquals("cause-1", forward.getEvents().get(0).getMetadata().get("causationId"));
    assertNull(forward.getNext());
    assertEquals(1, forward.getEvents().get(0).getSchemaVersion());
    StreamPageView asStored = streams.readStream(t, "order-1", null, null, null, null, null, true);
    assertEquals(viewIds(forward.getEvents()), viewIds(asStored.getEvents()));
    StreamPageView backward =
        streams.readStream(t, "order-1", null, Direction.BACKWARD, 1, null, null, null);
    assertEquals(2L, backward.getEvents().get(0).getVersion());
    assertEquals(1L, backward.getNext());
    StreamPageView asOfFirst = streams.readStream(t, "order-1", null, null, null, 1L, null, null);
    assertEquals(ids(placed).subList(0, 1), viewIds(asOfFirst.getEvents()));
    assertNull(asOfFirst.getNext());
    assertEquals(2L, streams.getStreamInfo(t, "order-1").getVersion());

    List<NewEventRequest> more =
        List.of(event("CartOpened", true), event("ItemAdded", null), event("ItemAdded", 3.5));
    streams.appendEvents(t, "cart-1", append(0L, more), null);
    List<UUID> expected = new ArrayList<>(ids(placed));
    expected.addAll(ids(more));
    assertEquals(expected, allIds(t, 2));

    assertEquals(TenantState.SUSPENDED, tenants.suspendTenant(t).getState());
    List<NewEventRequest> late = List.of(event("ItemRemoved", Map.of()));
    ApiException locked =
        assertThrows(
            ApiException.class, () -> streams.appendEvents(t, "cart-1", append(3L, late), null));
    assertEquals(423, locked.getCode());
    assertEquals(URI.create(PROBLEMS + "tenant-suspended"), problem(locked).getType());
    assertEquals(TenantState.ACTIVE, tenants.resumeTenant(t).getState());
    assertEquals(4L, streams.appendEvents(t, "cart-1", append(3L, late), null).getLastVersion());
    expected.addAll(ids(late));

    TenantView moving = tenants.moveTenant(t, new TenantMoveRequest().isolation(Isolation.SCHEMA));
    assertEquals(Isolation.SCHEMA, moving.getMove().getTo());
    TenantView moved = awaitMoveEnd(t);
    assertEquals(MovePhase.DONE, moved.getMove().getPhase());
    assertEquals(Isolation.SCHEMA, moved.getIsolation());
    assertEquals(TenantState.ACTIVE, moved.getState());
    assertEquals(6L, moved.getMove().getEventsCopied());
    assertEquals(expected, allIds(t, 1000));

    TenantView deleted = tenants.deleteTenant(t, 1);
    assertEquals(TenantState.DELETED, deleted.getState());
    assertNotNull(deleted.getPurgeAfter());
    ApiException gone = assertThrows(ApiException.class, () -> tenants.getTenant(t));
    assertEquals(410, gone.getCode());
    assertEquals(URI.create(PROBLEMS + "tenant-deleted"), problem(gone).getType());
  }

  @Test
  void invalidInputIsAProblemTheClientCanRead() {
    ApiException bad =
        assertThrows(
            ApiException.class,
            () -> tenants.createTenant(new TenantCreateRequest().id("X").name("bad id")));
    assertEquals(400, bad.getCode());
    ProblemView problem = problem(bad);
    assertEquals(400, problem.getStatus());
    assertEquals("/api/tenants", problem.getInstance());
    assertNull(problem.getCurrentVersion());
  }

  private static NewEventRequest event(String type, Object data) {
    return new NewEventRequest().eventId(UUID.randomUUID()).type(type).data(data);
  }

  private static AppendRequest append(String keyword, List<NewEventRequest> events) {
    return new AppendRequest()
        .expectedVersion(new ExpectedVersion(ExpectedVersionKeyword.fromValue(keyword)))
        .events(events);
  }

  private static AppendRequest append(long version, List<NewEventRequest> events) {
    return new AppendRequest().expectedVersion(new ExpectedVersion(version)).events(events);
  }

  private static List<UUID> ids(List<NewEventRequest> events) {
    return events.stream().map(NewEventRequest::getEventId).toList();
  }

  private static List<UUID> viewIds(List<EventView> events) {
    return events.stream().map(EventView::getEventId).toList();
  }

  /** Every event of the tenant's $all, paged {@code limit} at a time. */
  private static List<UUID> allIds(String t, int limit) throws ApiException {
    List<UUID> ids = new ArrayList<>();
    String after = null;
    while (true) {
      AllPageView page = all.readAll(t, after, limit, null);
      if (page.getEvents().isEmpty()) {
        return ids;
      }
      ids.addAll(viewIds(page.getEvents()));
      after = page.getCheckpoint();
    }
  }

  private static TenantView awaitMoveEnd(String t) throws ApiException, InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    TenantView view = null;
    while (Instant.now().isBefore(deadline)) {
      view = tenants.getTenant(t);
      MovePhase phase = view.getMove() == null ? null : view.getMove().getPhase();
      if ((phase == MovePhase.DONE || phase == MovePhase.FAILED)
          && view.getState() != TenantState.MOVING) {
        return view;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("move did not end: " + view);
  }

  @Test
  void aTokenMintedThroughTheClientOpensOnlyWhatItsRoleAndTenantAllow() throws Exception {
    String t = Api.createTenant();
    TokenView minted =
        new TokensApi(client)
            .mintToken(
                new TokenRequest()
                    .subject("client-reader")
                    .roles(List.of("reader"))
                    .tenants(List.of(t))
                    .ttlSeconds(600L));
    assertNotNull(minted.getExpiresAt());
    ApiClient reader = new ApiClient();
    reader.updateBaseUri(ItServer.baseUri().toString());
    reader.setRequestInterceptor(
        request -> request.header("Authorization", "Bearer " + minted.getToken()));

    assertEquals(List.of(), new AllEventsApi(reader).readAll(t, null, null, null).getEvents());
    ApiException forbidden =
        assertThrows(
            ApiException.class, () -> new TenantsApi(reader).listTenants(null, null, null, null));
    assertEquals(403, forbidden.getCode());
    assertEquals(URI.create(PROBLEMS + "forbidden"), problem(forbidden).getType());

    ApiClient anonymous = new ApiClient();
    anonymous.updateBaseUri(ItServer.baseUri().toString());
    ApiException unauthenticated =
        assertThrows(
            ApiException.class, () -> new AllEventsApi(anonymous).readAll(t, null, null, null));
    assertEquals(401, unauthenticated.getCode());
    assertEquals(URI.create(PROBLEMS + "unauthenticated"), problem(unauthenticated).getType());
  }

  @Test
  void aWorkflowAndASnapshotThroughTheGeneratedClient() throws Exception {
    String t = Api.createTenant("shared");
    WorkflowsApi workflows = new WorkflowsApi(client);
    WorkflowView created =
        workflows.createWorkflow(
            t,
            new WorkflowCreateRequest().title("Soil").question("Does it drain?").methodology("Dig"),
            "client-create-" + t);
    assertEquals(WorkflowView.StateEnum.CREATED, created.getState());
    assertEquals(1L, created.getVersion());
    UUID id = created.getId();
    assertEquals(2L, workflows.startWorkflow(t, id, null, "\"1\"").getVersion());
    WorkflowView stepped =
        workflows.completeWorkflowStep(
            t, id, new WorkflowStepRequest().name("dig").result(Map.of("depth", 40)), null, null);
    assertEquals("dig", stepped.getSteps().get(0).getName());
    assertEquals(
        WorkflowView.StateEnum.FAILED,
        workflows
            .failWorkflow(t, id, new WorkflowFailRequest().reason("flooded"), null, null)
            .getState());
    ApiException refused =
        assertThrows(ApiException.class, () -> workflows.completeWorkflow(t, id, null, null));
    assertEquals(422, refused.getCode());
    assertEquals("final-state", problem(refused).getRule());
    assertEquals(WorkflowView.StateEnum.STARTED, workflows.getWorkflow(t, id, "2").getState());

    SnapshotView stored =
        streams.putSnapshot(
            t,
            "workflow-" + id,
            new SnapshotRequest().version(3L).schemaVersion(7).state(Map.of("mine", true)));
    assertEquals(3L, stored.getVersion());
    assertEquals(7, streams.getSnapshot(t, "workflow-" + id, 3L).getSchemaVersion());
    ApiException none =
        assertThrows(ApiException.class, () -> streams.getSnapshot(t, "workflow-" + id, 2L));
    assertEquals(404, none.getCode());
  }

  /** The problem document of a failed call, read with the client's own model and mapper. */
  private static ProblemView problem(ApiException e) {
    try {
      return client.getObjectMapper().readValue(e.getResponseBody(), ProblemView.class);
    } catch (IOException io) {
      throw new AssertionError("not a problem document: " + e.getResponseBody(), io);
    }
  }
}
