package dev.rapport.server.logging;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One JSON object per line: {@code time} (ISO-8601, UTC), {@code level}, {@code logger},
 * {@code message}, the fields of a {@link LogFields} parameter, and {@code error} with the stack
 * trace of a failure. Like {@link PlainLogFormatter}, it never asks a record for its source.
 */
final class JsonLogFormatter extends Formatter {
  private static final JsonFactory JSON = new JsonFactory();

  @Override
  public String format(LogRecord record) {
    StringWriter line = new StringWriter(192);
    try (JsonGenerator json = JSON.createGenerator(line)) {
      json.writeStartObject();
      json.writeStringField("time", record.getInstant().toString());
      json.writeStringField("level", record.getLevel().getName());
      json.writeStringField("logger", record.getLoggerName());
      json.writeStringField("message", formatMessage(record));
      Object[] parameters = record.getParameters();
      if (parameters != null && parameters.length == 1 && parameters[0] instanceof LogFields fields) {
        for (Map.Entry<String, Object> field : fields.fields().entrySet()) {
          writeField(json, field.getKey(), field.getValue());
        }
      }
      if (record.getThrown() != null) {
        StringWriter trace = new StringWriter();
        record.getThrown().printStackTrace(new PrintWriter(trace));
        json.writeStringField("error", trace.toString().stripTrailing());
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("a StringWriter does not fail", e);
    }
    return line.append('\n').toString();
  }

  private static void writeField(JsonGenerator json, String name, Object value) throws IOException {
    switch (value) {
      case Integer number -> json.writeNumberField(name, number);
      case Long number -> json.writeNumberField(name, number);
      case Double number -> json.writeNumberField(name, number);
      case Boolean bool -> json.writeBooleanField(name, bool);
      case null -> json.writeNullField(name);
      default -> json.writeStringField(name, value.toString());
    }
  }
}
