package dev.rapport.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The request budgets of {@link RateLimits} as token buckets (Bucket4j), one per bearer token and
 * one per client address for failed authentications, each forgotten once it has been full for a
 * window (a new one starts full, so forgetting changes nothing). A request over a budget is refused
 * with 429 {@code rate-limited} before anything is read or applied.
 *
 * <p>Headers follow draft-ietf-httpapi-ratelimit-headers: {@code RateLimit-Policy: "token";q=1200;w=60}
 * and {@code RateLimit: "token";r=<left>;t=<seconds>}, where {@code t} is, while requests are left,
 * the time until the budget is full again, and once it is empty the time until the next request
 * is allowed (also sent as {@code Retry-After}). Thread safe.
 */
final class RequestBudgets {
  static final String TOKEN_POLICY = "token";
  static final String FAILED_AUTHENTICATION_POLICY = "failed-authentication";
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final Optional<Limiter<String>> perToken;
  private final Optional<Limiter<InetAddress>> failedAuthentication;

  /** One policy's buckets by key. */
  private static final class Limiter<K> {
    final String name;
    final String policyHeader;
    final Cache<K, Bucket> buckets;
    final Function<K, Bucket> create;

    Limiter(String name, RateLimits.Budget budget, TimeMeter time) {
      this.name = name;
      this.policyHeader = "\"%s\";q=%d;w=%d".formatted(name, budget.requests(), budget.windowSeconds());
      this.buckets = Caffeine.newBuilder()
          .expireAfterAccess(budget.window())
          .ticker(time::currentTimeNanos)
          .build();
      this.create = key -> Bucket.builder()
          .addLimit(limit -> limit.capacity(budget.requests()).refillGreedy(budget.requests(), budget.window()))
          .withCustomTimePrecision(time)
          .build();
    }
  }

  /**
   * @param time the buckets' clock: {@link TimeMeter#SYSTEM_NANOTIME} in service, one a test moves
   */
  RequestBudgets(RateLimits limits, TimeMeter time) {
    this.perToken = limits.perToken().map(budget -> new Limiter<>(TOKEN_POLICY, budget, time));
    this.failedAuthentication = limits.failedAuthentication()
        .map(budget -> new Limiter<>(FAILED_AUTHENTICATION_POLICY, budget, time));
  }

  /**
   * Spends one request of the token's budget and returns the headers that say what is left.
   *
   * @throws ProblemException 429 {@code rate-limited} when the budget is empty
   */
  Map<String, String> spend(String token) {
    if (perToken.isEmpty()) {
      return Map.of();
    }
    Limiter<String> limiter = perToken.get();
    ConsumptionProbe probe = limiter.buckets.get(token, limiter.create).tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      return headers(limiter, probe.getRemainingTokens(), seconds(probe.getNanosToWaitForReset()));
    }
    throw refusal(limiter, probe, "this token's request budget is spent");
  }

  /**
   * Refuses an address whose budget of failed authentications is spent, before its token is looked at:
   * otherwise the budget would not slow down guessing.
   *
   * @throws ProblemException 429 {@code rate-limited}
   */
  void admit(SocketAddress client) {
    if (failedAuthentication.isEmpty() || failedAuthentication.get().buckets.estimatedSize() == 0) {
      return;
    }
    Limiter<InetAddress> limiter = failedAuthentication.get();
    Bucket bucket = limiter.buckets.getIfPresent(address(client));
    if (bucket != null && bucket.getAvailableTokens() < 1) {
      throw refusal(limiter, bucket.tryConsumeAndReturnRemaining(1), "this address presented too many unknown tokens");
    }
  }

  /** Spends one failed authentication of the address's budget; answers the headers that say what is left. */
  Map<String, String> failed(SocketAddress client) {
    if (failedAuthentication.isEmpty()) {
      return Map.of();
    }
    Limiter<InetAddress> limiter = failedAuthentication.get();
    ConsumptionProbe probe = limiter.buckets.get(address(client), limiter.create).tryConsumeAndReturnRemaining(1);
    return probe.isConsumed()
        ? headers(limiter, probe.getRemainingTokens(), seconds(probe.getNanosToWaitForReset()))
        : headers(limiter, 0, seconds(probe.getNanosToWaitForRefill()));
  }

  private static ProblemException refusal(Limiter<?> limiter, ConsumptionProbe probe, String why) {
    long retryAfter = Math.max(1, seconds(probe.getNanosToWaitForRefill()));
    Map<String, String> headers = new LinkedHashMap<>(headers(limiter, 0, retryAfter));
    headers.put("Retry-After", Long.toString(retryAfter));
    return new ProblemException(429, "rate-limited", "%s; try again in %d s".formatted(why, retryAfter),
        Map.of("policy", limiter.name, "retryAfter", retryAfter), headers);
  }

  private static Map<String, String> headers(Limiter<?> limiter, long remaining, long seconds) {
    return Map.of("RateLimit-Policy", limiter.policyHeader,
        "RateLimit", "\"" + limiter.name + "\";r=" + remaining + ";t=" + seconds);
  }

  /** Whole seconds, rounded up. */
  private static long seconds(long nanos) {
    return (nanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
  }

  private static InetAddress address(SocketAddress client) {
    return client instanceof InetSocketAddress inet ? inet.getAddress() : InetAddress.getLoopbackAddress();
  }
}
