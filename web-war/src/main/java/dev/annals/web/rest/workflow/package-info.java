/** The research workflow over HTTP: commands, current state and state as of a version or time. */
package dev.annals.web.rest.workflow;
