package dev.rapport.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.problem.ForbiddenException;
import dev.rapport.problem.InvalidInputException;
import dev.rapport.problem.LimitReachedException;
import dev.rapport.problem.NotFoundException;
import dev.rapport.problem.RuleBrokenException;
import dev.rapport.time.AdjustableClock;
import io.helidon.http.BadRequestException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How failures become problem documents: status by family, details, Retry-After, 500 for the unexpected. */
class ProblemsTest {
  private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
  private final Problems problems = new Problems(AdjustableClock.fixedAt(NOW));

  @Test
  void engineFailures_mapToOneStatusPerFamily() {
    assertThat(problems.problemFor(new InvalidInputException("invalid-name", "no")).status()).isEqualTo(400);
    assertThat(problems.problemFor(NotFoundException.member("bob")).status()).isEqualTo(404);
    assertThat(problems.problemFor(new ForbiddenException("follow-restricted", "no")).status()).isEqualTo(403);
    assertThat(problems.problemFor(new RuleBrokenException("handle-taken", "no")).status()).isEqualTo(409);
    assertThat(problems.problemFor(new LimitReachedException("follow-limit", "no", Map.of())).status()).isEqualTo(429);
  }

  @Test
  void L2_limitWithRetryAt_hasRetryAfterInSecondsAndTheDetailsAsMembers() {
    Instant retryAt = NOW.plus(Duration.ofHours(1)).plusNanos(123_456_789);
    Problems.Problem problem = problems.problemFor(new LimitReachedException("weekly-invitation-limit",
        "you sent 200 invitations", Map.of("retryAt", retryAt, "limit", 200, "used", 200, "type", "sneaky")));

    assertThat(problem.headers()).containsEntry("Retry-After", "3601");
    ObjectNode document = Problems.document(problem);
    assertThat(document.toString()).isEqualTo("{\"type\":\"/problems/weekly-invitation-limit\","
        + "\"title\":\"Weekly invitation limit\",\"status\":429,\"detail\":\"you sent 200 invitations\","
        + "\"limit\":200,\"retryAt\":\"2030-01-01T01:00:00.123Z\",\"used\":200}");
  }

  @Test
  void aRetryAtInThePast_isRetryAfterZero() {
    Problems.Problem problem = problems.problemFor(new LimitReachedException("invitations-restricted", "no",
        Map.of("retryAt", NOW.minusSeconds(30))));

    assertThat(problem.headers()).containsEntry("Retry-After", "0");
  }

  @Test
  void unexpectedFailures_are500WithoutTheirMessage() {
    Problems.Problem problem = problems.problemFor(new IllegalStateException("secret internals"));

    assertThat(problem.status()).isEqualTo(500);
    assertThat(problem.type()).isEqualTo("internal-error");
    assertThat(problem.detail()).doesNotContain("secret");
  }

  @Test
  void helidonRefusals_keepTheirStatus() {
    Problems.Problem problem = problems.problemFor(new BadRequestException("bad"));

    assertThat(problem.status()).isEqualTo(400);
    assertThat(problem.type()).isEqualTo("bad-request");
  }

  @Test
  void titles_areTheSlugInWords() {
    assertThat(Problems.title("member-not-found")).isEqualTo("Member not found");
    assertThat(Problems.title("unauthenticated")).isEqualTo("Unauthenticated");
  }
}
