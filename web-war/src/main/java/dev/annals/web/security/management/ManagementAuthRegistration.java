package dev.annals.web.security.management;

import dev.annals.web.security.BearerTokenVerifier;
import dev.annals.web.security.SecurityEvents;
import jakarta.inject.Inject;
import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Registers a {@link ManagementAuthModule} for each of Liberty's management endpoints while the
 * application runs. Liberty serves /metrics and /openapi/ui from applications of its own, which
 * this application's /api token filter does not reach and whose own security either forces HTTPS
 * (mpMetrics {@code authentication="true"}) or does not exist (the OpenAPI UI); Jakarta
 * Authentication providers, registered for an application context, are consulted by the container
 * for every request to that context, protected or not.
 */
@WebListener
public class ManagementAuthRegistration implements ServletContextListener {

  /** The MicroProfile Config key of the scrape role (environment: ANNALS_METRICS_ROLE). */
  public static final String SCRAPE_ROLE = "annals.metrics.role";

  /** Liberty's virtual host, which names an application context with its context root. */
  private static final String VIRTUAL_HOST = "default_host";

  private static final Logger LOG = Logger.getLogger(ManagementAuthRegistration.class.getName());

  private final List<String> registrations = new ArrayList<>();

  @Inject SecurityEvents events;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    Config config = ConfigProvider.getConfig(getClass().getClassLoader());
    ManagementAccess access =
        new ManagementAccess(config.getOptionalValue(SCRAPE_ROLE, String.class));
    BearerTokenVerifier verifier =
        BearerTokenVerifier.from(key -> config.getOptionalValue(key, String.class));
    AuthConfigFactory factory = AuthConfigFactory.getFactory();
    for (String root : ManagementAccess.GUARDED) {
      String appContext = VIRTUAL_HOST + " " + root;
      registrations.add(
          factory.registerConfigProvider(
              new ManagementAuthConfig(appContext, root, access, verifier, events::report),
              ManagementAuthConfig.LAYER,
              appContext,
              "Annals: " + root + " needs a platform admin's bearer token"));
    }
    LOG.info(
        () ->
            "Management endpoints "
                + ManagementAccess.GUARDED
                + " need a platform admin's token"
                + access.scrapeRole().map(r -> "; /metrics also role " + r).orElse(""));
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    Optional.ofNullable(AuthConfigFactory.getFactory())
        .ifPresent(f -> registrations.forEach(f::removeRegistration));
    registrations.clear();
  }
}
