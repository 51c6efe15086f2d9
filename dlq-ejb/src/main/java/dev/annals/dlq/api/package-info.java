/**
 * What consumers and the interface layer use of the failure system: dead letters, the queue that
 * carries them, retry and breaker policies, and the redelivery SPI a consumer kind implements.
 */
package dev.annals.dlq.api;
