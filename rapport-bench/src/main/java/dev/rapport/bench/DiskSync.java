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
 * How long the disk under a directory takes to make an 8 KiB append durable ({@code fdatasync}, as
 * a commit does): every durable write figure depends on it, so the commit benchmark prints it
 * beside its own, measured in the same run.
 */
final class DiskSync {
  private static final int TRIES = 300;
  private static final int APPEND_BYTES = 8 * 1024;

  private DiskSync() {}

  /** The median and 90th percentile, in milliseconds, of {@value #TRIES} synced appends in {@code dir}. */
  static String measure(Path dir) {
    Path file = dir.resolve("disk-sync-probe");
    long[] nanos = new long[TRIES];
    ByteBuffer block = ByteBuffer.allocateDirect(APPEND_BYTES);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND)) {
      for (int i = 0; i < TRIES; i++) {
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
    return "fdatasync of an 8 KiB append: median %.3f ms, p90 %.3f ms (%d tries)".formatted(
        nanos[TRIES / 2] / 1e6, nanos[TRIES * 9 / 10] / 1e6, TRIES);
  }
}
