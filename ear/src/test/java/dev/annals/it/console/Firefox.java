package dev.annals.it.console;

import dev.annals.it.ItServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.openqa.selenium.bidi.BiDi;
import org.openqa.selenium.bidi.Command;
import org.openqa.selenium.bidi.Connection;
import org.openqa.selenium.bidi.Event;
import org.openqa.selenium.remote.http.ClientConfig;
import org.openqa.selenium.remote.http.HttpClient;

/**
 * One headless Firefox ESR per test, driven over WebDriver BiDi with Selenium's own BiDi client
 * ({@link Connection}, {@link BiDi}) on the address Firefox prints: a session, one browsing
 * context, navigation, scripts, real pointer and key input ({@code input.performActions}),
 * full-page screenshots under {@code target/console-screenshots/firefox-*.png}, and the page's
 * errors — the console's error entries ({@code log.entryAdded}) and every answer of 400 or more
 * ({@code network.responseCompleted}), as Chromium's browser log reports both.
 */
final class Firefox implements AutoCloseable {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private final FirefoxProcess process;
  private final HttpClient http;
  private final BiDi bidi;
  private final String context;
  private final List<String> errors = new CopyOnWriteArrayList<>();

  private Firefox(FirefoxProcess process, HttpClient http, BiDi bidi, String context) {
    this.process = process;
    this.http = http;
    this.bidi = bidi;
    this.context = context;
  }

  /** A fresh Firefox ESR with a 1280×900 viewport. */
  static Firefox open() {
    FirefoxProcess process = FirefoxProcess.start();
    try {
      String ws = process.webSocket();
      HttpClient http =
          HttpClient.Factory.createDefault()
              .createClient(ClientConfig.defaultConfig().baseUri(URI.create(ws)));
      BiDi bidi = new BiDi(new Connection(http, ws + "/session"), PATIENCE);
      bidi.send(new Command<>("session.new", Map.of("capabilities", Map.of()), Map.class));
      Map<String, Object> tree =
          bidi.send(new Command<>("browsingContext.getTree", Map.of(), Map.class));
      String context = (String) ((Map<?, ?>) list(tree.get("contexts")).get(0)).get("context");
      Firefox firefox = new Firefox(process, http, bidi, context);
      bidi.addListener(new Event<>("log.entryAdded", m -> m), firefox::logged);
      bidi.addListener(new Event<>("network.responseCompleted", m -> m), firefox::answered);
      firefox.viewport(1280, 900);
      return firefox;
    } catch (RuntimeException | Error e) {
      throw new AssertionError("Firefox ESR over WebDriver BiDi: " + process.output(), e);
    }
  }

  /** A fresh Firefox signed in by link with {@code token}, on the tenants page. */
  static Firefox signedIn(String token) {
    Firefox firefox = open();
    firefox.console("#token=" + token);
    firefox.await("the console signed in", "location.hash === '#/tenants'");
    return firefox;
  }

  private void logged(Map<String, Object> entry) {
    if ("error".equals(entry.get("level"))) {
      errors.add(entry.get("type") + ": " + entry.get("text"));
    }
  }

  private void answered(Map<String, Object> params) {
    Map<?, ?> request = (Map<?, ?>) params.get("request");
    Map<?, ?> response = (Map<?, ?>) params.get("response");
    Number status = (Number) response.get("status");
    if (status != null && status.intValue() >= 400) {
      errors.add(request.get("url") + " answered " + status);
    }
  }

  /** The CSS viewport; {@code devicePixelRatio} stays the browser's. */
  void viewport(int width, int height) {
    send(
        "browsingContext.setViewport",
        Map.of("context", context, "viewport", Map.of("width", width, "height", height)));
  }

  /** Opens a console address ({@code #/tenants}, {@code #token=…}) and waits for it to load. */
  void console(String fragment) {
    send(
        "browsingContext.navigate",
        Map.of(
            "context",
            context,
            "url",
            ItServer.baseUri().resolve("/console/") + fragment,
            "wait",
            "complete"));
  }

  /**
   * The value of a JavaScript expression (awaited when a promise), as BiDi serialises it: strings,
   * numbers and booleans as themselves, null for undefined/null; an exception thrown is an error.
   */
  Object eval(String expression) {
    Map<String, Object> result =
        send(
            "script.evaluate",
            Map.of(
                "expression",
                expression,
                "target",
                Map.of("context", context),
                "awaitPromise",
                true));
    if (!"success".equals(result.get("type"))) {
      throw new IllegalStateException(
          "script failed: " + ((Map<?, ?>) result.get("exceptionDetails")).get("text"));
    }
    return ((Map<?, ?>) result.get("result")).get("value");
  }

  /** Waits up to a minute for a JavaScript condition to be true; a throwing one is not yet. */
  void await(String what, String condition) {
    Instant until = Instant.now().plus(PATIENCE);
    String last = "";
    while (Instant.now().isBefore(until)) {
      try {
        if (Boolean.TRUE.equals(eval("Boolean(" + condition + ")"))) {
          return;
        }
      } catch (IllegalStateException e) {
        last = e.getMessage();
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
    throw new AssertionError("timed out waiting for " + what + " (" + condition + ") " + last);
  }

  /** The text of the first element matching {@code css}, or null. */
  String text(String css) {
    return (String) eval("document.querySelector(" + quote(css) + ")?.innerText ?? null");
  }

  /** Counts the elements matching {@code css}. */
  long count(String css) {
    return ((Number) eval("document.querySelectorAll(" + quote(css) + ").length")).longValue();
  }

  /** Clicks the element matching {@code css} with the mouse, after scrolling it into view. */
  void click(String css) {
    await("an element " + css, "document.querySelector(" + quote(css) + ")");
    Map<String, Object> element = element(css);
    input(
        Map.of(
            "type",
            "pointer",
            "id",
            "mouse",
            "parameters",
            Map.of("pointerType", "mouse"),
            "actions",
            List.of(
                Map.of(
                    "type",
                    "pointerMove",
                    "x",
                    0,
                    "y",
                    0,
                    "origin",
                    Map.of("type", "element", "element", element)),
                Map.of("type", "pointerDown", "button", 0),
                Map.of("type", "pointerUp", "button", 0))));
  }

  /** Clicks the element matching {@code css}, then types {@code text} key by key. */
  void type(String css, String text) {
    click(css);
    List<Map<String, Object>> keys = new ArrayList<>();
    text.codePoints()
        .mapToObj(Character::toString)
        .forEach(
            k -> {
              keys.add(Map.of("type", "keyDown", "value", k));
              keys.add(Map.of("type", "keyUp", "value", k));
            });
    input(Map.of("type", "key", "id", "keyboard", "actions", keys));
  }

  /** Chooses an option of a select as a person does: the value, then a change event. */
  void choose(String css, String value) {
    await("a select " + css, "document.querySelector(" + quote(css) + ")");
    eval(
        "(() => { const s = document.querySelector("
            + quote(css)
            + "); s.value = "
            + quote(value)
            + "; s.dispatchEvent(new Event('change', {bubbles: true})); })()");
  }

  /**
   * Saves a screenshot of the whole document as {@code
   * target/console-screenshots/firefox-<name>.png}.
   */
  void screenshot(String name) {
    Map<String, Object> shot =
        send("browsingContext.captureScreenshot", Map.of("context", context, "origin", "document"));
    try {
      Path dir = Path.of("target", "console-screenshots");
      Files.createDirectories(dir);
      Files.write(
          dir.resolve("firefox-" + name + ".png"),
          Base64.getDecoder().decode((String) shot.get("data")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The page's errors so far, but those {@code expected} accepts. */
  List<String> errors(Predicate<String> expected) {
    return errors.stream().filter(expected.negate()).toList();
  }

  private Map<String, Object> element(String css) {
    Map<String, Object> result =
        send(
            "script.evaluate",
            Map.of(
                "expression",
                "(() => { const e = document.querySelector("
                    + quote(css)
                    + "); e.scrollIntoView({block: 'center'}); return e; })()",
                "target",
                Map.of("context", context),
                "awaitPromise",
                false,
                "resultOwnership",
                "root"));
    Map<?, ?> node = (Map<?, ?>) result.get("result");
    if (node == null || node.get("sharedId") == null) {
      throw new AssertionError("no element " + css + ": " + result);
    }
    return Map.of("sharedId", node.get("sharedId"));
  }

  private void input(Map<String, Object> source) {
    send("input.performActions", Map.of("context", context, "actions", List.of(source)));
    send("input.releaseActions", Map.of("context", context));
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> send(String method, Map<String, Object> params) {
    return bidi.send(new Command<>(method, params, Map.class));
  }

  private static List<?> list(Object value) {
    return (List<?>) value;
  }

  /** A string as a JavaScript literal. */
  private static String quote(String s) {
    return "\""
        + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r")
        + "\"";
  }

  @Override
  public void close() {
    try {
      bidi.close();
      http.close();
    } finally {
      process.close();
    }
  }
}
