package dev.rapport.store.sql;

import dev.rapport.model.PostVisibility;
import dev.rapport.store.ContentReads.ContentSink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads every post, and the reactions and comments since a time, for the feed index's load, in one
 * read transaction that sees one snapshot throughout, with the log position it reflects.
 */
final class ContentLoad {
  private static final String POSTS = "SELECT author_id, id, created_at, visibility FROM posts"
      + " ORDER BY author_id, created_at, id";
  // Without a join to the posts for their authors, which the feed index knows by then: the join was a
  // lookup of a post per reaction (docs/decisions/0032-a-compact-feed-index-and-its-saved-copy.md); schema
  // 11's indexes by time cover these columns.
  private static final String REACTIONS = "SELECT member_id, post_id, at FROM reactions WHERE at >= ?";
  private static final String COMMENTS = "SELECT author_id, post_id, created_at FROM comments WHERE created_at >= ?";

  private ContentLoad() {}

  static long read(Dialect dialect, Readers readers, long engagedSinceMillis, ContentSink sink) {
    return readers.read(session -> {
      Connection connection = session.connection();
      int isolation = connection.getTransactionIsolation();
      if (dialect == Dialect.POSTGRES) {
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      }
      try {
        return Transaction.run(connection, () -> {
          long position;
          try (ResultSet row = session.prepare(dialect.snapshotPosition()).executeQuery()) {
            row.next();
            position = row.getLong(1);
          }
          try (ResultSet rows = session.prepare(POSTS).executeQuery()) {
            while (rows.next()) {
              sink.post(rows.getLong(1), rows.getLong(2), rows.getLong(3), PostVisibility.valueOf(rows.getString(4)));
            }
          }
          engaged(session, REACTIONS, engagedSinceMillis, false, sink);
          engaged(session, COMMENTS, engagedSinceMillis, true, sink);
          return position;
        });
      } finally {
        if (dialect == Dialect.POSTGRES) {
          connection.setTransactionIsolation(isolation);
        }
      }
    });
  }

  private static void engaged(Session session, String sql, long since, boolean comment, ContentSink sink)
      throws SQLException {
    PreparedStatement statement = session.prepare(sql);
    statement.setLong(1, since);
    try (ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        sink.engaged(rows.getLong(1), rows.getLong(2), rows.getLong(3), comment);
      }
    }
  }
}
