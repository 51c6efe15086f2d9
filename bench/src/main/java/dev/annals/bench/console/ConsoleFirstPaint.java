package dev.annals.bench.console;

import dev.annals.bench.BenchConfig;
import dev.annals.bench.http.AnnalsHttp;
import dev.annals.bench.server.BenchDatabase;
import dev.annals.devservices.DevIssuer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Each console page's first paint at the volume ({@link ConsoleVolume}), in Debian's
 * Chromium (Selenium, headless). A page is loaded afresh every time (from {@code about:blank}, so
 * the module scripts, the API calls and the drawing all count) and timed from the navigation's
 * start to the console's own mark {@code annals:page-shown} — set when the page's data first shows,
 * after its API answers — read from Chromium's performance timeline; the first contentful paint
 * (the frame, before any data) is kept beside it. The median of a few loads per page.
 */
public final class ConsoleFirstPaint {

  private static final Logger LOG = Logger.getLogger(ConsoleFirstPaint.class.getName());
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  /**
   * One page's timings.
   *
   * @param page its name
   * @param shownMillis navigation start to the page's data shown, one per load
   * @param contentfulPaintMillis navigation start to the first contentful paint, one per load
   */
  public record Page(String page, List<Double> shownMillis, List<Double> contentfulPaintMillis) {

    /** The median of the data-shown times. */
    public double shownMedian() {
      return median(shownMillis);
    }

    /** The median of the first contentful paints. */
    public double contentfulPaintMedian() {
      return median(contentfulPaintMillis);
    }
  }

  /**
   * What was measured.
   *
   * @param volume the volume seeded
   * @param pages per page, in the console's order
   */
  public record Results(ConsoleVolume volume, List<Page> pages) {}

  private ConsoleFirstPaint() {}

  /** Seeds the volume, waits for the statistics projection, then times every page. */
  public static Results run(
      BenchConfig config, URI base, DevIssuer issuer, AnnalsHttp http, BenchDatabase db)
      throws IOException, InterruptedException, SQLException {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new IllegalStateException(
          "The console's first paint needs Debian's chromium and chromium-driver"
              + " (.ci/run installs them)");
    }
    ConsoleVolume volume = ConsoleVolume.of(config);
    volume.seed(config, http, db);
    awaitStatistics(http);
    String token =
        issuer.mint("bench-console", List.of("platform-admin"), List.of("*"), Duration.ofHours(2));
    String t = "?tenant=" + ConsoleVolume.TENANT;
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("overview", "#/overview");
    pages.put("tenants", "#/tenants");
    pages.put("tenant", "#/tenants/" + ConsoleVolume.TENANT);
    pages.put("streams", "#/streams" + t + "&stream=" + ConsoleVolume.STREAM);
    pages.put("subscriptions", "#/subscriptions" + t);
    pages.put("dead letters", "#/dead-letters" + t);
    pages.put("sagas", "#/sagas" + t);
    pages.put("audit", "#/audit");
    int loads = config.quick() ? 2 : 5;
    ChromeDriver driver = chromium();
    try {
      String console = base.resolve("/console/").toString();
      driver.get(console + "#token=" + token);
      shown(driver);
      List<Page> results = new ArrayList<>();
      for (Map.Entry<String, String> page : pages.entrySet()) {
        List<Double> shown = new ArrayList<>();
        List<Double> paint = new ArrayList<>();
        for (int i = 0; i < loads; i++) {
          driver.get("about:blank");
          driver.get(console + page.getValue());
          shown.add(shown(driver));
          paint.add(contentfulPaint(driver));
        }
        results.add(new Page(page.getKey(), shown, paint));
        LOG.info(() -> "Console " + page.getKey() + ": data shown after " + shown + " ms");
      }
      return new Results(volume, results);
    } finally {
      driver.quit();
    }
  }

  /** Waits for the statistics projection to have folded the seeded events (it runs meanwhile). */
  private static void awaitStatistics(AnnalsHttp http) throws IOException, InterruptedException {
    Instant until = Instant.now().plus(Duration.ofMinutes(30));
    String path = "/api/tenants/" + ConsoleVolume.TENANT + "/projections/statistics";
    while (http.admin("GET", path, null, 200).getJsonNumber("lagEvents").longValue() > 0) {
      if (Instant.now().isAfter(until)) {
        throw new IllegalStateException("the statistics projection did not catch up");
      }
      Thread.sleep(1000);
    }
  }

  private static ChromeDriver chromium() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    // Nothing of Chromium's own competes with the pages for the two cores while they are timed.
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--window-size=1280,900");
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    return new ChromeDriver(service, options);
  }

  /** Milliseconds from the navigation's start to the console's mark, once it is there. */
  private static double shown(ChromeDriver driver) {
    String mark = "performance.getEntriesByName('annals:page-shown')[0]";
    new WebDriverWait(driver, Duration.ofSeconds(60))
        .pollingEvery(Duration.ofMillis(20))
        .until(d -> (Boolean) ((JavascriptExecutor) d).executeScript("return !!" + mark));
    return ((Number) driver.executeScript("return " + mark + ".startTime")).doubleValue();
  }

  private static double contentfulPaint(ChromeDriver driver) {
    Object paint =
        driver.executeScript(
            "const p = performance.getEntriesByName('first-contentful-paint')[0];"
                + " return p ? p.startTime : -1");
    return ((Number) paint).doubleValue();
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
