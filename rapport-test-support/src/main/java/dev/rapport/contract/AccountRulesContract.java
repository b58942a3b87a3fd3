package dev.rapport.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.AccountCommands;
import dev.rapport.AccountCommands.Session;
import dev.rapport.Rapport;
import dev.rapport.account.SignUp;
import dev.rapport.member.NewMember;
import dev.rapport.model.Handle;
import dev.rapport.model.Member;
import dev.rapport.model.MemberKind;
import dev.rapport.problem.RapportException;
import dev.rapport.store.IssuedToken;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Accounts (A1, A2) through the facade against a real store: the member and their credentials
 * come and go together, emails are unique whatever their case, invite links are single use, and
 * sessions and tokens stop working the moment they end. Password hashes here are opaque strings:
 * hashing is the server's.
 */
public abstract class AccountRulesContract extends RulesContract {
  private static final Duration DAY = Duration.ofDays(1);
  private static final Duration SESSION = Duration.ofDays(14);

  private AccountCommands accounts() {
    return rapport.accounts();
  }

  private static SignUp signUp(String handle, String email, Optional<String> invite) {
    return new SignUp(new NewMember(Handle.of(handle), MemberKind.PERSON, capitalize(handle), "", Optional.of(email),
        Optional.empty()), "hash-of-" + handle, invite);
  }

  private Session signUp(String handle, String email) {
    return accounts().signUp(signUp(handle, email, Optional.empty()), false, SESSION);
  }

  @Test
  void A1_signUp_createsTheMemberTheirCredentialsAndASession() {
    Session ada = signUp("ada", "Ada@Example.com");

    Member member = rapport.member(h("ada")).orElseThrow();
    assertThat(member.email()).contains("Ada@Example.com");
    assertThat(accounts().credential("ada@EXAMPLE.com")).hasValueSatisfying(c -> {
      assertThat(c.memberId()).isEqualTo(member.id());
      assertThat(c.passwordHash()).isEqualTo("hash-of-ada");
    });
    assertThat(accounts().session(ada.token()).map(s -> s.member().id())).contains(member.id());
    assertThat(ada.expiresAt()).isEqualTo(START.plus(SESSION));
  }

  @Test
  void A1_email_isUniqueCaseInsensitively_againstAccountsAndMembers() {
    signUp("ada", "ada@example.com");
    assertThat(problemType(() -> signUp("ada2", "ADA@example.COM"))).isEqualTo("email-taken");
    rapport.createMember(new NewMember(h("grace"), MemberKind.PERSON, "Grace", "", Optional.of("Grace@Example.com"),
        Optional.empty()));
    assertThat(problemType(() -> signUp("grace2", "grace@example.com"))).isEqualTo("email-taken");
    assertThat(rapport.member(h("ada2"))).isEmpty();
    assertThat(rapport.member(h("grace2"))).isEmpty();
  }

  @Test
  void A1_aRefusedSignUp_leavesNeitherMemberNorCredentials() {
    rapport.createMember(NewMember.person("ada", "Ada"));
    assertThat(problemType(() -> signUp("ada", "someone@example.com"))).isEqualTo("handle-taken");
    assertThat(accounts().credential("someone@example.com")).isEmpty();
  }

  @Test
  void A1_twoSignUpsWithOneEmail_exactlyOneWins() throws Exception {
    List<Callable<Optional<Session>>> attempts = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String handle = "person-" + i;
      attempts.add(() -> Optional.of(accounts().signUp(signUp(handle, "same@example.com", Optional.empty()), false,
          SESSION)));
    }
    List<String> outcomes = race(attempts);
    assertThat(outcomes).filteredOn("won"::equals).hasSize(1);
    assertThat(outcomes).filteredOn(o -> !o.equals("won")).containsOnly("email-taken");
    long winner = accounts().credential("same@example.com").orElseThrow().memberId();
    for (int i = 0; i < 8; i++) {
      // No member without a password: only the winner exists.
      rapport.member(h("person-" + i)).ifPresent(m -> assertThat(m.id()).isEqualTo(winner));
    }
  }

  @Test
  void A1_inviteOnly_needsAnUnusedUnexpiredInviteLink() {
    assertThat(problemType(() -> accounts().signUp(signUp("ada", "ada@example.com", Optional.empty()), true, SESSION)))
        .isEqualTo("invite-required");
    assertThat(problemType(() -> accounts().signUp(signUp("ada", "ada@example.com", Optional.of("rpt_nothing")), true,
        SESSION))).isEqualTo("invite-not-found");

    AccountCommands.NewInvite invite = accounts().createInvite(0, Duration.ofDays(7));
    Session ada = accounts().signUp(signUp("ada", "ada@example.com", Optional.of(invite.code())), true, SESSION);
    assertThat(ada.member().handle()).isEqualTo(h("ada"));
    assertThat(problemType(() -> accounts().signUp(signUp("bob", "bob@example.com", Optional.of(invite.code())), true,
        SESSION))).isEqualTo("invite-used");

    AccountCommands.NewInvite byAda = accounts().createInvite(ada.member().id(), Duration.ofDays(7));
    clock.advance(Duration.ofDays(7));
    assertThat(problemType(() -> accounts().signUp(signUp("bob", "bob@example.com", Optional.of(byAda.code())), true,
        SESSION))).isEqualTo("invite-expired");
    assertThat(rapport.member(h("bob"))).isEmpty();
  }

  @Test
  void A1_twoSignUpsWithOneInviteLink_exactlyOneWins() throws Exception {
    AccountCommands.NewInvite invite = accounts().createInvite(0, Duration.ofDays(7));
    List<Callable<Optional<Session>>> attempts = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String handle = "person-" + i;
      attempts.add(() -> Optional.of(accounts().signUp(signUp(handle, handle + "@example.com",
          Optional.of(invite.code())), true, SESSION)));
    }
    List<String> outcomes = race(attempts);
    assertThat(outcomes).filteredOn("won"::equals).hasSize(1);
    assertThat(outcomes).filteredOn(o -> !o.equals("won")).containsOnly("invite-used");
  }

  @Test
  void A2_signingOut_endsTheSessionAtOnce() {
    Session ada = signUp("ada", "ada@example.com");
    Session second = accounts().startSession(ada.member().id(), SESSION);
    accounts().endSession(ada.member().id(), ada.token());
    assertThat(accounts().session(ada.token())).isEmpty();
    assertThat(accounts().session(second.token())).isPresent();
  }

  @Test
  void A2_sessions_expire_andAreNotBearerTokens() {
    Session ada = signUp("ada", "ada@example.com");
    assertThat(rapport.authenticate(ada.token())).isEmpty();
    clock.advance(SESSION);
    assertThat(accounts().session(ada.token())).isEmpty();
  }

  @Test
  void A1_changingThePassword_endsTheOtherSessions_andKeepsThisOne() {
    Session ada = signUp("ada", "ada@example.com");
    Session other = accounts().startSession(ada.member().id(), SESSION);
    long id = ada.member().id();

    accounts().changePassword(id, "hash-of-ada", "new-hash", Optional.of(ada.token()));

    assertThat(accounts().credentialOf(id).orElseThrow().passwordHash()).isEqualTo("new-hash");
    assertThat(accounts().session(ada.token())).isPresent();
    assertThat(accounts().session(other.token())).isEmpty();
    assertThat(problemType(() -> accounts().changePassword(id, "hash-of-ada", "newer", Optional.empty())))
        .isEqualTo("concurrent-update");
  }

  @Test
  void A2_apiTokens_areListedWithoutTheirSecret_andRevokedAtOnce() {
    long ada = signUp("ada", "ada@example.com").member().id();
    long bob = signUp("bob", "bob@example.com").member().id();
    AccountCommands.NewToken script = accounts().createToken(ada, "backup script", Duration.ofDays(30));
    assertThat(rapport.authenticate(script.token()).map(Member::id)).contains(ada);
    assertThat(accounts().tokens(ada)).extracting(IssuedToken::name).containsExactly(Optional.of("backup script"));
    assertThat(accounts().tokens(ada).getFirst().expiresAt()).isEqualTo(START.plus(Duration.ofDays(30)));
    assertThat(accounts().tokens(bob)).isEmpty();
    assertThat(problemType(() -> accounts().revokeToken(bob, script.issued().id()))).isEqualTo("token-not-found");
    assertThat(accounts().session(script.token())).isEmpty();

    accounts().revokeToken(ada, script.issued().id());

    assertThat(rapport.authenticate(script.token())).isEmpty();
    assertThat(accounts().tokens(ada)).isEmpty();
  }

  @Test
  void A2_aRevokedToken_stopsWorkingOnAnotherEngineSharingTheStore_onItsNextLogRead() {
    long ada = signUp("ada", "ada@example.com").member().id();
    AccountCommands.NewToken script = accounts().createToken(ada, "cron", Duration.ofDays(30));
    Rapport other = Rapport.builder().store(store).clock(clock).logReadEvery(Duration.ZERO).build();
    assertThat(other.authenticate(script.token())).isPresent();

    accounts().revokeToken(ada, script.issued().id());

    assertThat(other.authenticate(script.token())).isEmpty();
  }

  @Test
  void A2_adminIssuedTokens_keepWorking_andTheirMemberMayRevokeThem() {
    Rapport.MemberWithToken ada = rapport.createMember(NewMember.person("ada", "Ada"));
    assertThat(rapport.authenticate(ada.token())).isPresent();
    List<IssuedToken> tokens = accounts().tokens(ada.member().id());
    assertThat(tokens).singleElement().satisfies(t -> assertThat(t.name()).isEmpty());
    accounts().revokeToken(ada.member().id(), tokens.getFirst().id());
    assertThat(rapport.authenticate(ada.token())).isEmpty();
  }

  @Test
  void A1_anAdministrator_givesAMemberAPassword_withTheirEmail() {
    rapport.createMember(new NewMember(h("ada"), MemberKind.PERSON, "Ada", "", Optional.of("ada@example.com"),
        Optional.empty()));
    accounts().setPassword(h("ada"), "first");
    Session session = accounts().startSession(rapport.member(h("ada")).orElseThrow().id(), SESSION);
    accounts().setPassword(h("ada"), "second");
    assertThat(accounts().credential("ADA@example.com").orElseThrow().passwordHash()).isEqualTo("second");
    assertThat(accounts().session(session.token())).isEmpty();
    rapport.createMember(NewMember.person("bob", "Bob"));
    assertThat(problemType(() -> accounts().setPassword(h("bob"), "x"))).isEqualTo("missing-field");
  }

  /** Runs the attempts at once; each comes back as "won" or the type of its refusal. */
  private static List<String> race(List<Callable<Optional<Session>>> attempts) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(attempts.size());
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<String>> futures = new ArrayList<>();
      for (Callable<Optional<Session>> attempt : attempts) {
        futures.add(pool.submit(() -> {
          start.await();
          try {
            attempt.call();
            return "won";
          } catch (RapportException e) {
            return e.type();
          }
        }));
      }
      start.countDown();
      List<String> outcomes = new ArrayList<>();
      for (Future<String> future : futures) {
        outcomes.add(future.get());
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }
}
