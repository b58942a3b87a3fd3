package dev.rapport.account;

import dev.rapport.kernel.Change;
import dev.rapport.kernel.Decision;
import dev.rapport.kernel.Effects;
import dev.rapport.kernel.EventType;
import dev.rapport.kernel.Policy;
import dev.rapport.member.Members;
import dev.rapport.model.InviteLink;
import dev.rapport.model.Member;
import dev.rapport.model.TokenKind;
import dev.rapport.problem.ForbiddenException;
import dev.rapport.problem.InvalidInputException;
import dev.rapport.problem.NotFoundException;
import dev.rapport.problem.RuleBrokenException;
import dev.rapport.store.Credential;
import dev.rapport.store.IssuedToken;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of accounts (A1, A2): signing up, sessions, password changes, a member's API tokens and
 * sign-up invite links. Passwords arrive hashed and tokens as their hashes: the rules never see
 * a secret.
 */
public final class Accounts {
  /** The most API tokens one member may hold at once, expired ones included until they are revoked. */
  public static final int MAX_API_TOKENS = 100;
  /** The longest a token's name may be. */
  public static final int MAX_TOKEN_NAME = 100;

  private Accounts() {}

  /** An email address as accounts compare it: in lower case (addresses are ASCII, see EmailAddress). */
  public static String emailKey(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }

  /**
   * A1: a new member, their credentials and their first session, in one commit; with an invite link,
   * the link is used in the same commit.
   *
   * @param inviteRequired whether sign-up is by invitation only
   * @throws ForbiddenException {@code invite-required}
   * @throws NotFoundException {@code invite-not-found}
   * @throws RuleBrokenException {@code invite-used}, {@code invite-expired}, {@code handle-taken}, {@code email-taken}
   */
  public static Decision<Member> signUp(SignUp command, boolean inviteRequired, Optional<Member> handleHolder,
      boolean emailTaken, Optional<InviteLink> invite, String sessionHash, Duration sessionLifetime, Policy policy,
      Effects effects) {
    if (inviteRequired && command.inviteCode().isEmpty()) {
      throw new ForbiddenException("invite-required", "sign-up is by invitation only: use the invite link you were given");
    }
    Optional<InviteLink> link = Optional.empty();
    if (command.inviteCode().isPresent()) {
      InviteLink found = invite.orElseThrow(() -> new NotFoundException("invite-not-found",
          "no invite link has this code; check the link you were given"));
      if (found.used()) {
        throw new RuleBrokenException("invite-used", "this invite link was used already; each is good for one sign-up");
      }
      if (!effects.now().isBefore(found.expiresAt())) {
        throw new RuleBrokenException("invite-expired", "this invite link expired at %s".formatted(found.expiresAt()));
      }
      link = Optional.of(found);
    }
    if (emailTaken) {
      throw new RuleBrokenException("email-taken", "an account with this email address exists; sign in instead");
    }
    Member member = Members.signedUp(command.member(), handleHolder, policy, effects);
    long inviteId = link.map(InviteLink::id).orElse(0L);
    effects.add(new Change.AddCredential(member.id(), command.emailKey(), command.passwordHash(), effects.now()),
        EventType.ACCOUNT_CREATED, member.id(), 0, inviteId);
    link.ifPresent(used -> effects.add(new Change.UseInvite(used.id(), member.id(), effects.now()),
        EventType.INVITE_USED, member.id(), used.createdBy(), used.id()));
    addSession(member.id(), sessionHash, sessionLifetime, effects);
    return Decision.apply(effects, member);
  }

  /** A2: a session for the member, who proved their password. */
  public static Decision<Member> startSession(Member member, String sessionHash, Duration lifetime, Effects effects) {
    addSession(member.id(), sessionHash, lifetime, effects);
    return Decision.apply(effects, member);
  }

  private static void addSession(long memberId, String sessionHash, Duration lifetime, Effects effects) {
    effects.add(new Change.AddToken(sessionHash, memberId, effects.now().plus(lifetime), TokenKind.SESSION, 0,
        Optional.empty(), effects.now()), EventType.SIGNED_IN, memberId, 0, 0);
  }

  /** A2: signing out ends the session; an event of the member, so that every server forgets it. */
  public static Decision<Boolean> endSession(long memberId, String sessionHash, Effects effects) {
    effects.add(new Change.RemoveSession(sessionHash), EventType.SIGNED_OUT, memberId, 0, 0);
    return Decision.apply(effects, true);
  }

  /**
   * A1, A2: a new password, which ends every other session of the member. Applies only if the
   * password is still the one the caller checked ({@code checkedHash}) and the member unchanged.
   *
   * @param keepSession the hash of the session that asked, which stays; empty ends them all
   * @throws RuleBrokenException {@code concurrent-update} if the password changed meanwhile
   */
  public static Decision<Boolean> changePassword(Member member, Credential current, String checkedHash,
      String newHash, Optional<String> keepSession, Effects effects) {
    if (!current.passwordHash().equals(checkedHash)) {
      throw new RuleBrokenException("concurrent-update", "the password changed meanwhile; nothing was changed");
    }
    effects.expect(member.id(), member.version())
        .add(new Change.UpdatePassword(member.id(), newHash, effects.now()), EventType.PASSWORD_CHANGED,
            member.id(), 0, 0)
        .add(new Change.RemoveSessions(member.id(), keepSession), EventType.SESSIONS_ENDED, member.id(), 0, 0);
    return Decision.apply(effects, true);
  }

  /**
   * A1: an administrator gives an existing member a password: their first, with the email they have,
   * or a new one, which ends all their sessions.
   *
   * @throws InvalidInputException {@code missing-field} if the member has no email address
   * @throws RuleBrokenException {@code email-taken} if another account has their email
   */
  public static Decision<Member> setPassword(Member member, Optional<Credential> current,
      Optional<Credential> holderOfEmail, String newHash, Effects effects) {
    if (current.isPresent()) {
      effects.expect(member.id(), member.version())
          .add(new Change.UpdatePassword(member.id(), newHash, effects.now()), EventType.PASSWORD_CHANGED,
              member.id(), 0, 0)
          .add(new Change.RemoveSessions(member.id(), Optional.empty()), EventType.SESSIONS_ENDED, member.id(), 0, 0);
      return Decision.apply(effects, member);
    }
    String email = member.email().orElseThrow(() -> new InvalidInputException("missing-field",
        "member '%s' has no email address to sign in with".formatted(member.handle()), Map.of("field", "email")));
    if (holderOfEmail.isPresent()) {
      throw new RuleBrokenException("email-taken", "another account has this email address");
    }
    effects.expect(member.id(), member.version())
        .add(new Change.AddCredential(member.id(), emailKey(email), newHash, effects.now()), EventType.ACCOUNT_CREATED,
            member.id(), 0, 0);
    return Decision.apply(effects, member);
  }

  /**
   * A2: a named API token for the member's scripts.
   *
   * @param lifetime from 1 day to the policy's token lifetime
   * @throws InvalidInputException {@code invalid-field} for a name or lifetime out of range
   * @throws RuleBrokenException {@code too-many-tokens} at {@link #MAX_API_TOKENS}
   */
  public static Decision<IssuedToken> createToken(Member member, List<IssuedToken> existing, String name,
      Duration lifetime, String tokenHash, Policy policy, Effects effects) {
    String clean = name == null ? "" : name.strip();
    if (clean.isEmpty() || clean.length() > MAX_TOKEN_NAME || clean.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidInputException("invalid-field", "a token's name is one line of 1 to %d characters"
          .formatted(MAX_TOKEN_NAME), Map.of("field", "name"));
    }
    if (lifetime.compareTo(Duration.ofDays(1)) < 0 || lifetime.compareTo(policy.tokenLifetime()) > 0) {
      throw new InvalidInputException("invalid-field", "a token lasts from 1 to %d days"
          .formatted(policy.tokenLifetime().toDays()), Map.of("field", "expiresInDays"));
    }
    if (existing.size() >= MAX_API_TOKENS) {
      throw new RuleBrokenException("too-many-tokens",
          "you hold %d tokens, the most one may; revoke some first".formatted(existing.size()));
    }
    IssuedToken token = new IssuedToken(effects.newId(), Optional.of(clean), effects.now(),
        effects.now().plus(lifetime));
    effects.add(new Change.AddToken(tokenHash, member.id(), token.expiresAt(), TokenKind.API, token.id(), token.name(),
        token.createdAt()), EventType.TOKEN_ISSUED, member.id(), 0, token.id());
    return Decision.apply(effects, token);
  }

  /**
   * A2: the member's API token stops working at once; its event makes every server forget it.
   *
   * @throws NotFoundException {@code token-not-found} if the member has no token with this id
   */
  public static Decision<Boolean> revokeToken(long memberId, List<IssuedToken> tokens, long tokenId, Effects effects) {
    if (tokens.stream().noneMatch(t -> t.id() == tokenId)) {
      throw new NotFoundException("token-not-found", "you have no token with id %d".formatted(tokenId));
    }
    effects.add(new Change.RemoveToken(memberId, tokenId), EventType.TOKEN_REVOKED, memberId, 0, tokenId);
    return Decision.apply(effects, true);
  }

  /**
   * A1: a single-use sign-up invite link.
   *
   * @param createdBy the member who makes it, or 0 for the administrator
   */
  public static Decision<InviteLink> createInvite(long createdBy, String codeHash, Duration lifetime,
      Effects effects) {
    InviteLink link = new InviteLink(effects.newId(), codeHash, createdBy, effects.now(), effects.now().plus(lifetime),
        0, Optional.empty());
    effects.add(new Change.AddInvite(link), EventType.INVITE_CREATED, createdBy, 0, link.id());
    return Decision.apply(effects, link);
  }
}
