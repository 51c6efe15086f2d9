/** The HTTP edge: security headers and cross-origin requests, on every kind of response. */
package dev.annals.it.web;
