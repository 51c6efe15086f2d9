package dev.annals.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.it.Api;
import dev.annals.it.ItServer;
import dev.annals.it.Tokens;
import dev.annals.it.eventstore.SubscriptionsApi;
import dev.annals.it.eventstore.WebhookReceiver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console in Debian's Firefox ESR (over WebDriver BiDi, see {@link Firefox}): signing in by
 * link, the event browser with its live tail, and the subscriptions page's actions (pause, reset to
 * a typed checkpoint through the confirmation dialog, resume). Required, not skipped: without
 * Firefox ESR these tests fail saying what to install. Each saves a screenshot and fails on any
 * browser console error or refused request it does not expect.
 */
class FirefoxConsoleIT {

  @BeforeAll
  static void serverReady() throws InterruptedException {
    ItServer.awaitReady(Duration.ofMinutes(3));
  }

  @Test
  void aSignInLinkKeepsTheTokenInTheTabAndTakesItOutOfTheAddress() {
    try (Firefox firefox = Firefox.signedIn(Tokens.platformAdmin())) {
      firefox.await("the tenants page", "document.querySelector('h1')?.innerText === 'Tenants'");
      assertFalse(((String) firefox.eval("location.href")).contains("token="));
      assertEquals(Tokens.platformAdmin(), firefox.eval("sessionStorage.getItem('annals.token')"));
      assertTrue(firefox.text("body").contains("it-platform-admin (platform-admin)"));
      firefox.screenshot("signed-in");
      assertEquals(List.of(), firefox.errors(m -> false));
    }
  }

  @Test
  void appendedEventsShowInTheEventBrowserAndTheLiveTail() {
    String tenant = Api.createTenant();
    String stream = "order-" + UUID.randomUUID().toString().substring(0, 8);
    List<String> ids = ConsoleIT.orderNoted(tenant, stream, 3);
    try (Firefox firefox = Firefox.signedIn(Tokens.platformAdmin())) {
      firefox.console("#/streams?tenant=" + tenant + "&stream=" + stream);
      firefox.await(
          "three events listed", "document.querySelectorAll('#events tbody tr').length === 3");
      for (String id : ids) {
        assertEquals(1, firefox.count("tr[data-event='" + id + "']"));
      }
      firefox.click("tr[data-event='" + ids.get(0) + "'] summary");
      firefox.await("the event's data", "document.body.innerText.includes('\"line\": 0')");
      firefox.click("#live");
      firefox.await(
          "the live tail caught up",
          "document.querySelector('#live-status').innerText.startsWith('Live')");
      String later = SubscriptionsApi.append(tenant, stream, "OrderShipped", "{}");
      firefox.await(
          "the new event live",
          "document.querySelector(\"#live-events tr[data-event='" + later + "']\")");
      firefox.screenshot("events-live");
      assertEquals(List.of(), firefox.errors(m -> false));
    }
  }

  @Test
  void theSubscriptionsPagePausesResetsToACheckpointAndResumes() throws Exception {
    String tenant = Api.createTenant();
    try (WebhookReceiver receiver = new WebhookReceiver(0)) {
      String name = "firefox-" + UUID.randomUUID().toString().substring(0, 8);
      SubscriptionsApi.create(tenant, SubscriptionsApi.webhookBody(name, "acct-", receiver.url()));
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        ids.add(SubscriptionsApi.append(tenant, "acct-" + i, "Moved", "{}"));
      }
      try (Firefox firefox = Firefox.signedIn(Tokens.platformAdmin())) {
        firefox.console("#/subscriptions?tenant=" + tenant);
        String row = "tr[data-subscription='" + name + "'] ";
        String state = row + "[data-field=state]";
        firefox.await(
            "the subscription caught up",
            "document.querySelector(\"" + row + "[data-field=lagEvents]\")?.innerText === '0'");
        firefox.click(row + "[data-action=pause]");
        firefox.await("paused", "document.querySelector(\"" + state + "\").innerText === 'paused'");

        String checkpoint = SubscriptionsApi.checkpointOf(tenant, ids.get(0));
        firefox.choose(row + "select[name=reset-to]", "checkpoint");
        firefox.type(row + "input[name=reset-checkpoint]", "not-one");
        firefox.click(row + "[data-action=reset]");
        firefox.await(
            "the message on a malformed checkpoint",
            "document.querySelector(\""
                + row
                + "[data-field=resetError]\").innerText"
                + ".includes('is not a checkpoint')");
        assertEquals(0, firefox.count("#ask"), "no dialog for a malformed checkpoint");
        firefox.eval(
            "document.querySelector(\"" + row + "input[name=reset-checkpoint]\").value = ''");
        firefox.type(row + "input[name=reset-checkpoint]", checkpoint);
        firefox.click(row + "[data-action=reset]");
        firefox.await("the dialog", "document.querySelector('#ask-text')");
        assertTrue(
            firefox.text("#ask-text").contains("move its checkpoint to " + checkpoint),
            firefox.text("#ask-text"));
        firefox.click("#ask-confirm");
        firefox.await("the dialog closed", "!document.querySelector('#ask')");
        SubscriptionsApi.await(
            "the checkpoint moved",
            () -> SubscriptionsApi.get(tenant, name).getString("checkpoint"),
            checkpoint::equals);
        firefox.await(
            "three events to deliver again",
            "document.querySelector(\"" + row + "[data-field=lagEvents]\").innerText === '3'");
        firefox.screenshot("subscriptions");

        firefox.click(row + "[data-action=resume]");
        firefox.await(
            "delivered again",
            "document.querySelector(\"" + row + "[data-field=lagEvents]\").innerText === '0'");
        assertFalse(firefox.text(state).equals("paused"));
        assertEquals(List.of(), firefox.errors(m -> false));
      }
    }
  }
}
