package dev.rapport.server;

import dev.rapport.Rapport;
import dev.rapport.network.IndexStatistics;
import dev.rapport.store.sql.CommitObserver;
import io.helidon.http.Method;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The server's Prometheus metrics, through the Prometheus Java client (docs/decisions/0020): HTTP
 * requests by route template, method and status with their latency, open connections, the store's
 * durable commits and flushes, the graph index, the JVM and the process. One registry per server,
 * so that servers in one JVM (tests) count apart. Thread safe.
 */
final class ServerMetrics {
  /** From 100 µs to 10 s: the fastest routes answer in tens of microseconds, searches in seconds. */
  private static final double[] LATENCY_SECONDS = {
      0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
  /** SQLite's writer commits at most 256 requests at once. */
  private static final double[] BATCH_REQUESTS = {1, 2, 4, 8, 16, 32, 64, 128, 256};
  private static final String UNMATCHED = "unmatched";

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Histogram requests;
  private final Gauge openConnections;
  private final Counter commits;
  private final Histogram batchRequests;
  private final Histogram commitSeconds;
  private final Histogram flushSeconds;

  ServerMetrics(String version) {
    JvmMetrics.builder().register(registry);
    requests = Histogram.builder()
        .name("http_server_request_duration_seconds")
        .help("HTTP requests by method, route template and status, and how long each took to answer")
        .labelNames("method", "route", "status")
        .classicOnly()
        .classicUpperBounds(LATENCY_SECONDS)
        .register(registry);
    openConnections = Gauge.builder()
        .name("http_server_open_connections")
        .help("HTTP connections open now")
        .register(registry);
    commits = Counter.builder()
        .name("rapport_store_commits")
        .help("Commits of the store that reached the disk (a batch of requests on SQLite, one on PostgreSQL)")
        .labelNames("store")
        .register(registry);
    batchRequests = Histogram.builder()
        .name("rapport_store_commit_batch_requests")
        .help("Commits and commands per durable commit of the store")
        .labelNames("store")
        .classicOnly()
        .classicUpperBounds(BATCH_REQUESTS)
        .register(registry);
    commitSeconds = Histogram.builder()
        .name("rapport_store_commit_duration_seconds")
        .help("From the start of a commit until it was durable")
        .labelNames("store")
        .classicOnly()
        .classicUpperBounds(LATENCY_SECONDS)
        .register(registry);
    flushSeconds = Histogram.builder()
        .name("rapport_store_flush_duration_seconds")
        .help("Flushes of SQLite's write-ahead log to the disk (fdatasync)")
        .labelNames("store")
        .classicOnly()
        .classicUpperBounds(LATENCY_SECONDS)
        .register(registry);
    GaugeWithCallback.builder()
        .name("rapport_build_info")
        .help("The version of Rapport this server runs, as a label; always 1")
        .labelNames("version")
        .callback(callback -> callback.call(1, version))
        .register(registry);
  }

  /** The meters of one route template and method, made once when the routes are registered. */
  RouteMeters route(Method method, String template) {
    return new RouteMeters(requests, method.text(), template);
  }

  /** The meters of requests no route took (404 and 405), by method. */
  RouteMeters unmatched(String method) {
    return new RouteMeters(requests, method, UNMATCHED);
  }

  /** Counts the store's durable commits and flushes under {@code store="<name>"}. */
  CommitObserver store(String name) {
    CounterDataPoint commitCount = commits.labelValues(name);
    DistributionDataPoint batch = batchRequests.labelValues(name);
    DistributionDataPoint commitDuration = commitSeconds.labelValues(name);
    DistributionDataPoint flushDuration = flushSeconds.labelValues(name);
    return new CommitObserver() {
      @Override
      public void committed(int requestCount, long nanos) {
        commitCount.inc();
        batch.observe(requestCount);
        commitDuration.observe(nanos / 1e9);
      }

      @Override
      public void flushed(long nanos) {
        flushDuration.observe(nanos / 1e9);
      }
    };
  }

  /** Reports the graph index's figures at each scrape, once the engine has loaded it. */
  void index(Supplier<Optional<Rapport>> engine) {
    Supplier<Optional<IndexStatistics>> index = () -> engine.get().flatMap(Rapport::indexStatistics);
    GaugeWithCallback.builder()
        .name("rapport_index_loaded")
        .help("1 once the graph index is loaded, 0 while it loads")
        .callback(callback -> callback.call(index.get().isPresent() ? 1 : 0))
        .register(registry);
    indexGauge("rapport_index_members", "Members the graph index knows", index, IndexStatistics::members);
    indexGauge("rapport_index_connections", "Connections the graph index holds", index, IndexStatistics::connections);
    indexGauge("rapport_index_overlay_members", "Members whose connections sit in the graph index's overlay of recent "
        + "changes, awaiting a compaction", index, IndexStatistics::overlaidMembers);
    indexGauge("rapport_index_events_behind", "Events of the store's log the graph index has not applied yet",
        index, IndexStatistics::eventsBehind);
    indexGauge("rapport_index_footprint_bytes", "Bytes of the arrays the graph index keeps", index,
        IndexStatistics::footprintBytes);
    CounterWithCallback.builder()
        .name("rapport_index_compactions")
        .help("Compactions of the graph index's overlay into its rows since it loaded")
        .callback(callback -> index.get().ifPresent(i -> callback.call(i.compactions())))
        .register(registry);
  }

  private void indexGauge(String name, String help, Supplier<Optional<IndexStatistics>> index,
      java.util.function.ToDoubleFunction<IndexStatistics> figure) {
    GaugeWithCallback.builder()
        .name(name)
        .help(help)
        .callback(callback -> index.get().ifPresent(i -> callback.call(figure.applyAsDouble(i))))
        .register(registry);
  }

  void connectionOpened() {
    openConnections.inc();
  }

  void connectionClosed() {
    openConnections.dec();
  }

  /** Every metric now, in the Prometheus text format. */
  byte[] scrape() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(16_384);
    try {
      PrometheusTextFormatWriter.create().write(out, registry.scrape());
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory does not fail", e);
    }
    return out.toByteArray();
  }

  /** The content type of {@link #scrape}. */
  static String contentType() {
    return PrometheusTextFormatWriter.CONTENT_TYPE;
  }
}
