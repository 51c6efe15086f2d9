/** Exception mappers that turn every failure into an RFC 9457 application/problem+json body. */
package dev.annals.web.error;
