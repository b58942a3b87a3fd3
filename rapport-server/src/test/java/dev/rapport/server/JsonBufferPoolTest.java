package dev.rapport.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * The server's JSON buffers are borrowed per write from one bounded pool, so that thousands of
 * waiting virtual threads (live streams) hold none
 * (docs/decisions/0041-json-buffers-pooled-not-kept-per-thread.md).
 */
class JsonBufferPoolTest {
  @Test
  void writesFromManyVirtualThreadsThatThenWait_leaveAtMostThePoolsBuffers() throws Exception {
    int threads = 1_000;
    CountDownLatch written = new CountDownLatch(threads);
    CountDownLatch release = new CountDownLatch(1);
    List<Thread> started = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      int n = i;
      started.add(Thread.ofVirtual().start(() -> {
        assertThat(new String(Json.bytes(Json.object().put("n", n)))).isEqualTo("{\"n\":" + n + "}");
        written.countDown();
        try {
          release.await(); // waits as a live stream waits, after its first frame
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }));
    }
    written.await();
    // A pool kept per thread (Jackson's default) cannot count its buffers: it answers -1.
    assertThat(Json.bufferPool().pooledCount()).isBetween(1, 256);
    release.countDown();
    for (Thread thread : started) {
      thread.join();
    }
  }
}
