package dev.rapport.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The comparison of the route table with the document says which route is missing, and where. */
class RouteCoverageTest {

  @Test
  void documented_listsEveryMethodOfEveryPath() throws Exception {
    JsonNode document = ApiClient.MAPPER.readTree("""
        {"paths": {"/v1/me": {"get": {}, "patch": {}, "parameters": []}, "/health": {"get": {}}}}
        """);

    assertThat(RouteCoverage.documented(document)).containsExactly("GET /health", "GET /v1/me", "PATCH /v1/me");
  }

  @Test
  void aServedRouteTheDocumentLacks_isNamedWithWhereToDescribeIt() {
    Set<String> served = Set.of("GET /v1/me", "POST /v1/me/invitations/withdraw");
    Set<String> documented = Set.of("GET /v1/me");

    assertThat(RouteCoverage.differences(served, documented)).containsExactly(
        "POST /v1/me/invitations/withdraw is served but not in the document: describe it at "
            + "paths./v1/me/invitations/withdraw.post in " + RouteCoverage.DOCUMENT);
  }

  @Test
  void aDocumentedRouteTheServerLacks_isNamed() {
    assertThat(RouteCoverage.differences(Set.of("GET /v1/me"), Set.of("GET /v1/me", "GET /metrics")))
        .containsExactly("GET /metrics is in the document (paths./metrics.get) but the server has no such route");
  }

  @Test
  void theSameRoutes_differInNothing() {
    assertThat(RouteCoverage.differences(Set.of("GET /v1/me"), Set.of("GET /v1/me"))).isEmpty();
  }
}
