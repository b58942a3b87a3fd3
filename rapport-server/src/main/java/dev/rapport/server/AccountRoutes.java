package dev.rapport.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.AccountCommands;
import dev.rapport.Rapport;
import dev.rapport.account.SignUp;
import dev.rapport.member.NewMember;
import dev.rapport.model.Handle;
import dev.rapport.model.MemberKind;
import dev.rapport.problem.RapportException;
import dev.rapport.server.accounts.AccountsConfig;
import dev.rapport.server.accounts.Passwords;
import dev.rapport.server.accounts.SameOrigin;
import dev.rapport.server.accounts.SessionCookies;
import dev.rapport.server.accounts.SignInThrottle;
import dev.rapport.store.Credential;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Accounts (A1-A3): sign-up, sign-in to a session cookie, the current session, sign-out, and a
 * password change. A password is read from the body, hashed or checked, and dropped: it is never
 * logged, answered or stored. Unknown emails and wrong passwords answer alike and take as long.
 */
final class AccountRoutes implements RouteGroup {
  private final Rapport rapport;
  private final AccountsConfig config;
  private final Passwords passwords;
  private final SignInThrottle throttle;

  AccountRoutes(Rapport rapport, AccountsConfig config, Passwords passwords, SignInThrottle throttle) {
    this.rapport = rapport;
    this.config = config;
    this.passwords = passwords;
    this.throttle = throttle;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.withBody(Method.POST, "/v1/accounts", Route.Access.PUBLIC,
            Set.of("email", "password", "handle", "name", "headline", "invite"), this::signUp),
        Route.withBody(Method.POST, "/v1/sessions", Route.Access.PUBLIC, Set.of("email", "password"), this::signIn),
        Route.of(Method.GET, "/v1/sessions/current", Route.Access.SESSION, this::current),
        Route.of(Method.DELETE, "/v1/sessions/current", Route.Access.SESSION, this::signOut),
        Route.withBody(Method.PUT, "/v1/me/password", Route.Access.MEMBER, Set.of("current", "new"),
            this::changePassword));
  }

  private Reply signUp(Call call) {
    requireSameOrigin(call.request());
    Fields body = call.body();
    String password = body.requiredString("password");
    Passwords.requireAcceptable(password, "password");
    NewMember member = new NewMember(Handle.of(body.requiredString("handle")), MemberKind.PERSON,
        body.requiredString("name"), body.string("headline").orElse(""), Optional.of(body.requiredString("email")),
        Optional.empty());
    SignUp command = new SignUp(member, passwords.hash(password), body.string("invite"));
    AccountCommands.Session session;
    try {
      session = rapport.accounts().signUp(command, config.signUp() == AccountsConfig.SignUpMode.INVITE_ONLY,
          config.sessionLifetime());
    } catch (RapportException e) {
      if (e.type().equals("email-taken")) {
        // Learning which emails have accounts costs an address its failed sign-in budget.
        throttle.failed(Optional.empty(), call.request().remotePeer().address());
      }
      throw e;
    }
    Map<String, String> headers = new LinkedHashMap<>(cookie(call.request(), session));
    headers.put("Location", "/v1/members/" + session.member().handle().value());
    return Reply.created(sessionBody(session), headers);
  }

  private Reply signIn(Call call) {
    requireSameOrigin(call.request());
    Fields body = call.body();
    String email = body.requiredString("email");
    String password = body.requiredString("password");
    String key = AccountCommands.emailKey(email);
    refuseWhileThrottled(key, call.request());
    Optional<Credential> credential = rapport.accounts().credential(email);
    boolean matches;
    if (credential.isPresent()) {
      matches = passwords.verify(password, credential.get().passwordHash());
    } else {
      passwords.verifyNothing(password);
      matches = false;
    }
    if (!matches) {
      Map<String, String> headers = new LinkedHashMap<>(throttle.failed(Optional.of(key),
          call.request().remotePeer().address()));
      headers.put("WWW-Authenticate", "Bearer realm=\"rapport\"");
      throw new ProblemException(401, "sign-in-failed", "the email or the password is wrong", Map.of(), headers);
    }
    AccountCommands.Session session = rapport.accounts().startSession(credential.get().memberId(),
        config.sessionLifetime());
    return Reply.created(sessionBody(session), cookie(call.request(), session));
  }

  private Reply current(Call call) {
    AccountCommands.Session session = rapport.accounts().session(call.session().orElseThrow())
        .orElseThrow(() -> new ProblemException(401, "unauthenticated", "the session has ended; sign in again"));
    return Reply.ok(sessionBody(session)).withHeaders(Map.of("Cache-Control", "no-store"));
  }

  private Reply signOut(Call call) {
    rapport.accounts().endSession(call.me().id(), call.session().orElseThrow());
    return Reply.noContent(Map.of("Set-Cookie", SessionCookies.clear(secure(call.request()))));
  }

  private Reply changePassword(Call call) {
    Fields body = call.body();
    String current = body.requiredString("current");
    String next = body.requiredString("new");
    Passwords.requireAcceptable(next, "new");
    Credential credential = rapport.accounts().credentialOf(call.me().id()).orElseThrow(() -> new ProblemException(404,
        "account-not-found", "you have no password to change: your member was created by the administrator"));
    refuseWhileThrottled(credential.emailKey(), call.request());
    if (!passwords.verify(current, credential.passwordHash())) {
      throw new ProblemException(403, "wrong-password", "the current password is wrong", Map.of(),
          throttle.failed(Optional.of(credential.emailKey()), call.request().remotePeer().address()));
    }
    rapport.accounts().changePassword(call.me().id(), credential.passwordHash(), passwords.hash(next),
        call.session());
    return Reply.noContent();
  }

  private void refuseWhileThrottled(String emailKey, ServerRequest request) {
    throttle.check(emailKey, request.remotePeer().address()).ifPresent(refusal -> {
      throw new ProblemException(429, "rate-limited", "too many failed sign-ins; try again in %d s"
          .formatted(refusal.retryAfterSeconds()), Map.of("policy", refusal.policy(),
          "retryAfter", refusal.retryAfterSeconds()), refusal.headers());
    });
  }

  private static void requireSameOrigin(ServerRequest request) {
    if (!SameOrigin.allows(request.headers().first(HeaderNames.create("Sec-Fetch-Site")),
        request.headers().first(HeaderNames.ORIGIN), request.headers().first(HeaderNames.HOST))) {
      throw new ProblemException(403, "cross-site-request",
          "signing in or up is accepted only from this site's own pages");
    }
  }

  private boolean secure(ServerRequest request) {
    return config.behindTls() || request.isSecure();
  }

  private Map<String, String> cookie(ServerRequest request, AccountCommands.Session session) {
    return Map.of("Set-Cookie", SessionCookies.set(session.token(), config.sessionLifetime(), secure(request)),
        "Cache-Control", "no-store");
  }

  private ObjectNode sessionBody(AccountCommands.Session session) {
    ObjectNode node = Json.object();
    node.set("member", Representations.ownProfile(rapport.profile(session.member().id(), session.member().handle())));
    node.put("csrfToken", SessionCookies.csrfToken(session.token()));
    node.put("expiresAt", Representations.time(session.expiresAt()));
    // The web app offers invite links only where the server would make them.
    node.put("mayInvite", config.membersMayInvite());
    return node;
  }
}
