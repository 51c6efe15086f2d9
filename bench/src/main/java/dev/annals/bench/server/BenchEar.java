package dev.annals.bench.server;

import dev.annals.bench.driver.DriverResource;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.ArchivePaths;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The EAR the bench server runs: the build's own Annals EAR, unchanged, plus the in-container
 * driver as one more web module at {@code /bench}. The driver must live in the same application to
 * call the {@code @Local} event store; everything Annals ships stays byte for byte as built.
 */
public final class BenchEar {

  static final String DRIVER_WAR = "bench-driver.war";
  static final String CONTEXT_ROOT = "/bench";
  private static final ArchivePath APPLICATION_XML =
      ArchivePaths.create("META-INF/application.xml");

  private BenchEar() {}

  /** Writes Annals' EAR plus the driver module to {@code target}. */
  public static void assemble(Path annalsEar, Path target) throws IOException {
    EnterpriseArchive ear =
        ShrinkWrap.createFromZipFile(EnterpriseArchive.class, annalsEar.toFile());
    String applicationXml;
    try (InputStream in = ear.get(APPLICATION_XML).getAsset().openStream()) {
      applicationXml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    WebArchive driver =
        ShrinkWrap.create(WebArchive.class, DRIVER_WAR)
            .addPackages(true, DriverResource.class.getPackage())
            .addAsLibrary(jarOf(Histogram.class).toFile());
    ear.addAsModule(driver);
    ear.delete(APPLICATION_XML);
    ear.setApplicationXML(new StringAsset(withDriverModule(applicationXml)));
    ear.as(ZipExporter.class).exportTo(target.toFile(), true);
  }

  /** Adds the driver's web module before the closing tag of {@code application.xml}. */
  static String withDriverModule(String applicationXml) {
    int end = applicationXml.lastIndexOf("</application>");
    if (end < 0) {
      throw new IllegalArgumentException("application.xml has no closing </application>");
    }
    String module =
        "  <module>\n    <web>\n      <web-uri>"
            + DRIVER_WAR
            + "</web-uri>\n      <context-root>"
            + CONTEXT_ROOT
            + "</context-root>\n    </web>\n  </module>\n";
    return applicationXml.substring(0, end) + module + applicationXml.substring(end);
  }

  private static Path jarOf(Class<?> type) throws IOException {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IOException("Cannot locate the jar of " + type.getName(), e);
    }
  }
}
