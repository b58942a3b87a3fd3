package dev.rapport.cli;

import dev.rapport.Rapport;
import dev.rapport.server.accounts.AccountsConfig.Argon2Parameters;
import dev.rapport.server.accounts.Passwords;
import java.util.LinkedHashMap;
import java.util.Map;

/** The network {@code rapport demo} seeds, for the browser tests: the same people, ties and notes. */
public final class DemoSeed {
  private DemoSeed() {}

  /** How a demo member signs in, as {@code rapport demo} prints it. */
  public record SignIn(String handle, String email, String password) {}

  /** Seeds the demo network into the engine and answers each demo member's handle with how they sign in. */
  public static Map<String, SignIn> seed(Rapport rapport) {
    Map<String, SignIn> signIns = new LinkedHashMap<>();
    new DemoNetwork(rapport, new Passwords(Argon2Parameters.owasp())::hash).seedIfAbsent().signIns()
        .forEach(s -> signIns.put(s.handle(), new SignIn(s.handle(), s.email(), s.password())));
    return signIns;
  }
}
