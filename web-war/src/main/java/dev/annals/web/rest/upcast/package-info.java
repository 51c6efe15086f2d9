/** A tenant's declarative upcasters over HTTP: put, list, delete. */
package dev.annals.web.rest.upcast;
