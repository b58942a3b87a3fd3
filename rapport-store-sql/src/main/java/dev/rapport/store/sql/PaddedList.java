package dev.rapport.store.sql;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A list of parameters in a statement ({@code IN (?, ?, ...)} or {@code VALUES (?, ?), ...}) read a
 * chunk at a time, each chunk padded with its last item to one of a few widths, so that a handful of
 * prepared statements serve every length. Thread safe.
 */
final class PaddedList {
  /** The widths a chunk is padded to, narrowest first; the last is the most a statement takes. */
  static final int[] WIDTHS = {8, 64, 512};

  /** Binds one item of a chunk, whose parameters start at {@code index}. */
  @FunctionalInterface
  interface Binder<T> {
    void bind(PreparedStatement statement, int index, T item) throws SQLException;
  }

  private final String[] texts;
  private final int parametersEach;

  /**
   * @param sql the statement, with {@code %s} where the list goes
   * @param first the list's first item
   * @param next each further item, with as many parameters as {@code first}
   */
  PaddedList(String sql, String first, String next) {
    this.parametersEach = parameters(next);
    if (parameters(first) != parametersEach || parameters(sql) != 0) {
      throw new IllegalArgumentException("each item takes the same parameters, and only items take any");
    }
    texts = new String[WIDTHS.length];
    for (int w = 0; w < WIDTHS.length; w++) {
      texts[w] = sql.formatted(first + (", " + next).repeat(WIDTHS[w] - 1));
    }
  }

  /** A list of single parameters: {@code sql} has {@code IN (%s)}. */
  static PaddedList of(String sql) {
    return new PaddedList(sql, "?", "?");
  }

  private static int parameters(String sql) {
    return (int) sql.chars().filter(c -> c == '?').count();
  }

  /**
   * The items in chunks of at most the widest width, each padded with its last item to the narrowest
   * width that holds it. Empty for no items.
   */
  static <T> List<List<T>> chunks(List<T> items) {
    int widest = WIDTHS[WIDTHS.length - 1];
    List<List<T>> chunks = new ArrayList<>();
    for (int from = 0; from < items.size(); from += widest) {
      List<T> chunk = items.subList(from, Math.min(items.size(), from + widest));
      chunks.add(new Padded<>(chunk, WIDTHS[widthFor(chunk.size())]));
    }
    return chunks;
  }

  /** The index of the narrowest width that holds {@code size} items. */
  private static int widthFor(int size) {
    int w = 0;
    while (size > WIDTHS[w]) {
      w++;
    }
    return w;
  }

  /** The statement for a chunk from {@link #chunks}. */
  String sql(List<?> chunk) {
    return texts[widthFor(chunk.size())];
  }

  /** Binds every item of a chunk from {@link #chunks}, padding included, from parameter 1 on. */
  <T> void bind(PreparedStatement statement, List<T> chunk, Binder<T> binder) throws SQLException {
    for (int i = 0; i < chunk.size(); i++) {
      binder.bind(statement, i * parametersEach + 1, chunk.get(i));
    }
  }

  /** A view of the items followed by copies of the last one, {@code width} in all. */
  private static final class Padded<T> extends AbstractList<T> implements RandomAccess {
    private final List<T> items;
    private final int width;

    Padded(List<T> items, int width) {
      this.items = items;
      this.width = width;
    }

    @Override
    public T get(int index) {
      if (index < 0 || index >= width) {
        throw new IndexOutOfBoundsException(index);
      }
      return items.get(Math.min(index, items.size() - 1));
    }

    @Override
    public int size() {
      return width;
    }
  }
}
