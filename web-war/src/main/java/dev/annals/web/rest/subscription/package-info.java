/** A tenant's subscriptions over HTTP: create, list, show, pause, resume, reset, delete. */
package dev.annals.web.rest.subscription;
