package dev.rapport.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where the data is, for every command that opens the store: the YAML file and the data directory.
 * A flag wins over the {@code RAPPORT_*} variable of the same setting, which wins over the YAML
 * file: the flags are written into a copy of the environment before the configuration reads it.
 */
class StoreOptions {
  @Option(names = {"-c", "--config"}, paramLabel = "FILE",
      description = "YAML configuration file (RAPPORT_* variables and flags override it).")
  Path config;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Where the SQLite store and the generated admin token live (RAPPORT_DATA_DIR; default ./data).")
  Path dataDir;

  /** The YAML file to read, if one was named. @throws IllegalArgumentException if it does not exist */
  Optional<Path> configFile() {
    if (config == null) {
      return Optional.empty();
    }
    if (!Files.isRegularFile(config)) {
      throw new IllegalArgumentException("configuration file " + config + " does not exist");
    }
    return Optional.of(config);
  }

  /** The environment with the flags given on the command line written over it. */
  Map<String, String> environment(Map<String, String> environment) {
    Map<String, String> merged = new HashMap<>(environment);
    if (dataDir != null) {
      merged.put("RAPPORT_DATA_DIR", dataDir.toString());
    }
    return merged;
  }
}
