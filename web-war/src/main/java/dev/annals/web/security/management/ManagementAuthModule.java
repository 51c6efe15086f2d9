package dev.annals.web.security.management;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.annals.web.error.Problem;
import dev.annals.web.error.RefusedMapper;
import dev.annals.web.security.BearerTokenVerifier;
import dev.annals.web.security.SecurityEvent;
import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.MessagePolicy;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.auth.message.config.ServerAuthContext;
import jakarta.security.auth.message.module.ServerAuthModule;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.text.ParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.UnsupportedCallbackException;

/**
 * Guards one management endpoint: a request without a verified bearer token gets the 401 problem
 * (with its {@code WWW-Authenticate} challenge) that /api answers, a token without the role the 403
 * problem, an allowed caller passes through to Liberty's endpoint unchanged.
 */
final class ManagementAuthModule implements ServerAuthModule, ServerAuthContext {

  private static final Logger LOG = Logger.getLogger(ManagementAuthModule.class.getName());
  private static final String BEARER = "Bearer ";

  private final String contextRoot;
  private final ManagementAccess access;
  private final BearerTokenVerifier verifier;
  private final Consumer<SecurityEvent> report;
  private CallbackHandler handler;

  ManagementAuthModule(
      String contextRoot,
      ManagementAccess access,
      BearerTokenVerifier verifier,
      Consumer<SecurityEvent> report,
      CallbackHandler handler) {
    this.contextRoot = contextRoot;
    this.access = access;
    this.verifier = verifier;
    this.report = report;
    this.handler = handler;
  }

  @Override
  public void initialize(
      MessagePolicy requestPolicy,
      MessagePolicy responsePolicy,
      CallbackHandler callbackHandler,
      @SuppressWarnings("rawtypes") Map options) {
    this.handler = callbackHandler;
  }

  @Override
  public Class<?>[] getSupportedMessageTypes() {
    return new Class<?>[] {HttpServletRequest.class, HttpServletResponse.class};
  }

  @Override
  public AuthStatus validateRequest(MessageInfo message, Subject client, Subject service)
      throws AuthException {
    HttpServletRequest request = (HttpServletRequest) message.getRequestMessage();
    HttpServletResponse response = (HttpServletResponse) message.getResponseMessage();
    String authorization = request.getHeader("Authorization");
    Optional<JWTClaimsSet> claims = verified(authorization);
    String correlationId = UUID.randomUUID().toString();
    switch (access.decide(contextRoot, claims.map(ManagementAuthModule::groupsClaim))) {
      case ALLOW -> {
        // Liberty's endpoint needs no identity: pass the request on unauthenticated.
        callback(new CallerPrincipalCallback(client, (Principal) null));
        return AuthStatus.SUCCESS;
      }
      case UNAUTHENTICATED -> {
        report(
            SecurityEvent.Kind.AUTHENTICATION_FAILED,
            null,
            request,
            authorization == null ? "no bearer token" : "bearer token refused",
            correlationId);
        response.setHeader("WWW-Authenticate", RefusedMapper.CHALLENGE);
        refuse(RefusedMapper.unauthenticated(), request, response, correlationId);
      }
      case FORBIDDEN -> {
        String needs =
            contextRoot
                + " needs a platform admin"
                + (ManagementAccess.METRICS.equals(contextRoot) ? " or the metrics role" : "");
        report(
            SecurityEvent.Kind.ACCESS_DENIED,
            claims.get().getSubject(),
            request,
            needs,
            correlationId);
        refuse(RefusedMapper.forbidden("Not allowed: " + needs), request, response, correlationId);
      }
    }
    // SEND_SUCCESS: the response is complete, send it without calling the endpoint. (Liberty lets
    // an unprotected resource's request through on SEND_FAILURE.)
    return AuthStatus.SEND_SUCCESS;
  }

  private Optional<JWTClaimsSet> verified(String authorization) {
    if (authorization == null
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Optional.empty();
    }
    return verifier.verify(authorization.substring(BEARER.length()).strip());
  }

  /** Hands the refusal to the audit log; its failure never changes the answer. */
  private void report(
      SecurityEvent.Kind kind,
      String principal,
      HttpServletRequest request,
      String detail,
      String correlationId) {
    try {
      report.accept(
          new SecurityEvent(
              kind,
              principal,
              null,
              request.getMethod() + " " + request.getRequestURI(),
              detail,
              correlationId));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not report a refusal on " + contextRoot, e);
    }
  }

  private static Set<String> groupsClaim(JWTClaimsSet claims) {
    try {
      List<String> groups = claims.getStringListClaim("groups");
      return groups == null ? Set.of() : new HashSet<>(groups);
    } catch (ParseException e) {
      return Set.of();
    }
  }

  private static void refuse(
      Problem problem,
      HttpServletRequest request,
      HttpServletResponse response,
      String correlationId)
      throws AuthException {
    try {
      problem.write(response, request.getRequestURI(), correlationId);
    } catch (IOException e) {
      AuthException failure = new AuthException("Cannot write the refusal");
      failure.initCause(e);
      throw failure;
    }
  }

  private void callback(Callback callback) throws AuthException {
    try {
      handler.handle(new Callback[] {callback});
    } catch (IOException | UnsupportedCallbackException e) {
      LOG.fine(() -> "Caller callback refused: " + e);
      AuthException failure = new AuthException("Cannot pass the request on");
      failure.initCause(e);
      throw failure;
    }
  }

  @Override
  public AuthStatus secureResponse(MessageInfo message, Subject service) {
    return AuthStatus.SEND_SUCCESS;
  }

  @Override
  public void cleanSubject(MessageInfo message, Subject subject) {
    // Nothing was added to the subject.
  }
}
