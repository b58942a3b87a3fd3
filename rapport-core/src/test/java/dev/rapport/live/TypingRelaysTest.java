package dev.rapport.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TypingRelaysTest {
  private final AtomicLong nanos = new AtomicLong(1_000);
  private final TypingRelays relays = new TypingRelays(Duration.ofSeconds(1), nanos::get);

  @Test
  void MS4_typing_is_relayed_at_most_once_a_second_per_member_and_conversation() {
    assertThat(relays.admit(1, 10)).isTrue();
    assertThat(relays.admit(1, 10)).as("again within the second").isFalse();
    assertThat(relays.admit(1, 11)).as("another conversation").isTrue();
    assertThat(relays.admit(2, 10)).as("the other member").isTrue();
    nanos.addAndGet(999_999_999);
    assertThat(relays.admit(1, 10)).as("a nanosecond short of the second").isFalse();
    nanos.incrementAndGet();
    assertThat(relays.admit(1, 10)).as("a second after the last relay").isTrue();
    assertThat(relays.admit(1, 10)).isFalse();
  }

  @Test
  void MS4_pairs_whose_second_passed_are_forgotten_so_that_memory_stays_bounded() {
    for (int i = 0; i < 5_000; i++) {
      relays.admit(i, 1);
    }
    nanos.addAndGet(Duration.ofSeconds(2).toNanos());
    relays.admit(-1, 1);
    assertThat(relays.remembered()).isEqualTo(1);
  }
}
