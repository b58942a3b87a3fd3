package dev.rapport.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web app as the server serves it: its page at each of its addresses, its files with their
 * types, the security and caching headers on all of them, and the API's own addresses untouched.
 * Plain HTTP rather than {@link ApiClient}: pages and scripts are not part of the JSON contract.
 */
class WebAppServingIT {
  @TempDir
  static Path dataDir;

  private static TestServer server;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.server.port() + path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void everyAddressOfTheApp_answersItsPage_withStrictHeaders() throws Exception {
    for (String path : List.of("/", "/feed", "/feed?order=top", "/in/ada", "/mynetwork", "/mynetwork/followers",
        "/notifications", "/limits", "/settings", "/account", "/search?q=ad", "/signin", "/signup", "/company/acme",
        "/companies", "/messaging", "/messaging/12345", "/messaging?to=ada", "/outreach")) {
      HttpResponse<String> page = get(path);
      assertThat(page.statusCode()).as(path).isEqualTo(200);
      assertThat(page.headers().firstValue("Content-Type")).as(path).contains("text/html; charset=utf-8");
      assertThat(page.body()).as(path).contains("<script type=\"module\" src=\"/app/app.js\">");
      assertThat(page.headers().firstValue("Content-Security-Policy")).as(path)
          .contains(WebRoutes.CONTENT_SECURITY_POLICY);
      assertThat(page.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
      assertThat(page.headers().firstValue("Cache-Control")).as(path).contains("no-cache");
    }
  }

  @Test
  void thePage_hasNoInlineScriptOrStyle() throws Exception {
    String page = get("/").body();
    assertThat(page).doesNotContainPattern("<script(?![^>]*\\bsrc=)").doesNotContain("<style", " style=", " on");
  }

  @Test
  void files_haveTheirTypes_andAnETagThatSpares_aSecondDownload() throws Exception {
    for (var file : WebRoutes.FILES.entrySet()) {
      HttpResponse<String> answer = get("/app/" + file.getKey());
      assertThat(answer.statusCode()).as(file.getKey()).isEqualTo(200);
      assertThat(answer.headers().firstValue("Content-Type")).as(file.getKey()).contains(file.getValue());
      assertThat(answer.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
      String etag = answer.headers().firstValue("ETag").orElseThrow();
      HttpResponse<String> again = get("/app/" + file.getKey(), "If-None-Match", etag);
      assertThat(again.statusCode()).as(file.getKey()).isEqualTo(304);
      assertThat(again.body()).isEmpty();
    }
    assertThat(get("/app/%2e%2e%2fopenapi.yaml").statusCode()).isIn(400, 404);
    assertThat(get("/app/nothing.js").statusCode()).isEqualTo(404);
  }

  @Test
  void theApisAddresses_areNotShadowedByTheApp() throws Exception {
    assertThat(get("/health").headers().firstValue("Content-Type")).contains("application/json");
    assertThat(get("/openapi.json").headers().firstValue("Content-Type")).contains("application/json");
    assertThat(get("/metrics").body()).contains("http_server_request_duration_seconds");
    assertThat(get("/docs").body()).contains("/docs/swagger-ui-bundle.js");
    HttpResponse<String> api = get("/v1/me");
    assertThat(api.statusCode()).isEqualTo(401);
    assertThat(api.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(get("/v1/no-such-route").headers().firstValue("Content-Type")).contains("application/problem+json");
  }

  @Test
  void theAppsFiles_stayWithinTheirBudget() {
    assertThat(WebRoutes.totalBytes()).isLessThanOrEqualTo(300 * 1024);
  }
}
