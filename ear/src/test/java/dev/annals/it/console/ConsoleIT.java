package dev.annals.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.it.Api;
import dev.annals.it.ItServer;
import dev.annals.it.Tokens;
import dev.annals.it.eventstore.SubscriptionsApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The admin console in the system Chromium against the test server, through the public API only:
 * signing in by link, tenants (create, move with its progress), the event browser and live tail,
 * the audit chain, and what a reader may see. Each test saves a screenshot and fails on any browser
 * console error it does not expect.
 */
class ConsoleIT {

  @BeforeAll
  static void serverReady() throws InterruptedException {
    ItServer.awaitReady(Duration.ofMinutes(3));
  }

  @Test
  void aSignInLinkKeepsTheTokenInTheTabAndTakesItOutOfTheAddress() {
    try (Browser browser = Browser.signedIn(Tokens.platformAdmin())) {
      browser.find(By.xpath("//h1[text()='Tenants']"));
      assertFalse(browser.driver().getCurrentUrl().contains("token="));
      assertEquals(
          Tokens.platformAdmin(), browser.script("return sessionStorage.getItem('annals.token')"));
      assertTrue(browser.text().contains("it-platform-admin (platform-admin)"));
      browser.screenshot("signed-in");
      assertEquals(List.of(), browser.errors(m -> false));
    }
  }

  @Test
  void aPlatformAdminCreatesATenantAndWatchesItsMoveReachDone() {
    String id = Api.newTenantId();
    try (Browser browser = Browser.signedIn(Tokens.platformAdmin())) {
      browser.find(By.xpath("//summary[text()='Create a tenant']")).click();
      browser.find(By.id("new-tenant-id")).sendKeys(id);
      browser.find(By.id("new-tenant-name")).sendKeys("Console " + id);
      new Select(browser.find(By.id("new-tenant-isolation"))).selectByValue("shared");
      browser.find(By.cssSelector("#create-tenant button[type=submit]")).click();
      browser.await("the new tenant's page", d -> d.getCurrentUrl().endsWith("#/tenants/" + id));
      for (int i = 0; i < 20; i++) {
        String body =
            Api.appendBody("\"any\"", Api.event(UUID.randomUUID(), "Noted", "{\"n\":" + i + "}"));
        assertEquals(
            201, Api.post("/api/tenants/" + id + "/streams/s-" + i + "/events", body).statusCode());
      }
      new Select(browser.find(By.id("move-to"))).selectByValue("schema");
      browser.find(By.cssSelector("#move-tenant button[type=submit]")).click();
      browser.driver().switchTo().alert().accept();
      Set<String> phases = new LinkedHashSet<>();
      browser.await(
          "the move to reach done",
          d -> {
            List<WebElement> phase = d.findElements(By.id("move-phase"));
            if (!phase.isEmpty()) {
              try {
                phases.add(phase.get(0).getText());
              } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return false;
              }
            }
            return phases.contains("done");
          });
      assertFalse(phases.contains("failed"), "phases seen: " + phases);
      WebElement progress = browser.find(By.id("move-progress"));
      assertEquals(progress.getAttribute("max"), progress.getAttribute("value"));
      browser.screenshot("tenant-moved");
      assertEquals(List.of(), browser.errors(m -> false));
    }
  }

  @Test
  void filtersNarrowTheTenantListOnTheServer() {
    String suspended = Api.createTenant("schema");
    String active = Api.createTenant("schema");
    assertEquals(200, Api.post("/api/tenants/" + suspended + "/suspend", "").statusCode());
    try (Browser browser = Browser.signedIn(Tokens.platformAdmin())) {
      new Select(browser.find(By.id("filter-state"))).selectByValue("suspended");
      new Select(browser.find(By.id("filter-isolation"))).selectByValue("schema");
      browser.await(
          "only suspended schema tenants listed",
          d -> {
            List<WebElement> rows = d.findElements(By.cssSelector("tr[data-tenant]"));
            return !rows.isEmpty()
                && rows.stream()
                    .allMatch(
                        r -> r.getText().contains("suspended") && r.getText().contains("schema"));
          });
      assertTrue(
          browser
              .driver()
              .findElements(By.cssSelector("tr[data-tenant='" + active + "']"))
              .isEmpty());
      browser.screenshot("tenants-filtered");
      assertEquals(List.of(), browser.errors(m -> false));
    }
  }

  @Test
  void appendedEventsShowInTheEventBrowserAndTheLiveTail() {
    String tenant = Api.createTenant();
    String stream = "order-" + UUID.randomUUID().toString().substring(0, 8);
    List<String> ids = orderNoted(tenant, stream, 3);
    try (Browser browser = Browser.signedIn(Tokens.platformAdmin())) {
      browser.console("#/streams?tenant=" + tenant + "&stream=" + stream);
      browser.await(
          "three events listed",
          d -> d.findElements(By.cssSelector("#events tbody tr")).size() == 3);
      for (String id : ids) {
        assertEquals(
            1, browser.driver().findElements(By.cssSelector("tr[data-event='" + id + "']")).size());
      }
      browser.find(By.cssSelector("tr[data-event='" + ids.get(0) + "'] summary")).click();
      assertTrue(browser.text().contains("\"line\": 0"));
      browser.find(By.id("live")).click();
      browser.await(
          "the live tail caught up",
          d -> d.findElement(By.id("live-status")).getText().startsWith("Live"));
      String later = UUID.randomUUID().toString();
      String body =
          Api.appendBody("\"any\"", Api.event(UUID.fromString(later), "OrderShipped", "{}"));
      assertEquals(
          201,
          Api.post("/api/tenants/" + tenant + "/streams/" + stream + "/events", body).statusCode());
      browser.await(
          "the new event live",
          d ->
              !d.findElements(By.cssSelector("#live-events tr[data-event='" + later + "']"))
                  .isEmpty());
      browser.screenshot("events-live");
      assertEquals(List.of(), browser.errors(m -> false));
    }
  }

  /** Appends {@code n} events {@code OrderNoted} with {@code {"line": i}}; their ids. */
  static List<String> orderNoted(String tenant, String stream, int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add(SubscriptionsApi.append(tenant, stream, "OrderNoted", "{\"line\":" + i + "}"));
    }
    return ids;
  }

  @Test
  void aReaderSeesOnlyItsTenantAndNoAdministration() {
    String mine = Api.createTenant();
    String foreign = Api.createTenant();
    String reader = Tokens.of("console-reader", List.of("reader"), List.of(mine));
    try (Browser browser = Browser.signedIn(reader)) {
      browser.await(
          "its tenant listed",
          d -> !d.findElements(By.cssSelector("tr[data-tenant='" + mine + "']")).isEmpty());
      assertTrue(
          browser
              .driver()
              .findElements(By.cssSelector("tr[data-tenant='" + foreign + "']"))
              .isEmpty());
      assertTrue(browser.driver().findElements(By.id("create-tenant")).isEmpty());
      assertTrue(
          browser
              .driver()
              .findElements(By.xpath("//button[text()='Suspend' or text()='Delete']"))
              .isEmpty());
      browser.screenshot("reader-tenants");
      browser.console("#/tenants/" + foreign);
      WebElement problem = browser.find(By.cssSelector(".problem"));
      assertTrue(problem.getText().contains("HTTP 404"), problem.getText());
      assertTrue(browser.driver().findElements(By.id("move-tenant")).isEmpty());
      // The refused request is the only error the browser reports.
      assertEquals(
          List.of(),
          browser.errors(m -> m.contains("/api/tenants/" + foreign) && m.contains("404")));
    }
  }

  @Test
  void theAuditChainVerifiesFromTheConsole() {
    try (Browser browser = Browser.signedIn(Tokens.platformAdmin())) {
      browser.console("#/audit");
      browser.find(By.cssSelector("table tbody tr"));
      browser.find(By.id("verify")).click();
      browser.await(
          "a verdict", d -> d.findElement(By.id("verdict")).getText().startsWith("Chain"));
      assertTrue(
          browser.find(By.id("verdict")).getText().startsWith("Chain valid:"),
          browser.find(By.id("verdict")).getText());
      browser.screenshot("audit-verified");
      assertEquals(List.of(), browser.errors(m -> false));
    }
  }
}
