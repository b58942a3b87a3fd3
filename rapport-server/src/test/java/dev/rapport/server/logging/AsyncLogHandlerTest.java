package dev.rapport.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** The asynchronous handler writes every record queued before a flush, drops and says so when full. */
class AsyncLogHandlerTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** A log parameter with named fields. */
  private record Entry(String route, int status) implements LogFields {
    @Override
    public Map<String, Object> fields() {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("route", route);
      fields.put("status", status);
      return fields;
    }

    @Override
    public String toString() {
      return route + " " + status;
    }
  }

  private static LogRecord record(int i) {
    LogRecord record = new LogRecord(Level.INFO, "{0}");
    record.setLoggerName("dev.rapport.access");
    record.setParameters(new Object[] {new Entry("/v1/members/{h}", 200 + i % 3)});
    return record;
  }

  @Test
  void flush_writesEveryRecordQueuedBeforeIt_asOneJsonObjectPerLine() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AsyncLogHandler handler = new AsyncLogHandler(out, Logs.formatter(LogFormat.JSON));
    for (int i = 0; i < 1_000; i++) {
      handler.publish(record(i));
    }
    handler.flush();

    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(1_000);
    JsonNode first = MAPPER.readTree(lines.getFirst());
    assertThat(first.get("level").asText()).isEqualTo("INFO");
    assertThat(first.get("logger").asText()).isEqualTo("dev.rapport.access");
    assertThat(first.get("message").asText()).isEqualTo("/v1/members/{h} 200");
    assertThat(first.get("route").asText()).isEqualTo("/v1/members/{h}");
    assertThat(first.get("status").asInt()).isEqualTo(200);
    assertThat(first.get("time").asText()).endsWith("Z");
    handler.close();
  }

  @Test
  void plainLines_sayTimeLevelLoggerAndMessage() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AsyncLogHandler handler = new AsyncLogHandler(out, Logs.formatter(LogFormat.PLAIN));
    handler.publish(record(1));
    handler.flush();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d INFO dev\\.rapport\\.access: /v1/members/\\{h} 201\\R");
    handler.close();
  }

  @Test
  void aFullQueue_dropsRecordsRatherThanWaiting_andSaysHowMany() throws InterruptedException {
    CountDownLatch writing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    OutputStream stuck = new OutputStream() {
      @Override
      public void write(int b) {
        written.write(b);
      }

      @Override
      public void write(byte[] bytes, int off, int len) {
        writing.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        written.write(bytes, off, len);
      }
    };
    AsyncLogHandler handler = new AsyncLogHandler(stuck, Logs.formatter(LogFormat.PLAIN));
    handler.publish(record(0));
    writing.await(); // the writer holds the first record; the queue is empty and stays unread
    for (int i = 0; i < AsyncLogHandler.CAPACITY + 10; i++) {
      handler.publish(record(i));
    }
    assertThat(handler.dropped()).isEqualTo(10);
    release.countDown();
    handler.flush();
    assertThat(written.toString(StandardCharsets.UTF_8)).contains("10 log records were dropped");
    handler.close();
  }
}
