package dev.annals.liquibase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.annals.liquibase.ChangelogLock.Changeset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import liquibase.ChecksumVersion;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.exception.LiquibaseException;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.ResourceAccessor;
import org.junit.jupiter.api.Test;

/**
 * Changelogs are append-only: every changeset this module ships is checked against {@code
 * changelog.lock}. A new changeset fails the build until its line is added to the lock (the message
 * gives the line; {@code -Dannals.changelog.lock=append} adds the lines of new changesets, never
 * changes existing ones).
 */
class ChangelogLockTest {

  private static final Path LOCK = Path.of("changelog.lock");
  private static final List<String> CHANGELOGS =
      List.of("db/changelog/annals-changelog.xml", "db/changelog/tenant-changelog.xml");

  @Test
  void releasedChangesetsAreUnchanged() throws Exception {
    Map<String, Changeset> current = shipped();
    ChangelogLock lock = ChangelogLock.parse(Files.readAllLines(LOCK, StandardCharsets.UTF_8));
    if ("append".equals(System.getProperty("annals.changelog.lock"))) {
      appendNew(lock, current);
      lock = ChangelogLock.parse(Files.readAllLines(LOCK, StandardCharsets.UTF_8));
    }
    assertEquals(List.of(), lock.violations(current));
  }

  @Test
  void anEditedReleasedChangesetIsAViolation() {
    ChangelogLock lock = ChangelogLock.parse(List.of("# c", "f.sql::a::me 9:abc"));
    assertEquals(
        List.of(
            "f.sql::a::me was released and has changed (checksum 9:def, released 9:abc): never"
                + " edit a released changeset; undo the edit and add a new changeset in a new file"
                + " at the end of the changelog (function bodies belong in runOnChange"
                + " changesets)"),
        lock.violations(Map.of("f.sql::a::me", new Changeset("9:def", false))));
  }

  @Test
  void aRunOnChangeChangesetMayChangeItsBody() {
    ChangelogLock lock = ChangelogLock.parse(List.of("f.sql::a::me runOnChange"));
    assertEquals(List.of(), lock.violations(Map.of("f.sql::a::me", new Changeset("9:new", true))));
    assertEquals(
        List.of("f.sql::a::me was released as runOnChange and must stay so"),
        lock.violations(Map.of("f.sql::a::me", new Changeset("9:new", false))));
  }

  @Test
  void aRemovedReleasedChangesetIsAViolation() {
    ChangelogLock lock = ChangelogLock.parse(List.of("f.sql::a::me 9:abc"));
    assertEquals(
        List.of(
            "f.sql::a::me was released and is gone: released changesets are never removed or"
                + " renamed"),
        lock.violations(Map.of()));
  }

  @Test
  void aNewChangesetNamesTheLineToAdd() {
    ChangelogLock lock = ChangelogLock.parse(List.of());
    assertEquals(
        List.of(
            "new changeset f.sql::b::me is not in liquibase/changelog.lock: add the line"
                + " 'f.sql::b::me 9:abc' (or run ./mvnw -pl liquibase test"
                + " -Dannals.changelog.lock=append) and commit it with the changeset"),
        lock.violations(Map.of("f.sql::b::me", new Changeset("9:abc", false))));
  }

  @Test
  void aMalformedLineIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> ChangelogLock.parse(List.of("only-a-key")));
  }

  /** Every changeset of the shipped changelogs (a file included twice counts once). */
  static Map<String, Changeset> shipped() throws LiquibaseException {
    ResourceAccessor resources = new ClassLoaderResourceAccessor();
    Map<String, Changeset> all = new LinkedHashMap<>();
    for (String changelog : CHANGELOGS) {
      DatabaseChangeLog log =
          ChangeLogParserFactory.getInstance()
              .getParser(changelog, resources)
              .parse(changelog, new ChangeLogParameters(), resources);
      for (ChangeSet c : log.getChangeSets()) {
        all.putIfAbsent(
            c.getFilePath() + "::" + c.getId() + "::" + c.getAuthor(),
            new Changeset(
                c.generateCheckSum(ChecksumVersion.latest()).toString(), c.isRunOnChange()));
      }
    }
    return all;
  }

  private static void appendNew(ChangelogLock lock, Map<String, Changeset> current)
      throws IOException {
    List<String> lines = new ArrayList<>();
    for (String key : lock.unreleased(current)) {
      lines.add(ChangelogLock.line(key, current.get(key)));
    }
    Files.write(LOCK, lines, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }
}
