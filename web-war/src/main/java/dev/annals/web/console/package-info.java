/** The admin console's static pages: served from the WAR under a strict content policy. */
package dev.annals.web.console;
