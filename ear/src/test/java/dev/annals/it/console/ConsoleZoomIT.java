package dev.annals.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.annals.it.Api;
import dev.annals.it.ItServer;
import dev.annals.it.Tokens;
import dev.annals.it.eventstore.SubscriptionsApi;
import dev.annals.it.eventstore.WebhookReceiver;
import dev.annals.it.saga.StepReceiver;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Every console page at 200% zoom in the system Chromium (a 1280×900 window zoomed to 200% lays
 * pages out in 640×450 CSS pixels at two device pixels each, which is what {@link
 * Browser#zoom200()} sets): no page scrolls sideways and every visible control lies inside the
 * page's width or inside a table that scrolls itself ({@link Reflow}). The pages show real data (a
 * stream's events with one opened, a failing webhook subscription and its dead letters, a finished
 * saga's timeline). A screenshot per page ({@code zoom-*.png}); any browser console error fails.
 */
class ConsoleZoomIT {

  @BeforeAll
  static void serverReady() throws InterruptedException {
    ItServer.awaitReady(Duration.ofMinutes(3));
  }

  @Test
  void everyPageReflowsAt200PercentWithoutSidewaysScrolling() throws Exception {
    String tenant = Api.createTenant();
    String stream = "order-" + UUID.randomUUID().toString().substring(0, 8);
    String event = SubscriptionsApi.append(tenant, stream, "OrderNoted", "{\"line\":1}");
    SubscriptionsApi.append(tenant, stream, "OrderShipped", "{\"carrier\":\"post\"}");
    String run = UUID.randomUUID().toString();
    try (WebhookReceiver hook = new WebhookReceiver(0);
        StepReceiver steps = new StepReceiver()) {
      hook.failWhen(batch -> true);
      String subscription = ConsoleDeliveryIT.subscribe(tenant, hook);
      SubscriptionsApi.append(tenant, "acct-" + run.substring(0, 8), "Moved", "{}");
      String saga =
          ConsoleSagasIT.sagaResting(
              tenant, steps, run, "zoom-" + run.substring(0, 8), "completed");
      SubscriptionsApi.await(
          "a dead letter",
          () -> SubscriptionsApi.deadLetters(tenant, subscription),
          l -> !l.isEmpty());

      Map<String, List<?>> problems = new LinkedHashMap<>();
      try (Browser browser = Browser.open()) {
        browser.zoom200();
        browser.console("#/signin");
        check(browser, "signin", "form textarea", problems);
      }
      try (Browser browser = Browser.signedIn(Tokens.platformAdmin())) {
        browser.zoom200();
        String t = "?tenant=" + tenant;
        check(browser, "tenants", "tr[data-tenant]", problems, "#/tenants");
        check(browser, "tenant", "#move-tenant", problems, "#/tenants/" + tenant);
        check(
            browser,
            "streams",
            "tr[data-event='" + event + "'] summary",
            problems,
            "#/streams" + t + "&stream=" + stream);
        browser.find(By.cssSelector("tr[data-event='" + event + "'] summary")).click();
        check(browser, "streams-event-open", "pre.json", problems);
        check(
            browser,
            "subscriptions",
            "tr[data-subscription='" + subscription + "'] [data-action=reset]",
            problems,
            "#/subscriptions" + t);
        browser.find(By.cssSelector("tr[data-subscription] select[name=reset-to]"));
        browser.script(
            "const s = document.querySelector('tr[data-subscription] select[name=reset-to]');"
                + " s.value = 'checkpoint'; s.dispatchEvent(new Event('change'));");
        check(browser, "subscriptions-reset", "input[name=reset-checkpoint]", problems);
        check(browser, "dead-letters", "tr[data-letter]", problems, "#/dead-letters" + t);
        check(browser, "sagas", "tr[data-saga]", problems, "#/sagas" + t);
        check(browser, "saga", "#timeline", problems, "#/sagas/" + tenant + "/" + saga);
        check(browser, "audit", "table tbody tr", problems, "#/audit");
        check(browser, "overview", "[data-check]", problems, "#/overview");
        assertEquals(Map.of(), withProblems(problems), "pages that do not reflow at 200%");
        assertEquals(List.of(), browser.errors(m -> false));
      }
    }
  }

  /** Opens {@code page} (if given), waits for {@code ready}, records the page's problems. */
  private static void check(
      Browser browser, String name, String ready, Map<String, List<?>> problems, String... page) {
    if (page.length > 0) {
      browser.console(page[0]);
    }
    browser.find(By.cssSelector(ready));
    browser.await(
        "the page loaded", d -> d.findElements(By.cssSelector("main [aria-busy=true]")).isEmpty());
    browser.documentScreenshot("zoom-" + name);
    problems.put(name, (List<?>) browser.script("return " + Reflow.PROBLEMS));
  }

  private static Map<String, List<?>> withProblems(Map<String, List<?>> problems) {
    Map<String, List<?>> found = new LinkedHashMap<>(problems);
    found.values().removeIf(List::isEmpty);
    return found;
  }
}
