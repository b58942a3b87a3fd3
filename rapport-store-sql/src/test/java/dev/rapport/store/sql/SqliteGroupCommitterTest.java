package dev.rapport.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.kernel.Commit;
import dev.rapport.kernel.Event;
import dev.rapport.kernel.EventType;
import dev.rapport.store.CommitOutcome;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer commits a batch as soon as a flusher can take it, and keeps applying what arrives in
 * the open transaction while both are busy; nobody hears back before their batch is flushed.
 */
class SqliteGroupCommitterTest {
  @TempDir
  Path dir;

  @Test
  void whileBothFlushersAreBusy_whatArrives_waitsInTheOpenTransaction_andIsCommittedAsOneBatch() throws Exception {
    Path file = dir.resolve("rapport.db");
    Connection writer = SqliteStore.connectWriter(file);
    Migrations.apply(writer, Migrations.load(Dialect.SQLITE.migrations()));
    GatedLog first = new GatedLog();
    GatedLog second = new GatedLog();
    SqliteGroupCommitter committer = SqliteGroupCommitter.start(new Session(writer),
        WalSyncer.start(List.of(first, second)));
    try (Connection reader = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      // The first batch is committed at once and its flush held: SQLite shows it, nobody is told.
      CompletableFuture<CommitOutcome> one = CompletableFuture.supplyAsync(() -> committer.commit(event(1)));
      awaitEvents(reader, 1);
      // Until its flusher has begun, a second commit could join the same flush.
      awaitFlushesBegun(first, second, 1);
      // The second is committed at once too: the other flusher is free.
      CompletableFuture<CommitOutcome> two = CompletableFuture.supplyAsync(() -> committer.commit(event(2)));
      awaitEvents(reader, 2);
      awaitFlushesBegun(first, second, 2);

      // Both flushers busy: the next two are applied but not committed, so nobody sees them yet.
      CompletableFuture<CommitOutcome> three = CompletableFuture.supplyAsync(() -> committer.commit(event(3)));
      CompletableFuture<CommitOutcome> four = CompletableFuture.supplyAsync(() -> committer.commit(event(4)));
      Thread.sleep(200);
      assertThat(events(reader)).isEqualTo(2);
      assertThat(List.of(one, two, three, four)).noneMatch(CompletableFuture::isDone);

      first.open();
      second.open();
      for (CompletableFuture<CommitOutcome> answer : List.of(one, two, three, four)) {
        assertThat(answer.get(10, TimeUnit.SECONDS)).isInstanceOf(CommitOutcome.Applied.class);
      }
      assertThat(events(reader)).isEqualTo(4);
      // Three flushes for four commits: the two that waited went in one batch.
      assertThat(first.flushesBegun() + second.flushesBegun()).isEqualTo(3);
    } finally {
      first.open();
      second.open();
      committer.close();
    }
  }

  private static Commit event(long actor) {
    return new Commit(Map.of(), List.of(),
        List.of(new Event(0, EventType.FOLLOWED, Instant.ofEpochMilli(1_000), actor, actor + 100, 0)));
  }

  private static void awaitFlushesBegun(GatedLog first, GatedLog second, int flushes) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (first.flushesBegun() + second.flushesBegun() < flushes) {
      assertThat(System.nanoTime()).as("flushes begun").isLessThan(deadline);
      Thread.sleep(1);
    }
  }

  private static void awaitEvents(Connection reader, long count) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (events(reader) < count) {
      assertThat(System.nanoTime()).as("events committed").isLessThan(deadline);
      Thread.sleep(1);
    }
  }

  private static long events(Connection reader) throws SQLException {
    try (Statement statement = reader.createStatement();
        ResultSet count = statement.executeQuery("SELECT count(*) FROM events")) {
      count.next();
      return count.getLong(1);
    }
  }
}
