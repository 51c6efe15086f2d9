package dev.annals.it.console;

import dev.annals.it.ItServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium per test, on the console of the test server: opening pages, waiting for
 * what they show, a screenshot per test under {@code target/console-screenshots}, and the browser's
 * console errors (a test fails on any it does not expect).
 */
final class Browser implements AutoCloseable {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private final ChromeDriver driver;

  private Browser(ChromeDriver driver) {
    this.driver = driver;
  }

  /** A fresh browser; the test is skipped, saying why, where Chromium is not installed. */
  static Browser open() {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Console tests need Debian's chromium and chromium-driver (.ci/run installs them)");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,900");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    return new Browser(new ChromeDriver(service, options));
  }

  /** A fresh browser signed in by link with {@code token}, on the tenants page. */
  static Browser signedIn(String token) {
    Browser browser = open();
    browser.console("#token=" + token);
    browser.await("the console signed in", d -> d.getCurrentUrl().endsWith("#/tenants"));
    return browser;
  }

  WebDriver driver() {
    return driver;
  }

  /** Opens a console address ({@code #/tenants}, {@code #token=…}). */
  void console(String fragment) {
    driver.get(ItServer.baseUri().resolve("/console/") + fragment);
  }

  /**
   * Waits up to a minute for the condition. An element replaced while the condition reads it (the
   * console redraws lists and refreshes tables) is no answer yet: the condition is asked again.
   */
  void await(String what, Predicate<WebDriver> condition) {
    new WebDriverWait(driver, Duration.ofSeconds(60))
        .withMessage(what)
        .pollingEvery(Duration.ofMillis(100))
        .ignoring(StaleElementReferenceException.class)
        .until(condition::test);
  }

  /** Waits for an element and returns it. */
  WebElement find(By by) {
    await("an element " + by, d -> !d.findElements(by).isEmpty());
    return driver.findElement(by);
  }

  /**
   * Answers the console's confirmation dialog (after checking it names {@code what}), giving a
   * reason where it asks for one.
   */
  void confirm(String what, String reason) {
    WebElement text = find(By.id("ask-text"));
    if (!text.getText().contains(what)) {
      throw new AssertionError("the dialog does not name " + what + ": " + text.getText());
    }
    if (reason != null) {
      find(By.id("ask-reason")).sendKeys(reason);
    }
    find(By.id("ask-confirm")).click();
    await("the dialog closed", d -> d.findElements(By.id("ask")).isEmpty());
  }

  /**
   * Lays the page out as a 1280×900 window shows it at 200% zoom: a viewport of 640×450 CSS pixels
   * at two device pixels each (what zooming does to layout: media queries, wrapping and overflow
   * see half the width; text and controls keep their CSS sizes).
   */
  void zoom200() {
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", 640, "height", 450, "deviceScaleFactor", 2, "mobile", false));
  }

  /**
   * Saves the whole document as the device draws it as {@code
   * target/console-screenshots/<name>.png} (at 200% zoom: 1,280 pixels wide).
   */
  void documentScreenshot(String name) {
    Map<String, Object> shot =
        driver.executeCdpCommand(
            "Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
    try {
      Path dir = Path.of("target", "console-screenshots");
      Files.createDirectories(dir);
      Files.write(
          dir.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The page's text. */
  String text() {
    return driver.findElement(By.tagName("body")).getText();
  }

  Object script(String js) {
    return ((JavascriptExecutor) driver).executeScript(js);
  }

  /**
   * Saves a screenshot of the whole page (up to 2,400 pixels high) as {@code
   * target/console-screenshots/<name>.png}; the window gets its size back afterwards.
   */
  void screenshot(String name) {
    Dimension before = driver.manage().window().getSize();
    long height = (Long) script("return Math.min(document.documentElement.scrollHeight, 2400)");
    try {
      driver.manage().window().setSize(new Dimension(before.getWidth(), (int) height + 100));
      Path dir = Path.of("target", "console-screenshots");
      Files.createDirectories(dir);
      Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      driver.manage().window().setSize(before);
    }
  }

  /** The browser's console errors so far, but those {@code expected} accepts. */
  List<String> errors(Predicate<String> expected) {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .filter(expected.negate())
        .toList();
  }

  @Override
  public void close() {
    driver.quit();
  }
}
