/** The HTTP load driver: many concurrent clients on java.net.http against the Annals API. */
package dev.annals.bench.http;
