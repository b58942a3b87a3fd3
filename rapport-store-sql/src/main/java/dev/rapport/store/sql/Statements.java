package dev.rapport.store.sql;

import dev.rapport.model.Cursor;
import dev.rapport.model.Page;
import dev.rapport.model.PageRequest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Running prepared statements: binding their parameters and mapping what they return. */
final class Statements {
  private Statements() {}

  /** The first row, if any. */
  static <T> Optional<T> first(PreparedStatement statement, Rows.Mapper<T> mapper) throws SQLException {
    try (ResultSet rows = statement.executeQuery()) {
      return rows.next() ? Optional.of(mapper.map(rows, 1)) : Optional.empty();
    }
  }

  /** Every row, in order. */
  static <T> List<T> all(PreparedStatement statement, Rows.Mapper<T> mapper) throws SQLException {
    List<T> items = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        items.add(mapper.map(rows, 1));
      }
    }
    return items;
  }

  /**
   * One page of a list query whose rows start with {@code keyCount} sort keys, binding the
   * parameters and then the limit. Reads one row more than asked to learn whether there is a next
   * page, whose cursor is the last row's keys.
   */
  static <T> Page<T> page(Session session, String sql, int keyCount, Rows.Mapper<T> mapper, PageRequest page,
      long... parameters) throws SQLException {
    PreparedStatement statement = session.prepare(sql);
    bindLongs(statement, parameters);
    statement.setLong(parameters.length + 1, page.limit() + 1L);
    List<T> items = new ArrayList<>(Math.min(page.limit(), 64));
    long[] lastKeys = new long[keyCount];
    boolean more = false;
    try (ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        if (items.size() == page.limit()) {
          more = true;
          break;
        }
        for (int k = 0; k < keyCount; k++) {
          lastKeys[k] = rows.getLong(k + 1);
        }
        items.add(mapper.map(rows, keyCount + 1));
      }
    }
    return new Page<>(items, more ? Optional.of(Cursor.encode(lastKeys)) : Optional.empty());
  }

  /** Binds the values to parameters 1, 2, ... in order. */
  static void bindLongs(PreparedStatement statement, long... values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      statement.setLong(i + 1, values[i]);
    }
  }
}
