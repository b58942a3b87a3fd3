package dev.rapport.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A problem document's {@code type} resolves to a page that explains the rule it enforces. */
class ProblemPagesIT {
  @TempDir
  static Path dataDir;
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void L2_refusalType_resolvesToAPageNamingTheRule() {
    ApiClient.Answer page = server.api.get("/problems/weekly-invitation-limit", null);

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.body()).contains("<h1>Weekly invitation limit</h1>", "HTTP 429", "rule L2", "7 days");
  }

  @Test
  void everyTypeInTheTable_hasAPage_andTheIndexLinksThemAll() {
    String index = server.api.get("/problems", null).body();
    for (ProblemType type : ProblemType.values()) {
      assertThat(index).contains("href=\"" + type.uri() + "\"");
      assertThat(server.api.get(type.uri(), null).status()).as(type.uri()).isEqualTo(200);
    }
  }

  @Test
  void anUnknownType_isAProblemDocument_neverAPageEchoingThePath() {
    ApiClient.Answer answer = server.api.get("/problems/%3Cscript%3E", null);

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.contentType()).isEqualTo(Problems.CONTENT_TYPE);
    assertThat(answer.json().get("type").asText()).isEqualTo("/problems/not-found");
  }

  @Test
  void aProblemDocument_namesItsPage() {
    ApiClient.Answer refused = server.api.get("/v1/members/nobody-here", server.member(TestServer.unique("ann")));

    assertThat(refused.json().get("type").asText()).isEqualTo("/problems/member-not-found");
    assertThat(server.api.get("/problems/member-not-found", null).body()).contains("rule B2");
  }
}
