package dev.rapport.store.sql;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A log handle for a {@link WalSyncer} whose flushes wait until the test lets them finish, so that
 * a test can hold a flush in flight: every flush takes one permit, and the handle counts flushes
 * begun. It flushes nothing; the tests that use it are about order, not about the disk.
 */
final class GatedLog extends FileChannel {
  private final Semaphore permits = new Semaphore(0);
  private final AtomicInteger begun = new AtomicInteger();

  /** Lets {@code flushes} more flushes finish. */
  void release(int flushes) {
    permits.release(flushes);
  }

  /** Lets every flush finish from now on. */
  void open() {
    permits.release(Integer.MAX_VALUE / 2);
  }

  int flushesBegun() {
    return begun.get();
  }

  /** Waits until at least {@code flushes} flushes have begun. */
  void awaitFlushesBegun(int flushes) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (begun.get() < flushes) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("only " + begun.get() + " flushes began, expected " + flushes);
      }
      Thread.sleep(1);
    }
  }

  @Override
  public void force(boolean metaData) throws IOException {
    begun.incrementAndGet();
    permits.acquireUninterruptibly();
  }

  @Override
  protected void implCloseChannel() {}

  @Override
  public int read(ByteBuffer dst) {
    throw new UnsupportedOperationException();
  }

  @Override
  public long read(ByteBuffer[] dsts, int offset, int length) {
    throw new UnsupportedOperationException();
  }

  @Override
  public int write(ByteBuffer src) {
    throw new UnsupportedOperationException();
  }

  @Override
  public long write(ByteBuffer[] srcs, int offset, int length) {
    throw new UnsupportedOperationException();
  }

  @Override
  public long position() {
    throw new UnsupportedOperationException();
  }

  @Override
  public FileChannel position(long newPosition) {
    throw new UnsupportedOperationException();
  }

  @Override
  public long size() {
    throw new UnsupportedOperationException();
  }

  @Override
  public FileChannel truncate(long size) {
    throw new UnsupportedOperationException();
  }

  @Override
  public long transferTo(long position, long count, WritableByteChannel target) {
    throw new UnsupportedOperationException();
  }

  @Override
  public long transferFrom(ReadableByteChannel src, long position, long count) {
    throw new UnsupportedOperationException();
  }

  @Override
  public int read(ByteBuffer dst, long position) {
    throw new UnsupportedOperationException();
  }

  @Override
  public int write(ByteBuffer src, long position) {
    throw new UnsupportedOperationException();
  }

  @Override
  public MappedByteBuffer map(MapMode mode, long position, long size) {
    throw new UnsupportedOperationException();
  }

  @Override
  public FileLock lock(long position, long size, boolean shared) {
    throw new UnsupportedOperationException();
  }

  @Override
  public FileLock tryLock(long position, long size, boolean shared) {
    throw new UnsupportedOperationException();
  }
}
