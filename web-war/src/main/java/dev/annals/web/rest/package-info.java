/** The HTTP API's resources: validate, delegate to the EJB modules' api, map to JSON. */
package dev.annals.web.rest;
