package dev.rapport.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An open-loop load generator for {@code GET /v1/members/{h}} ({@code --route profile}) or
 * {@code POST /v1/me/degrees} with 1,000 handles ({@code --route degrees}): requests leave at a fixed rate
 * whatever the server does, and each latency is measured from the moment its request was due, so a
 * slow server cannot hide its queueing (no coordinated omission). Seeds its own members over the
 * admin API first.
 *
 * <p>Run against a running service (see {@code rapport-bench/http-load.sh}):
 * {@code java -cp rapport-bench/target/benchmarks.jar dev.rapport.bench.HttpLoad --url
 * http://127.0.0.1:18080 --admin-token T --rate 1000 --seconds 30 [--route degrees --members 2000]}
 */
public final class HttpLoad {
  private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

  private final HttpClient client = HttpClient.newBuilder()
      .executor(Executors.newVirtualThreadPerTaskExecutor())
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final String url;

  private HttpLoad(String url) {
    this.url = url;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    String url = options.getOrDefault("url", "http://127.0.0.1:18080");
    int rate = Integer.parseInt(options.getOrDefault("rate", "1000"));
    int seconds = Integer.parseInt(options.getOrDefault("seconds", "30"));
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "10"));
    int members = Integer.parseInt(options.getOrDefault("members", "500"));
    String route = options.getOrDefault("route", "profile");
    if (!route.equals("profile") && !route.equals("degrees")) {
      throw new IllegalArgumentException("--route is profile or degrees, not " + route);
    }
    HttpLoad load = new HttpLoad(url);
    List<String> tokens = load.seed(options.get("admin-token"), members);
    load.degreeBodies = route.equals("degrees") ? load.degreeBodies(64) : null;
    if (options.containsKey("wrk-script")) {
      // Closed-loop throughput with wrk instead: the seeded tokens and bodies go into its script.
      Files.writeString(Path.of(options.get("wrk-script")), load.wrkScript(tokens));
      System.out.printf("seeded %d members; wrote %s%n", members, options.get("wrk-script"));
      return;
    }
    System.out.printf("seeded %d members; warming up %d s at %d req/s%n", members, warmup, rate);
    load.run(tokens, rate, warmup, false);
    System.out.printf("measuring %d s at %d req/s%n", seconds, rate);
    load.run(tokens, rate, seconds, true);
  }

  private static Map<String, String> options(String[] args) {
    var map = new java.util.HashMap<String, String>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      map.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    return map;
  }

  /** Members bench-0..n-1, each connected to the next two, so profiles carry relationships. */
  private List<String> seed(String adminToken, int n) throws Exception {
    List<String> tokens = new ArrayList<>();
    String prefix = "load-" + Long.toString(System.nanoTime() % 1_000_000, 36);
    for (int i = 0; i < n; i++) {
      String body = "{\"handle\":\"%s-%d\",\"name\":\"Load Member %d\",\"headline\":\"Benchmarks things\"}"
          .formatted(prefix, i, i);
      tokens.add(extract(TOKEN, send("POST", "/v1/members", adminToken, body, 201)));
    }
    for (int i = 0; i < n; i++) {
      for (int step = 1; step <= 2; step++) {
        int j = (i + step) % n;
        String sent = send("POST", "/v1/invitations", tokens.get(i),
            "{\"to\":\"%s-%d\"}".formatted(prefix, j), -1);
        Matcher id = ID.matcher(sent);
        if (id.find() && !sent.contains("\"connected\"")) {
          send("POST", "/v1/invitations/" + id.group(1) + "/accept", tokens.get(j), "", -1);
        }
      }
    }
    handles = new String[n];
    for (int i = 0; i < n; i++) {
      handles[i] = prefix + "-" + i;
    }
    return tokens;
  }

  private String[] handles;
  /** Request bodies of {@code POST /v1/me/degrees}, built before the run so that it costs the generator nothing. */
  private String[] degreeBodies;

  /** A wrk script that sends the same requests as {@link #run}, round robin over viewers and bodies. */
  private String wrkScript(List<String> tokens) {
    StringBuilder lua = new StringBuilder("local tokens = {\n");
    tokens.forEach(t -> lua.append("  \"").append(t).append("\",\n"));
    lua.append("}\nlocal paths = {\n");
    for (String handle : handles) {
      lua.append("  \"/v1/members/").append(handle).append("\",\n");
    }
    lua.append("}\nlocal bodies = {\n");
    if (degreeBodies != null) {
      for (String body : degreeBodies) {
        lua.append("  [[").append(body).append("]],\n");
      }
    }
    return lua.append("""
        }
        local i = 0
        request = function()
          i = i + 1
          local headers = { ["Authorization"] = "Bearer " .. tokens[i % #tokens + 1] }
          if #bodies == 0 then
            return wrk.format("GET", paths[(i * 7919) % #paths + 1], headers)
          end
          headers["Content-Type"] = "application/json"
          return wrk.format("POST", "/v1/me/degrees", headers, bodies[i % #bodies + 1])
        end
        """).toString();
  }

  /** {@code count} bodies, each naming 1,000 seeded members drawn at random. */
  private String[] degreeBodies(int count) {
    SplittableRandom random = new SplittableRandom(7);
    String[] bodies = new String[count];
    for (int b = 0; b < count; b++) {
      StringBuilder body = new StringBuilder("{\"handles\":[");
      for (int i = 0; i < 1_000; i++) {
        body.append(i == 0 ? "\"" : ",\"").append(handles[random.nextInt(handles.length)]).append('"');
      }
      bodies[b] = body.append("]}").toString();
    }
    return bodies;
  }

  private String send(String method, String path, String token, String body, int expect) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url + path))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (expect > 0 && response.statusCode() != expect) {
      throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  private static String extract(Pattern pattern, String body) {
    Matcher m = pattern.matcher(body);
    if (!m.find()) {
      throw new IllegalStateException("no " + pattern + " in " + body);
    }
    return m.group(1);
  }

  private void run(List<String> tokens, int rate, int seconds, boolean report) throws Exception {
    int total = rate * seconds;
    long[] latencies = new long[total];
    AtomicInteger failures = new AtomicInteger();
    SplittableRandom random = new SplittableRandom(42);
    // Counts answers instead of keeping every future: kept futures hold their responses, and
    // the load generator's own GC pauses would be charged to the server as latency.
    CountDownLatch answered = new CountDownLatch(total);
    long intervalNanos = 1_000_000_000L / rate;
    long start = System.nanoTime();
    for (int i = 0; i < total; i++) {
      long due = start + i * intervalNanos;
      long wait;
      while ((wait = due - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      int viewer = random.nextInt(tokens.size());
      int target = random.nextInt(handles.length);
      HttpRequest request = degreeBodies == null
          ? HttpRequest.newBuilder(URI.create(url + "/v1/members/" + handles[target]))
              .header("Authorization", "Bearer " + tokens.get(viewer)).GET().build()
          : HttpRequest.newBuilder(URI.create(url + "/v1/me/degrees"))
              .header("Authorization", "Bearer " + tokens.get(viewer)).header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(degreeBodies[target % degreeBodies.length])).build();
      int slot = i;
      client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
        latencies[slot] = System.nanoTime() - due;
        if (e != null || r.statusCode() != 200) {
          failures.incrementAndGet();
        }
        answered.countDown();
      });
    }
    answered.await();
    double elapsed = (System.nanoTime() - start) / 1e9;
    if (report) {
      Arrays.sort(latencies);
      System.out.printf("requests %d in %.1f s (%.0f req/s), failures %d%n", total, elapsed, total / elapsed,
          failures.get());
      System.out.printf("latency ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
          ms(latencies, 0.50), ms(latencies, 0.90), ms(latencies, 0.99), ms(latencies, 0.999),
          latencies[latencies.length - 1] / 1e6);
    }
  }

  private static double ms(long[] sorted, double quantile) {
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1e6;
  }
}
