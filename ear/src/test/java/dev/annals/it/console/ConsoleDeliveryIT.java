package dev.annals.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.it.Api;
import dev.annals.it.ItServer;
import dev.annals.it.Tokens;
import dev.annals.it.eventstore.SubscriptionsApi;
import dev.annals.it.eventstore.WebhookReceiver;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The console's delivery pages in the system Chromium: a webhook subscription that fails until the
 * receiver is fixed leaves dead letters, which the console inspects, discards with a reason and
 * redrives (one, then all of the consumer) until none is open; the subscriptions page shows state,
 * lag and breaker, pauses, resets to a typed checkpoint (refusing a malformed one) and resumes; a
 * reader sees these pages without their actions. Each test saves a screenshot and fails on any
 * browser console error it does not expect.
 */
class ConsoleDeliveryIT {

  /** Two attempts, short pauses, a breaker that never opens here. */
  private static final String POLICY =
      "{\"maxAttempts\":2,\"initialBackoffMs\":20,\"maxBackoffMs\":40,"
          + "\"breaker\":{\"failureRatio\":1.0,\"window\":1000,\"delayMs\":1000}}";

  @BeforeAll
  static void serverReady() throws InterruptedException {
    ItServer.awaitReady(Duration.ofMinutes(3));
  }

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  /** A webhook subscription on "acct-" with the short policy; its name. */
  static String subscribe(String tenant, WebhookReceiver receiver) {
    String name = "console-" + suffix();
    SubscriptionsApi.create(tenant, SubscriptionsApi.webhookBody(name, "acct-", receiver.url()));
    HttpResponse<String> set =
        Api.put("/api/tenants/" + tenant + "/subscriptions/" + name + "/policy", POLICY);
    assertEquals(200, set.statusCode(), set.body());
    return name;
  }

  private static List<JsonObject> letters(String tenant, String consumer) {
    return SubscriptionsApi.deadLetters(tenant, consumer);
  }

  private static Map<String, String> statesByStream(List<JsonObject> letters) {
    return letters.stream()
        .collect(
            Collectors.toMap(
                l -> l.getString("streamId") + "#" + l.getString("eventId"),
                l -> l.getString("state")));
  }

  private static long idOf(List<JsonObject> letters, String stream, String state) {
    return letters.stream()
        .filter(l -> l.getString("streamId").equals(stream) && l.getString("state").equals(state))
        .findFirst()
        .orElseThrow()
        .getJsonNumber("id")
        .longValue();
  }

  private static int rows(WebDriver d, String css) {
    return d.findElements(By.cssSelector(css)).size();
  }

  @Test
  void lettersOfAFailingWebhookAreDiscardedAndRedrivenFromTheConsoleUntilNoneIsOpen()
      throws Exception {
    String tenant = Api.createTenant();
    String a = "acct-a-" + suffix();
    String b = "acct-b-" + suffix();
    String c = "acct-c-" + suffix();
    try (WebhookReceiver receiver = new WebhookReceiver(0)) {
      receiver.failWhen(batch -> true);
      String name = subscribe(tenant, receiver);
      for (String stream : List.of(a, a, b, c)) {
        SubscriptionsApi.append(tenant, stream, "Moved", "{}");
      }
      List<JsonObject> letters =
          SubscriptionsApi.await(
              "three open letters and a parked one",
              () -> letters(tenant, name),
              l ->
                  l.size() == 4
                      && l.stream().filter(x -> x.getString("state").equals("open")).count() == 3);
      long headOfA = idOf(letters, a, "open");
      long ofC = idOf(letters, c, "open");

      try (Browser browser = Browser.signedIn(Tokens.platformAdmin())) {
        browser.console("#/dead-letters?tenant=" + tenant + "&consumer=" + name + "&state=open");
        browser.await("three open letters listed", d -> rows(d, "tr[data-letter]") == 3);
        browser.await(
            "the consumer's counts",
            d ->
                d.findElement(By.cssSelector("tr[data-consumer='" + name + "'] [data-field=open]"))
                        .getText()
                        .equals("3")
                    && d.findElement(
                            By.cssSelector("tr[data-consumer='" + name + "'] [data-field=parked]"))
                        .getText()
                        .equals("1"));
        browser.find(By.cssSelector("tr[data-letter='" + headOfA + "'] button")).click();
        browser.await(
            "the letter's cause and event",
            d ->
                d.findElement(By.cssSelector("tr[data-detail='" + headOfA + "']"))
                    .getText()
                    .contains("500"));
        browser.screenshot("dead-letters");

        browser.find(By.cssSelector("tr[data-letter='" + ofC + "'] [data-action=discard]")).click();
        browser.confirm("stream " + c, "replayed test data");
        browser.await(
            "the discarded letter gone", d -> rows(d, "tr[data-letter='" + ofC + "']") == 0);
        JsonObject discarded =
            letters(tenant, name).stream()
                .filter(l -> l.getJsonNumber("id").longValue() == ofC)
                .findFirst()
                .orElseThrow();
        assertEquals("discarded", discarded.getString("state"));
        assertEquals("replayed test data", discarded.getString("reason"));

        receiver.failWhen(batch -> false);
        browser
            .find(By.cssSelector("tr[data-letter='" + headOfA + "'] [data-action=redrive]"))
            .click();
        browser.confirm("stream " + a, null);
        browser.await("one open letter left", d -> rows(d, "tr[data-letter]") == 1);
        browser.find(By.id("redrive-matching")).click();
        browser.confirm("consumer " + name, null);
        browser.await("no open letter", d -> !d.findElements(By.id("no-letters")).isEmpty());
        browser.await(
            "the counts at zero",
            d ->
                d.findElement(By.cssSelector("tr[data-consumer='" + name + "'] [data-field=open]"))
                    .getText()
                    .equals("0"));
        browser.screenshot("dead-letters-redriven");
        assertEquals(List.of(), browser.errors(m -> false));
      }
      Map<String, String> states = statesByStream(letters(tenant, name));
      assertEquals(4, states.size(), states.toString());
      assertEquals(
          List.of("discarded", "redriven", "redriven", "redriven"),
          states.values().stream().sorted().toList(),
          states.toString());
    }
  }

  @Test
  void theSubscriptionsPageShowsLagAndBreakerPausesResetsToACheckpointAndResumes()
      throws Exception {
    String tenant = Api.createTenant();
    try (WebhookReceiver receiver = new WebhookReceiver(0)) {
      String name = subscribe(tenant, receiver);
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        ids.add(SubscriptionsApi.append(tenant, "acct-" + i, "Moved", "{}"));
      }
      try (Browser browser = Browser.signedIn(Tokens.platformAdmin())) {
        browser.console("#/subscriptions?tenant=" + tenant);
        String row = "tr[data-subscription='" + name + "'] ";
        browser.await(
            "the subscription caught up",
            d ->
                rows(d, row + "[data-field=lagEvents]") == 1
                    && d.findElement(By.cssSelector(row + "[data-field=lagEvents]"))
                        .getText()
                        .equals("0")
                    && d.findElement(By.cssSelector(row + "[data-field=breaker]"))
                        .getText()
                        .startsWith("closed"));
        browser.await("the statistics projection", d -> rows(d, "tr[data-projection]") >= 1);
        browser.await("the lag plotted", d -> rows(d, "#lag-events canvas") == 1);
        browser.find(By.cssSelector(row + "[data-action=pause]")).click();
        browser.await(
            "paused",
            d ->
                d.findElement(By.cssSelector(row + "[data-field=state]"))
                    .getText()
                    .equals("paused"));
        assertEquals("paused", SubscriptionsApi.get(tenant, name).getString("state"));
        String second = SubscriptionsApi.checkpointOf(tenant, ids.get(1));
        resetToACheckpoint(browser, name, second);
        // the confirmed reset is a request of its own: the field clears when it is sent
        browser.await(
            "the checkpoint reset",
            d -> second.equals(SubscriptionsApi.get(tenant, name).getString("checkpoint")));
        assertEquals("paused", SubscriptionsApi.get(tenant, name).getString("state"));
        browser.await(
            "three events to deliver again",
            d ->
                d.findElement(By.cssSelector(row + "[data-field=lagEvents]"))
                    .getText()
                    .equals("3"));
        browser.screenshot("subscriptions");
        browser.find(By.cssSelector(row + "[data-action=resume]")).click();
        browser.await(
            "running again",
            d ->
                !d.findElement(By.cssSelector(row + "[data-field=state]"))
                    .getText()
                    .equals("paused"));
        assertTrue(
            List.of("live", "catching_up")
                .contains(SubscriptionsApi.get(tenant, name).getString("state")));
        assertEquals(List.of(), browser.errors(m -> false));
      }
    }
  }

  /**
   * Resets the row's subscription to {@code checkpoint} by typing it: a malformed one first, which
   * the page refuses with a message and without asking; then the real one, whose dialog names it.
   */
  private static void resetToACheckpoint(Browser browser, String name, String checkpoint) {
    String row = "tr[data-subscription='" + name + "'] ";
    new Select(browser.find(By.cssSelector(row + "select[name=reset-to]")))
        .selectByValue("checkpoint");
    WebElement field = browser.find(By.cssSelector(row + "input[name=reset-checkpoint]"));
    assertTrue(field.isDisplayed());
    assertEquals("Checkpoint to reset " + name + " to", field.getAccessibleName());
    field.sendKeys("12-x");
    browser.find(By.cssSelector(row + "[data-action=reset]")).click();
    browser.await(
        "the message on a malformed checkpoint",
        d ->
            d.findElement(By.cssSelector(row + "[data-field=resetError]"))
                .getText()
                .contains("\"12-x\" is not a checkpoint"));
    assertEquals("true", field.getAttribute("aria-invalid"));
    assertEquals(0, rows(browser.driver(), "#ask"), "no dialog for a malformed checkpoint");
    field.clear();
    field.sendKeys(checkpoint);
    browser.find(By.cssSelector(row + "[data-action=reset]")).click();
    browser.confirm("move its checkpoint to " + checkpoint, null);
    browser.await(
        "the field valid again",
        d -> d.findElement(By.cssSelector(row + "[data-field=resetError]")).getText().isEmpty());
  }

  @Test
  void aReaderSeesSubscriptionsWithoutActionsNoDeadLettersAndNoForeignTenant() throws Exception {
    String mine = Api.createTenant();
    String foreign = Api.createTenant();
    try (WebhookReceiver receiver = new WebhookReceiver(0)) {
      String name = subscribe(mine, receiver);
      String reader = Tokens.of("console-reader", List.of("reader"), List.of(mine));
      try (Browser browser = Browser.signedIn(reader)) {
        assertEquals(0, rows(browser.driver(), "a[href='#/dead-letters']"));
        browser.console("#/subscriptions?tenant=" + mine);
        browser.find(By.cssSelector("tr[data-subscription='" + name + "'] [data-field=state]"));
        assertEquals(
            0, rows(browser.driver(), "[data-action]"), "no pause, resume, reset, rebuild");
        browser.screenshot("reader-subscriptions");
        browser.console("#/dead-letters?tenant=" + mine);
        browser.await(
            "the note", d -> d.findElement(By.tagName("main")).getText().contains("tenant admins"));
        browser.console("#/subscriptions?tenant=" + foreign);
        String problem = browser.find(By.cssSelector(".problem")).getText();
        assertTrue(problem.contains("HTTP 404") && problem.contains("correlation id"), problem);
        assertEquals(
            List.of(),
            browser.errors(m -> m.contains("/api/tenants/" + foreign) && m.contains("404")));
      }
    }
  }
}
