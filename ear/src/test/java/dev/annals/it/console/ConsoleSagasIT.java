package dev.annals.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.it.Api;
import dev.annals.it.ItServer;
import dev.annals.it.Tokens;
import dev.annals.it.saga.SagaIT;
import dev.annals.it.saga.StepReceiver;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The console's sagas and overview pages in the system Chromium: a declarative saga whose last step
 * fails for good compensates, and its page shows every attempt and compensation on a timeline; the
 * overview shows the health of PostgreSQL, Redis and messaging and the append and read rates and
 * latencies from /metrics. Each test saves a screenshot and fails on any browser console error.
 */
class ConsoleSagasIT {

  @BeforeAll
  static void serverReady() throws InterruptedException {
    ItServer.awaitReady(Duration.ofMinutes(3));
  }

  private static String cell(WebDriver d, String css) {
    List<WebElement> found = d.findElements(By.cssSelector(css));
    return found.isEmpty() ? "" : found.get(0).getText();
  }

  /**
   * Defines {@code type} (steps reserve, charge and ship calling {@code receiver}), starts a saga
   * of it and waits until it rests in {@code state}; its id.
   */
  static String sagaResting(
      String tenant, StepReceiver receiver, String run, String type, String state) {
    HttpResponse<String> defined =
        Api.put(
            "/api/tenants/" + tenant + "/saga-types/" + type,
            SagaIT.definition(receiver, run, "reserve", "charge", "ship"));
    assertEquals(201, defined.statusCode(), defined.body());
    HttpResponse<String> started =
        Api.post(
            "/api/tenants/" + tenant + "/sagas",
            "{\"type\":\"" + type + "\",\"data\":{\"order\":\"c-1\"}}");
    assertEquals(201, started.statusCode(), started.body());
    String id = Api.json(started).getString("id");
    SagaIT.await(
        "saga " + id + " " + state,
        Duration.ofSeconds(90),
        () -> Api.json(Api.get("/api/tenants/" + tenant + "/sagas/" + id)).getString("state"),
        state::equals);
    return id;
  }

  @Test
  void aCompensatedSagaShowsItsAttemptsAndCompensationsOnATimeline() throws Exception {
    String tenant = Api.createTenant();
    String run = UUID.randomUUID().toString();
    try (StepReceiver receiver = new StepReceiver()) {
      String type = "order-" + run.substring(0, 8);
      receiver.always(run + "/ship", 503);
      String id = sagaResting(tenant, receiver, run, type, "compensated");

      try (Browser browser = Browser.signedIn(Tokens.platformAdmin())) {
        browser.console("#/sagas?tenant=" + tenant + "&state=compensated&type=" + type);
        browser.find(By.cssSelector("tr[data-saga='" + id + "'] a")).click();
        browser.find(By.id("timeline"));
        assertEquals("compensated", cell(browser.driver(), "[data-field=state]"));
        assertEquals("compensated", cell(browser.driver(), "#steps tr[data-step=reserve] td"));
        assertEquals("compensated", cell(browser.driver(), "#steps tr[data-step=charge] td"));
        assertEquals("failed", cell(browser.driver(), "#steps tr[data-step=ship] td"));
        List<WebElement> failedShips =
            browser
                .driver()
                .findElements(
                    By.cssSelector(
                        "#attempts tr[data-step=ship][data-phase=action][data-outcome=failed]"));
        assertEquals(3, failedShips.size(), "three attempts, all failed");
        assertTrue(failedShips.get(2).getText().contains("503"), failedShips.get(2).getText());
        for (String step : List.of("charge", "reserve")) {
          assertEquals(
              1,
              browser
                  .driver()
                  .findElements(
                      By.cssSelector(
                          "#attempts tr[data-step="
                              + step
                              + "][data-phase=compensation][data-outcome=succeeded]"))
                  .size(),
              step + " undone once");
        }
        assertEquals(
            7,
            browser.driver().findElements(By.cssSelector("#timeline rect")).size(),
            "a bar per attempt: reserve, charge, ship three times, charge's and reserve's undo");
        assertTrue(browser.driver().findElements(By.id("cancel-saga")).isEmpty());
        browser.script("document.getElementById('timeline').scrollIntoView()");
        browser.screenshot("saga-timeline");
        assertEquals(List.of(), browser.errors(m -> false));
      }
    }
  }

  @Test
  void theOverviewShowsHealthRatesAndLatencies() throws Exception {
    String tenant = Api.createTenant();
    for (int i = 0; i < 5; i++) {
      String body = Api.appendBody("\"any\"", Api.event(UUID.randomUUID(), "Noted", "{}"));
      assertEquals(
          201,
          Api.post("/api/tenants/" + tenant + "/streams/o-" + i + "/events", body).statusCode());
      assertEquals(
          200, Api.get("/api/tenants/" + tenant + "/streams/o-" + i + "/events").statusCode());
    }
    try (Browser browser = Browser.signedIn(Tokens.platformAdmin())) {
      browser.console("#/overview");
      for (String check : List.of("database", "redis", "messaging")) {
        browser.await(check + " up", d -> cell(d, "[data-check=" + check + "]").contains("UP"));
      }
      for (String op : List.of("append", "read")) {
        browser.await(
            op + " counted with its latencies",
            d ->
                !cell(d, "tr[data-operation=" + op + "] [data-field=count]").matches("0?")
                    && cell(d, "tr[data-operation=" + op + "] [data-field=p95]")
                        .matches(".*\\d.*"));
      }
      browser.await(
          "a rate", d -> cell(d, "tr[data-operation=append] [data-field=rate]").matches("[0-9.]+"));
      browser.await(
          "the plots", d -> d.findElements(By.cssSelector("figure.plot canvas")).size() == 3);
      browser.screenshot("overview");
      assertEquals(List.of(), browser.errors(m -> false));
    }
  }
}
