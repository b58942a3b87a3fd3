package dev.rapport.kernel;

import dev.rapport.model.Comment;
import dev.rapport.model.Conversation;
import dev.rapport.model.Invitation;
import dev.rapport.model.InviteLink;
import dev.rapport.model.Member;
import dev.rapport.model.Message;
import dev.rapport.model.Notification;
import dev.rapport.model.NotificationGroupKey;
import dev.rapport.model.NotificationKind;
import dev.rapport.model.Post;
import dev.rapport.model.Reaction;
import dev.rapport.model.Recommendation;
import dev.rapport.model.Restriction;
import dev.rapport.model.TokenKind;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One effect of a command, as the store must apply it. The rules decide; the store only applies.
 * A store applies every change of a {@link Commit} or none of them.
 */
public sealed interface Change {
  /** A new member or company page; fails the commit as a conflict if the handle is taken. */
  record AddMember(Member member) implements Change {}

  /** Name, headline and settings of an existing member (never handle, kind, counts or version). */
  record UpdateMember(Member member) implements Change {}

  /**
   * A token, stored only as its SHA-256 hash: an API token or a session (A2).
   *
   * @param id what its member names it by to revoke it; 0 for none
   */
  record AddToken(String tokenHash, long memberId, Instant expiresAt, TokenKind kind, long id, Optional<String> name,
      Instant createdAt) implements Change {
    /** An API token without id or name, as an administrator issued them before accounts. */
    public AddToken(String tokenHash, long memberId, Instant expiresAt) {
      this(tokenHash, memberId, expiresAt, TokenKind.API, 0, Optional.empty(), Instant.EPOCH);
    }
  }

  /** A2: the member's API token with this id stops working; nothing if they have none with it. */
  record RemoveToken(long memberId, long tokenId) implements Change {}

  /** A2: the session with this hash ends (signing out). */
  record RemoveSession(String tokenHash) implements Change {}

  /** A2: every session of the member ends, but the one with {@code keepHash} if given (a password change). */
  record RemoveSessions(long memberId, Optional<String> keepHash) implements Change {}

  /**
   * A1: a member's email and password hash; fails the commit as a conflict if the member already has
   * one or another account has the email ({@code emailKey}, the address in lower case).
   */
  record AddCredential(long memberId, String emailKey, String passwordHash, Instant at) implements Change {}

  /** A1: a new password hash for the member's account. */
  record UpdatePassword(long memberId, String passwordHash, Instant at) implements Change {}

  /** A1: a sign-up invite link. */
  record AddInvite(InviteLink invite) implements Change {}

  /** A1: the invite link is used by this new member; fails the commit as a conflict if it was used already. */
  record UseInvite(long inviteId, long memberId, Instant at) implements Change {}

  /** Idempotent: adding an existing follow keeps the original time. */
  record AddFollow(long followerId, long followeeId, Instant at) implements Change {}

  record RemoveFollow(long followerId, long followeeId) implements Change {}

  /** Both directions at once; the store adds one to both members' connection counts. */
  record AddConnection(long aId, long bId, Instant at) implements Change {}

  /** Both directions at once; the store takes one from both members' connection counts. */
  record RemoveConnection(long aId, long bId) implements Change {}

  /** Fails the commit as a conflict if the pair already has an open invitation (C1). */
  record AddInvitation(Invitation invitation) implements Change {}

  /** New state, update time and report time of an existing invitation. */
  record UpdateInvitation(Invitation invitation) implements Change {}

  record AddBlock(long blockerId, long blockedId, Instant at) implements Change {}

  record RemoveBlock(long blockerId, long blockedId) implements Change {}

  /** L4: the member was refused by the weekly invitation limit at this instant. */
  record AddRefusal(long memberId, Instant at) implements Change {}

  record AddRestriction(Restriction restriction) implements Change {}

  record AddNotification(Notification notification) implements Change {}

  /** NT2: the recipient's unread notifications with ids up to {@code upToId} become read. */
  record MarkNotificationsRead(long recipientId, long upToId) implements Change {}

  /**
   * NT2: the recipient's unread notifications of one group's key with ids from {@code fromId} to
   * {@code upToId} become read: a group's from 0, a notification of its own from its id to its id
   * (docs/decisions/0046-a-group-marked-read-by-its-first-id.md).
   */
  record MarkNotificationGroupRead(long recipientId, NotificationGroupKey key, long fromId, long upToId)
      implements Change {
    public MarkNotificationGroupRead {
      Objects.requireNonNull(key, "key");
    }
  }

  /** NT2: the member's muted notification kinds become exactly {@code muted}. */
  record SetNotificationMutes(long memberId, Set<NotificationKind> muted)
      implements Change {
    public SetNotificationMutes {
      muted = Set.copyOf(muted);
    }
  }

  /** N4: the member does not want the other suggested again. Adding it twice keeps the first. */
  record AddDismissal(long memberId, long dismissedId, Instant at) implements Change {}

  /** P2: a new post, its counts at zero. */
  record AddPost(Post post) implements Change {}

  /** P2: the post's new text; fails the commit as a conflict if the post is gone. */
  record EditPost(long postId, String text, Instant at) implements Change {}

  /** P2: the post goes with its reactions and comments; fails the commit as a conflict if it is gone. */
  record RemovePost(long postId) implements Change {}

  /**
   * P4: the member's one reaction to the post, replacing any other; the store moves the post's
   * counts in the same commit. Fails the commit as a conflict if the post is gone.
   */
  record SetReaction(Reaction reaction) implements Change {}

  /** P4: the member's reaction goes, and the post's count with it; a conflict if there was none. */
  record RemoveReaction(long postId, long memberId) implements Change {}

  /** P4: a comment; the store adds one to the post's count. A conflict if the post is gone. */
  record AddComment(Comment comment) implements Change {}

  /** P4: the comment goes, and one from the post's count; a conflict if it was gone already. */
  record RemoveComment(long postId, long commentId) implements Change {}
  /**
   * E1: the member's skills become {@code skills}, in this order; the skills whose keys are in
   * {@code removedKeys} go, with their endorsements. A skill is keyed by its name in lower case.
   */
  record SetSkills(long memberId, List<String> skills, List<String> removedKeys) implements Change {
    public SetSkills {
      skills = List.copyOf(skills);
      removedKeys = List.copyOf(removedKeys);
    }

    /** The key a skill and its endorsements are stored by: its name in lower case (E1: unique case aside). */
    public static String key(String name) {
      return name.toLowerCase(Locale.ROOT);
    }
  }

  /** E1: idempotent; endorsing again keeps the first time. */
  record AddEndorsement(long memberId, String skillKey, long endorserId, Instant at) implements Change {}

  record RemoveEndorsement(long memberId, String skillKey, long endorserId) implements Change {}

  /** E2: fails the commit as a conflict if the writer already has a pending one for the recipient. */
  record AddRecommendation(Recommendation recommendation) implements Change {}

  /** E2: new state and shown time; fails the commit as a conflict if it no longer exists. */
  record UpdateRecommendation(Recommendation recommendation) implements Change {}

  record RemoveRecommendation(long id) implements Change {}

  /** B1: the endorsements and recommendations between the two, both ways, go. */
  record RemoveGiven(long aId, long bId) implements Change {}

  /** CP1: idempotent. */
  record AddPageAdmin(long pageId, long memberId, Instant at) implements Change {}

  record RemovePageAdmin(long pageId, long memberId) implements Change {}

  /**
   * MS1: a pair's conversation and both members' sides of it, before its first message; fails the
   * commit as a conflict if the pair has one already.
   */
  record AddConversation(Conversation conversation) implements Change {}

  /**
   * MS2: the conversation's state and request become {@code after}'s, if they are still {@code
   * before}'s; otherwise the commit fails as a conflict, so that a request is answered and a credit
   * refunded at most once.
   */
  record UpdateConversation(Conversation before, Conversation after) implements Change {
    public UpdateConversation {
      if (before.id() != after.id()) {
        throw new IllegalArgumentException("one conversation's states: " + before.id() + " and " + after.id());
      }
    }
  }

  /**
   * MS1, MS4: a message; it becomes its conversation's newest on both sides, the sender's side read
   * up to it and the recipient's with one more unread.
   */
  record AddMessage(Message message, long recipientId) implements Change {}

  /**
   * MS4: the member's side is read up to {@code upToId}; its unread count becomes the other's
   * messages after it.
   */
  record MarkConversationRead(long conversationId, long memberId, long upToId) implements Change {}

  /** M2, MS2: the member's InMail credits, as of a month's grant. */
  record SetInMailCredits(long memberId, int balance, int month) implements Change {}
}
