package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line as a user meets it: help and version in-process, the demo as a real process. */
class CliIT {
  private static final String ADMIN_TOKEN = "cli-demo-admin-token";
  /** A showcased member as the demo prints it: handle and name on one line, the token below. */
  private static final Pattern SHOWN = Pattern.compile("(?m)^  ([a-z0-9-]+) .*\\R\\s+token (\\S+)$");

  @Test
  void help_listsServeAndDemo() {
    StringWriter out = new StringWriter();
    CommandLine commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(out));

    assertThat(commandLine.execute("--help")).isZero();
    assertThat(out.toString()).contains("Usage: rapport", "serve", "demo", "--version");
  }

  @Test
  void help_listsEveryCommand_andSaysThatTestRunsThroughTheLauncher() {
    StringWriter out = new StringWriter();
    CommandLine commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(out));

    assertThat(commandLine.execute("--help")).isZero();
    String commands = out.toString().substring(out.toString().indexOf("Commands:"));
    assertThat(commands).containsPattern("(?m)^  serve ").containsPattern("(?m)^  demo ")
        .containsPattern("(?m)^  import ").containsPattern("(?m)^  test ").containsPattern("(?m)^  help ")
        .contains("./rapport");
  }

  @Test
  void test_fromTheJar_saysToRunItThroughTheLauncher() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));

    assertThat(commandLine.execute("help", "test")).isZero();
    assertThat(out.toString().replaceAll("\\s+", " "))
        .contains("./rapport launcher", "./mvnw -B verify", "N passed, N failed, N skipped");
    assertThat(commandLine.execute("test")).isEqualTo(1);
    assertThat(err.toString()).isEqualTo("rapport: the tests run from a checkout, through the launcher: "
        + "./rapport test [maven arguments]" + System.lineSeparator());
  }

  @Test
  void unknownCommand_isOneShortLineWithASuggestion_andExitCode2() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));

    assertThat(commandLine.execute("srve")).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("rapport: unknown command 'srve'; did you mean serve? (see 'rapport --help')"
        + System.lineSeparator());
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void unknownOption_isOneShortLineWithASuggestion_andExitCode2() {
    StringWriter err = new StringWriter();
    CommandLine commandLine = Main.commandLine();
    commandLine.setErr(new PrintWriter(err));

    assertThat(commandLine.execute("serve", "--prot", "0")).isEqualTo(2);
    assertThat(err.toString()).startsWith("rapport: unknown option '--prot'; did you mean --port")
        .endsWith("(see 'rapport help serve')" + System.lineSeparator()).hasLineCount(1);

    StringWriter importErr = new StringWriter();
    CommandLine importing = Main.commandLine();
    importing.setErr(new PrintWriter(importErr));
    assertThat(importing.execute("import", "--fromat", "snap", "edges.txt")).isEqualTo(2);
    assertThat(importErr.toString()).as("the mistyped option, not the required one it hides")
        .startsWith("rapport: unknown option '--fromat'; did you mean --format?").hasLineCount(1);

    StringWriter topErr = new StringWriter();
    CommandLine top = Main.commandLine();
    top.setErr(new PrintWriter(topErr));
    assertThat(top.execute("--verison")).isEqualTo(2);
    assertThat(topErr.toString()).startsWith("rapport: unknown option '--verison'; did you mean --version")
        .hasLineCount(1);
  }

  @Test
  void noArguments_printsHelp() {
    StringWriter out = new StringWriter();
    CommandLine commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(out));

    assertThat(commandLine.execute()).isZero();
    assertThat(out.toString()).contains("Usage: rapport");
  }

  @Test
  void serveHelp_namesTheOptions() {
    StringWriter out = new StringWriter();
    CommandLine commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(out));

    assertThat(commandLine.execute("serve", "--help")).isZero();
    assertThat(out.toString()).contains("--config", "--port", "--data-dir", "--demo");
    assertThat(out.toString().replaceAll("\\s+", " ")).contains("0 picks a free port; the line printed at start says which");
  }

  @Test
  void version_namesRapportAndJava() {
    StringWriter out = new StringWriter();
    CommandLine commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(out));

    assertThat(commandLine.execute("--version")).isZero();
    assertThat(out.toString()).contains("Rapport " + dev.rapport.server.RapportServer.version(), "Java ");
    assertThat(dev.rapport.server.RapportServer.version()).matches("\\d+\\.\\d+\\.\\d+.*");
  }

  @Test
  void missingConfigFile_isOneLineError(@TempDir Path tmp) {
    StringWriter err = new StringWriter();
    CommandLine commandLine = Main.commandLine();
    commandLine.setErr(new PrintWriter(err));

    assertThat(commandLine.execute("serve", "--config", tmp.resolve("absent.yaml").toString())).isEqualTo(1);
    assertThat(err.toString()).startsWith("rapport: ").contains("absent.yaml").doesNotContain("\tat ");
  }

  @Test
  void serve_onAPortInUse_failsWithOneLine(@TempDir Path tmp) throws IOException {
    try (ServerSocket taken = new ServerSocket(0)) {
      int port = taken.getLocalPort();
      try (ServiceProcess serve = ServiceProcess.start(port, tmp.resolve("busy.log"),
          Map.of("RAPPORT_ADMIN_TOKEN", ADMIN_TOKEN),
          "serve", "--port", Integer.toString(port), "--data-dir", tmp.resolve("data").toString())) {
        assertThat(serve.exitsWithin(Duration.ofSeconds(60))).as("exits by itself").isTrue();
        assertThat(serve.process().exitValue()).isEqualTo(1);
        assertThat(serve.output()).contains("rapport: ", Integer.toString(port)).doesNotContain("serving http");
      }
    }
  }

  @Test
  void serveDemo_seedsOnce_andItsMembersAnswerOverHttp(@TempDir Path tmp) {
    Path data = tmp.resolve("data");
    int port = ServiceProcess.freePort();
    // The flag must win over the variable: the variable names a port nobody will listen on.
    Map<String, String> env = Map.of("RAPPORT_ADMIN_TOKEN", ADMIN_TOKEN,
        "RAPPORT_PORT", Integer.toString(ServiceProcess.freePort()));
    Map<String, String> firstTokens;
    ServiceProcess demo = ServiceProcess.start(port, tmp.resolve("first.log"), env,
        "serve", "--demo", "--port", Integer.toString(port), "--data-dir", data.toString());
    try {
      demo.awaitHealthy();
      String output = demo.awaitOutput(o -> o.contains("curl "), Duration.ofSeconds(60));
      assertThat(output).contains("serving http://localhost:" + port, "Demo network seeded");
      firstTokens = shownTokens(output);
      assertThat(firstTokens).containsKeys("maya-okafor", "noah-brooks", "grace-chen", "sofia-marquez");
      java.util.regex.Matcher password = Pattern.compile("(?m)^  maya-okafor +(\\S+@example\\.com) +password (\\S+)$")
          .matcher(output);
      assertThat(password.find()).as("a password for each demo member: " + output).isTrue();
      assertThat(output).containsPattern("(?m)^  priya-raman +\\S+ +password \\S+$");

      Api api = new Api(port);
      // The packaged jar carries the API contract and the reference page's files.
      assertThat(api.ok("GET", "/openapi.json", null, null).path("openapi").asText()).isEqualTo("3.1.0");
      assertThat(api.ok("GET", "/docs/swagger-ui-bundle.js", null, null).asText()).contains("SwaggerUIBundle");
      String maya = firstTokens.get("maya-okafor");
      assertThat(api.ok("POST", "/v1/sessions", null, Map.of("email", password.group(1), "password", password.group(2)))
          .path("member").path("handle").asText()).isEqualTo("maya-okafor");
      assertThat(api.all("/v1/me/invitations?box=received", maya).toString())
          .contains("noah-brooks", "data contracts");
      // P5: her followers are hers to see.
      assertThat(handles(api.all("/v1/members/grace-chen/followers", firstTokens.get("grace-chen"))))
          .hasSize(12).contains("maya-okafor", "noah-brooks", "sofia-marquez");
      assertThat(handles(api.all("/v1/members/maya-okafor/connections", maya)))
          .containsExactlyInAnyOrder("daniel-reyes", "priya-raman", "tom-lindqvist", "hannah-kim",
              "james-whitaker", "grace-chen");
      assertThat(api.all("/v1/me/invitations?box=sent", firstTokens.get("noah-brooks")).toString())
          .as("C5: the invitation James ignored still looks pending to Noah")
          .contains("maya-okafor", "james-whitaker").doesNotContainIgnoringCase("ignored");
    } finally {
      demo.close(); // SIGTERM: the shutdown hook closes the server
    }
    assertThat(demo.process().isAlive()).isFalse();
    assertThat(demo.output()).contains("Rapport stopped.");

    // Again on the same data, through `demo` and the variable: no second seeding, fresh tokens.
    Map<String, String> envPort = Map.of("RAPPORT_ADMIN_TOKEN", ADMIN_TOKEN, "RAPPORT_PORT", Integer.toString(port));
    try (ServiceProcess again = ServiceProcess.start(port, tmp.resolve("again.log"), envPort,
        "demo", "--data-dir", data.toString()).awaitHealthy()) {
      String output = again.awaitOutput(o -> o.contains("curl "), Duration.ofSeconds(60));
      assertThat(output).contains("already seeded").doesNotContain("Demo network seeded");
      Map<String, String> tokens = shownTokens(output);
      assertThat(tokens.get("maya-okafor")).isNotBlank().isNotEqualTo(firstTokens.get("maya-okafor"));

      Api api = new Api(port);
      assertThat(handles(api.all("/v1/members/grace-chen/followers", tokens.get("grace-chen")))).hasSize(12);
    }
  }

  private static Map<String, String> shownTokens(String output) {
    Map<String, String> tokens = new LinkedHashMap<>();
    Matcher matcher = SHOWN.matcher(output);
    while (matcher.find()) {
      tokens.put(matcher.group(1), matcher.group(2));
    }
    return tokens;
  }

  private static List<String> handles(List<JsonNode> members) {
    return members.stream().map(m -> m.path("handle").asText()).toList();
  }
}
