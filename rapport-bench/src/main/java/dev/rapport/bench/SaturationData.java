package dev.rapport.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prepares the closed-loop saturation run ({@code rapport-bench/saturation.sh}) on a service that
 * holds a SNAP graph imported with {@code rapport import --format snap}: issues bearer tokens for a
 * random sample of the graph's members over the admin API, and writes what {@code
 * rapport-bench/saturation.lua} needs into one Lua file: every member's handle, the tokens, whose
 * they are, and each token holder's connections (so that the write routes pick pairs that are
 * neither connected nor following, and every write changes something).
 *
 * <p>{@code java -cp rapport-bench/target/benchmarks.jar -Drapport.datasets=<folder>
 * dev.rapport.bench.SaturationData --url http://127.0.0.1:PORT --admin-token T --dataset
 * facebook_combined.txt --members 1200 --out data.lua}
 */
public final class SaturationData {
  private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

  private SaturationData() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    String url = options.getOrDefault("url", "http://127.0.0.1:18080");
    String admin = required(options, "admin-token");
    int members = Integer.parseInt(options.getOrDefault("members", "1200"));
    Path out = Path.of(required(options, "out"));

    int[][] adjacency = Datasets.snapAdjacency(required(options, "dataset"));
    // The import makes a member of every node that has a connection, and of no other.
    List<Integer> nodes = new ArrayList<>();
    for (int node = 0; node < adjacency.length; node++) {
      if (adjacency[node].length > 0) {
        nodes.add(node);
      }
    }
    if (members > nodes.size()) {
      throw new IllegalArgumentException("--members " + members + " is more than the graph's " + nodes.size());
    }
    int[] handleIndex = new int[adjacency.length];
    for (int i = 0; i < nodes.size(); i++) {
      handleIndex[nodes.get(i)] = i + 1; // Lua counts from 1
    }
    // A fixed seed: the same members hold tokens in every run, so runs compare like with like.
    List<Integer> shuffled = new ArrayList<>(nodes);
    SplittableRandom random = new SplittableRandom(14);
    for (int i = shuffled.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      shuffled.set(i, shuffled.set(j, shuffled.get(i)));
    }
    List<Integer> holders = shuffled.subList(0, members);

    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    StringBuilder lua = new StringBuilder(
        "-- Written by SaturationData for saturation.lua; indices count from 1 into handles.\nreturn {\n  handles = {\n");
    for (int node : nodes) {
      lua.append("    \"").append(handle(node)).append("\",\n");
    }
    lua.append("  },\n  tokens = {\n");
    for (int node : holders) {
      HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/v1/members/" + handle(node) + "/tokens"))
          .header("Authorization", "Bearer " + admin).POST(HttpRequest.BodyPublishers.noBody()).build();
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      Matcher token = TOKEN.matcher(response.body());
      if (response.statusCode() != 201 || !token.find()) {
        throw new IllegalStateException("a token for " + handle(node) + " (was the graph imported with "
            + "'rapport import --format snap'?): " + response.statusCode() + " " + response.body());
      }
      lua.append("    \"").append(token.group(1)).append("\",\n");
    }
    lua.append("  },\n  holders = {");
    for (int node : holders) {
      lua.append(handleIndex[node]).append(',');
    }
    // As text, one string per holder, parsed by the script: a table constructor of tens of
    // thousands of numbers would be slower to load in every wrk thread.
    lua.append("},\n  connected = {\n");
    for (int node : holders) {
      lua.append("    \"");
      for (int k = 0; k < adjacency[node].length; k++) {
        lua.append(k == 0 ? "" : " ").append(handleIndex[adjacency[node][k]]);
      }
      lua.append("\",\n");
    }
    Files.writeString(out, lua.append("  },\n}\n"));
    System.out.printf("%d members, %d with a token; wrote %s%n", nodes.size(), members, out);
  }

  /** The handle {@code rapport import --format snap} gives a node: u42, and u07 below ten. */
  private static String handle(int node) {
    return node < 10 ? "u0" + node : "u" + node;
  }

  private static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return value;
  }
}
