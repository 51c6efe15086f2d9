/** The live feed (Server-Sent Events) and the wake-ups behind it. */
package dev.annals.it.live;
