/** The admin console in a real browser (the system Chromium through Selenium). */
package dev.annals.it.console;
