/** The enterprise beans behind the tenancy API: the transaction and start-up boundaries. */
package dev.annals.tenancy.internal;
