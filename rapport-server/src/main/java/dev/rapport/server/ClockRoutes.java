package dev.rapport.server;

import dev.rapport.server.logging.Audit;
import dev.rapport.time.AdjustableClock;
import io.helidon.http.Method;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /v1/admin/clock}: moves the dev clock forward, so that a week of limits passes in one
 * call. Refused ({@code dev-clock-disabled}) unless the server was started with the dev clock.
 */
final class ClockRoutes implements RouteGroup {
  /** The most one call may advance: ten years, far from any overflow of the clock. */
  static final Duration MAX_ADVANCE = Duration.ofDays(3_660);

  private final Optional<AdjustableClock> clock;

  ClockRoutes(Optional<AdjustableClock> clock) {
    this.clock = clock;
  }

  @Override
  public List<Route> routes() {
    return List.of(Route.withBody(Method.POST, "/v1/admin/clock", Route.Access.ADMIN, Set.of("advance"), this::advance));
  }

  private Reply advance(Call call) {
    AdjustableClock devClock = clock.orElseThrow(() -> new ProblemException(403, "dev-clock-disabled",
        "the clock can be moved only on a server started with the dev clock (RAPPORT_DEV_CLOCK=true)"));
    String value = call.body().requiredString("advance");
    Duration by;
    try {
      by = Duration.parse(value);
    } catch (DateTimeParseException e) {
      throw ProblemException.field("invalid-field", "advance",
          "field 'advance' must be an ISO-8601 duration such as P7D or PT1H");
    }
    if (by.isNegative() || by.isZero() || by.compareTo(MAX_ADVANCE) > 0) {
      throw ProblemException.field("invalid-field", "advance",
          "field 'advance' must be positive and at most %s; the clock only moves forward".formatted(MAX_ADVANCE));
    }
    java.time.Instant now = devClock.advance(by);
    Audit.clockAdvanced(by, now);
    return Reply.ok(Representations.clock(now));
  }
}
