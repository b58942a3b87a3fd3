package dev.rapport.bench.peers;

import dev.rapport.network.NetworkSize;
import dev.rapport.network.Suggestion;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain SQL on a directed edge table, {@code edge(a, b)} with the primary key {@code (a, b)} and
 * each connection stored in both directions: a member's connections are one range of the key. The
 * questions are the obvious queries: joins for two steps, a union of hops (materialized common
 * table expressions) for degrees and network size, a group-by for suggestions. One connection,
 * statements prepared once. The SQLite and PostgreSQL flavours differ only in how the 1,000
 * targets of a degree query are passed ({@link Flavour}).
 */
final class SqlQueries implements NetworkQueries {
  /** How a list of member ids is passed as one parameter, and read as rows {@code (i, id)}. */
  enum Flavour {
    /** A JSON array, read by SQLite's {@code json_each}. */
    SQLITE("SELECT key AS i, value AS id FROM json_each(?)"),
    /** A {@code bigint[]}, unnested with its ordinal. */
    POSTGRES("SELECT n - 1 AS i, id FROM unnest(?::bigint[]) WITH ORDINALITY AS u(id, n)");

    private final String targets;

    Flavour(String targets) {
      this.targets = targets;
    }
  }

  static final String DEGREES = """
      WITH target AS MATERIALIZED (%s),
      first AS MATERIALIZED (SELECT b AS m FROM edge WHERE a = ?),
      second AS MATERIALIZED (
        SELECT DISTINCT e.b AS m FROM first f JOIN edge e ON e.a = f.m
        WHERE e.b <> ? AND e.b NOT IN (SELECT m FROM first))
      SELECT t.i, CASE
        WHEN t.id = ? THEN 0
        WHEN t.id IN (SELECT m FROM first) THEN 1
        WHEN t.id IN (SELECT m FROM second) THEN 2
        WHEN EXISTS (SELECT 1 FROM edge e JOIN second s ON s.m = e.b WHERE e.a = t.id) THEN 3
        ELSE 0 END AS degree
      FROM target t
      """;

  static final String MUTUAL_COUNT = """
      SELECT count(*) FROM edge x JOIN edge y ON y.b = x.b WHERE x.a = ? AND y.a = ?
      """;

  static final String SUGGESTIONS = """
      SELECT s.b AS member, count(*) AS mutual
      FROM edge f JOIN edge s ON s.a = f.b
      WHERE f.a = ? AND s.b <> ?
        AND NOT EXISTS (SELECT 1 FROM edge c WHERE c.a = ? AND c.b = s.b)
      GROUP BY s.b
      ORDER BY mutual DESC, member
      LIMIT ?
      """;

  static final String NETWORK_SIZE = """
      WITH first AS MATERIALIZED (SELECT b AS m FROM edge WHERE a = ?),
      second AS MATERIALIZED (
        SELECT DISTINCT e.b AS m FROM first f JOIN edge e ON e.a = f.m
        WHERE e.b <> ? AND e.b NOT IN (SELECT m FROM first)),
      third AS MATERIALIZED (
        SELECT DISTINCT e.b AS m FROM second s JOIN edge e ON e.a = s.m
        WHERE e.b <> ? AND e.b NOT IN (SELECT m FROM first) AND e.b NOT IN (SELECT m FROM second))
      SELECT (SELECT count(*) FROM first), (SELECT count(*) FROM second), (SELECT count(*) FROM third)
      """;

  private final Connection connection;
  private final Flavour flavour;
  private final AutoCloseable server;
  private final PreparedStatement degrees;
  private final PreparedStatement mutualCount;
  private final PreparedStatement suggestions;
  private final PreparedStatement networkSize;

  /**
   * Queries on an open connection to a loaded database; {@code server} (may be a no-op) is closed
   * after the connection.
   */
  SqlQueries(Connection connection, Flavour flavour, AutoCloseable server) throws SQLException {
    this.connection = connection;
    this.flavour = flavour;
    this.server = server;
    degrees = connection.prepareStatement(DEGREES.formatted(flavour.targets));
    mutualCount = connection.prepareStatement(MUTUAL_COUNT);
    suggestions = connection.prepareStatement(SUGGESTIONS);
    networkSize = connection.prepareStatement(NETWORK_SIZE);
  }

  @Override
  public int[] degrees(long viewer, long[] targets) {
    try {
      if (flavour == Flavour.SQLITE) {
        degrees.setString(1, jsonArray(targets));
      } else {
        Long[] boxed = new Long[targets.length];
        for (int i = 0; i < targets.length; i++) {
          boxed[i] = targets[i];
        }
        degrees.setArray(1, connection.createArrayOf("bigint", boxed));
      }
      degrees.setLong(2, viewer);
      degrees.setLong(3, viewer);
      degrees.setLong(4, viewer);
      int[] answer = new int[targets.length];
      try (ResultSet rs = degrees.executeQuery()) {
        while (rs.next()) {
          answer[rs.getInt(1)] = rs.getInt(2);
        }
      }
      return answer;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String jsonArray(long[] ids) {
    StringBuilder json = new StringBuilder(ids.length * 8).append('[');
    for (int i = 0; i < ids.length; i++) {
      json.append(i == 0 ? "" : ",").append(ids[i]);
    }
    return json.append(']').toString();
  }

  @Override
  public int mutualCount(long a, long b) {
    try {
      mutualCount.setLong(1, a);
      mutualCount.setLong(2, b);
      try (ResultSet rs = mutualCount.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public List<Suggestion> suggestions(long viewer, int limit) {
    try {
      suggestions.setLong(1, viewer);
      suggestions.setLong(2, viewer);
      suggestions.setLong(3, viewer);
      suggestions.setInt(4, limit);
      List<Suggestion> ranked = new ArrayList<>(limit);
      try (ResultSet rs = suggestions.executeQuery()) {
        while (rs.next()) {
          ranked.add(new Suggestion(rs.getLong(1), rs.getInt(2)));
        }
      }
      return ranked;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public NetworkSize networkSize(long viewer) {
    try {
      networkSize.setLong(1, viewer);
      networkSize.setLong(2, viewer);
      networkSize.setLong(3, viewer);
      try (ResultSet rs = networkSize.executeQuery()) {
        rs.next();
        return new NetworkSize(rs.getInt(1), rs.getInt(2), rs.getInt(3));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try (server; connection) {
      // closed in reverse order: the connection, then the server
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
