package dev.rapport.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The OpenAPI document as the server serves it: the same document as YAML and JSON, every route of
 * the server in it and no other, every problem type in it with an example, and the reference page
 * with its files.
 */
class OpenApiContractIT {
  @TempDir
  static Path dataDir;

  private static TestServer server;
  private static JsonNode document;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir);
    ApiClient.Answer json = server.api.get("/openapi.json", null);
    assertThat(json.status()).isEqualTo(200);
    document = json.json();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void everyRouteTheServerAnswers_isInTheDocument_andNoOther() {
    Set<String> served = server.server.routes().stream().map(Route::toString)
        .collect(Collectors.toCollection(TreeSet::new));
    // The scrape is served beside the API's route table: its answer is Prometheus text, not JSON.
    served.add("GET " + MetricsEndpoint.PATH);
    // The web app's page and files are for a browser, HTML and scripts beside the JSON API: not in its contract.
    WebRoutes.PAGES.forEach(page -> served.remove("GET " + page));
    served.remove("GET /app/{file}");

    assertThat(RouteCoverage.differences(served, RouteCoverage.documented(document)))
        .as("the server's routes and the OpenAPI document's operations").isEmpty();
    assertThat(served).hasSizeGreaterThan(35);
  }

  @Test
  void json_isTheYamlDocument_readAsWritten() throws IOException {
    ApiClient.Answer yaml = server.api.get("/openapi.yaml", null);

    assertThat(yaml.status()).isEqualTo(200);
    assertThat(yaml.contentType()).startsWith("application/yaml");
    try (InputStream in = RapportServer.class.getResourceAsStream(ContractRoutes.DOCUMENT)) {
      assertThat(yaml.body().getBytes(StandardCharsets.UTF_8)).isEqualTo(in.readAllBytes());
    }
    Object written = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml.body());
    assertThat(document).isEqualTo(ApiClient.MAPPER.valueToTree(written));
    assertThat(document.path("openapi").asText()).isEqualTo("3.1.0");
  }

  @Test
  void everyProblemType_isInTheDocument_withAnExampleOfItsStatus() {
    Set<String> types = new TreeSet<>();
    document.at("/components/schemas/Problem/properties/type/enum").forEach(t -> types.add(t.asText()));
    assertThat(types).isEqualTo(Arrays.stream(ProblemType.values()).map(ProblemType::uri)
        .collect(Collectors.toCollection(TreeSet::new)));

    SoftAssertions softly = new SoftAssertions();
    for (ProblemType type : ProblemType.values()) {
      JsonNode example = exampleOf(type.slug());
      softly.assertThat(example.isMissingNode()).as("an example of %s under components.responses", type.slug())
          .isFalse();
      softly.assertThat(example.path("type").asText()).as(type.slug()).isEqualTo(type.uri());
      softly.assertThat(example.path("status").asInt()).as(type.slug()).isEqualTo(type.status());
      softly.assertThat(example.path("title").asText()).as(type.slug()).isEqualTo(Problems.title(type.slug()));
    }
    softly.assertAll();
  }

  @Test
  void docs_isAPageWithItsFiles_fromThisServer() {
    ApiClient.Answer page = server.api.get("/docs", null);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.body()).contains("/docs/swagger-ui-bundle.js", "/docs/docs.js", "/docs/swagger-ui.css")
        .doesNotContain("http://", "https://");

    ApiClient.Answer bundle = server.api.get("/docs/swagger-ui-bundle.js", null);
    assertThat(bundle.status()).isEqualTo(200);
    assertThat(bundle.contentType()).startsWith("text/javascript");
    assertThat(bundle.body()).contains("SwaggerUIBundle");
    assertThat(server.api.get("/docs/swagger-ui.css", null).contentType()).startsWith("text/css");
    assertThat(server.api.get("/docs/docs.js", null).body()).contains("/openapi.json");

    ApiClient.Answer missing = server.api.responsesOnly().get("/docs/index.html", null);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().path("type").asText()).isEqualTo("/problems/not-found");
  }

  /** The example named after the slug in any problem response of the document's components. */
  private static JsonNode exampleOf(String slug) {
    for (JsonNode response : document.at("/components/responses")) {
      JsonNode example = response.path("content").path("application/problem+json").path("examples").path(slug);
      if (!example.isMissingNode()) {
        return example.path("value");
      }
    }
    return MissingNode.getInstance();
  }
}
