package dev.annals.it.eventstore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.annals.eventstore.api.aggregate.BusinessRuleViolationException;
import dev.annals.eventstore.api.workflow.Workflow;
import dev.annals.it.Api;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Property: for random command sequences, a workflow loaded through snapshots (the server takes one
 * every 3 events in the tests, keeps 2) is the same as one folded from its events alone, now and at
 * every earlier version, and the same as the plain class driven by the same commands (including
 * which commands it refuses, and with which rule).
 */
class SnapshotEquivalenceIT {

  private static final long SEED = Long.getLong("annals.it.seed", 20261130L);
  private static final int CASES = 200;
  private static final int MAX_COMMANDS = 14;

  @Test
  void snapshotsNeverChangeTheLoadedState() {
    String tenant = Api.createTenant();
    Random random = new Random(SEED);
    for (int n = 0; n < CASES; n++) {
      String where = "case " + n + " (seed " + SEED + ")";
      Workflows api = Workflows.as(tenant, "equivalence-" + n);
      String id = api.create();
      Workflow model = new Workflow(id);
      model.create("Title", "Question?", "Method");
      model.saved(1);
      int commands = random.nextInt(MAX_COMMANDS + 1);
      for (int c = 0; c < commands; c++) {
        step(api, id, model, random, where + " command " + c);
      }
      JsonObject now = Api.json(api.get(id, null));
      assertEquals(Workflows.view(model), now, where);
      assertEquals(Workflows.view(api.fold(id, Long.MAX_VALUE)), now, where);
      long at = 1 + random.nextInt((int) model.version());
      HttpResponse<String> past = api.get(id, "asOf=" + at);
      assertEquals(200, past.statusCode(), where + ": " + past.body());
      assertEquals(Workflows.view(api.fold(id, at)), Api.json(past), where + " as of " + at);
    }
  }

  /** One random command, sent to the server and applied to the model; both must agree. */
  private static void step(Workflows api, String id, Workflow model, Random random, String where) {
    String command;
    String body = null;
    Consumer<Workflow> decision;
    switch (random.nextInt(6)) {
      case 0 -> {
        command = "start";
        decision = Workflow::start;
      }
      case 1 -> {
        command = "complete";
        decision = Workflow::complete;
      }
      case 2 -> {
        String reason = "reason " + random.nextInt(100);
        command = "fail";
        body = Json.createObjectBuilder().add("reason", reason).build().toString();
        decision = w -> w.fail(reason);
      }
      default -> {
        String name = "step " + random.nextInt(1000);
        JsonValue result =
            random.nextBoolean()
                ? null
                : Json.createObjectBuilder().add("n", random.nextInt(1000)).build();
        command = "steps";
        body =
            result == null
                ? Json.createObjectBuilder().add("name", name).build().toString()
                : Json.createObjectBuilder()
                    .add("name", name)
                    .add("result", result)
                    .build()
                    .toString();
        decision = w -> w.completeStep(name, result);
      }
    }
    String rule = null;
    try {
      decision.accept(model);
      model.saved(model.version());
    } catch (BusinessRuleViolationException e) {
      rule = e.rule();
    }
    HttpResponse<String> r = api.command(id, command, body);
    if (rule == null) {
      assertEquals(200, r.statusCode(), where + " " + command + ": " + r.body());
      assertEquals(Workflows.view(model), Api.json(r), where + " " + command);
    } else {
      assertEquals(422, r.statusCode(), where + " " + command + ": " + r.body());
      assertEquals(rule, Api.json(r).getString("rule"), where + " " + command);
    }
  }
}
