package dev.annals.web.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The API root: every resource lives under {@code /api}. */
@ApplicationPath("api")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Annals",
            version = "0.1.0",
            description =
                "Multi-tenant event store, saga engine and dead-letter system. Every error is an"
                    + " RFC 9457 application/problem+json document."))
public class AnnalsApi extends Application {}
