package dev.annals.it.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.it.ItServer;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The served OpenAPI document passes a standard OpenAPI parser's validation. */
class OpenApiDocumentIT {

  @BeforeAll
  static void serverIsReady() throws InterruptedException {
    ItServer.awaitReady(Duration.ofMinutes(3));
  }

  @Test
  void servedDocumentHasNoValidationMessages() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result =
        new OpenAPIV3Parser()
            .readLocation(ItServer.baseUri().resolve("/openapi").toString(), null, options);

    assertEquals(List.of(), result.getMessages());
  }

  @Test
  void everyOperationNeedsTheBearerToken() {
    OpenAPI document =
        new OpenAPIV3Parser().read(ItServer.baseUri().resolve("/openapi").toString());
    SecurityScheme bearer = document.getComponents().getSecuritySchemes().get("bearer");
    assertEquals(SecurityScheme.Type.HTTP, bearer.getType());
    assertEquals("bearer", bearer.getScheme());
    assertEquals("JWT", bearer.getBearerFormat());
    assertEquals(List.of(new SecurityRequirement().addList("bearer")), document.getSecurity());
    document
        .getPaths()
        .forEach(
            (path, item) ->
                item.readOperations()
                    .forEach(
                        op -> {
                          assertTrue(
                              op.getResponses().containsKey("401"), op.getOperationId() + " 401");
                          assertTrue(
                              op.getResponses().containsKey("403"), op.getOperationId() + " 403");
                          assertTrue(
                              op.getResponses().containsKey("429"), op.getOperationId() + " 429");
                        }));
  }
}
