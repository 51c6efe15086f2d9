/** The in-container benchmark driver: runs workloads through the EJB API inside the server. */
package dev.annals.bench.driver;
