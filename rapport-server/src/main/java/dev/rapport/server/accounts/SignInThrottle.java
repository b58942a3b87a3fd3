package dev.rapport.server.accounts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.rapport.server.RateLimits;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Failed sign-ins (A3) as token buckets (Bucket4j), one per email and one per client address, each
 * forgotten once it has been full for a window. A sign-in, or a password change, is refused before
 * its password is checked while either budget is empty, so guessing is slowed down on one account
 * from many addresses and on many accounts from one. Emails nobody has get buckets too, so that a
 * refusal says nothing of whether an account exists. Thread safe.
 */
public final class SignInThrottle {
  static final String PER_ACCOUNT = "failed-sign-in-account";
  static final String PER_ADDRESS = "failed-sign-in-address";
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final Optional<Limiter<String>> perAccount;
  private final Optional<Limiter<InetAddress>> perAddress;

  /** A refusal: how long to wait, and the {@code Retry-After} and {@code RateLimit} headers that say so. */
  public record Refusal(String policy, long retryAfterSeconds, Map<String, String> headers) {
    public Refusal {
      headers = Map.copyOf(headers);
    }
  }

  private static final class Limiter<K> {
    final String name;
    final String policyHeader;
    final Cache<K, Bucket> buckets;
    final RateLimits.Budget budget;
    final TimeMeter time;

    Limiter(String name, RateLimits.Budget budget, TimeMeter time) {
      this.name = name;
      this.budget = budget;
      this.time = time;
      this.policyHeader = "\"%s\";q=%d;w=%d".formatted(name, budget.requests(), budget.window().toSeconds());
      this.buckets = Caffeine.newBuilder().expireAfterAccess(budget.window()).ticker(time::currentTimeNanos).build();
    }

    Bucket bucket(K key) {
      return buckets.get(key, k -> Bucket.builder()
          .addLimit(limit -> limit.capacity(budget.requests()).refillGreedy(budget.requests(), budget.window()))
          .withCustomTimePrecision(time)
          .build());
    }
  }

  /** @param time the buckets' clock: {@link TimeMeter#SYSTEM_NANOTIME} in service, one a test moves */
  public SignInThrottle(AccountsConfig config, TimeMeter time) {
    this.perAccount = config.failedSignInsPerAccount().map(b -> new Limiter<>(PER_ACCOUNT, b, time));
    this.perAddress = config.failedSignInsPerAddress().map(b -> new Limiter<>(PER_ADDRESS, b, time));
  }

  /** The refusal, if the email's or the address's budget of failures is spent; spends nothing. */
  public Optional<Refusal> check(String emailKey, SocketAddress client) {
    Optional<Refusal> account = perAccount.flatMap(l -> emptyBucket(l, l.buckets.getIfPresent(emailKey)));
    return account.isPresent() ? account
        : perAddress.flatMap(l -> emptyBucket(l, l.buckets.getIfPresent(address(client))));
  }

  /** Counts a failure against the email (if given) and the address; answers the headers that say what is left. */
  public Map<String, String> failed(Optional<String> emailKey, SocketAddress client) {
    Map<String, String> headers = new LinkedHashMap<>();
    List<String> policies = new ArrayList<>();
    List<String> states = new ArrayList<>();
    emailKey.ifPresent(key -> perAccount.ifPresent(l -> spend(l, l.bucket(key), policies, states)));
    perAddress.ifPresent(l -> spend(l, l.bucket(address(client)), policies, states));
    if (!policies.isEmpty()) {
      headers.put("RateLimit-Policy", String.join(", ", policies));
      headers.put("RateLimit", String.join(", ", states));
    }
    return headers;
  }

  private static void spend(Limiter<?> limiter, Bucket bucket, List<String> policies, List<String> states) {
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    long seconds = seconds(probe.isConsumed() ? probe.getNanosToWaitForReset() : probe.getNanosToWaitForRefill());
    policies.add(limiter.policyHeader);
    states.add("\"%s\";r=%d;t=%d".formatted(limiter.name, probe.getRemainingTokens(), seconds));
  }

  private static Optional<Refusal> emptyBucket(Limiter<?> limiter, Bucket bucket) {
    if (bucket == null || bucket.getAvailableTokens() >= 1) {
      return Optional.empty();
    }
    long wait = Math.max(1, seconds(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("RateLimit-Policy", limiter.policyHeader);
    headers.put("RateLimit", "\"%s\";r=0;t=%d".formatted(limiter.name, wait));
    headers.put("Retry-After", Long.toString(wait));
    return Optional.of(new Refusal(limiter.name, wait, headers));
  }

  /** Whole seconds, rounded up. */
  private static long seconds(long nanos) {
    return (nanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
  }

  private static InetAddress address(SocketAddress client) {
    return client instanceof InetSocketAddress inet ? inet.getAddress() : InetAddress.getLoopbackAddress();
  }
}
