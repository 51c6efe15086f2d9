package dev.annals.bench.driver;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The driver's endpoints live under {@code /bench/driver}. */
@ApplicationPath("driver")
public class DriverApplication extends Application {}
