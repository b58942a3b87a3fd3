package dev.rapport.reference;

import dev.rapport.model.InvitationState;
import dev.rapport.model.WhoCanFollow;
import dev.rapport.model.WhoCanInvite;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * The commands both the engine and the {@link ReferenceModel} take, with members numbered 0..n-1 and
 * invitations numbered in the order they were sent (-1: an invitation that does not exist).
 *
 * <p>Every command answers with an outcome word that both sides must agree on: {@code changed} or
 * {@code unchanged} (follows, blocks), {@code ok}, {@code sent:<n>} or {@code connected:<n>}
 * (invitations), a refusal's problem type, or {@link #NOT_FOUND} for every not-found refusal.
 */
interface Network {
  String NOT_FOUND = "not-found";

  String follow(int actor, int target);

  String unfollow(int actor, int target);

  String removeFollower(int actor, int follower);

  /** Invites with a short note or none (C8), giving the recipient's email, a wrong one or none (C9). */
  String invite(int actor, int target, boolean note, Email email);

  String answer(Answer answer, int actor, int invitation);

  String removeConnection(int actor, int target);

  String block(int actor, int target);

  String unblock(int actor, int target);

  String settings(int actor, WhoCanFollow whoCanFollow, WhoCanInvite whoCanInvite);

  String advance(Duration by);

  /** Everything both sides can be compared on, as every member sees it about themselves. */
  State state();

  /** What the recipient or the sender does with an invitation. */
  enum Answer {
    ACCEPT,
    IGNORE,
    WITHDRAW,
    REPORT;

    /** Who may give this answer: the sender withdraws, the recipient does the rest. */
    boolean bySender() {
      return this == WITHDRAW;
    }
  }

  /** The email an inviter gives (C9): none, the recipient's (in other letter case), or someone else's. */
  enum Email {
    NONE,
    RIGHT,
    WRONG
  }

  record State(List<MemberState> members) {}

  /**
   * One member's side of the state.
   *
   * @param received every invitation the member received, in its state
   * @param sent every invitation the member sent, in the state the sender sees (C5: ignored looks
   *     pending)
   */
  record MemberState(
      int member,
      SortedSet<Integer> connections,
      SortedSet<Integer> following,
      SortedSet<Integer> followers,
      SortedSet<Integer> blocked,
      SortedMap<Integer, InvitationState> received,
      SortedMap<Integer, InvitationState> sent,
      Limits limits) {}

  /** L6 as the member reads it; {@code restriction} is "reason start..end". */
  record Limits(
      int weeklyLimit,
      int weeklyUsed,
      Optional<Instant> weeklyResetsAt,
      int notesUsed,
      Optional<Instant> notesResetAt,
      int pendingUsed,
      int connections,
      Optional<String> restriction) {}
}
