package dev.rapport.bench.feed;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * The plain-SQL peer's database: a {@link FeedWorkload} in PostgreSQL 17 (embedded, started from
 * its jar) with the schema and indexes a careful engineer would give a feed read at request time:
 * posts by {@code (author, id desc)} covering the visibility (ids are time-ordered, so this is the
 * order of creation), follows by {@code (follower, followee)}, connections by {@code (a, b)} in both
 * directions, reactions by post and by member, comments by post and by member; and, for the
 * other design only, a {@code timeline} table copied per viewer ({@link SqlRecentFeed.Query#TIMELINE}). Loaded with
 * {@code COPY}, indexed after the rows are in, vacuumed (so that index-only scans apply) and kept in
 * a folder between forks, since JMH starts a JVM per benchmark and a load per fork would dominate the run.
 *
 * <p>A folder is named by the workload's size and seed and {@link #FORMAT} (bumped whenever the
 * schema changes) and counts only once its {@code loaded} marker is written, last. The root is
 * {@code -Drapport.feed.stores=<folder>}, by default a folder under the temporary directory.
 */
final class FeedTables {
  static final int FORMAT = 2;
  private static final String MARKER = "loaded";
  private static final int COPY_BUFFER = 1 << 20;
  private static final String[] WORDS = {"team", "hiring", "launch", "growth", "data", "product", "design",
      "engineers", "customers", "learned", "today", "proud", "announce", "role", "remote", "open", "source",
      "conference", "talk", "market", "sales", "strategy", "leadership", "career", "thanks", "week", "new"};

  private FeedTables() {}

  /** A started server holding the workload, loaded by this call unless an earlier fork left it. */
  static EmbeddedPostgres open(FeedWorkload workload) {
    Path folder = root().resolve("postgres-feed-%d-%d-%d-v%d".formatted(workload.members(), workload.posts(),
        workload.seed(), FORMAT));
    try {
      if (!Files.exists(folder.resolve(MARKER))) {
        if (Files.exists(folder)) {
          delete(folder); // an interrupted load is of no use
        }
        Files.createDirectories(folder);
        long started = System.nanoTime();
        try (EmbeddedPostgres pg = start(folder.resolve("data"))) {
          load(pg, workload);
        }
        Files.writeString(folder.resolve(MARKER), "");
        System.out.printf("loaded the feed workload into PostgreSQL in %.1f s (kept in %s for later forks)%n",
            (System.nanoTime() - started) / 1e9, folder);
      }
      EmbeddedPostgres pg = start(folder.resolve("data"));
      try (Connection c = connect(pg); Statement s = c.createStatement()) {
        try (var rs = s.executeQuery("SELECT relpages, relallvisible FROM pg_class WHERE relname = 'posts'")) {
          rs.next();
          System.out.printf("posts: %,d pages, %,d of them all-visible (index-only scans read no heap there)%n",
              rs.getLong(1), rs.getLong(2));
        }
        s.executeQuery("SELECT pg_prewarm('posts'), pg_prewarm('posts_by_author'), pg_prewarm('posts_pkey'),"
            + " pg_prewarm('follows'), pg_prewarm('follows_pkey'), pg_prewarm('connections_pkey')").close();
      } catch (SQLException e) {
        pg.close();
        throw new IllegalStateException(e);
      }
      return pg;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Connection connect(EmbeddedPostgres pg) throws SQLException {
    return DriverManager.getConnection(pg.getJdbcUrl("postgres", "postgres"));
  }

  /**
   * A private server for the benchmark. Nothing is written after the load, so durability settings
   * would only slow the load; the shared buffers hold every table and index, and JIT compilation,
   * which would compile the plans again at every run, is off.
   */
  private static EmbeddedPostgres start(Path data) throws IOException {
    return EmbeddedPostgres.builder()
        .setDataDirectory(data)
        .setCleanDataDirectory(false)
        .setServerConfig("fsync", "off")
        .setServerConfig("synchronous_commit", "off")
        .setServerConfig("full_page_writes", "off")
        .setServerConfig("max_wal_size", "4GB")
        .setServerConfig("shared_buffers", "2GB")
        .setServerConfig("work_mem", "64MB")
        .setServerConfig("maintenance_work_mem", "1GB")
        .setServerConfig("jit", "off")
        // A prepared statement's generic plan cannot see that the viewer's follows are a thousand
        // and not the table's average of twenty; planning each execution afresh serves SQL best.
        .setServerConfig("plan_cache_mode", "force_custom_plan")
        .start();
  }

  private static void load(EmbeddedPostgres pg, FeedWorkload w) throws IOException {
    try (Connection c = connect(pg); Statement s = c.createStatement()) {
      s.execute("""
          CREATE TABLE members (id bigint NOT NULL, handle text NOT NULL, name text NOT NULL);
          CREATE TABLE posts (id bigint NOT NULL, author bigint NOT NULL, visibility smallint NOT NULL,
            created_at timestamptz NOT NULL, text text NOT NULL);
          CREATE TABLE follows (follower bigint NOT NULL, followee bigint NOT NULL);
          CREATE TABLE connections (a bigint NOT NULL, b bigint NOT NULL);
          CREATE TABLE reactions (post bigint NOT NULL, member bigint NOT NULL, kind smallint NOT NULL);
          CREATE TABLE comments (id bigint NOT NULL, post bigint NOT NULL, member bigint NOT NULL, text text NOT NULL);
          """);
      CopyManager copy = new CopyManager(c.unwrap(BaseConnection.class));
      long started = System.nanoTime();
      rows(copy, "members", w.members(), (m, out) -> out.append(m).append("\tmember-").append(m)
          .append("\tMember ").append(m));
      SplittableRandom words = new SplittableRandom(w.seed());
      rows(copy, "posts", w.posts(), (p, out) -> {
        out.append(w.postId(p)).append('\t').append(w.author(p)).append('\t').append(w.visibility(p)).append('\t')
            .append(w.postedAt(p)).append('\t');
        text(words, 80 + words.nextInt(320), out);
      });
      rows(copy, "follows", w.follows(), (i, out) -> out.append(w.follower(i)).append('\t').append(w.followee(i)));
      int[] viewers = w.viewers();
      int perViewer = w.connectionsOf(0).length;
      rows(copy, "connections", 2 * viewers.length * perViewer, (i, out) -> {
        int v = i / (2 * perViewer);
        int other = w.connectionsOf(v)[i % (2 * perViewer) / 2];
        boolean forward = i % 2 == 0;
        out.append(forward ? viewers[v] : other).append('\t').append(forward ? other : viewers[v]);
      });
      rows(copy, "reactions", w.reactions(), (i, out) -> out.append(w.postId(w.reactionPost(i))).append('\t')
          .append(w.reactionMember(i)).append('\t').append(w.reactionKind(i)));
      rows(copy, "comments", w.comments(), (i, out) -> {
        out.append(i + 1).append('\t').append(w.postId(w.commentPost(i))).append('\t').append(w.commentMember(i))
            .append('\t');
        text(words, 20 + words.nextInt(200), out);
      });
      System.out.printf("copied the rows in %.1f s%n", (System.nanoTime() - started) / 1e9);
      // Connections may pair a viewer with another viewer's connection twice over; keep one of each.
      for (String statement : """
          CREATE TABLE connections_distinct AS SELECT DISTINCT a, b FROM connections;
          DROP TABLE connections;
          ALTER TABLE connections_distinct RENAME TO connections;
          ALTER TABLE members ADD PRIMARY KEY (id);
          ALTER TABLE posts ADD PRIMARY KEY (id);
          CREATE INDEX posts_by_author ON posts (author, id DESC) INCLUDE (visibility);
          ALTER TABLE follows ADD PRIMARY KEY (follower, followee);
          CREATE INDEX follows_by_followee ON follows (followee, follower);
          ALTER TABLE connections ADD PRIMARY KEY (a, b);
          ALTER TABLE reactions ADD PRIMARY KEY (post, member);
          CREATE INDEX reactions_by_member ON reactions (member, post);
          ALTER TABLE comments ADD PRIMARY KEY (id);
          CREATE INDEX comments_by_post ON comments (post, id);
          CREATE INDEX comments_by_member ON comments (member, post);
          CREATE TABLE timeline AS
            SELECT f.follower AS viewer, p.id AS post, p.author, p.visibility
            FROM follows f JOIN posts p ON p.author = f.followee WHERE f.follower = ANY (?::bigint[]);
          ALTER TABLE timeline ADD PRIMARY KEY (viewer, post);
          VACUUM (FREEZE, ANALYZE);
          VACUUM;
          CREATE EXTENSION IF NOT EXISTS pg_prewarm;
          CHECKPOINT;
          """.split(";\n")) {
        if (statement.contains("?")) {
          try (var fill = c.prepareStatement(statement)) {
            fill.setArray(1, c.createArrayOf("bigint", Arrays.stream(viewers).mapToObj(v -> (long) v).toArray()));
            fill.execute();
          }
        } else if (!statement.isBlank()) {
          // One at a time: VACUUM refuses to run among others. The first leaves half of the pages
          // not all-visible, so that index-only scans still read them; the second sets them.
          s.execute(statement);
        }
      }
      System.out.printf("rows, keys and indexes in %.1f s%n", (System.nanoTime() - started) / 1e9);
    } catch (SQLException e) {
      throw new IOException(e);
    }
  }

  @FunctionalInterface
  private interface Row {
    void write(int i, StringBuilder out);
  }

  /** Streams {@code count} rows into {@code table} with one {@code COPY}, a megabyte at a time. */
  private static void rows(CopyManager copy, String table, int count, Row row) throws SQLException {
    CopyIn in = copy.copyIn("COPY " + table + " FROM STDIN");
    StringBuilder out = new StringBuilder(COPY_BUFFER + 4096);
    for (int i = 0; i < count; i++) {
      row.write(i, out);
      out.append('\n');
      if (out.length() >= COPY_BUFFER) {
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        in.writeToCopy(bytes, 0, bytes.length);
        out.setLength(0);
      }
    }
    byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
    in.writeToCopy(bytes, 0, bytes.length);
    in.endCopy();
  }

  private static void text(SplittableRandom words, int length, StringBuilder out) {
    int start = out.length();
    while (out.length() - start < length) {
      out.append(WORDS[words.nextInt(WORDS.length)]).append(' ');
    }
  }

  static Path root() {
    String named = System.getProperty("rapport.feed.stores");
    return named != null ? Path.of(named) : Path.of(System.getProperty("java.io.tmpdir"), "rapport-feed-stores");
  }

  private static void delete(Path path) throws IOException {
    try (Stream<Path> files = Files.walk(path)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
