package dev.rapport.bench.peers;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The benchmark jar's entry point: JMH's own, except that without the shared data sets folder the
 * real graphs are left out, saying so, instead of failing their benchmarks one by one. The
 * synthetic graphs need no files and still run.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) throws CommandLineOptionException, RunnerException, IOException {
    CommandLineOptions cli = new CommandLineOptions(args);
    boolean onlyListing = cli.shouldHelp() || cli.shouldList() || cli.shouldListWithParams()
        || cli.shouldListProfilers() || cli.shouldListResultFormats();
    if (Datasets.available() || onlyListing) {
      org.openjdk.jmh.Main.main(args);
      return;
    }
    Collection<String> asked = cli.getParameter("dataset").orElse(
        Stream.concat(Datasets.REAL.stream(), Stream.of(Datasets.SYNTHETIC_100K)).toList());
    List<String> kept = asked.stream().filter(name -> !Datasets.isReal(name)).toList();
    System.out.printf("The shared data sets are not at %s (run from the project folder with them beside it, or pass"
        + " -Drapport.datasets=<folder>): skipping %s.%n", Datasets.folder().toAbsolutePath(),
        asked.stream().filter(Datasets::isReal).toList());
    if (kept.isEmpty()) {
      System.out.println("No data set left to run.");
      return;
    }
    new Runner(new OptionsBuilder().parent(cli).param("dataset", kept.toArray(String[]::new)).build()).run();
  }
}
