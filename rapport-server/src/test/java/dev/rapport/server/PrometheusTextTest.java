package dev.rapport.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The test parser refuses what is not the text format, so that the metrics tests can fail. */
class PrometheusTextTest {
  private static final String VALID = """
      # HELP requests_total Requests.
      # TYPE requests_total counter
      requests_total{method="GET",route="/v1/members/{h}"} 3.0
      # TYPE latency_seconds histogram
      latency_seconds_bucket{le="0.1"} 1
      latency_seconds_bucket{le="+Inf"} 2
      latency_seconds_count 2
      latency_seconds_sum 0.3
      # TYPE up gauge
      up{note="a \\"quoted\\" \\\\ value"} 1 1700000000000
      """;

  @Test
  void aValidExposition_isReadWithItsLabelsAndValues() {
    Map<String, PrometheusText.Family> families = PrometheusText.parse(VALID);
    assertThat(families).containsOnlyKeys("requests_total", "latency_seconds", "up");
    assertThat(PrometheusText.value(families, "requests_total", Map.of("method", "GET", "route", "/v1/members/{h}")))
        .contains(3.0);
    assertThat(families.get("up").samples().getFirst().labels()).containsEntry("note", "a \"quoted\" \\ value");
  }

  @Test
  void malformedExpositions_areRefused() {
    assertThatThrownBy(() -> PrometheusText.parse("requests_total 1\n")).hasMessageContaining("TYPE");
    assertThatThrownBy(() -> PrometheusText.parse("# TYPE requests counter\nrequests 1\n")).hasMessageContaining("_total");
    assertThatThrownBy(() -> PrometheusText.parse("# TYPE up gauge\ndown 1\n")).hasMessageContaining("family");
    assertThatThrownBy(() -> PrometheusText.parse("# TYPE up gauge\nup{a=\"1\"} one\n")).hasMessageContaining("number");
    assertThatThrownBy(() -> PrometheusText.parse("# TYPE up gauge\nup{a=1} 1\n")).hasMessageContaining("quoted");
    assertThatThrownBy(() -> PrometheusText.parse("# TYPE up gauge\nup{a=\"1\"} 1\nup{a=\"1\"} 2\n"))
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> PrometheusText.parse("# TYPE up gauge\nup 1")).hasMessageContaining("line feed");
    assertThatThrownBy(() -> PrometheusText.parse("# TYPE 1up gauge\n")).hasMessageContaining("name");
    assertThatThrownBy(() -> PrometheusText.parse("""
        # TYPE l histogram
        l_bucket{le="0.1"} 2
        l_bucket{le="+Inf"} 1
        l_count 1
        """)).hasMessageContaining("cumulative");
    assertThatThrownBy(() -> PrometheusText.parse("""
        # TYPE l histogram
        l_bucket{le="0.1"} 1
        l_count 1
        """)).hasMessageContaining("+Inf");
  }
}
