package dev.rapport.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code rapport test}: listed so that the help names every command the launcher takes. The tests
 * are in the checkout, not in the jar, so the {@code ./rapport} launcher runs them itself and never
 * reaches this; run from the jar, it says where to run them.
 */
@Command(
    name = "test",
    description = {
        "Runs every test, through the ./rapport launcher in a checkout only.",
        "The launcher runs './mvnw -B verify [maven arguments]' (unit, property, SQLite, PostgreSQL and HTTP "
            + "integration tests) and ends with 'N passed, N failed, N skipped'; the jar holds no tests."})
final class TestCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getErr().println(
        "rapport: the tests run from a checkout, through the launcher: ./rapport test [maven arguments]");
    spec.commandLine().getErr().flush();
    return 1;
  }
}
