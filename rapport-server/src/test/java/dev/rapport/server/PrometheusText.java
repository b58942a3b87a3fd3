package dev.rapport.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A strict parser of the Prometheus text exposition format 0.0.4, for tests: no maintained Java
 * library parses it (the Prometheus Java client only writes it). It refuses what a Prometheus
 * server would refuse or misread: a malformed line, name, label or value, a sample before its
 * family's {@code # TYPE}, a family given twice or split, a repeated series, a counter whose name
 * does not end with {@code _total} (the text format names counters with it), a histogram whose buckets are not cumulative or lack {@code +Inf}.
 */
final class PrometheusText {
  private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");

  /** One sample line: its name (with any suffix), labels in order, and value. */
  record Sample(String name, Map<String, String> labels, double value) {}

  /** One metric family: its name, type, help and samples. */
  record Family(String name, String type, String help, List<Sample> samples) {}

  private PrometheusText() {}

  /**
   * The families of an exposition, by name.
   *
   * @throws IllegalArgumentException naming the line, if the text is not valid
   */
  static Map<String, Family> parse(String text) {
    if (!text.isEmpty() && !text.endsWith("\n")) {
      throw new IllegalArgumentException("the exposition does not end with a line feed");
    }
    Map<String, Family> families = new LinkedHashMap<>();
    Map<String, String> helps = new LinkedHashMap<>();
    Set<String> series = new java.util.HashSet<>();
    Family current = null;
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length - 1; i++) {
      String line = lines[i];
      int number = i + 1;
      if (line.startsWith("# HELP ")) {
        String[] parts = line.substring(7).split(" ", 2);
        requireName(parts[0], number);
        if (helps.put(parts[0], parts.length > 1 ? parts[1] : "") != null) {
          throw fail(number, "a second HELP for " + parts[0]);
        }
      } else if (line.startsWith("# TYPE ")) {
        String[] parts = line.substring(7).split(" ");
        if (parts.length != 2 || !TYPES.contains(parts[1])) {
          throw fail(number, "a TYPE line needs a name and one of " + TYPES);
        }
        requireName(parts[0], number);
        if (parts[1].equals("counter") && !parts[0].endsWith("_total")) {
          throw fail(number, "a counter's name must end with _total: " + parts[0]);
        }
        if (families.containsKey(parts[0])) {
          throw fail(number, "family " + parts[0] + " given twice");
        }
        current = new Family(parts[0], parts[1], helps.getOrDefault(parts[0], ""), new ArrayList<>());
        families.put(parts[0], current);
      } else if (line.startsWith("#") || line.isBlank()) {
        continue;
      } else {
        Sample sample = sample(line, number);
        if (current == null || !belongs(sample.name(), current)) {
          throw fail(number, "sample " + sample.name() + " is not of the family its TYPE line opened");
        }
        if (!series.add(sample.name() + sample.labels())) {
          throw fail(number, "series given twice: " + sample.name() + sample.labels());
        }
        current.samples().add(sample);
      }
    }
    families.values().forEach(PrometheusText::checkHistogram);
    return families;
  }

  private static boolean belongs(String sampleName, Family family) {
    return switch (family.type()) {
      case "counter" -> sampleName.equals(family.name());
      case "histogram" -> Set.of("_bucket", "_sum", "_count", "_created").stream()
          .anyMatch(suffix -> sampleName.equals(family.name() + suffix));
      case "summary" -> sampleName.equals(family.name()) || sampleName.equals(family.name() + "_sum")
          || sampleName.equals(family.name() + "_count") || sampleName.equals(family.name() + "_created");
      default -> sampleName.equals(family.name());
    };
  }

  /** Buckets cumulative and ending at +Inf with the count, for each series of a histogram. */
  private static void checkHistogram(Family family) {
    if (!family.type().equals("histogram")) {
      return;
    }
    Map<Map<String, String>, List<Sample>> buckets = new LinkedHashMap<>();
    Map<Map<String, String>, Double> counts = new LinkedHashMap<>();
    for (Sample sample : family.samples()) {
      if (sample.name().endsWith("_bucket")) {
        Map<String, String> labels = new LinkedHashMap<>(sample.labels());
        if (labels.remove("le") == null) {
          throw new IllegalArgumentException(family.name() + ": a bucket without le");
        }
        buckets.computeIfAbsent(labels, k -> new ArrayList<>()).add(sample);
      } else if (sample.name().endsWith("_count")) {
        counts.put(sample.labels(), sample.value());
      }
    }
    buckets.forEach((labels, series) -> {
      double last = -1;
      double lastBound = Double.NEGATIVE_INFINITY;
      for (Sample bucket : series) {
        double bound = number(bucket.labels().get("le"), -1);
        if (bound <= lastBound || bucket.value() < last) {
          throw new IllegalArgumentException(family.name() + labels + ": buckets not in order or not cumulative");
        }
        last = bucket.value();
        lastBound = bound;
      }
      if (lastBound != Double.POSITIVE_INFINITY || !Double.valueOf(last).equals(counts.get(labels))) {
        throw new IllegalArgumentException(family.name() + labels + ": no +Inf bucket equal to the count");
      }
    });
  }

  private static Sample sample(String line, int number) {
    int brace = line.indexOf('{');
    int space = line.indexOf(' ');
    String name;
    Map<String, String> labels = new LinkedHashMap<>();
    int rest;
    if (brace >= 0 && (space < 0 || brace < space)) {
      name = line.substring(0, brace);
      rest = labels(line, brace + 1, labels, number);
    } else {
      if (space < 0) {
        throw fail(number, "a sample without a value");
      }
      name = line.substring(0, space);
      rest = space;
    }
    requireName(name, number);
    if (rest >= line.length() || line.charAt(rest) != ' ') {
      throw fail(number, "a space must separate the series from its value");
    }
    String[] values = line.substring(rest + 1).split(" ");
    if (values.length > 2) {
      throw fail(number, "more than a value and a timestamp");
    }
    if (values.length == 2) {
      number(values[1], number);
    }
    return new Sample(name, labels, number(values[0], number));
  }

  /** Reads {@code name="value",...}} from {@code start}; returns the index after the closing brace. */
  private static int labels(String line, int start, Map<String, String> labels, int number) {
    int i = start;
    while (true) {
      if (i < line.length() && line.charAt(i) == '}') {
        return i + 1;
      }
      int equals = line.indexOf('=', i);
      if (equals < 0) {
        throw fail(number, "a label without a value");
      }
      String label = line.substring(i, equals);
      if (!LABEL_NAME.matcher(label).matches() || label.startsWith("__")) {
        throw fail(number, "a bad label name: " + label);
      }
      if (equals + 1 >= line.length() || line.charAt(equals + 1) != '"') {
        throw fail(number, "a label value must be quoted");
      }
      StringBuilder value = new StringBuilder();
      int j = equals + 2;
      for (; j < line.length() && line.charAt(j) != '"'; j++) {
        char c = line.charAt(j);
        if (c == '\\') {
          char escaped = j + 1 < line.length() ? line.charAt(++j) : ' ';
          switch (escaped) {
            case '\\' -> value.append('\\');
            case '"' -> value.append('"');
            case 'n' -> value.append('\n');
            default -> throw fail(number, "a bad escape in a label value");
          }
        } else {
          value.append(c);
        }
      }
      if (j >= line.length()) {
        throw fail(number, "an unterminated label value");
      }
      if (labels.put(label, value.toString()) != null) {
        throw fail(number, "label " + label + " given twice");
      }
      i = j + 1;
      if (i < line.length() && line.charAt(i) == ',') {
        i++;
      } else if (i >= line.length() || line.charAt(i) != '}') {
        throw fail(number, "labels must be separated by commas and closed by a brace");
      }
    }
  }

  private static double number(String value, int number) {
    return switch (value) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> {
        if (!value.matches("[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?")) {
          throw fail(number, "not a number: '" + value + "'");
        }
        yield Double.parseDouble(value);
      }
    };
  }

  private static void requireName(String name, int number) {
    if (!METRIC_NAME.matcher(name).matches()) {
      throw fail(number, "a bad metric name: '" + name + "'");
    }
  }

  private static IllegalArgumentException fail(int number, String what) {
    return new IllegalArgumentException("line %d: %s".formatted(number, what));
  }

  /** The value of the one sample with this name and these labels (all of them), if there is one. */
  static Optional<Double> value(Map<String, Family> families, String sampleName, Map<String, String> labels) {
    return families.values().stream().flatMap(f -> f.samples().stream())
        .filter(s -> s.name().equals(sampleName) && s.labels().equals(labels))
        .map(Sample::value)
        .findFirst();
  }
}
