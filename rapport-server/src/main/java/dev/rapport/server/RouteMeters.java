package dev.rapport.server;

import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Histogram;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The request histogram's series of one route template and method, one per status, looked up by
 * an array index: the label values are resolved once per status, not on every request.
 */
final class RouteMeters {
  private static final int STATUSES = 600;

  private final Histogram histogram;
  private final String method;
  private final String template;
  private final AtomicReferenceArray<DistributionDataPoint> byStatus = new AtomicReferenceArray<>(STATUSES);

  RouteMeters(Histogram histogram, String method, String template) {
    this.histogram = histogram;
    this.method = method;
    this.template = template;
  }

  String method() {
    return method;
  }

  /** The route's path pattern, such as {@code /v1/members/{h}}, or {@code unmatched}. */
  String template() {
    return template;
  }

  /** Counts one request that was answered with {@code status} after {@code nanos}. */
  void observe(int status, long nanos) {
    int index = status >= 0 && status < STATUSES ? status : 0;
    DistributionDataPoint series = byStatus.get(index);
    if (series == null) {
      // Two threads may both get here; the histogram gives both the same series.
      series = histogram.labelValues(method, template, Integer.toString(status));
      byStatus.set(index, series);
    }
    series.observe(nanos / 1e9);
  }
}
