package dev.annals.it;

import dev.annals.it.probe.TransactionProbe;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The archives Arquillian deploys next to the application; shared by every in-container test. */
public final class Deployments {

  private Deployments() {}

  /** The probe beans, and what the test classes use besides them. */
  public static WebArchive probes() {
    return ShrinkWrap.create(WebArchive.class, "annals-it-probes.war")
        .addPackages(true, TransactionProbe.class.getPackage())
        .addClasses(ItServer.class, Api.class, Db.class, Db.Location.class);
  }
}
