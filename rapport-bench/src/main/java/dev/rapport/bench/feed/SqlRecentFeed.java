package dev.rapport.bench.feed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * The first page of a {@code recent} feed (P3) as one plain SQL query on {@link FeedTables}: the
 * viewer's own posts and those of whom they follow, newest first, a connections-only post only
 * from a connection. The candidates tried for the peer are the {@link Query} constants; each answers
 * the page's post ids.
 */
final class SqlRecentFeed implements AutoCloseable {
  /** The queries tried; BENCHMARKS.md gives their figures side by side. */
  enum Query {
    /**
     * The textbook query: posts whose author is among the followed, filtered, sorted, limited. The
     * planner reads every candidate post of the followed authors through the author index and
     * sorts them to keep 20.
     */
    JOIN("""
        SELECT p.id FROM posts p
        WHERE p.author IN (SELECT followee FROM follows WHERE follower = ? UNION ALL SELECT ?::bigint)
          AND (p.visibility = 0 OR p.author = ?
            OR EXISTS (SELECT 1 FROM connections c WHERE c.a = ? AND c.b = p.author))
        ORDER BY p.id DESC LIMIT ?
        """, "vvvvn"),
    /**
     * A top-N per author merged: for each followed author, the newest posts the viewer may see
     * through the author index (at most a page of them), then the newest of those. Bounded by
     * authors times the page, whatever the authors' output.
     */
    LATERAL("""
        SELECT x.id FROM (
          SELECT f.followee AS author,
            EXISTS (SELECT 1 FROM connections c WHERE c.a = ? AND c.b = f.followee) AS connected
          FROM follows f WHERE f.follower = ?
          UNION ALL SELECT ?::bigint, true) a
        CROSS JOIN LATERAL (
          SELECT p.id FROM posts p
          WHERE p.author = a.author AND (p.visibility = 0 OR a.connected)
          ORDER BY p.id DESC LIMIT ?) x
        ORDER BY x.id DESC LIMIT ?
        """, "vvvnn"),
    /**
     * The newest posts of everyone, read backwards along the primary key until a page of them
     * passes the viewer's follow and visibility checks: cheap when the followed write much of what
     * is written, a scan of the whole table when they do not.
     */
    SCAN("""
        SELECT p.id FROM posts p
        WHERE (EXISTS (SELECT 1 FROM follows f WHERE f.follower = ? AND f.followee = p.author) OR p.author = ?)
          AND (p.visibility = 0 OR p.author = ?
            OR EXISTS (SELECT 1 FROM connections c WHERE c.a = ? AND c.b = p.author))
        ORDER BY p.id DESC LIMIT ?
        """, "vvvvn"),
    /**
     * Not a peer but the other design, for scale: the timeline copied into a table per viewer at
     * write time (fan-out on write, as Twitter and Mastodon do), filled for the benchmark's viewers
     * only. One range of its key answers the page; every post costs a row per follower.
     */
    TIMELINE("""
        SELECT t.post FROM timeline t
        WHERE t.viewer = ? AND (t.visibility = 0 OR t.author = ?
          OR EXISTS (SELECT 1 FROM connections c WHERE c.a = ? AND c.b = t.author))
        ORDER BY t.post DESC LIMIT ?
        """, "vvvn");

    private final String sql;
    private final String parameters;

    /** {@code parameters} has a letter per parameter: {@code v} the viewer, {@code n} the page's length. */
    Query(String sql, String parameters) {
      this.sql = sql;
      this.parameters = parameters;
    }

    void bind(PreparedStatement statement, long viewer, int limit) throws SQLException {
      for (int i = 0; i < parameters.length(); i++) {
        if (parameters.charAt(i) == 'v') {
          statement.setLong(i + 1, viewer);
        } else {
          statement.setInt(i + 1, limit);
        }
      }
    }

    static Query named(String name) {
      return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }

    String sql() {
      return sql;
    }
  }

  private final Connection connection;
  private final Query query;
  private final PreparedStatement statement;

  SqlRecentFeed(Connection connection, Query query) throws SQLException {
    this.connection = connection;
    this.query = query;
    this.statement = connection.prepareStatement(query.sql());
  }

  /** The ids of the first {@code limit} posts of {@code viewer}'s recent feed, newest first. */
  long[] firstPage(long viewer, int limit) {
    try {
      query.bind(statement, viewer, limit);
      long[] page = new long[limit];
      int n = 0;
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          page[n++] = rs.getLong(1);
        }
      }
      return n == limit ? page : Arrays.copyOf(page, n);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The plan PostgreSQL chose for {@code viewer}, with its timings, for the benchmark's log. */
  String explain(long viewer, int limit) throws SQLException {
    String sql = "EXPLAIN (ANALYZE, BUFFERS) " + query.sql();
    try (PreparedStatement explain = connection.prepareStatement(sql)) {
      query.bind(explain, viewer, limit);
      StringBuilder plan = new StringBuilder();
      try (ResultSet rs = explain.executeQuery()) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
      return plan.toString();
    }
  }

  @Override
  public void close() throws SQLException {
    statement.close();
    connection.close();
  }
}
