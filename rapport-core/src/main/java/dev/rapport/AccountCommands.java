package dev.rapport;

import static dev.rapport.CommandReads.find;
import static dev.rapport.CommandReads.me;

import dev.rapport.account.Accounts;
import dev.rapport.account.SignUp;
import dev.rapport.kernel.Policy;
import dev.rapport.member.Tokens;
import dev.rapport.model.Handle;
import dev.rapport.model.InviteLink;
import dev.rapport.model.Member;
import dev.rapport.model.TokenKind;
import dev.rapport.problem.NotFoundException;
import dev.rapport.problem.RuleBrokenException;
import dev.rapport.store.Credential;
import dev.rapport.store.IssuedToken;
import dev.rapport.store.StoreReads;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Accounts (A1, A2) through the engine: signing up, sessions, password changes, API tokens and
 * invite links. Passwords arrive hashed by the caller, which alone checks them; tokens, sessions and
 * invite codes are made here and stored only as hashes. Reached through {@link Rapport#accounts()}.
 * Thread safe.
 */
public final class AccountCommands {
  private final CommandLoop commands;
  private final Supplier<StoreReads> reads;
  private final Policy policy;
  private final InstantSource clock;

  AccountCommands(CommandLoop commands, Supplier<StoreReads> reads, Policy policy, InstantSource clock) {
    this.commands = commands;
    this.reads = reads;
    this.policy = policy;
    this.clock = clock;
  }

  /** A member signed in: who, and the session's secret, which the caller hands to the browser once. */
  public record Session(Member member, String token, Instant expiresAt) {
    /** Never shows the token. */
    @Override
    public String toString() {
      return "Session[member=%s, expiresAt=%s]".formatted(member.handle(), expiresAt);
    }
  }

  /** A new API token: what the member sees of it, and the token, shown to them once. */
  public record NewToken(IssuedToken issued, String token) {
    /** Never shows the token. */
    @Override
    public String toString() {
      return "NewToken[" + issued + "]";
    }
  }

  /** A new invite link: what it is, and its code, shown once to whoever made it. */
  public record NewInvite(InviteLink link, String code) {
    /** Never shows the code. */
    @Override
    public String toString() {
      return "NewInvite[id=%d, expiresAt=%s]".formatted(link.id(), link.expiresAt());
    }
  }

  /**
   * A1: creates the member, their credentials and a first session in one atomic commit; with an
   * invite code, uses the invite link in it too.
   *
   * @param inviteRequired whether sign-up is by invitation only
   * @throws dev.rapport.problem.RapportException as {@link Accounts#signUp} refuses
   */
  public Session signUp(SignUp command, boolean inviteRequired, Duration sessionLifetime) {
    String session = Tokens.newToken();
    Optional<String> inviteHash = command.inviteCode().map(Tokens::hash);
    Member member = commands.run((reads, effects) -> Accounts.signUp(command, inviteRequired,
        reads.member(command.member().handle()), reads.emailTaken(command.emailKey()),
        inviteHash.flatMap(reads::inviteLink), Tokens.hash(session), sessionLifetime, policy, effects));
    return new Session(member, session, clock.instant().plus(sessionLifetime));
  }

  /** An email address as accounts compare it and as the sign-in budgets key it: in lower case. */
  public static String emailKey(String email) {
    return Accounts.emailKey(email);
  }

  /**
   * The credentials of the account with this email, compared case-insensitively, for the caller to
   * check a password against. Empty for an address no account has.
   */
  public Optional<Credential> credential(String email) {
    if (email == null || email.isBlank() || email.length() > 320) {
      return Optional.empty();
    }
    return reads.get().credential(Accounts.emailKey(email));
  }

  /** The member's credentials, if they have an account. */
  public Optional<Credential> credentialOf(long memberId) {
    return reads.get().credentialOf(memberId);
  }

  /** A2: starts a session for a member whose password the caller checked. */
  public Session startSession(long memberId, Duration lifetime) {
    String session = Tokens.newToken();
    Member member = commands.run((reads, effects) -> Accounts.startSession(me(reads, memberId), Tokens.hash(session),
        lifetime, effects));
    return new Session(member, session, clock.instant().plus(lifetime));
  }

  /** The member a session token acts as, and when the session ends, if it is a live session. */
  public Optional<Session> session(String token) {
    if (token == null || token.isEmpty() || token.length() > 200) {
      return Optional.empty();
    }
    StoreReads current = reads.get();
    return current.token(Tokens.hash(token))
        .filter(grant -> grant.kind() == TokenKind.SESSION && grant.validAt(clock.instant()))
        .flatMap(grant -> current.member(grant.memberId()).map(m -> new Session(m, token, grant.expiresAt())));
  }

  /** A2: signs out: the session ends, here at once and on servers sharing the store within a log read. */
  public void endSession(long memberId, String token) {
    commands.run((reads, effects) -> Accounts.endSession(memberId, Tokens.hash(token), effects));
  }

  /**
   * A1, A2: replaces the password the caller checked ({@code checkedHash}) and ends every other
   * session of the member.
   *
   * @param keepSession the session token that asked, which stays; empty ends every session
   * @throws NotFoundException {@code account-not-found} if the member has no account
   * @throws RuleBrokenException {@code concurrent-update} if the password changed meanwhile
   */
  public void changePassword(long memberId, String checkedHash, String newHash, Optional<String> keepSession) {
    Optional<String> keep = keepSession.map(Tokens::hash);
    commands.run((reads, effects) -> Accounts.changePassword(me(reads, memberId),
        reads.credentialOf(memberId).orElseThrow(AccountCommands::noAccount), checkedHash, newHash, keep, effects));
  }

  /**
   * A1: an administrator gives a member a password (their first, with their email, or a new one that
   * ends their sessions); how the demo lets people sign in as its members.
   */
  public void setPassword(Handle handle, String newHash) {
    commands.run((reads, effects) -> {
      Member member = find(reads, handle);
      return Accounts.setPassword(member, reads.credentialOf(member.id()),
          member.email().flatMap(email -> reads.credential(Accounts.emailKey(email)))
              .filter(holder -> holder.memberId() != member.id()),
          newHash, effects);
    });
  }

  /** A2: the member's API tokens that have not expired, oldest first; never the tokens themselves. */
  public List<IssuedToken> tokens(long memberId) {
    Instant now = clock.instant();
    return reads.get().apiTokens(memberId).stream().filter(t -> now.isBefore(t.expiresAt())).toList();
  }

  /** A2: a named API token, shown once. */
  public NewToken createToken(long memberId, String name, Duration lifetime) {
    String token = Tokens.newToken();
    IssuedToken issued = commands.run((reads, effects) -> Accounts.createToken(me(reads, memberId),
        reads.apiTokens(memberId), name, lifetime, Tokens.hash(token), policy, effects));
    return new NewToken(issued, token);
  }

  /** A2: revokes one of the member's API tokens, at once. @throws NotFoundException {@code token-not-found} */
  public void revokeToken(long memberId, long tokenId) {
    commands.run((reads, effects) -> Accounts.revokeToken(memberId, reads.apiTokens(memberId), tokenId, effects));
  }

  /**
   * A1: a single-use sign-up invite link.
   *
   * @param createdBy the member who makes it, or 0 for the administrator
   */
  public NewInvite createInvite(long createdBy, Duration lifetime) {
    String code = Tokens.newToken();
    InviteLink link = commands.run((reads, effects) -> {
      if (createdBy != 0) {
        me(reads, createdBy);
      }
      return Accounts.createInvite(createdBy, Tokens.hash(code), lifetime, effects);
    });
    return new NewInvite(link, code);
  }

  private static NotFoundException noAccount() {
    return new NotFoundException("account-not-found", "this member has no password: they were not signed up");
  }
}
