package dev.rapport.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A body over the limit gets one and the same problem, with the limit in it, however it is refused. */
class PayloadTooLargeIT {
  @TempDir
  Path dataDir;

  @Test
  void aTooLargeBody_isOne413ProblemWithTheLimit_whetherCountedOrRefusedByItsContentLength() {
    try (TestServer server = TestServer.start(dataDir)) {
      String token = server.member("ann");
      String padded = "{\"to\":\"bob\",\"note\":\"" + "x".repeat(70 * 1024) + "\"}";
      ApiClient.Answer counted = server.api.post("/v1/invitations", token, padded);
      RawHttp.Answer declared = RawHttp.send(server.server.port(), "POST /v1/invitations HTTP/1.1\nHost: localhost"
          + "\nAuthorization: Bearer " + token + "\nContent-Type: application/json\nContent-Length: 50000000"
          + "\nConnection: close", "{}".getBytes(StandardCharsets.UTF_8));

      assertThat(counted.status()).isEqualTo(413);
      assertThat(counted.contentType()).startsWith("application/problem+json");
      assertThat(counted.json().get("limit").asInt()).isEqualTo(64 * 1024);
      assertThat(counted.json().get("type").asText()).isEqualTo("/problems/payload-too-large");
      assertThat(declared.status()).isEqualTo(413);
      assertThat(declared.contentType()).startsWith("application/problem+json");
      assertThat(ApiClient.MAPPER.readTree(declared.body())).isEqualTo(counted.json());
      assertThat(server.api.get("/v1/me/invitations?box=sent", token).json().get("items")).isEmpty();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
