package dev.rapport.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.store.StoreUnavailableException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing acknowledged and nothing read before the log is flushed; nothing trusted after a failed flush. */
class WalSyncerTest {
  @TempDir
  Path dir;

  @Test
  void aRead_waitsUntilTheBatchBegunBeforeItIsDurable() throws Exception {
    try (WalSyncer syncer = WalSyncer.start(List.of(log()))) {
      long batch = syncer.beginCommit();
      CompletableFuture<Void> read = CompletableFuture.runAsync(syncer::awaitDurable);
      // Nobody has handed the batch over yet, so it cannot be durable: the read must still wait.
      assertThat(read).failsWithin(200, TimeUnit.MILLISECONDS);

      CompletableFuture<StoreUnavailableException> answer = new CompletableFuture<>();
      syncer.committed(batch, true, () -> { }, answer::complete);
      assertThat(answer.get(10, TimeUnit.SECONDS)).isNull();
      read.get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aRead_withNoBatchInFlight_doesNotWait() {
    try (WalSyncer syncer = WalSyncer.start(List.of(log()))) {
      CompletableFuture<StoreUnavailableException> answer = new CompletableFuture<>();
      syncer.committed(syncer.beginCommit(), false, () -> { }, answer::complete);
      assertThat(answer.join()).isNull();
      assertThat(CompletableFuture.runAsync(syncer::awaitDurable)).succeedsWithin(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aFailedFlush_failsTheBatch_andEveryLaterReadAndWrite() throws Exception {
    FileChannel closed = log();
    closed.close(); // flushing a closed channel fails like a disk that refuses the flush
    try (WalSyncer syncer = WalSyncer.start(List.of(closed))) {
      CompletableFuture<StoreUnavailableException> answer = new CompletableFuture<>();
      syncer.committed(syncer.beginCommit(), true, () -> { }, answer::complete);

      assertThat(answer.get(10, TimeUnit.SECONDS)).isInstanceOf(StoreUnavailableException.class)
          .hasMessageContaining("reopen the store");
      assertThatThrownBy(syncer::awaitDurable).isInstanceOf(StoreUnavailableException.class);
      assertThatThrownBy(syncer::beginCommit).isInstanceOf(StoreUnavailableException.class);
    }
  }

  @Test
  void aFlushThatEndsFirst_makesEveryEarlierBatchDurable_whileTheOtherFlusherStillWaits() throws Exception {
    GatedLog first = new GatedLog();
    GatedLog second = new GatedLog();
    try (WalSyncer syncer = WalSyncer.start(List.of(first, second))) {
      CompletableFuture<StoreUnavailableException> one = new CompletableFuture<>();
      syncer.committed(syncer.beginCommit(), true, () -> { }, one::complete);
      awaitBegun(first, second, 1);
      GatedLog flushingOne = first.flushesBegun() == 1 ? first : second;
      GatedLog flushingTwo = flushingOne == first ? second : first;
      CompletableFuture<StoreUnavailableException> two = new CompletableFuture<>();
      syncer.committed(syncer.beginCommit(), true, () -> { }, two::complete);
      flushingTwo.awaitFlushesBegun(1);

      // Each flusher holds one batch; only the later batch's flush ends.
      flushingTwo.release(1);
      assertThat(two.get(10, TimeUnit.SECONDS)).isNull();
      // The later flush covered the earlier batch too: readers need not wait for the first flusher.
      assertThat(CompletableFuture.runAsync(syncer::awaitDurable)).succeedsWithin(10, TimeUnit.SECONDS);
      assertThat(one).isNotDone();
      flushingOne.open();
      flushingTwo.open();
      assertThat(one.get(10, TimeUnit.SECONDS)).isNull();
    }
  }

  @Test
  void aBatchThatWroteNothing_isFlushedAnyway_whileAnEarlierOneIsStillBeingFlushed() throws Exception {
    GatedLog first = new GatedLog();
    GatedLog second = new GatedLog();
    try (WalSyncer syncer = WalSyncer.start(List.of(first, second))) {
      syncer.committed(syncer.beginCommit(), true, () -> { }, _ -> { });
      awaitBegun(first, second, 1);
      CompletableFuture<StoreUnavailableException> empty = new CompletableFuture<>();
      syncer.committed(syncer.beginCommit(), false, () -> { }, empty::complete);

      // Its answer must not overtake the earlier batch's flush: it waits on a flush of its own.
      awaitBegun(first, second, 2);
      assertThat(empty).isNotDone();
      first.open();
      second.open();
      assertThat(empty.get(10, TimeUnit.SECONDS)).isNull();
    }
  }

  @Test
  void theWriterHearsThatABatchIsFlushed_beforeItsCallersAreAnswered() throws Exception {
    try (WalSyncer syncer = WalSyncer.start(List.of(log()))) {
      CompletableFuture<Void> flushed = new CompletableFuture<>();
      CompletableFuture<Boolean> flushedBeforeAnswer = new CompletableFuture<>();
      syncer.committed(syncer.beginCommit(), true, () -> flushed.complete(null),
          _ -> flushedBeforeAnswer.complete(flushed.isDone()));
      assertThat(flushedBeforeAnswer.get(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  private static void awaitBegun(GatedLog first, GatedLog second, int flushes) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (first.flushesBegun() + second.flushesBegun() < flushes) {
      assertThat(System.nanoTime()).as("flushes begun").isLessThan(deadline);
      Thread.sleep(1);
    }
  }

  private FileChannel log() {
    try {
      Path file = Files.createFile(dir.resolve("rapport.db-wal"));
      return FileChannel.open(file, StandardOpenOption.READ);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
