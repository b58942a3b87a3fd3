package dev.rapport.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fields of one JSON object of a request body, read with their expected types. Every failure
 * names the field by its path ({@code settings.whoCanFollow}): {@code missing-field},
 * {@code invalid-field} or {@code unknown-field}, all 400. {@code null} counts as absent.
 */
final class Fields {
  private final ObjectNode node;
  private final String prefix;

  private Fields(ObjectNode node, String prefix) {
    this.node = node;
    this.prefix = prefix;
  }

  /**
   * The object's fields, once checked that it has no field outside {@code allowed}.
   *
   * @param prefix the path of the object itself, empty for the body
   * @throws ProblemException {@code unknown-field}
   */
  static Fields of(ObjectNode node, String prefix, Set<String> allowed) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        String path = abbreviate(prefix + name);
        throw ProblemException.field("unknown-field", path, allowed.isEmpty()
            ? "unknown field '%s': this request takes no fields".formatted(path)
            : "unknown field '%s' (known: %s)".formatted(path, String.join(", ", allowed.stream().sorted().toList())));
      }
    }
    return new Fields(node, prefix);
  }

  /** An object without fields, for requests that take none. */
  static Fields none() {
    return new Fields(Json.object(), "");
  }

  /** @throws ProblemException {@code missing-field} if absent, {@code invalid-field} if not a string */
  String requiredString(String name) {
    return string(name).orElseThrow(() -> ProblemException.field("missing-field", path(name),
        "field '%s' is required".formatted(path(name))));
  }

  /** @throws ProblemException {@code invalid-field} if present and not a string */
  Optional<String> string(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw invalid(name, "a string", value);
    }
    return Optional.of(wellFormed(name, value.textValue()));
  }

  /** @throws ProblemException {@code invalid-field} if present and not a whole number from {@code min} to {@code max} */
  Optional<Integer> integer(String name, int min, int max) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.canConvertToInt() || !value.isIntegralNumber() || value.intValue() < min || value.intValue() > max) {
      throw invalid(name, "a whole number from %d to %d".formatted(min, max), value);
    }
    return Optional.of(value.intValue());
  }

  /**
   * An array of strings.
   *
   * @throws ProblemException {@code missing-field} if absent, {@code invalid-field} if not an array
   *     of strings (naming the first element that is not)
   */
  List<String> requiredStrings(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      throw ProblemException.field("missing-field", path(name), "field '%s' is required".formatted(path(name)));
    }
    if (!value.isArray()) {
      throw invalid(name, "an array of strings", value);
    }
    List<String> strings = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      JsonNode element = value.get(i);
      if (!element.isTextual()) {
        throw invalid(name + "[" + i + "]", "a string", element);
      }
      strings.add(wellFormed(name + "[" + i + "]", element.textValue()));
    }
    return strings;
  }

  /** @throws ProblemException {@code invalid-field} if present and not true or false */
  Optional<Boolean> bool(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isBoolean()) {
      throw invalid(name, "true or false", value);
    }
    return Optional.of(value.booleanValue());
  }

  /** One of the given wire names. @throws ProblemException {@code invalid-field} otherwise */
  <E> Optional<E> choice(String name, Map<String, E> choices) {
    Optional<String> value = string(name);
    if (value.isPresent() && !choices.containsKey(value.get())) {
      throw ProblemException.field("invalid-field", path(name), "field '%s' must be one of %s, not '%s'"
          .formatted(path(name), String.join(", ", choices.keySet()), abbreviate(value.get())));
    }
    return value.map(choices::get);
  }

  /** A nested object. @throws ProblemException {@code invalid-field} or {@code unknown-field} */
  Optional<Fields> object(String name, Set<String> allowed) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!(value instanceof ObjectNode object)) {
      throw invalid(name, "an object", value);
    }
    return Optional.of(of(object, path(name) + ".", allowed));
  }

  /**
   * JSON may escape half of a surrogate pair on its own, which no UTF-8 store can keep.
   *
   * @throws ProblemException {@code invalid-field} if the string is not valid Unicode
   */
  private String wellFormed(String name, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw ProblemException.field("invalid-field", path(name), ("field '%s' is not valid Unicode: it has an "
            + "unpaired surrogate (\\u%04x) at character %d").formatted(path(name), (int) c, i + 1));
      }
    }
    return value;
  }

  private String path(String name) {
    return prefix + name;
  }

  private ProblemException invalid(String name, String expected, JsonNode value) {
    return ProblemException.field("invalid-field", path(name), "field '%s' must be %s, not %s"
        .formatted(path(name), expected, value.getNodeType().name().toLowerCase(Locale.ROOT)));
  }

  private static String abbreviate(String value) {
    return value.length() <= 60 ? value : value.substring(0, 60) + "...";
  }
}
