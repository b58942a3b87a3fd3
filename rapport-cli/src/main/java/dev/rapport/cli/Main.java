package dev.rapport.cli;

import dev.rapport.problem.RapportException;
import dev.rapport.store.StoreUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
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

  /** The log line format, one line per record, unless the user chose another. */
  private static final String LOG_FORMAT = "%1$tF %1$tT %4$s %3$s: %5$s%6$s%n";

  /** Runs the command line and exits with its exit code. */
  public static void main(String[] args) {
    // Must be set before the first logger exists; the JDK default spreads each record over two lines.
    if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
      System.setProperty("java.util.logging.SimpleFormatter.format", LOG_FORMAT);
    }
    System.exit(commandLine().execute(args));
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
    try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
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
