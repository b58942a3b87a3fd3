package dev.rapport.cli;

import dev.rapport.Rapport;
import dev.rapport.importing.ImportReport;
import dev.rapport.model.Handle;
import dev.rapport.model.Member;
import dev.rapport.server.ConfiguredStore;
import dev.rapport.server.ServerConfig;
import dev.rapport.server.logging.Audit;
import dev.rapport.store.Store;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rapport import}: brings a network in from files, into the store {@code serve} uses. The
 * files are read whole first, so a malformed one fails before anything is written; the import then
 * goes through {@link Rapport#importNetwork}, which keeps the rules and commits in batches.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
        "Imports members and connections from files into the store that 'serve' uses.",
        "People without a member become members; each pair is connected and follows each other, "
            + "silently. Existing members and connections are kept as they are, so importing again "
            + "changes nothing. Pairs the rules refuse (a block, the connection cap, a company page) "
            + "are skipped and counted."},
    footer = {"",
        "Formats:",
        "  snap          SNAP edge lists, 'a b' per line, '#' comments.",
        "                Node 42 becomes member u42.",
        "  ldbc          LDBC SNB Person_knows_Person files, pipe-separated.",
        "                Person 933 becomes p933, named from Person.csv,",
        "                given among the files or found beside them.",
        "  linkedin-csv  LinkedIn's Connections.csv: connects --member to each",
        "                row's person, whose handle comes from the profile URL.",
        "",
        "One process at a time may use a SQLite data directory: stop a 'rapport",
        "serve' running on it first.",
        "Environment variables, as for 'serve': RAPPORT_DATA_DIR, RAPPORT_STORE,",
        "  RAPPORT_POSTGRES_URL, RAPPORT_POLICY_*, RAPPORT_TIER_*."})
final class ImportCommand implements Callable<Integer> {
  /**
   * The PostgreSQL pool logs its start and stop at INFO, and the graph index how it loaded, which
   * suits a server's log but buries an import's one-line summary. Held here: the logging framework
   * keeps loggers only weakly.
   */
  private static final List<Logger> SERVER_LOGS = List.of(Logger.getLogger("com.zaxxer.hikari"),
      Logger.getLogger("dev.rapport.network"));

  @Mixin
  private StoreOptions options;

  @Option(names = "--format", required = true, paramLabel = "FORMAT", converter = ImportFormat.Converter.class,
      completionCandidates = ImportFormat.Names.class,
      description = "What the files are: ${COMPLETION-CANDIDATES}.")
  private ImportFormat format;

  @Option(names = "--member", paramLabel = "HANDLE",
      description = "With linkedin-csv: the member whose connections the file lists; they must exist.")
  private String member;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "The files to import.")
  private List<Path> files;

  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() {
    long started = System.nanoTime();
    SERVER_LOGS.forEach(log -> log.setLevel(Level.WARNING));
    if (format == ImportFormat.LINKEDIN_CSV && member == null) {
      throw new ParameterException(spec.commandLine(),
          "--format linkedin-csv needs --member HANDLE, the member whose connections the file lists");
    }
    if (format != ImportFormat.LINKEDIN_CSV && member != null) {
      throw new ParameterException(spec.commandLine(), "--member goes with --format linkedin-csv only");
    }
    files.forEach(ImportFiles::requireReadable);
    ServerConfig config = ServerConfig.load(options.configFile(), options.environment(System.getenv()));
    ImportSource source = switch (format) {
      case SNAP -> SnapEdgeList.read(files);
      case LDBC -> LdbcFiles.read(files);
      case LINKEDIN_CSV -> LinkedInConnections.read(files, Handle.of(member));
    };
    ImportReport report;
    try (Store store = ConfiguredStore.open(config)) {
      Rapport rapport = Rapport.builder().store(store).policy(config.policy()).build();
      if (format == ImportFormat.LINKEDIN_CSV) {
        requirePerson(rapport, Handle.of(member));
      }
      report = rapport.importNetwork(source.network());
    }
    Audit.networkImported(format.toString(), Optional.ofNullable(member).map(Handle::of), report);
    PrintWriter out = spec.commandLine().getOut();
    source.notes().forEach(out::println);
    out.println(summary(source, report, (System.nanoTime() - started) / 1e9));
    out.flush();
    return 0;
  }

  private static void requirePerson(Rapport rapport, Handle handle) {
    Member importer = rapport.member(handle).orElseThrow(() -> new IllegalArgumentException(
        "there is no member '%s' to import connections for; create them first".formatted(handle)));
    if (importer.isCompany()) {
      throw new IllegalArgumentException("'%s' is a company page; company pages are followed, never connected"
          .formatted(handle));
    }
  }

  /** One line: what was created, what was skipped and why, what was there already, and how long it took. */
  private String summary(ImportSource source, ImportReport report, double seconds) {
    List<String> reasons = new ArrayList<>();
    report.skipped().forEach((reason, count) -> reasons.add(count(count) + " " + reason.description()));
    source.skippedRows().forEach((reason, count) ->
        reasons.add(count(count) + (count == 1 ? " row " : " rows ") + reason));
    int skipped = report.skippedTotal()
        + source.skippedRows().values().stream().mapToInt(Integer::intValue).sum();
    String from = files.size() == 1 ? files.getFirst().getFileName().toString() : files.size() + " files";
    String accepted = report.invitationsAccepted() == 0 ? ""
        : ", " + count(report.invitationsAccepted()) + " open invitations accepted";
    return String.format(Locale.ROOT, "Imported %s in %.2f s: %s members created, %s connections created, "
            + "%s skipped%s%s; already there: %s members, %s connections.",
        from, seconds, count(report.membersCreated()), count(report.connectionsCreated()), count(skipped),
        reasons.isEmpty() ? "" : " (" + String.join(", ", reasons) + ")", accepted,
        count(report.membersExisting()), count(report.connectionsExisting()));
  }

  private static String count(int n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
