package dev.rapport.server;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The request budgets the server enforces (PRODUCT.md A3): each bearer token's requests, and each
 * client address's failed authentications. An absent budget is switched off.
 *
 * @param perToken the requests one token may make per window
 * @param failedAuthentication the unknown or malformed tokens one address may present per window
 */
public record RateLimits(Optional<Budget> perToken, Optional<Budget> failedAuthentication) {

  /**
   * A token bucket: {@code requests} at once, refilled evenly over {@code window}.
   *
   * @param requests how many requests the budget holds, at least 1
   * @param window how long an empty budget takes to fill again, at least one second
   */
  public record Budget(long requests, Duration window) {
    /** @throws IllegalArgumentException if a value is out of range */
    public Budget {
      if (requests < 1) {
        throw new IllegalArgumentException("a budget holds at least 1 request, not %d".formatted(requests));
      }
      Objects.requireNonNull(window, "window");
      if (window.toSeconds() < 1) {
        throw new IllegalArgumentException("a budget's window is at least 1s, not %s".formatted(window));
      }
    }

    /**
     * A budget as configuration writes it: {@code <requests>/<window>}, e.g. {@code 1200/1m}; or
     * {@code off} for none.
     *
     * @throws IllegalArgumentException if the text is neither
     */
    public static Optional<Budget> parse(String text) {
      String value = text.strip();
      if (value.equalsIgnoreCase("off")) {
        return Optional.empty();
      }
      int slash = value.indexOf('/');
      if (slash < 1) {
        throw new IllegalArgumentException("'%s' is not <requests>/<window> (e.g. 1200/1m) or off".formatted(text));
      }
      long requests;
      try {
        requests = Long.parseLong(value.substring(0, slash).strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'%s': the number of requests is not a whole number".formatted(text));
      }
      return Optional.of(new Budget(requests, Durations.parse(value.substring(slash + 1))));
    }

    /** The window in whole seconds, as the {@code RateLimit-Policy} header gives it. */
    long windowSeconds() {
      return window.toSeconds();
    }

    @Override
    public String toString() {
      return requests + "/" + Durations.format(window);
    }
  }

  /** Checks neither budget is null. */
  public RateLimits {
    Objects.requireNonNull(perToken, "perToken");
    Objects.requireNonNull(failedAuthentication, "failedAuthentication");
  }

  /**
   * 1,200 requests per token per minute (a burst of 1,200, then 20 a second), and 600 failed
   * authentications per address per minute (10 a second): far above what a person or a
   * well-behaved script does, far below a flood of guesses.
   */
  public static RateLimits defaults() {
    return new RateLimits(Optional.of(new Budget(1200, Duration.ofMinutes(1))),
        Optional.of(new Budget(600, Duration.ofMinutes(1))));
  }

  /** No budget at all. */
  public static RateLimits off() {
    return new RateLimits(Optional.empty(), Optional.empty());
  }

  @Override
  public String toString() {
    return "RateLimits[perToken=%s, failedAuthentication=%s]".formatted(
        perToken.map(Budget::toString).orElse("off"), failedAuthentication.map(Budget::toString).orElse("off"));
  }
}
