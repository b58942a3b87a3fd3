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

  /** Runs a search by the member that holds its slot until {@code release} opens. */
  private static CompletableFuture<String> slowSearch(FairShare share, long member, CountDownLatch started,
      CountDownLatch release) {
    return CompletableFuture.supplyAsync(() -> share.run(member, () -> {
      started.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return "done";
    }));
  }

  @Test
  void aMembersSecondSearch_waitsForTheirFirst_whileAnotherMemberIsServed() throws Exception {
    FairShare share = new FairShare(2, Duration.ofMillis(300));
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<String> first = slowSearch(share, ANN, started, release);
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

    assertThat(share.run(BEN, () -> "ben's")).as("a free slot serves another member at once").isEqualTo("ben's");
    assertThatThrownBy(() -> share.run(ANN, () -> "ann's second"))
        .as("the same member's second search waits for their first, and only so long")
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.type()).isEqualTo("busy"));

    release.countDown();
    assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("done");
    assertThat(share.run(ANN, () -> "ann's third")).isEqualTo("ann's third");
  }

  @Test
  void aSearchWaitingForASlot_isToldToComeBack_afterTheMaximumWait() throws Exception {
    FairShare share = new FairShare(1, Duration.ofMillis(200));
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<String> holding = slowSearch(share, ANN, started, release);
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

    long begun = System.nanoTime();
    assertThatThrownBy(() -> share.run(BEN, () -> "never")).isInstanceOf(ProblemException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - begun)).isBetween(Duration.ofMillis(150), Duration.ofSeconds(3));

    release.countDown();
    assertThat(holding.get(5, TimeUnit.SECONDS)).isEqualTo("done");
    assertThat(share.run(BEN, () -> "now")).isEqualTo("now");
  }
}
