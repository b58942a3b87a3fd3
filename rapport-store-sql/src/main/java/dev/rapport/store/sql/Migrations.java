package dev.rapport.store.sql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Brings a database schema up to date from the versioned scripts {@code V<n>__<description>.sql} in
 * a classpath folder, each in its own transaction, recording each in {@code schema_version}. Refuses
 * a database whose schema is newer than these scripts, or whose applied scripts have since changed.
 *
 * <p>Then come the repeatable scripts {@code R__<name>.sql} of the folder, which define something
 * whole ({@code CREATE OR REPLACE}): each runs again, in its own transaction, whenever its checksum
 * differs from the one recorded in {@code schema_repeatable}, so a definition lives in one file
 * and is changed there, rather than copied whole into a new versioned script.
 */
final class Migrations {
  private static final Pattern NAME = Pattern.compile("V(\\d+)__(\\w+)\\.sql");
  private static final Pattern REPEATABLE_NAME = Pattern.compile("R__(\\w+)\\.sql");
  private static final String CREATE_TABLE = """
      CREATE TABLE IF NOT EXISTS schema_version (
        version     INTEGER PRIMARY KEY,
        description TEXT    NOT NULL,
        checksum    TEXT    NOT NULL,
        applied_at  BIGINT  NOT NULL
      )""";
  /** Apart from {@code schema_version}, which an older Rapport reads whole and checks row by row. */
  private static final String CREATE_REPEATABLE_TABLE = """
      CREATE TABLE IF NOT EXISTS schema_repeatable (
        name       TEXT   PRIMARY KEY,
        checksum   TEXT   NOT NULL,
        applied_at BIGINT NOT NULL
      )""";

  /** One script. The checksum ignores line endings, so a checkout with CRLF does not look changed. */
  record Migration(int version, String description, String script, String checksum) {}

  /** One repeatable script, named by what it defines; its checksum as a {@link Migration}'s. */
  record Repeatable(String name, String script, String checksum) {}

  /** The scripts of a folder: the versioned ones by ascending version, then the repeatable ones by name. */
  record Scripts(List<Migration> versioned, List<Repeatable> repeatable) {}

  private Migrations() {}

  /** The scripts in a classpath folder. */
  static Scripts load(String folder) {
    URL url = Migrations.class.getClassLoader().getResource(folder);
    if (url == null) {
      throw new IllegalStateException("no migrations at classpath:" + folder);
    }
    List<Migration> migrations = new ArrayList<>();
    List<Repeatable> repeatable = new ArrayList<>();
    for (String name : fileNames(url, folder)) {
      if (!name.endsWith(".sql")) {
        continue;
      }
      Matcher matcher = NAME.matcher(name);
      Matcher repeatableName = REPEATABLE_NAME.matcher(name);
      if (!matcher.matches() && !repeatableName.matches()) {
        throw new IllegalStateException(
            "migration %s/%s is not named V<n>__<description>.sql or R__<name>.sql".formatted(folder, name));
      }
      String script = read(folder + "/" + name).replace("\r\n", "\n");
      if (matcher.matches()) {
        migrations.add(new Migration(Integer.parseInt(matcher.group(1)), matcher.group(2).replace('_', ' '),
            script, sha256(script)));
      } else {
        repeatable.add(new Repeatable(repeatableName.group(1), script, sha256(script)));
      }
    }
    migrations.sort(Comparator.comparingInt(Migration::version));
    for (int i = 0; i < migrations.size(); i++) {
      if (migrations.get(i).version() != i + 1) {
        throw new IllegalStateException("migrations in %s are not numbered 1..%d without gaps: %s"
            .formatted(folder, migrations.size(), migrations.stream().map(Migration::version).toList()));
      }
    }
    repeatable.sort(Comparator.comparing(Repeatable::name));
    return new Scripts(List.copyOf(migrations), List.copyOf(repeatable));
  }

  /**
   * Applies the versioned scripts the database lacks, in order, then the repeatable scripts whose
   * checksum differs from the one applied last. The caller makes sure no other process migrates the
   * same database at the same time (PostgreSQL: an advisory lock; SQLite: a lock on the file).
   *
   * @throws IllegalStateException if the database is newer than the scripts or an applied script changed
   */
  static void apply(Connection connection, Scripts scripts) throws SQLException {
    applyVersioned(connection, scripts.versioned());
    if (!scripts.repeatable().isEmpty()) {
      applyRepeatable(connection, scripts.repeatable());
    }
  }

  private static void applyVersioned(Connection connection, List<Migration> migrations) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(CREATE_TABLE);
    }
    Map<Integer, String> applied = applied(connection);
    for (Map.Entry<Integer, String> entry : applied.entrySet()) {
      int version = entry.getKey();
      if (version > migrations.size()) {
        throw new IllegalStateException(
            "the database schema is at version %d, newer than this Rapport knows (%d); use a newer Rapport"
                .formatted(version, migrations.size()));
      }
      Migration known = migrations.get(version - 1);
      if (!known.checksum().equals(entry.getValue())) {
        throw new IllegalStateException(
            "migration V%d (%s) was changed after it was applied to this database: checksum %s, now %s"
                .formatted(version, known.description(), entry.getValue(), known.checksum()));
      }
    }
    for (Migration migration : migrations) {
      if (!applied.containsKey(migration.version())) {
        applyOne(connection, migration);
      }
    }
  }

  private static void applyRepeatable(Connection connection, List<Repeatable> scripts) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(CREATE_REPEATABLE_TABLE);
    }
    Map<String, String> applied = new TreeMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT name, checksum FROM schema_repeatable")) {
      while (rows.next()) {
        applied.put(rows.getString(1), rows.getString(2));
      }
    }
    for (Repeatable script : scripts) {
      if (!script.checksum().equals(applied.get(script.name()))) {
        applyOne(connection, script);
      }
    }
  }

  private static void applyOne(Connection connection, Repeatable repeatable) throws SQLException {
    Transaction.run(connection, () -> {
      try (Statement statement = connection.createStatement()) {
        for (String sql : SqlScript.statements(repeatable.script())) {
          statement.execute(sql);
        }
      }
      try (PreparedStatement forget = connection.prepareStatement("DELETE FROM schema_repeatable WHERE name = ?");
          PreparedStatement record = connection.prepareStatement(
              "INSERT INTO schema_repeatable (name, checksum, applied_at) VALUES (?, ?, ?)")) {
        forget.setString(1, repeatable.name());
        forget.executeUpdate();
        record.setString(1, repeatable.name());
        record.setString(2, repeatable.checksum());
        record.setLong(3, System.currentTimeMillis());
        record.executeUpdate();
      }
      return null;
    });
  }

  private static Map<Integer, String> applied(Connection connection) throws SQLException {
    Map<Integer, String> applied = new TreeMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT version, checksum FROM schema_version")) {
      while (rows.next()) {
        applied.put(rows.getInt(1), rows.getString(2));
      }
    }
    return applied;
  }

  private static void applyOne(Connection connection, Migration migration) throws SQLException {
    Transaction.run(connection, () -> {
      try (Statement statement = connection.createStatement()) {
        for (String sql : SqlScript.statements(migration.script())) {
          statement.execute(sql);
        }
      }
      try (PreparedStatement record = connection.prepareStatement(
          "INSERT INTO schema_version (version, description, checksum, applied_at) VALUES (?, ?, ?, ?)")) {
        record.setInt(1, migration.version());
        record.setString(2, migration.description());
        record.setString(3, migration.checksum());
        record.setLong(4, System.currentTimeMillis());
        record.executeUpdate();
      }
      return null;
    });
  }

  private static List<String> fileNames(URL folder, String path) {
    try {
      return switch (folder.getProtocol()) {
        case "file" -> {
          try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            yield files.map(f -> f.getFileName().toString()).toList();
          }
        }
        case "jar" -> {
          JarURLConnection jar = (JarURLConnection) folder.openConnection();
          jar.setUseCaches(false);
          try (var file = jar.getJarFile()) {
            String prefix = path + "/";
            yield file.stream().map(e -> e.getName())
                .filter(n -> n.startsWith(prefix) && n.indexOf('/', prefix.length()) < 0)
                .map(n -> n.substring(prefix.length())).toList();
          }
        }
        default -> throw new IllegalStateException("cannot list migrations at " + folder);
      };
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list migrations at " + folder, e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot list migrations at " + folder, e);
    }
  }

  private static String read(String resource) {
    try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no migration at classpath:" + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read migration " + resource, e);
    }
  }

  private static String sha256(String script) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
