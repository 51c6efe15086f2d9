/** The live feed: a tenant's $all pushed to HTTP clients as Server-Sent Events. */
package dev.annals.web.rest.live;
