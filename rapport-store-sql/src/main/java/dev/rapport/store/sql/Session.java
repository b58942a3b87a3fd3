package dev.rapport.store.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * A JDBC connection with the statements prepared on it. Used by one thread at a time. A long-lived
 * session (SQLite) keeps its statements for its whole life; a borrowed one (PostgreSQL, where the
 * driver caches server-side statements per physical connection) closes them when it is closed.
 */
final class Session implements AutoCloseable {
  private final Connection connection;
  private final Map<String, PreparedStatement> statements = new HashMap<>();

  Session(Connection connection) {
    this.connection = connection;
  }

  Connection connection() {
    return connection;
  }

  /** The statement for this SQL, prepared on first use. Callers never close it. */
  PreparedStatement prepare(String sql) throws SQLException {
    PreparedStatement statement = statements.get(sql);
    if (statement == null) {
      statement = connection.prepareStatement(sql);
      statements.put(sql, statement);
    }
    return statement;
  }

  /** Runs SQL that takes no parameters and returns no rows. */
  void execute(String sql) throws SQLException {
    prepare(sql).execute();
  }

  /** Closes the statements, then the connection (which returns a pooled one to its pool). */
  @Override
  public void close() throws SQLException {
    try {
      for (PreparedStatement statement : statements.values()) {
        statement.close();
      }
      statements.clear();
    } finally {
      connection.close();
    }
  }
}
