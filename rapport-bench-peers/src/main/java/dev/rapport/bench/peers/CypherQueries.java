package dev.rapport.bench.peers;

import dev.rapport.network.NetworkSize;
import dev.rapport.network.Suggestion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;

/**
 * Neo4j 5 embedded, asked in Cypher: members are {@code (:Member {id})} nodes with a uniqueness
 * constraint (and so an index) on {@code id}, each connection one {@code KNOWS} relationship
 * matched in both directions. One query per question, run in its own transaction as an
 * application would; the plans are cached by Neo4j after the first run.
 */
final class CypherQueries implements NetworkQueries {
  private static final Label MEMBER = Label.label("Member");
  private static final RelationshipType KNOWS = RelationshipType.withName("KNOWS");
  private static final int PER_TRANSACTION = 10_000;

  /**
   * The viewer's connections and the members two steps away are collected once as lists of nodes;
   * each target is then looked up in them (Cypher's IN on a list), and a target in neither is
   * 3rd-degree if one of its connections is two steps from the viewer. Of the forms tried, the
   * fastest: about twice as fast as the same with member ids, and fifty times as fast as asking
   * an EXISTS pattern of one, two and three steps per target.
   */
  static final String DEGREES = """
      MATCH (v:Member {id: $viewer})
      CALL (v) { MATCH (v)-[:KNOWS]-(f) RETURN collect(f) AS first }
      CALL (v) { MATCH (v)-[:KNOWS]-()-[:KNOWS]-(s) RETURN collect(DISTINCT s) AS reach }
      UNWIND range(0, size($targets) - 1) AS i
      WITH v, i, first, reach
      MATCH (t:Member {id: $targets[i]})
      RETURN i, CASE
        WHEN t = v THEN 0
        WHEN t IN first THEN 1
        WHEN t IN reach THEN 2
        WHEN any(x IN [(t)-[:KNOWS]-(x) | x] WHERE x IN reach) THEN 3
        ELSE 0 END AS degree
      """;

  static final String MUTUAL_COUNT = """
      MATCH (a:Member {id: $a})-[:KNOWS]-(m)-[:KNOWS]-(b:Member {id: $b})
      RETURN count(m) AS mutual
      """;

  /** Friends of friends who are not friends, grouped; faster than grouping first and filtering after. */
  static final String SUGGESTIONS = """
      MATCH (v:Member {id: $viewer})-[:KNOWS]-()-[:KNOWS]-(c)
      WHERE c <> v AND NOT EXISTS { (v)-[:KNOWS]-(c) }
      RETURN c.id AS member, count(*) AS mutual
      ORDER BY mutual DESC, member ASC
      LIMIT $limit
      """;

  /** Distinct members within one, two and three steps: Neo4j prunes such expansions breadth first. */
  static final String NETWORK_SIZE = """
      MATCH (v:Member {id: $viewer})
      CALL (v) { MATCH (v)-[:KNOWS]-(m) RETURN count(DISTINCT m) AS within1 }
      CALL (v) { MATCH (v)-[:KNOWS*1..2]-(m) WHERE m <> v RETURN count(DISTINCT m) AS within2 }
      CALL (v) { MATCH (v)-[:KNOWS*1..3]-(m) WHERE m <> v RETURN count(DISTINCT m) AS within3 }
      RETURN within1, within2 - within1 AS second, within3 - within2 AS third
      """;

  private final DatabaseManagementService service;
  private final GraphDatabaseService db;

  private CypherQueries(DatabaseManagementService service) {
    this.service = service;
    this.db = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
  }

  /** Opens the graph's database, loading it first unless an earlier fork did. */
  static CypherQueries open(Graph graph) {
    Path folder = LoadedStores.folder("neo4j", graph, dir -> {
      CypherQueries loading = new CypherQueries(start(dir));
      try {
        loading.load(graph);
      } finally {
        loading.close();
      }
    });
    return new CypherQueries(start(folder));
  }

  private static DatabaseManagementService start(Path folder) {
    return new DatabaseManagementServiceBuilder(folder)
        .setConfig(GraphDatabaseSettings.pagecache_memory, 2L << 30)
        // Only the latest transaction log: the load writes gigabytes of them otherwise.
        .setConfig(GraphDatabaseSettings.keep_logical_logs, "false")
        .build();
  }

  private void load(Graph graph) {
    int members = graph.members();
    String[] nodes = new String[members];
    for (int start = 0; start < members; start += PER_TRANSACTION) {
      try (Transaction tx = db.beginTx()) {
        for (int m = start; m < Math.min(members, start + PER_TRANSACTION); m++) {
          Node node = tx.createNode(MEMBER);
          node.setProperty("id", (long) m);
          nodes[m] = node.getElementId();
        }
        tx.commit();
      }
    }
    db.executeTransactionally("CREATE CONSTRAINT member_id IF NOT EXISTS FOR (m:Member) REQUIRE m.id IS UNIQUE");
    try (Transaction tx = db.beginTx()) {
      tx.schema().awaitIndexesOnline(10, TimeUnit.MINUTES);
    }
    int[] from = graph.from();
    int[] to = graph.to();
    for (int start = 0; start < from.length; start += PER_TRANSACTION) {
      try (Transaction tx = db.beginTx()) {
        for (int i = start; i < Math.min(from.length, start + PER_TRANSACTION); i++) {
          tx.getNodeByElementId(nodes[from[i]]).createRelationshipTo(tx.getNodeByElementId(nodes[to[i]]), KNOWS);
        }
        tx.commit();
      }
    }
  }

  /**
   * Reads every member, connection and id once, so that the measured queries find them in the page
   * cache (2 GiB, more than the largest graph's store needs).
   */
  void warm() {
    db.executeTransactionally("MATCH (a:Member)-[:KNOWS]->(b) RETURN sum(a.id + b.id) AS ids");
  }

  @Override
  public int[] degrees(long viewer, long[] targets) {
    int[] degrees = new int[targets.length];
    db.executeTransactionally(DEGREES, Map.of("viewer", viewer, "targets", targets), result -> {
      while (result.hasNext()) {
        Map<String, Object> row = result.next();
        degrees[((Number) row.get("i")).intValue()] = ((Number) row.get("degree")).intValue();
      }
      return null;
    });
    return degrees;
  }

  @Override
  public int mutualCount(long a, long b) {
    return db.executeTransactionally(MUTUAL_COUNT, Map.of("a", a, "b", b),
        result -> ((Number) result.next().get("mutual")).intValue());
  }

  @Override
  public List<Suggestion> suggestions(long viewer, int limit) {
    return db.executeTransactionally(SUGGESTIONS, Map.of("viewer", viewer, "limit", limit), result -> {
      List<Suggestion> ranked = new ArrayList<>(limit);
      while (result.hasNext()) {
        Map<String, Object> row = result.next();
        ranked.add(new Suggestion(((Number) row.get("member")).longValue(),
            ((Number) row.get("mutual")).intValue()));
      }
      return ranked;
    });
  }

  @Override
  public NetworkSize networkSize(long viewer) {
    return db.executeTransactionally(NETWORK_SIZE, Map.of("viewer", viewer), result -> {
      Map<String, Object> row = result.next();
      return new NetworkSize(((Number) row.get("within1")).intValue(),
          ((Number) row.get("second")).intValue(), ((Number) row.get("third")).intValue());
    });
  }

  @Override
  public void close() {
    service.shutdown();
  }
}
