package dev.rapport.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PaddedListTest {
  private static List<Long> ids(int count) {
    return LongStream.rangeClosed(1, count).boxed().toList();
  }

  private static List<Integer> widths(int count) {
    return PaddedList.chunks(ids(count)).stream().map(List::size).toList();
  }

  @Test
  void chunks_arePaddedToTheNarrowestWidthThatHoldsThem() {
    assertThat(PaddedList.WIDTHS).containsExactly(8, 64, 512);
    assertThat(widths(0)).isEmpty();
    assertThat(widths(1)).containsExactly(8);
    assertThat(widths(8)).containsExactly(8);
    assertThat(widths(9)).containsExactly(64);
    assertThat(widths(64)).containsExactly(64);
    assertThat(widths(65)).containsExactly(512);
    assertThat(widths(512)).containsExactly(512);
    assertThat(widths(513)).containsExactly(512, 8);
    assertThat(widths(1100)).containsExactly(512, 512, 512);
  }

  @Test
  void chunks_holdEveryItemOnceInOrder_thenRepeatTheLast() {
    List<List<Long>> chunks = PaddedList.chunks(ids(520));
    assertThat(chunks.get(0)).isEqualTo(ids(512));
    assertThat(chunks.get(1)).containsExactly(513L, 514L, 515L, 516L, 517L, 518L, 519L, 520L);
    assertThat(PaddedList.chunks(ids(3)).getFirst()).containsExactly(1L, 2L, 3L, 3L, 3L, 3L, 3L, 3L);
  }

  @Test
  void theText_ofEachWidth_isTheListSpelledOut() {
    PaddedList in = PaddedList.of("SELECT x FROM t WHERE t.id IN (%s)");
    for (int width : PaddedList.WIDTHS) {
      List<Long> chunk = PaddedList.chunks(ids(width)).getFirst();
      assertThat(in.sql(chunk)).isEqualTo("SELECT x FROM t WHERE t.id IN (?" + ", ?".repeat(width - 1) + ")");
    }
    PaddedList pairs = new PaddedList("VALUES %s", "(CAST(? AS BIGINT), ?)", "(?, ?)");
    assertThat(pairs.sql(PaddedList.chunks(ids(2)).getFirst()))
        .isEqualTo("VALUES (CAST(? AS BIGINT), ?)" + ", (?, ?)".repeat(7));
  }

  @Test
  void bind_setsEveryParameterOfTheChunk_paddingIncluded() throws SQLException {
    Map<Integer, Object> bound = new TreeMap<>();
    PreparedStatement statement = recording(bound);
    PaddedList pairs = new PaddedList("VALUES %s", "(?, ?)", "(?, ?)");
    List<Long> chunk = PaddedList.chunks(ids(3)).getFirst();
    pairs.bind(statement, chunk, (s, i, id) -> {
      s.setLong(i, id);
      s.setLong(i + 1, -id);
    });
    List<Object> expected = new ArrayList<>();
    for (long id : new long[] {1, 2, 3, 3, 3, 3, 3, 3}) {
      expected.add(id);
      expected.add(-id);
    }
    assertThat(bound.keySet()).containsExactlyElementsOf(LongStream.rangeClosed(1, 16).mapToObj(i -> (int) i).toList());
    assertThat(bound.values()).containsExactlyElementsOf(expected);
  }

  @Test
  void refusesItemsOfDifferentParameterCounts() {
    assertThatThrownBy(() -> new PaddedList("VALUES %s", "(?)", "(?, ?)")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PaddedList("WHERE a = ? AND b IN (%s)", "?", "?"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** A statement that records the values set on it by parameter index. */
  private static PreparedStatement recording(Map<Integer, Object> bound) {
    return (PreparedStatement) Proxy.newProxyInstance(PaddedListTest.class.getClassLoader(),
        new Class<?>[] {PreparedStatement.class}, (_, method, args) -> {
          if (!method.getName().startsWith("set")) {
            throw new AssertionError("binding a padded list calls only setters, not " + method.getName());
          }
          bound.put((Integer) args[0], args[1]);
          return null;
        });
  }
}
