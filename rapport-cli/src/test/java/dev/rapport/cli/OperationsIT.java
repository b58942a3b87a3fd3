package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service's log, as an operator reads it: {@code --log-format json} writes one JSON
 * object per line, with an access line per request, an audit line per administrator's action and
 * a line when the graph index's copy is saved at the stop; no line holds a token.
 */
class OperationsIT {
  private static final String ADMIN_TOKEN = "operations-admin-token-0123456789";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void jsonLog_hasAccessAuditAndIndexCopyLines_andNoToken(@TempDir Path tmp) throws Exception {
    Path data = tmp.resolve("data");
    String memberToken;
    ServiceProcess service = ServiceProcess.serve(data, ADMIN_TOKEN, "--log-format", "json").awaitHealthy();
    try {
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      String base = "http://localhost:" + service.port();
      HttpResponse<String> created = client.send(HttpRequest.newBuilder(URI.create(base + "/v1/members"))
          .header("Authorization", "Bearer " + ADMIN_TOKEN).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"handle\":\"ops-ada\",\"name\":\"Ada\"}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(created.statusCode()).isEqualTo(201);
      memberToken = MAPPER.readTree(created.body()).get("token").asText();
      HttpResponse<String> me = client.send(HttpRequest.newBuilder(URI.create(base + "/v1/me"))
          .header("Authorization", "Bearer " + memberToken).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(me.statusCode()).isEqualTo(200);
      service.awaitOutput(output -> output.contains("\"route\":\"/v1/me\""), Duration.ofSeconds(10));
    } finally {
      service.close(); // SIGTERM: the stop saves the graph index's copy and logs it
    }
    assertThat(service.process().isAlive()).isFalse();

    String output = service.output();
    List<JsonNode> lines = output.lines().filter(line -> line.startsWith("{")).map(OperationsIT::json).toList();
    assertThat(lines).anySatisfy(line -> {
      assertThat(line.get("logger").asText()).isEqualTo("dev.rapport.access");
      assertThat(line.get("route").asText()).isEqualTo("/v1/me");
      assertThat(line.get("status").asInt()).isEqualTo(200);
      assertThat(line.get("member").isNumber()).isTrue();
    });
    assertThat(lines).anySatisfy(line -> {
      assertThat(line.get("logger").asText()).isEqualTo("dev.rapport.audit");
      assertThat(line.get("action").asText()).isEqualTo("member-created");
      assertThat(line.get("handle").asText()).isEqualTo("ops-ada");
    });
    assertThat(lines).anySatisfy(line -> assertThat(line.get("message").asText()).startsWith("graph index copy saved"));
    assertThat(output).doesNotContain(memberToken, ADMIN_TOKEN);
  }

  private static JsonNode json(String line) {
    try {
      return MAPPER.readTree(line);
    } catch (IOException e) {
      throw new UncheckedIOException("not a JSON line: " + line, e);
    }
  }
}
