package dev.annals.web.error;

import dev.annals.eventstore.api.aggregate.BusinessRuleViolationException;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * 422: a well-formed command the aggregate's state does not allow; {@code rule} names the rule, so
 * a client branches on it rather than on the detail. Retrying the same command cannot succeed.
 */
@Provider
public class BusinessRuleViolationMapper
    implements ExceptionMapper<BusinessRuleViolationException> {

  @Inject RequestInfo request;

  @Override
  public Response toResponse(BusinessRuleViolationException e) {
    return Problem.of(422, "business-rule-violated", "Business rule violated", e.getMessage())
        .with("rule", e.rule())
        .toResponse(request);
  }
}
