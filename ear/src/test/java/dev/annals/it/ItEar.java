package dev.annals.it;

import dev.annals.it.handlers.EffectsHandler;
import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;

/**
 * The EAR the integration-test server runs: the build's own EAR, unchanged, plus the test-only
 * subscription handlers ({@link EffectsHandler}) as a library jar with a {@code beans.xml}, so the
 * event store's CDI lookup of handlers finds them as it would find the application's own. Run by
 * the build before the server starts (see the ear module's pom).
 */
public final class ItEar {

  private ItEar() {}

  /**
   * @param args the built EAR, and where to write the test server's copy
   */
  public static void main(String[] args) {
    EnterpriseArchive ear =
        ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(args[0]));
    JavaArchive handlers =
        ShrinkWrap.create(JavaArchive.class, "annals-it-handlers.jar")
            .addPackage(EffectsHandler.class.getPackage())
            .addAsManifestResource(EmptyAsset.INSTANCE, "beans.xml");
    ear.addAsLibrary(handlers);
    File target = new File(args[1]);
    target.getParentFile().mkdirs();
    ear.as(ZipExporter.class).exportTo(target, true);
  }
}
