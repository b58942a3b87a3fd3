package dev.rapport.cli;

import dev.rapport.problem.RapportException;
import dev.rapport.server.RapportServer;
import dev.rapport.server.logging.Logs;
import dev.rapport.store.StoreUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code rapport} command line: {@code serve}, {@code demo}, {@code import}, {@code --help},
 * {@code --version}.
 * Without a subcommand it prints the help.
 */
@Command(
    name = "rapport",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Rapport: the relationship engine of a professional network "
        + "(follow, connect, invitations, limits, blocks).",
    subcommands = {ServeCommand.class, DemoCommand.class, ImportCommand.class, CommandLine.HelpCommand.class},
    footer = {"", "Run 'rapport help serve' for the options of a command."})
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
      cmd.getErr().println("rapport: " + exception.getMessage() + " (see '" + help + "')");
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
