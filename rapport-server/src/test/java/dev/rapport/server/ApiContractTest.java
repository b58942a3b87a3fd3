package dev.rapport.server;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.testing.ApiContract;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The contract's checks refuse what the document does not allow, on exchanges written here. */
class ApiContractTest {
  private static final ApiContract CONTRACT = ApiContract.served();
  private static final Map<String, List<String>> TOKEN = Map.of("Authorization", List.of("Bearer rpt_x"));
  private static final Map<String, List<String>> JSON = Map.of("Content-Type", List.of("application/json"));
  private static final Map<String, List<String>> PROBLEM = Map.of("Content-Type", List.of("application/problem+json"));

  private static ApiContract.Exchange exchange(String method, String target, Map<String, List<String>> headers,
      int status, Map<String, List<String>> responseHeaders, String body) {
    return new ApiContract.Exchange(method, target, headers, Optional.empty(), status, responseHeaders, body);
  }

  @Test
  void anAnswerAsDocumented_passes() {
    assertThatCode(() -> CONTRACT.check(exchange("PUT", "/v1/me/following/ada", TOKEN, 200, JSON,
        "{\"following\":true,\"changed\":true}"))).doesNotThrowAnyException();
  }

  @Test
  void aFieldTheDocumentDoesNotName_breaksIt() {
    assertThatThrownBy(() -> CONTRACT.check(exchange("PUT", "/v1/me/following/ada", TOKEN, 200, JSON,
        "{\"following\":true,\"changed\":true,\"extra\":1}")))
        .isInstanceOf(AssertionError.class).hasMessageContaining("extra");
  }

  @Test
  void aStatusTheOperationDoesNotList_breaksIt_evenAsAProblem() {
    assertThatThrownBy(() -> CONTRACT.check(exchange("GET", "/v1/me", TOKEN, 409, PROBLEM,
        "{\"type\":\"/problems/handle-taken\",\"title\":\"Handle taken\",\"status\":409,\"detail\":\"x\"}")))
        .isInstanceOf(AssertionError.class).hasMessageContaining("409");
  }

  @Test
  void aMemberRouteWithoutAToken_breaksIt() {
    assertThatThrownBy(() -> CONTRACT.check(exchange("GET", "/v1/me/limits", Map.of(), 401, PROBLEM,
        "{\"type\":\"/problems/unauthenticated\",\"title\":\"Unauthenticated\",\"status\":401,\"detail\":\"x\"}")))
        .isInstanceOf(AssertionError.class).hasMessageContaining("security");
  }

  @Test
  void anAnswerAtAnAddressTheDocumentLacks_mustBeAProblem() {
    assertThatCode(() -> CONTRACT.checkResponse(exchange("GET", "/V1/ME", TOKEN, 404, PROBLEM,
        "{\"type\":\"/problems/not-found\",\"title\":\"Not found\",\"status\":404,\"detail\":\"x\"}")))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> CONTRACT.checkResponse(exchange("GET", "/v1/posts", TOKEN, 200, JSON, "{}")))
        .isInstanceOf(AssertionError.class).hasMessageContaining("does not have");
    assertThatThrownBy(() -> CONTRACT.checkResponse(exchange("GET", "/v1/posts", TOKEN, 404, PROBLEM,
        "{\"type\":\"/problems/no-such-type\",\"title\":\"X\",\"status\":404,\"detail\":\"x\"}")))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void head_isCheckedAsItsGet_withoutABody() {
    assertThatCode(() -> CONTRACT.check(exchange("HEAD", "/health", Map.of(), 200, JSON, "")))
        .doesNotThrowAnyException();
  }
}
