package dev.annals.eventstore.internal.upcast;

import dev.annals.eventstore.api.upcast.Upcaster;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/** The application's {@link Upcaster} beans, found once. */
@ApplicationScoped
public class JavaUpcasters {

  private static final Logger LOG = Logger.getLogger(JavaUpcasters.class.getName());

  @Inject @Any Instance<Upcaster> beans;

  private volatile List<Upcaster> found;

  /** Every valid Java upcaster; of two for one type and version, the first found. */
  List<Upcaster> all() {
    List<Upcaster> f = found;
    if (f == null) {
      List<Upcaster> list = new ArrayList<>();
      Set<String> keys = new HashSet<>();
      for (Upcaster u : beans) {
        String type = u.eventType();
        if (type == null || u.fromVersion() < 1) {
          LOG.severe("Upcaster " + u.getClass().getName() + " has no type or a version below 1");
        } else if (!keys.add(type + "@" + u.fromVersion())) {
          LOG.severe(
              "Two upcasters lift "
                  + type
                  + " from version "
                  + u.fromVersion()
                  + ": the first is used, not "
                  + u.getClass().getName());
        } else {
          list.add(u);
        }
      }
      f = found = List.copyOf(list);
    }
    return f;
  }
}
