/** The aggregate repository: snapshot + tail loading, saving with the loaded version. */
package dev.annals.eventstore.internal.aggregate;
