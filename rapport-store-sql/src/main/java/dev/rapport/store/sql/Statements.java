package dev.rapport.store.sql;

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

  /** Binds the values to parameters 1, 2, ... in order. */
  static void bindLongs(PreparedStatement statement, long... values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      statement.setLong(i + 1, values[i]);
    }
  }
}
