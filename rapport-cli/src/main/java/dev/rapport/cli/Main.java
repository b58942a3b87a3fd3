package dev.rapport.cli;

import dev.rapport.problem.RapportException;
import dev.rapport.server.RapportServer;
import dev.rapport.server.logging.Logs;
import dev.rapport.store.StoreUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code rapport} command line: {@code serve}, {@code demo}, {@code import}, {@code test} (which
 * only the launcher runs), {@code --help}, {@code --version}.
 * Without a subcommand it prints the help.
 */
@Command(
    name = "rapport",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Rapport: the relationship engine of a professional network "
        + "(follow, connect, invitations, limits, blocks).",
    subcommands = {ServeCommand.class, DemoCommand.class, ImportCommand.class, TestCommand.class,
        CommandLine.HelpCommand.class},
    footer = {"", "Run 'rapport help serve' for the options of a command. 'test' runs only through the "
        + "./rapport launcher in a checkout, which runs the tests itself (see 'rapport help test')."})
public final class Main implements Runnable {
  @Spec
  private CommandSpec spec;

  /** Runs the command line and exits with its exit code. */
  public static void main(String[] args) {
    // Must be set before anything logs: a log manager that leaves the handlers to the service's
    // shutdown hook, which logs the graph index's copy saved and then flushes the log.
    System.setProperty("java.util.logging.manager", Logs.DeferredResetLogManager.class.getName());
    try {
      Logs.use(ServiceOptions.logFormat(System.getenv(), null));
    } catch (IllegalArgumentException e) {
      System.err.println("rapport: " + e.getMessage());
      System.exit(1);
    }
    int exitCode = commandLine().execute(args);
    Logs.flush(); // the log is written by a thread of its own, which exit does not wait for
    System.exit(exitCode);
  }

  /**
   * The configured command line, for {@link #main} and for tests that run it in-process.
   * Failures the user can act on (bad configuration, a port in use, a malformed import file, a
   * mistyped option) are one line, not a stack trace.
   */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new Main());
    commandLine.setParameterExceptionHandler((exception, args) -> {
      CommandLine cmd = exception.getCommandLine();
      String help = cmd.getParent() == null ? "rapport --help" : "rapport help " + cmd.getCommandName();
      // picocli checks required options before it reports an unknown one: a mistyped option comes first.
      Optional<String> unknown = unknownOption(cmd, args);
      String message = exception instanceof UnmatchedArgumentException unmatched ? unmatched(unmatched)
          : unknown.map(option -> unknownOptionMessage(cmd, option)).orElse(exception.getMessage());
      cmd.getErr().println("rapport: " + message + " (see '" + help + "')");
      cmd.getErr().flush();
      return cmd.getCommandSpec().exitCodeOnInvalidInput();
    });
    commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
      if (exception instanceof RapportException || exception instanceof IllegalArgumentException
          || exception instanceof IllegalStateException || exception instanceof UncheckedIOException
          || exception instanceof IOException || exception instanceof StoreUnavailableException) {
        cmd.getErr().println("rapport: " + exception.getMessage());
      } else {
        exception.printStackTrace(cmd.getErr());
      }
      cmd.getErr().flush();
      return 1;
    });
    return commandLine;
  }

  /**
   * "unknown command 'srve'; did you mean serve?" or "unknown option '--prot'; did you mean
   * --port?": picocli's suggestions, in one line.
   */
  private static String unmatched(UnmatchedArgumentException exception) {
    List<String> unmatched = exception.getUnmatched();
    String argument = unmatched.isEmpty() ? "" : unmatched.getFirst();
    CommandLine cmd = exception.getCommandLine();
    if (argument.startsWith("-")) {
      return unknownOptionMessage(cmd, argument);
    }
    String what = cmd.getSubcommands().isEmpty() ? "unexpected argument" : "unknown command";
    return message(what, argument, exception.getSuggestions().stream().limit(3).toList());
  }

  private static String unknownOptionMessage(CommandLine cmd, String argument) {
    return message("unknown option", argument, similarOptions(cmd, argument.split("=", 2)[0]));
  }

  private static String message(String what, String argument, List<String> suggestions) {
    String shown = argument.length() <= 40 ? argument : argument.substring(0, 37) + "...";
    return "%s '%s'%s".formatted(what, shown.replaceAll("\\p{Cntrl}", "?"),
        suggestions.isEmpty() ? "" : "; did you mean " + String.join(" or ", suggestions) + "?");
  }

  /** The first argument after the command's name that looks like an option the command does not have. */
  private static Optional<String> unknownOption(CommandLine cmd, String[] args) {
    Map<String, ?> options = cmd.getCommandSpec().optionsMap();
    int from = cmd.getParent() == null ? 0 : List.of(args).indexOf(cmd.getCommandName()) + 1;
    for (int i = Math.max(from, 0); i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--")) {
        break;
      }
      boolean known = !arg.startsWith("-") || arg.length() < 2 || options.containsKey(arg.split("=", 2)[0])
          || !arg.startsWith("--") && arg.chars().skip(1).allMatch(c -> options.containsKey("-" + (char) c));
      if (!known) {
        return Optional.of(arg);
      }
    }
    return Optional.empty();
  }

  /**
   * The command's option names within two edits (a typo, a missing, extra or swapped letter) of
   * the one given, nearest first; picocli suggests only options that share its first two letters.
   */
  private static List<String> similarOptions(CommandLine cmd, String given) {
    record Near(String name, int distance) {}
    return cmd.getCommandSpec().options().stream().filter(o -> !o.hidden())
        .flatMap(o -> Stream.of(o.names())).filter(name -> name.startsWith("--"))
        .map(name -> new Near(name, editDistance(given, name))).filter(n -> n.distance() <= 2)
        .sorted(Comparator.comparingInt(Near::distance)).map(Near::name).limit(3).toList();
  }

  /** Edits from one word to the other, a swap of two neighbouring letters counting as one. */
  static int editDistance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      for (int j = 0; j <= b.length(); j++) {
        if (i == 0 || j == 0) {
          d[i][j] = i + j;
          continue;
        }
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The version the build stamped into the jar. */
  static String version() {
    return RapportServer.version();
  }

  /** Answers {@code --version}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
          "Rapport " + version(),
          "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ")"
      };
    }
  }
}
