/** The saga API's beans: start, show, list, cancel and retry sagas; define declarative types. */
package dev.annals.saga.internal.service;
