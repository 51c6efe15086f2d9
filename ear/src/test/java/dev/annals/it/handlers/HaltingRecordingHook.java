package dev.annals.it.handlers;

import dev.annals.dlq.api.Letter;
import dev.annals.dlq.api.RecordingHook;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Holds the dead-letter listener at a point of its transaction so a crash test can kill the server
 * there. It acts only on a server whose configuration sets {@value #DIR} (node B of the tests, in
 * {@code src/it/liberty-b}), and only on request: a file {@code <point>.request} in that folder
 * (e.g. {@code before_record.request}) naming a consumer. The first letter of that consumer to
 * reach the point renames the request to {@code <point>.reached} and blocks its thread until the
 * process is killed (for ten minutes at most). A request is used once, so the restarted server
 * records the letter. Only in the tests' library jar: the application ships no {@link
 * RecordingHook}.
 */
@ApplicationScoped
public class HaltingRecordingHook implements RecordingHook {

  /** The configuration key naming the folder of requests. */
  public static final String DIR = "annals.it.halt-dir";

  private static final Logger LOG = Logger.getLogger(HaltingRecordingHook.class.getName());

  private static final long HOLD_MS = 600_000;

  /** The request file of {@code point}. */
  public static String request(Point point) {
    return point.name().toLowerCase(Locale.ROOT) + ".request";
  }

  /** The file that says a letter reached {@code point} and is held there. */
  public static String reached(Point point) {
    return point.name().toLowerCase(Locale.ROOT) + ".reached";
  }

  @Override
  public void reached(Point point, Letter letter) {
    Optional<String> dir = ConfigProvider.getConfig().getOptionalValue(DIR, String.class);
    if (dir.isEmpty()) {
      return;
    }
    Path request = Path.of(dir.get(), request(point));
    try {
      if (!Files.exists(request)
          || !Files.readString(request, StandardCharsets.UTF_8).trim().equals(letter.consumer())) {
        return;
      }
      Files.move(request, request.resolveSibling(reached(point)), StandardCopyOption.ATOMIC_MOVE);
    } catch (NoSuchFileException e) {
      return; // another letter took the request
    } catch (IOException e) {
      LOG.warning("Could not read the halt request " + request + ": " + e);
      return;
    }
    LOG.warning(
        "Holding the dead-letter listener at "
            + point
            + " for event "
            + letter.eventId()
            + " of "
            + letter.consumer()
            + " until this process is killed");
    long until = System.currentTimeMillis() + HOLD_MS;
    try {
      while (System.currentTimeMillis() < until) {
        Thread.sleep(1000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
