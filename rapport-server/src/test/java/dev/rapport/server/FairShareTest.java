package dev.rapport.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Searches of the network take members in turn, leave cores free, and wait a bounded time. */
class FairShareTest {
  private static final long ANN = 1;
  private static final long BEN = 2;

  /** A search by a member that holds its slot, started, until {@link #finish} lets it end. */
  private static final class SlowSearch {
    private final CountDownLatch release = new CountDownLatch(1);
    private final CompletableFuture<String> result;

    SlowSearch(FairShare share, long member) throws InterruptedException {
      CountDownLatch started = new CountDownLatch(1);
      result = CompletableFuture.supplyAsync(() -> share.run(member, () -> {
        started.countDown();
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return "done";
      }));
      assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    }

    String finish() throws Exception {
      release.countDown();
      return result.get(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void aMembersSecondSearch_waitsForTheirFirst_whileAnotherMemberIsServed() throws Exception {
    FairShare share = new FairShare(2, Duration.ofMillis(300));
    SlowSearch first = new SlowSearch(share, ANN);

    assertThat(share.run(BEN, () -> "ben's")).as("a free slot serves another member at once").isEqualTo("ben's");
    assertThatThrownBy(() -> share.run(ANN, () -> "ann's second"))
        .as("the same member's second search waits for their first, and only so long")
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.type()).isEqualTo("busy"));

    assertThat(first.finish()).isEqualTo("done");
    assertThat(share.run(ANN, () -> "ann's third")).isEqualTo("ann's third");
  }

  @Test
  void aSearchWaitingForASlot_isToldToComeBack_afterTheMaximumWait() throws Exception {
    FairShare share = new FairShare(1, Duration.ofMillis(200));
    SlowSearch holding = new SlowSearch(share, ANN);

    long begun = System.nanoTime();
    assertThatThrownBy(() -> share.run(BEN, () -> "never")).isInstanceOf(ProblemException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - begun)).isBetween(Duration.ofMillis(150), Duration.ofSeconds(3));

    assertThat(holding.finish()).isEqualTo("done");
    assertThat(share.run(BEN, () -> "now")).isEqualTo("now");
  }
}
