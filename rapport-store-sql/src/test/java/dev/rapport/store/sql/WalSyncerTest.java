package dev.rapport.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.store.StoreUnavailableException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
    try (WalSyncer syncer = WalSyncer.start(log())) {
      long batch = syncer.beginCommit();
      CompletableFuture<Void> read = CompletableFuture.runAsync(syncer::awaitDurable);
      // Nobody has handed the batch over yet, so it cannot be durable: the read must still wait.
      assertThat(read).failsWithin(200, TimeUnit.MILLISECONDS);

      CompletableFuture<StoreUnavailableException> answer = new CompletableFuture<>();
      syncer.committed(batch, true, answer::complete);
      assertThat(answer.get(10, TimeUnit.SECONDS)).isNull();
      read.get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aRead_withNoBatchInFlight_doesNotWait() {
    try (WalSyncer syncer = WalSyncer.start(log())) {
      CompletableFuture<StoreUnavailableException> answer = new CompletableFuture<>();
      syncer.committed(syncer.beginCommit(), false, answer::complete);
      assertThat(answer.join()).isNull();
      assertThat(CompletableFuture.runAsync(syncer::awaitDurable)).succeedsWithin(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aFailedFlush_failsTheBatch_andEveryLaterReadAndWrite() throws Exception {
    FileChannel closed = log();
    closed.close(); // flushing a closed channel fails like a disk that refuses the flush
    try (WalSyncer syncer = WalSyncer.start(closed)) {
      CompletableFuture<StoreUnavailableException> answer = new CompletableFuture<>();
      syncer.committed(syncer.beginCommit(), true, answer::complete);

      assertThat(answer.get(10, TimeUnit.SECONDS)).isInstanceOf(StoreUnavailableException.class)
          .hasMessageContaining("reopen the store");
      assertThatThrownBy(syncer::awaitDurable).isInstanceOf(StoreUnavailableException.class);
      assertThatThrownBy(syncer::beginCommit).isInstanceOf(StoreUnavailableException.class);
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
