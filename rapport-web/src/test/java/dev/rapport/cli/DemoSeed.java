package dev.rapport.cli;

import dev.rapport.Rapport;
import dev.rapport.server.accounts.AccountsConfig.Argon2Parameters;
import dev.rapport.server.accounts.Passwords;
import java.util.LinkedHashMap;
import java.util.Map;

/** The network {@code rapport demo} seeds, for the browser tests: the same people, ties and notes. */
public final class DemoSeed {
  private DemoSeed() {}

  /** Seeds the demo network into the engine and answers each showcased member's handle with a token. */
  public static Map<String, String> seed(Rapport rapport) {
    Map<String, String> tokens = new LinkedHashMap<>();
    new DemoNetwork(rapport, new Passwords(Argon2Parameters.owasp())::hash).seedIfAbsent().members()
        .forEach(shown -> tokens.put(shown.member().handle().value(), shown.token()));
    return tokens;
  }
}
