package dev.rapport.store.sql;

import dev.rapport.store.SavedIndex;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The copies of the indexes kept, the graph index's in the {@code saved_index} table (decision
 * 0005) and the feed index's in {@code saved_feed_index} (schema 12), in SQL both backends accept.
 */
final class SavedIndexes {
  /** Which index a copy is of, and its table: both tables have the same columns. */
  enum Kind {
    GRAPH("saved_index"),
    FEED("saved_feed_index");

    final String table;
    private final String read;
    private final String delete;
    private final String insert;

    Kind(String table) {
      this.table = table;
      this.read = "SELECT position, bytes FROM " + table + " ORDER BY part";
      this.delete = "DELETE FROM " + table;
      this.insert = "INSERT INTO " + table + " (part, position, bytes) VALUES (?, ?, ?)";
    }
  }

  private SavedIndexes() {}

  /** The copy kept, read in one statement (one snapshot), if there is one. */
  static Optional<SavedIndex> read(Session session, Dialect dialect, Kind kind) throws SQLException {
    PreparedStatement statement = session.prepare(kind.read);
    dialect.readBytesAsTheyAre(statement);
    List<byte[]> parts = new ArrayList<>();
    long position = -1;
    try (ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        if (position != -1 && rows.getLong(1) != position) {
          throw new SQLException(kind.table + " holds parts of two copies");
        }
        position = rows.getLong(1);
        parts.add(rows.getBytes(2));
      }
    }
    return parts.isEmpty() ? Optional.empty() : Optional.of(new SavedIndex(position, parts));
  }

  /**
   * Replaces the copy kept with this one. Inside the caller's transaction, which must keep other
   * writers of the table out until it ends.
   */
  static void replace(Session session, Kind kind, SavedIndex index) throws SQLException {
    session.execute(kind.delete);
    PreparedStatement insert = session.prepare(kind.insert);
    for (int part = 0; part < index.parts().size(); part++) {
      insert.setInt(1, part);
      insert.setLong(2, index.position());
      insert.setBytes(3, index.parts().get(part));
      insert.executeUpdate();
    }
  }
}
