package dev.rapport.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * How long the disk under a directory takes to make an append durable ({@code fdatasync}, as a
 * commit does): every durable write figure depends on it, so the commit benchmark prints it beside
 * its own, measured in the same run, before and after it. An 8 KiB append is the smallest commit;
 * a batch of SQLite commits appends about 40 KiB of log per command, so 128 KiB stands for a batch
 * of three or four (docs/decisions/0013).
 */
public final class DiskSync {
  private static final int SMALL_BYTES = 8 * 1024;
  private static final int SMALL_TRIES = 300;
  private static final int BATCH_BYTES = 128 * 1024;
  private static final int BATCH_TRIES = 100;

  private DiskSync() {}

  /** The median and 90th percentile, in milliseconds, of synced appends of both sizes in {@code dir}. */
  public static String measure(Path dir) {
    return "fdatasync of an 8 KiB append: %s; of a 128 KiB append: %s".formatted(
        measure(dir, SMALL_BYTES, SMALL_TRIES), measure(dir, BATCH_BYTES, BATCH_TRIES));
  }

  private static String measure(Path dir, int bytes, int tries) {
    Path file = dir.resolve("disk-sync-probe");
    long[] nanos = new long[tries];
    ByteBuffer block = ByteBuffer.allocateDirect(bytes);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND)) {
      for (int i = 0; i < tries; i++) {
        block.clear();
        long started = System.nanoTime();
        while (block.hasRemaining()) {
          channel.write(block);
        }
        channel.force(false);
        nanos[i] = System.nanoTime() - started;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // The probe file is in the benchmark's own temporary directory, removed with it.
      }
    }
    Arrays.sort(nanos);
    return "median %.3f ms, p90 %.3f ms (%d tries)".formatted(nanos[tries / 2] / 1e6, nanos[tries * 9 / 10] / 1e6,
        tries);
  }
}
