package dev.rapport.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.kernel.Change;
import dev.rapport.kernel.Commit;
import dev.rapport.kernel.Event;
import dev.rapport.kernel.EventType;
import dev.rapport.model.Handle;
import dev.rapport.model.InviteLink;
import dev.rapport.model.Member;
import dev.rapport.model.MemberKind;
import dev.rapport.model.Settings;
import dev.rapport.model.TokenKind;
import dev.rapport.store.CommitOutcome;
import dev.rapport.store.IssuedToken;
import dev.rapport.store.Store;
import dev.rapport.store.TokenGrant;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The accounts' part of the store SPI (A1, A2), exercised directly: credentials, sessions, API
 * tokens and invite links, and the uniqueness the store guards as conflicts. Each backend runs it
 * by extending it.
 */
abstract class AccountStoreContract {
  private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

  protected abstract Store openFresh();

  private Store store;

  @BeforeEach
  void open() {
    store = openFresh();
  }

  @AfterEach
  void close() {
    store.close();
  }

  private static Member person(long id, String handle, String email) {
    return new Member(id, Handle.of(handle), MemberKind.PERSON, handle, "", Optional.ofNullable(email), "basic", T0,
        Settings.DEFAULTS, 0, 0);
  }

  private CommitOutcome commit(Change... changes) {
    return store.commit(new Commit(Map.of(), List.of(changes),
        List.of(new Event(0, EventType.ACCOUNT_CREATED, T0, 1, 0, 0))));
  }

  private static Change.AddToken token(String hash, long member, TokenKind kind, long id) {
    return new Change.AddToken(hash, member, T0.plus(Duration.ofDays(1)), kind, id,
        id == 0 ? Optional.empty() : Optional.of("name " + id), T0);
  }

  @Test
  void A1_aMemberAndTheirCredentials_commitTogether_orNotAtAll() {
    assertThat(commit(new Change.AddMember(person(1, "ada", "Ada@Example.com")),
        new Change.AddCredential(1, "ada@example.com", "h1", T0))).isInstanceOf(CommitOutcome.Applied.class);
    assertThat(store.credential("ada@example.com").orElseThrow().passwordHash()).isEqualTo("h1");
    assertThat(store.credentialOf(1).orElseThrow().emailKey()).isEqualTo("ada@example.com");

    assertThat(commit(new Change.AddMember(person(2, "bob", null)),
        new Change.AddCredential(2, "ada@example.com", "h2", T0))).isInstanceOf(CommitOutcome.Conflict.class);
    assertThat(store.member(2)).isEmpty();
    assertThat(store.credentialOf(2)).isEmpty();
  }

  @Test
  void A1_emailTaken_readsAccountsAndMembers_caseInsensitively() {
    commit(new Change.AddMember(person(1, "ada", "Ada@Example.com")));
    assertThat(store.emailTaken("ada@example.com")).isTrue();
    assertThat(store.emailTaken("bob@example.com")).isFalse();
    commit(new Change.AddMember(person(2, "bob", null)), new Change.AddCredential(2, "bob@example.com", "h", T0));
    assertThat(store.emailTaken("bob@example.com")).isTrue();
  }

  @Test
  void A1_passwordUpdates_needAnAccount() {
    commit(new Change.AddMember(person(1, "ada", null)), new Change.AddCredential(1, "ada@example.com", "h1", T0));
    assertThat(commit(new Change.UpdatePassword(1, "h2", T0.plusSeconds(1)))).isInstanceOf(CommitOutcome.Applied.class);
    assertThat(store.credentialOf(1).orElseThrow().passwordHash()).isEqualTo("h2");
    assertThat(commit(new Change.UpdatePassword(9, "h", T0))).isInstanceOf(CommitOutcome.Conflict.class);
  }

  @Test
  void A1_anInviteLink_isUsedOnce() {
    InviteLink link = new InviteLink(7, "code-hash", 0, T0, T0.plus(Duration.ofDays(7)), 0, Optional.empty());
    commit(new Change.AddInvite(link));
    assertThat(store.inviteLink("code-hash")).contains(link);
    assertThat(commit(new Change.AddMember(person(1, "ada", null)), new Change.UseInvite(7, 1, T0)))
        .isInstanceOf(CommitOutcome.Applied.class);
    assertThat(store.inviteLink("code-hash").orElseThrow().usedBy()).isEqualTo(1);
    assertThat(commit(new Change.AddMember(person(2, "bob", null)), new Change.UseInvite(7, 2, T0)))
        .isInstanceOf(CommitOutcome.Conflict.class);
    assertThat(store.member(2)).isEmpty();
  }

  @Test
  void A2_tokensAndSessions_areKeptApart_andEndedByKind() {
    commit(new Change.AddMember(person(1, "ada", null)), token("api", 1, TokenKind.API, 11),
        token("legacy", 1, TokenKind.API, 0), token("s1", 1, TokenKind.SESSION, 0), token("s2", 1, TokenKind.SESSION, 0),
        token("s3", 1, TokenKind.SESSION, 0));
    assertThat(store.token("api")).contains(new TokenGrant(1, T0.plus(Duration.ofDays(1)), TokenKind.API));
    assertThat(store.token("s1").orElseThrow().kind()).isEqualTo(TokenKind.SESSION);
    assertThat(store.apiTokens(1)).containsExactly(
        new IssuedToken(11, Optional.of("name 11"), T0, T0.plus(Duration.ofDays(1))));

    commit(new Change.RemoveSession("s1"), new Change.RemoveSession("api"));
    assertThat(store.token("s1")).isEmpty();
    assertThat(store.token("api")).isPresent();

    commit(new Change.RemoveSessions(1, Optional.of("s2")));
    assertThat(store.token("s2")).isPresent();
    assertThat(store.token("s3")).isEmpty();
    commit(new Change.RemoveSessions(1, Optional.empty()));
    assertThat(store.token("s2")).isEmpty();

    commit(new Change.RemoveToken(2, 11));
    assertThat(store.token("api")).isPresent();
    commit(new Change.RemoveToken(1, 11));
    assertThat(store.token("api")).isEmpty();
    assertThat(store.token("legacy")).isPresent();
  }
}
