package dev.annals.web.rest;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents on every operation the answers the edge gives any of them: 401 without a valid token,
 * 403 without the role, 429 over a request rate (registered as {@code mp.openapi.filter}).
 */
public class SecurityResponses implements OASFilter {

  @Override
  public Operation filterOperation(Operation operation) {
    APIResponses responses = operation.getResponses();
    if (responses != null) {
      if (!responses.hasAPIResponse("401")) {
        responses.addAPIResponse(
            "401", OASFactory.createAPIResponse().ref("#/components/responses/Unauthenticated"));
      }
      if (!responses.hasAPIResponse("403")) {
        responses.addAPIResponse(
            "403", OASFactory.createAPIResponse().ref("#/components/responses/Forbidden"));
      }
      if (!responses.hasAPIResponse("429")) {
        responses.addAPIResponse(
            "429", OASFactory.createAPIResponse().ref("#/components/responses/TooManyRequests"));
      }
    }
    return operation;
  }
}
