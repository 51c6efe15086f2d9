package dev.annals.eventstore.infrastructure.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.annals.tenancy.api.TenantId;
import dev.annals.tenancy.api.UnavailableException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookSecretsTest {

  private static WebhookSecrets with(Optional<String> key) {
    WebhookSecrets secrets = new WebhookSecrets();
    secrets.keyMaterial = key;
    return secrets;
  }

  @Test
  void withoutAKeyNothingIsStoredInClearAndTheServerSaysWhy() {
    UnavailableException refused =
        assertThrows(
            UnavailableException.class,
            () -> with(Optional.of(" ")).seal(new TenantId("acme"), "hook", "s3cret"));
    assertEquals(
        "Webhook subscriptions are unavailable on this server: its webhook secret key"
            + " (annals.webhooks.secret-key) is not configured",
        refused.getMessage());
    assertThrows(
        UnavailableException.class,
        () -> with(Optional.empty()).seal(new TenantId("acme"), "hook", "s3cret"));
  }
}
