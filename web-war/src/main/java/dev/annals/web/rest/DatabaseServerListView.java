package dev.annals.web.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Every registered database server.
 *
 * @param servers the servers, by name
 */
@Schema(name = "DatabaseServerListView")
public record DatabaseServerListView(@Schema(required = true) List<DatabaseServerView> servers) {}
