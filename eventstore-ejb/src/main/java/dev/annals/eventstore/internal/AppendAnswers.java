package dev.annals.eventstore.internal;

import dev.annals.eventstore.api.AppendResult;
import dev.annals.eventstore.api.EventIdConflictException;
import dev.annals.eventstore.api.StoreUnavailableException;
import dev.annals.eventstore.api.WrongExpectedVersionException;
import dev.annals.eventstore.infrastructure.AppendCommand;
import dev.annals.eventstore.infrastructure.AppendOutcome;
import dev.annals.eventstore.infrastructure.AppendStatus;
import dev.annals.tenancy.api.Quota;
import dev.annals.tenancy.api.TenantGoneException;
import dev.annals.tenancy.api.TenantNotFoundException;
import dev.annals.tenancy.api.TenantSuspendedException;

/**
 * What the caller of an append is told for each status the append function returns: the result, or
 * the exception (a 409, 410, 404, 423, 403 or 503 at the HTTP edge) that says why nothing was
 * stored.
 */
final class AppendAnswers {

  private AppendAnswers() {}

  /** The caller's answer for what the append statement decided. */
  static AppendResult answer(AppendCommand command, AppendOutcome outcome) {
    return switch (outcome.status()) {
      case OK, REPLAYED ->
          new AppendResult(
              command.stream(),
              outcome.firstVersion(),
              outcome.lastVersion(),
              outcome.position(),
              outcome.status() == AppendStatus.REPLAYED);
      case WRONG_VERSION ->
          throw new WrongExpectedVersionException(
              command.stream(), command.expected(), outcome.currentVersion());
      case SUSPENDED -> throw new TenantSuspendedException(command.tenant());
      case DELETED -> throw new TenantGoneException(command.tenant());
      case NO_TENANT -> throw new TenantNotFoundException(command.tenant());
      case MOVED ->
          throw new StoreUnavailableException(
              "Tenant '"
                  + command.tenant()
                  + "' is switching to its new place (a move); retry in a moment with the same"
                  + " event ids");
      case ID_CONFLICT ->
          throw new EventIdConflictException(
              "Some event ids of this append are stored already, but not as this same append"
                  + " (another stream, another order, part of an append, or mixed with new ids):"
                  + " a resend must repeat the original append exactly; new events need new ids");
      case QUOTA_STREAMS ->
          throw Quota.STREAMS.exceeded(
              command.tenant(), command.maxStreams(), outcome.currentVersion());
      case QUOTA_BYTES ->
          throw Quota.STORAGE_BYTES.exceeded(
              command.tenant(), command.maxStorageBytes(), outcome.currentVersion());
      case RETRY ->
          throw new StoreUnavailableException(
              "The append lost a race with concurrent appends to the same streams; retry it with"
                  + " the same event ids");
    };
  }
}
