package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.Rapport;
import dev.rapport.member.NewMember;
import dev.rapport.model.Handle;
import dev.rapport.model.Member;
import dev.rapport.model.PageRequest;
import dev.rapport.store.Store;
import dev.rapport.store.sql.SqliteStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rapport import} as a user runs it: the packaged jar in a process of its own, on files
 * written here, into a SQLite data directory that the test then opens to check what was stored.
 */
class ImportIT {
  private static final Duration RUN_TIMEOUT = Duration.ofSeconds(120);

  @TempDir
  Path tmp;

  /** How a run of the command ended. */
  private record Run(int exitCode, String output) {}

  private Run rapport(Map<String, String> environment, String... args) throws IOException {
    Path log = Files.createTempFile(tmp, "import-", ".log");
    try (ServiceProcess process = ServiceProcess.start(0, log, environment, args)) {
      assertThat(process.exitsWithin(RUN_TIMEOUT)).as("rapport %s ends", List.of(args)).isTrue();
      return new Run(process.process().exitValue(), process.output());
    }
  }

  private Run rapport(String... args) throws IOException {
    return rapport(Map.of(), args);
  }

  private Path write(String name, String... lines) throws IOException {
    return Files.writeString(tmp.resolve(name), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }

  /** Opens the data directory's store while the test looks (no import may run meanwhile). */
  private static void inspect(Path dataDir, Consumer<Rapport> check) {
    try (Store store = SqliteStore.open(dataDir.resolve("rapport.db"))) {
      check.accept(Rapport.builder().store(store).build());
    }
  }

  private static int eventCount(Path dataDir) {
    try (Store store = SqliteStore.open(dataDir.resolve("rapport.db"))) {
      return store.eventsAfter(0, 1_000_000).size();
    }
  }

  private static List<String> connections(Rapport rapport, String handle) {
    Member member = rapport.member(Handle.of(handle)).orElseThrow();
    List<String> handles = new ArrayList<>();
    rapport.connections(member.id(), member.handle(), PageRequest.first(200)).items()
        .forEach(c -> handles.add(c.member().handle().value()));
    return handles;
  }

  @Test
  void snap_createsMembersAndConnections_andImportingAgainChangesNothing() throws IOException {
    Path edges = write("edges.txt",
        "# Undirected graph: a small test",
        "# FromNodeId\tToNodeId",
        "0 1",
        "0\t2",
        "",
        "1 0",
        "2 12 1700000000",
        "12 12");
    Path data = tmp.resolve("data");

    Run first = rapport("import", "--data-dir", data.toString(), "--format", "snap", edges.toString());

    assertThat(first.exitCode()).as(first.output()).isZero();
    assertThat(first.output()).contains("Imported edges.txt", "4 members created", "3 connections created",
        "1 skipped (1 connecting a member with themself)", "already there: 0 members, 0 connections");
    assertThat(first.output()).as("A4: an import is an administrator's action, audited")
        .contains("admin network-imported connectionsCreated=3 format=snap membersCreated=4 skipped=1");
    inspect(data, rapport -> {
      assertThat(rapport.member(Handle.of("u00")).orElseThrow().name()).isEqualTo("User 0");
      assertThat(connections(rapport, "u00")).containsExactlyInAnyOrder("u01", "u02");
      assertThat(connections(rapport, "u12")).containsExactly("u02");
    });
    int events = eventCount(data);

    Run again = rapport("import", "--data-dir", data.toString(), "--format", "snap", edges.toString());

    assertThat(again.exitCode()).as(again.output()).isZero();
    assertThat(again.output()).contains("0 members created", "0 connections created",
        "already there: 4 members, 3 connections");
    assertThat(eventCount(data)).isEqualTo(events);
  }

  @Test
  void snap_keepsTheConnectionCapOfTheConfiguration() throws IOException {
    Path star = write("star.txt", "1 2", "1 3", "1 4", "3 4");
    Path data = tmp.resolve("data");

    Run run = rapport(Map.of("RAPPORT_POLICY_MAX_CONNECTIONS", "2"),
        "import", "--data-dir", data.toString(), "--format", "snap", star.toString());

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output()).contains("3 connections created", "1 skipped (1 at the connection cap)");
    inspect(data, rapport -> assertThat(rapport.member(Handle.of("u01")).orElseThrow().connectionCount()).isEqualTo(2));
  }

  @Test
  void ldbc_takesNamesFromPersonCsvBesideTheKnowsFile() throws IOException {
    Path folder = Files.createDirectories(tmp.resolve("ldbc"));
    Files.writeString(folder.resolve("Person.csv"), String.join("\n",
        "id:ID(Person)|firstName:STRING|lastName:STRING|gender:STRING|birthday:LONG",
        "933|Mahinda|Perera|male|19891203",
        "1129|Carmen|Lepland|female|19840218",
        "4194|Hồ Chí|Do|male|19881014",
        "8333|Chen|Wang|female|19850613") + "\n");
    Path knows = Files.writeString(folder.resolve("Person_knows_Person.csv"), String.join("\n",
        ":START_ID(Person)|:END_ID(Person)|creationDate:LONG",
        "933|4194|20100422123057947",
        "933|1129|20121115072349104",
        "1129|7|20110101000000000") + "\n");
    Path data = tmp.resolve("data");

    Run run = rapport("import", "--data-dir", data.toString(), "--format", "ldbc", knows.toString());

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output()).contains("names from " + folder.resolve("Person.csv"), "5 members created",
        "3 connections created");
    inspect(data, rapport -> {
      assertThat(rapport.member(Handle.of("p933")).orElseThrow().name()).isEqualTo("Mahinda Perera");
      assertThat(rapport.member(Handle.of("p4194")).orElseThrow().name()).isEqualTo("Hồ Chí Do");
      assertThat(rapport.member(Handle.of("p07")).orElseThrow().name()).isEqualTo("Person 7");
      assertThat(rapport.member(Handle.of("p8333"))).as("a person without connections is a member too").isPresent();
      assertThat(connections(rapport, "p933")).as("newest first, by creationDate").containsExactly("p1129", "p4194");
    });
  }

  @Test
  void linkedinCsv_connectsTheMemberToEachRow_readingNotesQuotesAndUrls() throws IOException {
    Path data = tmp.resolve("data");
    inspect(data, rapport -> rapport.createMember(NewMember.person("ada-lovelace", "Ada Lovelace")));
    Path export = write("Connections.csv",
        "Notes:",
        "\"When exporting your connection data, you may notice that some of the email addresses are missing. "
            + "You will only see email addresses for connections who have allowed their connections to see or "
            + "download their email address using this setting https://www.linkedin.com/psettings/privacy/email. "
            + "You can learn more here https://www.linkedin.com/help/linkedin/answer/261\"",
        "",
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
        "Grace,Hopper,https://www.linkedin.com/in/grace-hopper-1906,,\"Remington Rand, Inc.\","
            + "\"Senior Mathematician, UNIVAC\",05 Jan 2024",
        "Alan,Turing,https://www.linkedin.com/in/AlanTuring/,alan@example.com,National Physical Laboratory,"
            + "Researcher,12 Feb 2023",
        "Jürgen,Müller,https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller-42,,,,01 Mar 2022",
        "Li,,,,\"ACME \"\"Widgets\"\"\",Engineer,",
        ",,,,,,");
    String[] command = {"import", "--data-dir", data.toString(), "--format", "linkedin-csv",
        "--member", "ada-lovelace", export.toString()};

    Run run = rapport(command);

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output()).contains("4 members created", "4 connections created",
        "1 skipped (1 row without a name or profile URL)");
    inspect(data, rapport -> {
      assertThat(connections(rapport, "ada-lovelace")).hasSize(4)
          .contains("grace-hopper-1906", "alanturing", "jurgen-muller-42")
          .anySatisfy(handle -> assertThat(handle).matches("li-[0-9a-f]{8}"));
      Member grace = rapport.member(Handle.of("grace-hopper-1906")).orElseThrow();
      assertThat(grace.name()).isEqualTo("Grace Hopper");
      assertThat(grace.headline()).isEqualTo("Senior Mathematician, UNIVAC at Remington Rand, Inc.");
      assertThat(grace.email()).as("an email shared with the member is not kept").isEmpty();
      assertThat(rapport.member(Handle.of("jurgen-muller-42")).orElseThrow().name()).isEqualTo("Jürgen Müller");
      assertThat(connections(rapport, "ada-lovelace").subList(1, 4)).as("newest first, by Connected On; "
          + "the row without a date connected at the import").containsExactly("grace-hopper-1906", "alanturing",
          "jurgen-muller-42");
    });
    int events = eventCount(data);

    Run again = rapport(command);

    assertThat(again.exitCode()).as(again.output()).isZero();
    assertThat(again.output()).contains("0 members created", "0 connections created",
        "already there: 5 members, 4 connections");
    assertThat(eventCount(data)).isEqualTo(events);
  }

  @Test
  void linkedinCsv_forAMemberWhoDoesNotExist_failsWithOneLine() throws IOException {
    Path export = write("Connections.csv", "First Name,Last Name,URL", "Grace,Hopper,https://www.linkedin.com/in/grace");

    Run run = rapport("import", "--data-dir", tmp.resolve("data").toString(), "--format", "linkedin-csv",
        "--member", "nobody", export.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.output().strip()).isEqualTo("rapport: there is no member 'nobody' to import connections for; "
        + "create them first");
  }

  @Test
  void aMalformedLine_failsNamingFileAndLine_beforeWritingAnything() throws IOException {
    Path edges = write("broken.txt", "# comment", "0 1", "0 x", "2 3");
    Path data = tmp.resolve("data");

    Run run = rapport("import", "--data-dir", data.toString(), "--format", "snap", edges.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.output().strip()).startsWith("rapport: " + edges + ":3: ")
        .contains("expected two node ids", "'0 x'")
        .doesNotContain("\n", "\tat ");
    assertThat(data.resolve("rapport.db")).doesNotExist();
  }

  @Test
  void aCsvRowWithTooManyFields_failsNamingItsLine() throws IOException {
    Path export = write("Connections.csv", "Notes:", "", "First Name,Last Name,URL,Company",
        "Grace,Hopper,https://www.linkedin.com/in/grace,Remington Rand, Inc.");

    Run run = rapport("import", "--data-dir", tmp.resolve("data").toString(), "--format", "linkedin-csv",
        "--member", "ada", export.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.output().strip()).startsWith("rapport: " + export + ":4: has 5 fields, the header 4");
  }

  @Test
  void aCsvRowWhoseDateDoesNotParse_stopsTheImportAtItsLine_changingNothing() throws IOException {
    Path data = tmp.resolve("data");
    inspect(data, rapport -> rapport.createMember(NewMember.person("ada-lovelace", "Ada Lovelace")));
    int events = eventCount(data);
    Path export = write("Connections.csv", "First Name,Last Name,URL,Connected On",
        "Grace,Hopper,https://www.linkedin.com/in/grace,05 Jan 2024",
        "Alan,Turing,https://www.linkedin.com/in/alan,2024-13-45");

    Run run = rapport("import", "--data-dir", data.toString(), "--format", "linkedin-csv",
        "--member", "ada-lovelace", export.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.output().strip()).isEqualTo("rapport: " + export
        + ":3: 'Connected On' is '2024-13-45', not a date like 05 Jan 2024");
    assertThat(eventCount(data)).isEqualTo(events);
    inspect(data, rapport -> assertThat(rapport.member(Handle.of("grace")).isPresent()).isFalse());
  }

  @Test
  void aCsvRowWhoseNameHasAControlCharacter_stopsTheImportAtItsLine() throws IOException {
    Path export = write("Connections.csv", "First Name,Last Name,URL", "Grace,\"Hop\u0007per\",");

    Run run = rapport("import", "--data-dir", tmp.resolve("data").toString(), "--format", "linkedin-csv",
        "--member", "ada", export.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.output().strip()).startsWith("rapport: " + export + ":2: the name has a control character")
        .doesNotContain("\n");
  }

  @Test
  void anUnknownFormat_isAUsageError() throws IOException {
    Path edges = write("edges.txt", "0 1");

    Run run = rapport("import", "--format", "graphml", edges.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.output().strip()).isEqualTo("rapport: Invalid value for option '--format': unknown format "
        + "'graphml'; use one of snap, ldbc, linkedin-csv (see 'rapport help import')");
  }

  @Test
  void aMissingFile_failsWithOneLine() throws IOException {
    Run run = rapport("import", "--data-dir", tmp.resolve("data").toString(), "--format", "snap",
        tmp.resolve("absent.txt").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.output().strip()).isEqualTo("rapport: cannot read " + tmp.resolve("absent.txt") + ": no such file");
  }

  /** One process at a time may use a SQLite store: the server's guarantees hold only within one. */
  @Test
  void whileAServerRunsOnTheDataDirectory_importIsRefused() throws IOException {
    Path data = tmp.resolve("data");
    Path edges = write("edges.txt", "0 1");
    try (ServiceProcess server = ServiceProcess.serve(data, "import-it-admin-token").awaitHealthy()) {
      assertThat(server).isNotNull();
      Run run = rapport("import", "--data-dir", data.toString(), "--format", "snap", edges.toString());

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.output().strip()).startsWith("rapport: the SQLite database ")
          .contains("is in use by another process");
    }
    Run afterwards = rapport("import", "--data-dir", data.toString(), "--format", "snap", edges.toString());
    assertThat(afterwards.exitCode()).as(afterwards.output()).isZero();
  }
}
