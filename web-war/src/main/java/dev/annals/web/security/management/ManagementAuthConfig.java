package dev.annals.web.security.management;

import dev.annals.web.security.BearerTokenVerifier;
import dev.annals.web.security.SecurityEvent;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.config.AuthConfigProvider;
import jakarta.security.auth.message.config.ClientAuthConfig;
import jakarta.security.auth.message.config.ServerAuthConfig;
import jakarta.security.auth.message.config.ServerAuthContext;
import java.util.Map;
import java.util.function.Consumer;
import javax.security.auth.Subject;
import javax.security.auth.callback.CallbackHandler;

/**
 * The Jakarta Authentication provider of one management endpoint ({@code HttpServlet} layer, that
 * endpoint's application context): hands the container its {@link ManagementAuthModule}.
 */
final class ManagementAuthConfig implements AuthConfigProvider {

  static final String LAYER = "HttpServlet";

  private final String appContext;
  private final String contextRoot;
  private final ManagementAccess access;
  private final BearerTokenVerifier verifier;
  private final Consumer<SecurityEvent> report;

  ManagementAuthConfig(
      String appContext,
      String contextRoot,
      ManagementAccess access,
      BearerTokenVerifier verifier,
      Consumer<SecurityEvent> report) {
    this.appContext = appContext;
    this.contextRoot = contextRoot;
    this.access = access;
    this.verifier = verifier;
    this.report = report;
  }

  @Override
  public ServerAuthConfig getServerAuthConfig(
      String layer, String appContext, CallbackHandler handler) {
    return new Bound(handler);
  }

  @Override
  public ClientAuthConfig getClientAuthConfig(
      String layer, String appContext, CallbackHandler handler) {
    return null;
  }

  @Override
  public void refresh() {
    // Nothing cached.
  }

  /** The configuration the container asked for, with its callback handler. */
  private final class Bound implements ServerAuthConfig {

    private final CallbackHandler handler;

    Bound(CallbackHandler handler) {
      this.handler = handler;
    }

    @Override
    public ServerAuthContext getAuthContext(
        String authContextId,
        Subject serviceSubject,
        @SuppressWarnings("rawtypes") Map properties) {
      return new ManagementAuthModule(contextRoot, access, verifier, report, handler);
    }

    @Override
    public String getMessageLayer() {
      return LAYER;
    }

    @Override
    public String getAppContext() {
      return appContext;
    }

    @Override
    public String getAuthContextID(MessageInfo messageInfo) {
      return appContext;
    }

    @Override
    public void refresh() {
      // Nothing cached.
    }

    @Override
    public boolean isProtected() {
      return false;
    }
  }
}
