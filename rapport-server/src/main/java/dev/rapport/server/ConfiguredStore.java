package dev.rapport.server;

import dev.rapport.store.Store;
import dev.rapport.store.sql.CommitObserver;
import dev.rapport.store.sql.PostgresStore;
import dev.rapport.store.sql.SqliteStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The store a {@link ServerConfig} names, opened the same way for every command that works on the
 * data: the server, and the command line's import.
 */
public final class ConfiguredStore {
  private ConfiguredStore() {}

  /**
   * Opens the configured store: {@code <dataDir>/rapport.db} for SQLite (creating the directory),
   * the database at {@code postgresUrl} for PostgreSQL. The caller closes it.
   *
   * @throws UncheckedIOException if the data directory cannot be created
   * @throws RuntimeException if the store cannot be opened, for example because another process
   *     has the SQLite database open
   */
  public static Store open(ServerConfig config) {
    return open(config, CommitObserver.none());
  }

  /** As {@link #open(ServerConfig)}, telling the observer of every durable commit and flush. */
  static Store open(ServerConfig config, CommitObserver observer) {
    return switch (config.store()) {
      case SQLITE -> {
        prepareDataDirectory(config.dataDir());
        yield SqliteStore.open(config.dataDir().resolve("rapport.db"), observer);
      }
      case POSTGRES -> PostgresStore.open(config.postgresUrl().orElseThrow(), observer);
    };
  }

  /**
   * Creates the data directory if needed and checks this process may write there, so that the
   * failure is one line naming the directory rather than the store's own error.
   *
   * @throws UncheckedIOException saying "permission denied" and the path when that is the reason
   */
  static void prepareDataDirectory(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException(FileProblems.describe("create the data directory", dataDir, e), e);
    }
    if (!Files.isWritable(dataDir)) {
      throw new UncheckedIOException(FileProblems.describe("write to the data directory", dataDir,
          new AccessDeniedException(dataDir.toString())), new AccessDeniedException(dataDir.toString()));
    }
  }
}
