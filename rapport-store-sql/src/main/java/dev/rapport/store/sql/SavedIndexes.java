package dev.rapport.store.sql;

import dev.rapport.store.SavedIndex;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The copy of the graph index kept in the {@code saved_index} table, in SQL both backends accept. */
final class SavedIndexes {
  private static final String READ = "SELECT position, bytes FROM saved_index ORDER BY part";
  private static final String DELETE = "DELETE FROM saved_index";
  private static final String INSERT = "INSERT INTO saved_index (part, position, bytes) VALUES (?, ?, ?)";

  private SavedIndexes() {}

  /** The copy kept, read in one statement (one snapshot), if there is one. */
  static Optional<SavedIndex> read(Session session, Dialect dialect) throws SQLException {
    PreparedStatement statement = session.prepare(READ);
    dialect.readBytesAsTheyAre(statement);
    List<byte[]> parts = new ArrayList<>();
    long position = -1;
    try (ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        if (position != -1 && rows.getLong(1) != position) {
          throw new SQLException("the saved graph index holds parts of two copies");
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
  static void replace(Session session, SavedIndex index) throws SQLException {
    session.execute(DELETE);
    PreparedStatement insert = session.prepare(INSERT);
    for (int part = 0; part < index.parts().size(); part++) {
      insert.setInt(1, part);
      insert.setLong(2, index.position());
      insert.setBytes(3, index.parts().get(part));
      insert.executeUpdate();
    }
  }
}
