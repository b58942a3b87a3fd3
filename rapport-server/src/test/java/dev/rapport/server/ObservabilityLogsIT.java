package dev.rapport.server;

import static dev.rapport.server.TestServer.ADMIN;
import static dev.rapport.server.TestServer.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.kernel.Policy;
import dev.rapport.server.logging.Audit;
import dev.rapport.server.logging.LogFormat;
import dev.rapport.server.logging.Logs;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The access log (a line per request) and the audit log (a line per administrator's action) over
 * real HTTP, captured in memory so that the test output stays quiet: what each line says, in both
 * formats, and that no line holds a token.
 */
class ObservabilityLogsIT {
  @TempDir
  Path dataDir;

  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      records.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private final List<Logger> loggers = List.of(Logger.getLogger(AccessLog.LOGGER), Logger.getLogger(Audit.LOGGER));

  @BeforeEach
  void capture() {
    for (Logger logger : loggers) {
      logger.setLevel(Level.INFO);
      logger.setUseParentHandlers(false);
      logger.addHandler(capture);
    }
  }

  @AfterEach
  void release() {
    for (Logger logger : loggers) {
      logger.removeHandler(capture);
      logger.setUseParentHandlers(true);
      logger.setLevel(null);
    }
  }

  @Test
  void eachRequest_hasOneAccessLine_andEachAdminAction_anAuditLine_withoutTokens() {
    String ada = unique("ada");
    String token;
    String issued;
    long adaId;
    try (TestServer server = TestServer.start(dataDir, true, Policy.defaults())) {
      token = server.member(ada);
      adaId = server.server.rapport().member(dev.rapport.model.Handle.of(ada)).orElseThrow().id();
      issued = server.api.post("/v1/members/" + ada + "/tokens", ADMIN).json().get("token").asText();
      server.api.get("/v1/members/" + ada, token);
      server.api.get("/v1/members/nobody-here", token);
      server.api.get("/v1/me", "not-a-token-at-all");
      server.api.post("/v1/admin/clock", ADMIN, "{\"advance\":\"P7D\"}");
    }

    List<String> access = lines(AccessLog.LOGGER, Logs.formatter(LogFormat.PLAIN));
    assertThat(access).hasSize(6);
    assertThat(access.get(0)).matches(".* INFO dev\\.rapport\\.access: POST /v1/members 201 \\d+\\.\\d{3} ms caller=admin\\R");
    assertThat(access.get(1)).contains("POST /v1/members/{h}/tokens 201 ").contains("caller=admin");
    assertThat(access.get(2)).contains("GET /v1/members/{h} 200 ").endsWith(" member=" + adaId + System.lineSeparator());
    assertThat(access.get(3)).contains("GET /v1/members/{h} 404 ").contains("member=" + adaId);
    assertThat(access.get(4)).contains("GET /v1/me 401 ").doesNotContain("member=");
    assertThat(access.get(5)).contains("POST /v1/admin/clock 200 ");

    List<String> audit = lines(Audit.LOGGER, Logs.formatter(LogFormat.PLAIN));
    assertThat(audit).hasSize(3);
    assertThat(audit.get(0)).contains("admin member-created handle=" + ada + " member=" + adaId + " tier=basic");
    assertThat(audit.get(1)).contains("admin token-issued handle=" + ada);
    assertThat(audit.get(2)).contains("admin clock-advanced by=PT168H now=");

    List<JsonNode> json = lines(AccessLog.LOGGER, Logs.formatter(LogFormat.JSON)).stream().map(ObservabilityLogsIT::json).toList();
    assertThat(json.get(2).get("logger").asText()).isEqualTo("dev.rapport.access");
    assertThat(json.get(2).get("method").asText()).isEqualTo("GET");
    assertThat(json.get(2).get("route").asText()).isEqualTo("/v1/members/{h}");
    assertThat(json.get(2).get("status").asInt()).isEqualTo(200);
    assertThat(json.get(2).get("latencyMs").isNumber()).isTrue();
    assertThat(json.get(2).get("member").asLong()).isEqualTo(adaId);
    assertThat(json.get(0).get("caller").asText()).isEqualTo("admin");
    JsonNode created = json(lines(Audit.LOGGER, Logs.formatter(LogFormat.JSON)).getFirst());
    assertThat(created.get("action").asText()).isEqualTo("member-created");
    assertThat(created.get("handle").asText()).isEqualTo(ada);

    String everything = String.join("", lines(AccessLog.LOGGER, Logs.formatter(LogFormat.JSON)))
        + String.join("", lines(Audit.LOGGER, Logs.formatter(LogFormat.JSON))) + String.join("", access) + String.join("", audit);
    assertThat(everything).doesNotContain(token, issued, ADMIN, "not-a-token-at-all", "Bearer", "nobody-here");
  }

  @Test
  void A4_accounts_logNoPasswordTokenSessionOrInviteCode_andTheAdministratorsInviteIsAudited() {
    String ada = unique("ada");
    String password = "a very secret passphrase";
    String newPassword = "another secret passphrase";
    Browser browser;
    String token;
    String code;
    try (TestServer server = TestServer.start(dataDir, true, Policy.defaults())) {
      code = server.api.post("/v1/admin/invites", ADMIN, "{}").json().get("code").asText();
      browser = new Browser(server.api);
      browser.signUp(ada, ada + "@example.com", password);
      new Browser(server.api.responsesOnly()).signIn(ada + "@example.com", "a wrong passphrase");
      browser.signIn(ada + "@example.com", password);
      token = browser.send("POST", "/v1/me/tokens", "{\"name\":\"script\"}").json().get("token").asText();
      browser.send("PUT", "/v1/me/password", "{\"current\":\"%s\",\"new\":\"%s\"}".formatted(password, newPassword));
      browser.send("DELETE", "/v1/sessions/current", "");
    }
    List<String> audit = lines(Audit.LOGGER, Logs.formatter(LogFormat.PLAIN));
    assertThat(audit).anySatisfy(line -> assertThat(line).contains("admin invite-created expiresAt=", " invite="));
    List<String> access = lines(AccessLog.LOGGER, Logs.formatter(LogFormat.PLAIN));
    assertThat(access).anySatisfy(line -> assertThat(line).contains("POST /v1/sessions 401 "));
    String everything = String.join("", lines(AccessLog.LOGGER, Logs.formatter(LogFormat.JSON)))
        + String.join("", lines(Audit.LOGGER, Logs.formatter(LogFormat.JSON))) + String.join("", access)
        + String.join("", audit);
    assertThat(everything).doesNotContain(password, newPassword, "a wrong passphrase", token, code,
        browser.sessionToken(), browser.csrfToken(), ada + "@example.com");
  }

  private List<String> lines(String logger, Formatter formatter) {
    return records.stream().filter(r -> r.getLoggerName().equals(logger)).map(formatter::format).toList();
  }

  private static JsonNode json(String line) {
    try {
      return ApiClient.MAPPER.readTree(line);
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }
}
