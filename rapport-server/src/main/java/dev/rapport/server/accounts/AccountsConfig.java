package dev.rapport.server.accounts;

import dev.rapport.server.RateLimits;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How people get and use accounts (A1-A3): who may sign up, invite links, sessions, the cost of
 * password hashes, and the budgets of failed sign-ins. Immutable.
 *
 * @param signUp whether anyone may sign up, or only people with an invite link
 * @param membersMayInvite whether members, and not only the administrator, make invite links
 * @param inviteLifetime how long an invite link stays good
 * @param sessionLifetime how long a session lasts from sign-in (not sliding: see the decision record)
 * @param behindTls whether clients reach the server over TLS through a proxy, so cookies are {@code Secure}
 * @param argon2 the Argon2id parameters of new password hashes
 * @param failedSignInsPerAccount failed sign-ins one email may have per window
 * @param failedSignInsPerAddress failed sign-ins one client address may have per window
 */
public record AccountsConfig(SignUpMode signUp, boolean membersMayInvite, Duration inviteLifetime,
    Duration sessionLifetime, boolean behindTls, Argon2Parameters argon2,
    Optional<RateLimits.Budget> failedSignInsPerAccount, Optional<RateLimits.Budget> failedSignInsPerAddress) {

  /** Who may sign up. */
  public enum SignUpMode {
    /** Anyone who reaches the server. */
    OPEN,
    /** Only people with an unused invite link. */
    INVITE_ONLY;

    /** {@code open} or {@code invite-only}. */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @throws IllegalArgumentException if it is neither {@code open} nor {@code invite-only} */
    public static SignUpMode fromWireName(String value) {
      for (SignUpMode mode : values()) {
        if (mode.wireName().equals(value)) {
          return mode;
        }
      }
      throw new IllegalArgumentException("'%s' is not one of open, invite-only".formatted(value));
    }
  }

  /** Argon2id's cost: memory in KiB, passes over it, and lanes. */
  public record Argon2Parameters(int memoryKiB, int iterations, int parallelism) {
    /** @throws IllegalArgumentException below RFC 9106's minimums (8 KiB per lane, one pass, one lane) */
    public Argon2Parameters {
      if (parallelism < 1 || parallelism > 16) {
        throw new IllegalArgumentException("accounts.argon2.parallelism: %d is not between 1 and 16"
            .formatted(parallelism));
      }
      if (iterations < 1 || iterations > 100) {
        throw new IllegalArgumentException("accounts.argon2.iterations: %d is not between 1 and 100"
            .formatted(iterations));
      }
      if (memoryKiB < 8 * parallelism || memoryKiB > 4 * 1024 * 1024) {
        throw new IllegalArgumentException("accounts.argon2.memoryKiB: %d is not between %d and 4194304"
            .formatted(memoryKiB, 8 * parallelism));
      }
    }

    /** OWASP's Password Storage Cheat Sheet, first of its equivalent choices: 19 MiB, 2 passes, 1 lane. */
    public static Argon2Parameters owasp() {
      return new Argon2Parameters(19_456, 2, 1);
    }
  }

  /** @throws IllegalArgumentException if a lifetime is not positive */
  public AccountsConfig {
    Objects.requireNonNull(signUp, "signUp");
    requirePositive(inviteLifetime, "accounts.inviteLifetime (RAPPORT_ACCOUNTS_INVITE_LIFETIME)");
    requirePositive(sessionLifetime, "accounts.sessionLifetime (RAPPORT_ACCOUNTS_SESSION_LIFETIME)");
    Objects.requireNonNull(argon2, "argon2");
    Objects.requireNonNull(failedSignInsPerAccount, "failedSignInsPerAccount");
    Objects.requireNonNull(failedSignInsPerAddress, "failedSignInsPerAddress");
  }

  private static void requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.toSeconds() < 1) {
      throw new IllegalArgumentException("%s: %s is shorter than a second".formatted(name, duration));
    }
  }

  /**
   * Open sign-up, invite links by the administrator only, good for 7 days; sessions of 14 days;
   * OWASP's Argon2id parameters; 10 failed sign-ins per email and 100 per address per 15 minutes.
   */
  public static AccountsConfig defaults() {
    return new AccountsConfig(SignUpMode.OPEN, false, Duration.ofDays(7), Duration.ofDays(14), false,
        Argon2Parameters.owasp(), Optional.of(new RateLimits.Budget(10, Duration.ofMinutes(15))),
        Optional.of(new RateLimits.Budget(100, Duration.ofMinutes(15))));
  }

  public AccountsConfig withSignUp(SignUpMode mode) {
    return new AccountsConfig(mode, membersMayInvite, inviteLifetime, sessionLifetime, behindTls, argon2,
        failedSignInsPerAccount, failedSignInsPerAddress);
  }

  public AccountsConfig withMembersMayInvite(boolean may) {
    return new AccountsConfig(signUp, may, inviteLifetime, sessionLifetime, behindTls, argon2,
        failedSignInsPerAccount, failedSignInsPerAddress);
  }

  public AccountsConfig withArgon2(Argon2Parameters parameters) {
    return new AccountsConfig(signUp, membersMayInvite, inviteLifetime, sessionLifetime, behindTls, parameters,
        failedSignInsPerAccount, failedSignInsPerAddress);
  }

  public AccountsConfig withBehindTls(boolean tls) {
    return new AccountsConfig(signUp, membersMayInvite, inviteLifetime, sessionLifetime, tls, argon2,
        failedSignInsPerAccount, failedSignInsPerAddress);
  }

  public AccountsConfig withFailedSignIns(Optional<RateLimits.Budget> perAccount,
      Optional<RateLimits.Budget> perAddress) {
    return new AccountsConfig(signUp, membersMayInvite, inviteLifetime, sessionLifetime, behindTls, argon2, perAccount,
        perAddress);
  }
}
