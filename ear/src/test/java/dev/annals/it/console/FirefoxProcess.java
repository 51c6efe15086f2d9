package dev.annals.it.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Debian's Firefox ESR, headless, on a throwaway profile, listening for WebDriver BiDi on a port it
 * picks itself ({@code --remote-debugging-port 0}): no geckodriver, which Debian does not package
 * and Selenium Manager cannot download here. The address it prints is where the BiDi session starts
 * ({@code ws://127.0.0.1:<port>/session}).
 */
final class FirefoxProcess implements AutoCloseable {

  static final Path FIREFOX = Path.of("/usr/bin/firefox-esr");

  private static final Pattern LISTENING =
      Pattern.compile("WebDriver BiDi listening on (ws://[0-9.]+:[0-9]+)");

  private final Process process;
  private final Path profile;
  private final CompletableFuture<String> address = new CompletableFuture<>();
  private final List<String> output = new CopyOnWriteArrayList<>();

  private FirefoxProcess(Process process, Path profile) {
    this.process = process;
    this.profile = profile;
  }

  /**
   * Starts Firefox ESR. The console's Firefox tests are required, so a machine without it fails
   * them with a message saying what to install, never skips them.
   */
  static FirefoxProcess start() {
    if (!Files.isExecutable(FIREFOX)) {
      throw new AssertionError(
          "The console's Firefox tests need Debian's firefox-esr at "
              + FIREFOX
              + " (apt-get install firefox-esr; .ci/run installs it)");
    }
    Path profile = null;
    try {
      profile = Files.createTempDirectory("annals-firefox-");
      // Nothing from the network but the test server: no updates, studies or first-run pages.
      Files.writeString(
          profile.resolve("user.js"),
          """
          user_pref("app.update.disabledForTesting", true);
          user_pref("browser.shell.checkDefaultBrowser", false);
          user_pref("browser.startup.homepage_override.mstone", "ignore");
          user_pref("datareporting.policy.dataSubmissionEnabled", false);
          user_pref("toolkit.telemetry.reportingpolicy.firstRun", false);
          user_pref("app.normandy.enabled", false);
          user_pref("messaging-system.rsexperimentloader.enabled", false);
          user_pref("network.captive-portal-service.enabled", false);
          """);
      FirefoxProcess firefox =
          new FirefoxProcess(
              new ProcessBuilder(
                      FIREFOX.toString(),
                      "--headless",
                      "--no-remote",
                      "--profile",
                      profile.toString(),
                      "--remote-debugging-port",
                      "0",
                      "about:blank")
                  .redirectErrorStream(true)
                  .start(),
              profile);
      Thread reader = new Thread(firefox::drain, "firefox-output-" + firefox.process.pid());
      reader.setDaemon(true);
      reader.start();
      try {
        firefox.address.get(60, TimeUnit.SECONDS);
      } catch (TimeoutException | ExecutionException e) {
        firefox.close();
        throw new AssertionError(
            "Firefox ESR did not start its WebDriver BiDi server: " + firefox.output, e);
      }
      return firefox;
    } catch (IOException e) {
      delete(profile);
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      delete(profile);
      throw new AssertionError("interrupted while Firefox started", e);
    }
  }

  /** Reads Firefox's output for its whole life (a full pipe would stall it). */
  private void drain() {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        output.add(line);
        Matcher m = LISTENING.matcher(line);
        if (m.find()) {
          address.complete(m.group(1));
        }
      }
      address.completeExceptionally(new IOException("Firefox ended: exit " + process.waitFor()));
    } catch (IOException | InterruptedException e) {
      address.completeExceptionally(e);
    }
  }

  /** The BiDi server's address, {@code ws://127.0.0.1:<port>}. */
  String webSocket() {
    return address.join();
  }

  /** What Firefox printed (for a failure's message). */
  List<String> output() {
    return List.copyOf(output);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    delete(profile);
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // A profile left in the temporary folder is harmless; the test's outcome is what counts.
    }
  }
}
