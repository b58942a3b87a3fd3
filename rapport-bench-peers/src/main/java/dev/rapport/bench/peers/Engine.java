package dev.rapport.bench.peers;

import java.util.Arrays;

/** The engines compared, by the names the benchmarks' {@code engine} parameter takes. */
enum Engine {
  RAPPORT("rapport"),
  NEO4J("neo4j"),
  SQLITE("sqlite"),
  POSTGRES("postgres");

  private final String label;

  Engine(String label) {
    this.label = label;
  }

  static Engine named(String label) {
    return Arrays.stream(values()).filter(e -> e.label.equals(label)).findFirst().orElseThrow(
        () -> new IllegalArgumentException("no engine '" + label + "'; use rapport, neo4j, sqlite or postgres"));
  }

  /** The engine, loaded with the graph and warmed up. */
  NetworkQueries open(Graph graph) {
    return switch (this) {
      case RAPPORT -> IndexQueries.load(graph);
      case NEO4J -> {
        CypherQueries cypher = CypherQueries.open(graph);
        cypher.warm();
        yield cypher;
      }
      case SQLITE -> EdgeTables.sqlite(graph);
      case POSTGRES -> EdgeTables.postgres(graph);
    };
  }

  @Override
  public String toString() {
    return label;
  }
}
