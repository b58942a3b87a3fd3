package dev.rapport.server.logging;

import java.util.Map;

/**
 * A log record's single parameter that carries named fields: the JSON format writes each as a
 * member of the line's object, the plain format writes its {@code toString()}. The fields are
 * asked for on the thread that writes the log, not the one that logged.
 */
public interface LogFields {
  /** The fields, in the order to write them; values are strings, numbers or booleans. */
  Map<String, Object> fields();
}
