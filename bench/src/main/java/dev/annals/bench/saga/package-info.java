/** The saga benchmark: 3-step declarative sagas against a receiver in the harness JVM. */
package dev.annals.bench.saga;
