package dev.rapport.server.accounts;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import dev.rapport.problem.InvalidInputException;
import java.text.Normalizer;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * Password hashes with Argon2id (password4j), in the PHC string format that carries its salt and
 * parameters, so that hashes made before a change of parameters still verify. Passwords are NFKC
 * normalised first, as NIST SP 800-63B asks, so that one typed on another keyboard still matches.
 * Hashes run a few at a time: each holds the configured memory while it runs. Thread safe.
 */
public final class Passwords {
  /** NIST SP 800-63B: at least 8 characters. */
  public static final int MIN_LENGTH = 8;
  /** NIST SP 800-63B asks to allow at least 64; more costs nothing but the hash's input. */
  public static final int MAX_LENGTH = 256;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;

  private final Argon2Function argon2;
  private final Semaphore running;
  /** What an unknown email is checked against, so that it takes as long as a wrong password. */
  private final String dummyHash;

  public Passwords(AccountsConfig.Argon2Parameters parameters) {
    this.argon2 = Argon2Function.getInstance(parameters.memoryKiB(), parameters.iterations(), parameters.parallelism(),
        HASH_BYTES, Argon2.ID);
    this.running = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()), true);
    this.dummyHash = hash("a password nobody has: " + System.nanoTime());
  }

  /**
   * Checks a new password against NIST SP 800-63B's length rule; no other composition rule.
   *
   * @throws InvalidInputException {@code invalid-password} naming the field
   */
  public static void requireAcceptable(String password, String field) {
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH || length > MAX_LENGTH) {
      throw new InvalidInputException("invalid-password", "a password has %d to %d characters"
          .formatted(MIN_LENGTH, MAX_LENGTH), Map.of("field", field));
    }
  }

  /** The Argon2id hash of the password with a fresh salt, as stored. */
  public String hash(String password) {
    return limited(() -> Password.hash(normalised(password)).addRandomSalt(SALT_BYTES).with(argon2).getResult());
  }

  /** Whether the password matches the stored hash; false for a hash this cannot read. */
  public boolean verify(String password, String hash) {
    return limited(() -> {
      try {
        return Password.check(normalised(password), hash).with(Argon2Function.getInstanceFromHash(hash));
      } catch (RuntimeException e) {
        return false;
      }
    });
  }

  /** Spends the time of a check on no account's hash: the answer for an unknown email. */
  public void verifyNothing(String password) {
    verify(password, dummyHash);
  }

  private static String normalised(String password) {
    return Normalizer.normalize(password, Normalizer.Form.NFKC);
  }

  private <T> T limited(java.util.function.Supplier<T> work) {
    running.acquireUninterruptibly();
    try {
      return work.get();
    } finally {
      running.release();
    }
  }
}
