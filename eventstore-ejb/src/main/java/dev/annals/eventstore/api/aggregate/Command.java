package dev.annals.eventstore.api.aggregate;

import dev.annals.eventstore.api.AppendContext;
import dev.annals.tenancy.api.InvalidRequestException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A command to decide on an aggregate: its name, the decision (a call of one of the aggregate's
 * command methods), an optional idempotency key, an optional expected version (the version the
 * caller last saw: the command is refused with a conflict when the aggregate moved on) and the
 * append context.
 *
 * <p>With a key, the events' ids are derived from the stream, the command's name and the key, so a
 * resend of the same command after an ambiguous failure stores nothing new and answers with the
 * aggregate as it is (see {@link Aggregates#execute}).
 *
 * @param name the command's name, e.g. {@code start}; part of the derived event ids
 * @param decision calls the command method on the loaded aggregate
 * @param idempotencyKey the caller's key for this command, or null
 * @param expectedVersion the version the aggregate must be at, or null for any
 * @param context correlation, causation and principal for the events' metadata
 * @param <A> the aggregate
 */
public record Command<A>(
    String name,
    Consumer<A> decision,
    String idempotencyKey,
    Long expectedVersion,
    AppendContext context) {

  private static final Pattern KEY = Pattern.compile("^[!-~]{1,200}$");

  /**
   * @throws InvalidRequestException when the key is not 1-200 printable ASCII characters, or the
   *     expected version is below 1
   */
  public Command {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(decision, "decision");
    if (idempotencyKey != null && !KEY.matcher(idempotencyKey).matches()) {
      throw new InvalidRequestException(
          "Idempotency-Key must be 1-200 printable ASCII characters without spaces");
    }
    if (expectedVersion != null && expectedVersion < 1) {
      throw new InvalidRequestException("An expected version must be 1 or more");
    }
    context = context == null ? AppendContext.none() : context;
  }

  /** The idempotency key, when the caller gave one. */
  public Optional<String> key() {
    return Optional.ofNullable(idempotencyKey);
  }
}
