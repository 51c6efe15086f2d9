package dev.annals.liquibase;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The released changesets and what may become of them: a released changeset is never removed and
 * never edited (its checksum stays), except one marked {@code runOnChange}, whose body may change
 * (Liquibase re-runs it). The lock file lists one changeset per line, {@code file::id::author}
 * followed by its checksum or by {@code runOnChange}; lines starting with {@code #} are comments.
 */
final class ChangelogLock {

  /** The token that stands for "any checksum" in the lock file. */
  static final String RUN_ON_CHANGE = "runOnChange";

  private final Map<String, String> released;

  private ChangelogLock(Map<String, String> released) {
    this.released = released;
  }

  /** Reads the lock file's lines. */
  static ChangelogLock parse(List<String> lines) {
    Map<String, String> released = new LinkedHashMap<>();
    for (String line : lines) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      String[] parts = l.split("\\s+");
      if (parts.length != 2) {
        throw new IllegalArgumentException("not 'file::id::author checksum': " + line);
      }
      if (released.put(parts[0], parts[1]) != null) {
        throw new IllegalArgumentException("listed twice: " + parts[0]);
      }
    }
    return new ChangelogLock(released);
  }

  /** The lock file line for a changeset. */
  static String line(String key, Changeset c) {
    return key + " " + (c.runOnChange() ? RUN_ON_CHANGE : c.checksum());
  }

  /** A changeset as this build has it. */
  record Changeset(String checksum, boolean runOnChange) {}

  /** What is wrong with {@code current} (by {@code file::id::author}), or nothing. */
  List<String> violations(Map<String, Changeset> current) {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> r : released.entrySet()) {
      Changeset now = current.get(r.getKey());
      if (now == null) {
        problems.add(
            r.getKey()
                + " was released and is gone: released changesets are never removed or renamed");
      } else if (r.getValue().equals(RUN_ON_CHANGE)) {
        if (!now.runOnChange()) {
          problems.add(r.getKey() + " was released as runOnChange and must stay so");
        }
      } else if (!r.getValue().equals(now.checksum())) {
        problems.add(
            r.getKey()
                + " was released and has changed (checksum "
                + now.checksum()
                + ", released "
                + r.getValue()
                + "): never edit a released changeset; undo the edit and add a new changeset in a"
                + " new file at the end of the changelog (function bodies belong in runOnChange"
                + " changesets)");
      }
    }
    for (String added : unreleased(current)) {
      problems.add(
          "new changeset "
              + added
              + " is not in liquibase/changelog.lock: add the line '"
              + line(added, current.get(added))
              + "' (or run ./mvnw -pl liquibase test -Dannals.changelog.lock=append) and commit"
              + " it with the changeset");
    }
    return problems;
  }

  /** The changesets of {@code current} that the lock does not list yet, in changelog order. */
  List<String> unreleased(Map<String, Changeset> current) {
    return current.keySet().stream().filter(k -> !released.containsKey(k)).toList();
  }
}
