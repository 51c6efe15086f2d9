package dev.annals.web.rest;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The two forms of an append's {@code expectedVersion} as the OpenAPI document describes them;
 * {@link AnnalsApi} declares their union, {@code ExpectedVersion}, where no Java type can make it
 * an object. Documentation only: {@link AppendRequestParser} reads the real thing.
 */
final class ExpectedVersionSchema {

  private ExpectedVersionSchema() {}

  /** The keyword form. */
  @Schema(
      name = "ExpectedVersionKeyword",
      type = SchemaType.STRING,
      enumeration = {"any", "no_stream", "exists"})
  static final class Keyword {
    private Keyword() {}
  }

  /** The exact-version form: 0 means the stream does not exist yet. */
  @Schema(
      name = "ExpectedVersionNumber",
      type = SchemaType.INTEGER,
      format = "int64",
      minimum = "0")
  static final class Exact {
    private Exact() {}
  }
}
