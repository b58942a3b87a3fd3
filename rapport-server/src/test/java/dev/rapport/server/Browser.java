package dev.rapport.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.util.Optional;

/**
 * A browser's side of the accounts API for tests: it keeps the session cookie the server set and
 * the session's CSRF token, and sends them as a page would (or leaves the token out, on purpose).
 */
final class Browser {
  final ApiClient api;
  private Optional<String> cookie = Optional.empty();
  private Optional<String> csrf = Optional.empty();

  Browser(ApiClient api) {
    this.api = api;
  }

  static String signUpBody(String handle, String email, String password) {
    ObjectNode body = ApiClient.MAPPER.createObjectNode();
    body.put("email", email);
    body.put("password", password);
    body.put("handle", handle);
    body.put("name", "Name of " + handle);
    return body.toString();
  }

  static String signInBody(String email, String password) {
    ObjectNode body = ApiClient.MAPPER.createObjectNode();
    body.put("email", email);
    body.put("password", password);
    return body.toString();
  }

  /** Signs up, and keeps the session it answers with. */
  ApiClient.Answer signUp(String handle, String email, String password) {
    return keep(api.withBody("POST", "/v1/accounts", null, signUpBody(handle, email, password)));
  }

  /** Signs in, and keeps the session it answers with. */
  ApiClient.Answer signIn(String email, String password) {
    return keep(api.withBody("POST", "/v1/sessions", null, signInBody(email, password)));
  }

  private ApiClient.Answer keep(ApiClient.Answer answer) {
    if (answer.status() == 201) {
      cookie = answer.header("Set-Cookie").map(c -> c.substring(0, c.indexOf(';')));
      csrf = Optional.of(answer.json().get("csrfToken").asText());
    }
    return answer;
  }

  /** The session cookie as the browser sends it, {@code rapport_session=...}. */
  String cookie() {
    return cookie.orElseThrow();
  }

  String csrfToken() {
    return csrf.orElseThrow();
  }

  /** The session's secret alone. */
  String sessionToken() {
    return cookie().substring(cookie().indexOf('=') + 1);
  }

  ApiClient.Answer get(String path) {
    return api.send(withCookie(api.request(path)).GET().build());
  }

  /** A state change with the cookie and the CSRF token, as the web app sends it. */
  ApiClient.Answer send(String method, String path, String json) {
    return api.send(withCookie(api.request(path)).header("X-CSRF-Token", csrfToken())
        .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json)).build());
  }

  /** A state change with the cookie and the given CSRF header, or none: what another site's page could send. */
  ApiClient.Answer sendWithCsrf(String method, String path, String json, Optional<String> header) {
    HttpRequest.Builder request = withCookie(api.request(path)).header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(json));
    header.ifPresent(value -> request.header("X-CSRF-Token", value));
    return api.send(request.build());
  }

  private HttpRequest.Builder withCookie(HttpRequest.Builder request) {
    return cookie.map(value -> request.header("Cookie", value)).orElse(request);
  }
}
