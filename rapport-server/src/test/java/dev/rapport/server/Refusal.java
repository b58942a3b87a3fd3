package dev.rapport.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;
import org.assertj.core.api.SoftAssertions;

/**
 * A well-formed request that the rules refuse, for the bad-input tests beside {@link BadRequests}:
 * what it tries, how it is sent, and the status and problem type it must get.
 */
record Refusal(String name, Supplier<ApiClient.Answer> request, int status, String type) {
  /**
   * Sends each request in turn: each must get its status and an {@code application/problem+json}
   * answer of its type with a detail, and the state read before them must read the same after them.
   */
  static void assertEachRefused_changingNothing(List<Refusal> refusals, Supplier<String> state) {
    String before = state.get();
    SoftAssertions softly = new SoftAssertions();
    for (Refusal refusal : refusals) {
      ApiClient.Answer answer = refusal.request().get();
      softly.assertThat(answer.status()).as(refusal.name() + ": " + answer).isEqualTo(refusal.status());
      softly.assertThat(answer.contentType()).as(refusal.name()).startsWith("application/problem+json");
      softly.assertThat(answer.json().path("type").asText()).as(refusal.name()).isEqualTo("/problems/" + refusal.type());
      softly.assertThat(answer.json().path("detail").asText()).as(refusal.name()).isNotBlank();
    }
    softly.assertAll();
    assertThat(state.get()).isEqualTo(before);
  }
}
