/**
 * Who may read Liberty's own management endpoints (/metrics, /openapi/ui), which live outside the
 * application: a Jakarta Authentication module the application registers for them.
 */
package dev.annals.web.security.management;
