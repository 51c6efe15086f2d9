package dev.annals.eventstore.infrastructure.subscription;

import dev.annals.tenancy.api.TenantId;
import dev.annals.tenancy.api.UnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps webhook signing secrets out of the database in clear: they are stored sealed ({@link
 * SecretSeal}) under the server key {@code annals.webhooks.secret-key} ({@code
 * ANNALS_WEBHOOKS_SECRET_KEY}; the run command generates one in {@code .annals/dev}) and opened
 * only to sign a batch. Without a key no webhook subscription can be created (and a sealed secret
 * cannot be used): the server answers 503 saying so (a configuration fault, never the client's)
 * rather than storing a secret in clear. Every node of a cluster needs the same key; changing it
 * makes the stored secrets unusable (recreate the webhooks).
 */
@ApplicationScoped
public class WebhookSecrets {

  @Inject
  @ConfigProperty(name = "annals.webhooks.secret-key")
  Optional<String> keyMaterial;

  private volatile SecretSeal seal;

  /** {@code secret} as stored for the subscription {@code name} of {@code tenant}. */
  public String seal(TenantId tenant, String name, String secret) {
    return seal().seal(owner(tenant, name), secret);
  }

  /** The signing secret of a stored value. */
  public String open(TenantId tenant, String name, String stored) {
    return SecretSeal.sealed(stored) ? seal().open(owner(tenant, name), stored) : stored;
  }

  private SecretSeal seal() {
    SecretSeal s = seal;
    if (s == null) {
      String material =
          keyMaterial
              .filter(k -> !k.isBlank())
              .orElseThrow(
                  () ->
                      new UnavailableException(
                          "Webhook subscriptions are unavailable on this server: its webhook"
                              + " secret key (annals.webhooks.secret-key) is not configured"));
      s = SecretSeal.of(material);
      seal = s;
    }
    return s;
  }

  private static String owner(TenantId tenant, String name) {
    return tenant.value() + "/" + name;
  }
}
