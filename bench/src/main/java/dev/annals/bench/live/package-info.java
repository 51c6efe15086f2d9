/** The delivery benchmarks: append to SSE on another node, and many open SSE clients. */
package dev.annals.bench.live;
