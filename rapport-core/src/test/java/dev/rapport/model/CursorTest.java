package dev.rapport.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.problem.InvalidInputException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CursorTest {
  @Test
  void aCursor_decodesToTheKeysItWasMadeFrom() {
    String cursor = Cursor.encode(1_767_000_000_000L, -42L);
    assertThat(cursor).matches("[A-Za-z0-9_-]+");
    assertThat(Cursor.decode(Optional.of(cursor), 2)).containsExactly(1_767_000_000_000L, -42L);
  }

  @Test
  void noCursor_startsAboveEveryKey() {
    assertThat(Cursor.decode(Optional.empty(), 2)).containsExactly(Long.MAX_VALUE, Long.MAX_VALUE);
  }

  @Test
  void aCursorOfAnotherShape_isInvalid() {
    for (String bad : new String[] {"%%%", Cursor.encode(1, 2, 3), Cursor.encode(1), "", "YTpi"}) {
      assertThatThrownBy(() -> Cursor.decode(Optional.of(bad), 2)).isInstanceOf(InvalidInputException.class)
          .satisfies(e -> assertThat(((InvalidInputException) e).type()).isEqualTo("invalid-cursor"));
    }
  }
}
