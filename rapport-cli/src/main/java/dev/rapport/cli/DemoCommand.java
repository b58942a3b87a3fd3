package dev.rapport.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code rapport demo}: the same as {@code rapport serve --demo}. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
        "Runs the service with a small demo network (the same as 'serve --demo').",
        "Seeds it when the data directory has none yet, then prints members and their tokens to try."})
final class DemoCommand implements Callable<Integer> {
  @Mixin
  private ServiceOptions options;

  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    return ServeCommand.serve(options, true, spec.commandLine().getOut());
  }
}
