package dev.rapport.reference;

import dev.rapport.kernel.Policy;
import dev.rapport.model.InvitationState;
import dev.rapport.model.Restriction;
import dev.rapport.model.Tier;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/**
 * The invitations of the {@link ReferenceModel}, numbered in the order they were sent, and what
 * limits sending them (C6's cooldown, C7's reports, C8's notes, L2-L5), written the plain way on
 * lists, with the clock they are counted on. Not thread safe.
 */
final class InvitationLedger {
  private final Policy policy;
  private final Tier tier;
  private final Instant joined;
  private Instant now;

  private final List<Sent> invitations = new ArrayList<>();
  private final List<List<Instant>> weeklyRefusals = new ArrayList<>();
  private final List<List<Restriction>> restrictions = new ArrayList<>();

  /** An invitation; {@code changedAt} is when its state last changed (for withdrawn ones: C6). */
  record Sent(int sender, int recipient, boolean note, InvitationState state, Instant sentAt,
      Instant changedAt, Optional<Instant> reportedAt) {
    Sent to(InvitationState newState, Instant at) {
      return new Sent(sender, recipient, note, newState, sentAt, at, reportedAt);
    }

    boolean between(int a, int b) {
      return sender == a && recipient == b || sender == b && recipient == a;
    }
  }

  InvitationLedger(Policy policy, int members, Instant start) {
    this.policy = policy;
    this.tier = policy.tier(policy.defaultTier());
    this.joined = start;
    this.now = start;
    for (int m = 0; m < members; m++) {
      weeklyRefusals.add(new ArrayList<>());
      restrictions.add(new ArrayList<>());
    }
  }

  void advance(Duration by) {
    now = now.plus(by);
  }

  int size() {
    return invitations.size();
  }

  Sent get(int invitation) {
    return invitations.get(invitation);
  }

  /** The invitation moves to the state, now. */
  void move(int invitation, InvitationState state) {
    invitations.set(invitation, invitations.get(invitation).to(state, now));
  }

  /** @return the new invitation's number */
  int send(int sender, int recipient, boolean note) {
    invitations.add(new Sent(sender, recipient, note, InvitationState.PENDING, now, now, Optional.empty()));
    return invitations.size() - 1;
  }

  /** B1: a block cancels the open invitations between the two. */
  void cancelBetween(int a, int b) {
    for (int i = 0; i < invitations.size(); i++) {
      if (invitations.get(i).between(a, b) && invitations.get(i).state().isOpen()) {
        move(i, InvitationState.CANCELED);
      }
    }
  }

  /**
   * The invitation an answer is about and the member who gives it, -1 when there is none: for
   * {@code OPEN}, an open invitation and the member whose answer it is; for {@code MINE}, any
   * invitation the actor sent or received; for {@code ANY}, any invitation at all.
   */
  Command.AnswerInvitation pick(Network.Answer answer, int actor, int pick, Command.Scope scope) {
    List<Integer> candidates = IntStream.range(0, invitations.size())
        .filter(i -> switch (scope) {
          case OPEN -> invitations.get(i).state().isOpen();
          case MINE -> invitations.get(i).sender() == actor || invitations.get(i).recipient() == actor;
          case ANY -> true;
        })
        .boxed().toList();
    if (candidates.isEmpty()) {
      return new Command.AnswerInvitation(answer, actor, -1);
    }
    int invitation = candidates.get(Math.floorMod(pick, candidates.size()));
    Sent sent = invitations.get(invitation);
    int by = scope != Command.Scope.OPEN ? actor : answer.bySender() ? sent.sender() : sent.recipient();
    return new Command.AnswerInvitation(answer, by, invitation);
  }

  OptionalInt openInvitation(int sender, int recipient) {
    return IntStream.range(0, invitations.size())
        .filter(i -> invitations.get(i).sender() == sender && invitations.get(i).recipient() == recipient
            && invitations.get(i).state().isOpen())
        .findFirst();
  }

  int openSent(int member) {
    return (int) invitations.stream().filter(i -> i.sender() == member && i.state().isOpen()).count();
  }

  /** C6: the sender withdrew an invitation to the recipient less than the cooldown ago. */
  boolean coolingDown(int sender, int recipient) {
    return invitations.stream().anyMatch(i -> i.sender() == sender && i.recipient() == recipient
        && i.state() == InvitationState.WITHDRAWN && within(i.changedAt(), policy.withdrawCooldown()));
  }

  /** C8: the member has used this month's notes. */
  boolean atNoteLimit(int member) {
    return tier.monthlyNotes().isPresent() && notesThisMonth(member) >= tier.monthlyNotes().getAsInt();
  }

  /** L2, L4: whether the member has sent the week's invitations; a refusal counts towards L4. */
  boolean refusedByWeeklyLimit(int member) {
    if (sentThisWeek(member).size() < weeklyLimit()) {
      return false;
    }
    weeklyRefusals.get(member).add(now);
    Instant since = latestRestrictionStart(member);
    long recent = weeklyRefusals.get(member).stream()
        .filter(at -> within(at, policy.refusalWindow()) && at.isAfter(since))
        .count();
    if (recent >= policy.refusalsToRestrict()) {
      restrict(member, Restriction.WEEKLY_LIMIT_REFUSALS);
    }
    return true;
  }

  /** C7: ignores the invitation and counts against the sender; a second report changes nothing. */
  void report(int invitation) {
    Sent sent = invitations.get(invitation);
    if (sent.reportedAt().isPresent()) {
      return;
    }
    invitations.set(invitation, new Sent(sent.sender(), sent.recipient(), sent.note(), InvitationState.IGNORED,
        sent.sentAt(), now, Optional.of(now)));
    int sender = sent.sender();
    if (restriction(sender).isEmpty()) {
      Instant since = latestRestrictionStart(sender);
      long reports = invitations.stream()
          .filter(i -> i.sender() == sender)
          .flatMap(i -> i.reportedAt().stream())
          .filter(at -> within(at, policy.reportWindow()) && at.isAfter(since))
          .count();
      if (reports >= policy.reportsToRestrict()) {
        restrict(sender, Restriction.REPORTED);
      }
    }
  }

  /** Every restriction so far, ended or not, in the order they started. */
  List<Restriction> restrictions() {
    return restrictions.stream().flatMap(List::stream)
        .sorted(Comparator.comparing(Restriction::startsAt))
        .toList();
  }

  /** L5: the member's restriction in force now. */
  Optional<Restriction> restriction(int member) {
    return restrictions.get(member).stream().filter(r -> r.activeAt(now)).findFirst();
  }

  /** L6: the member's limits as they stand, given how many connections they have. */
  Network.Limits limits(int member, int connections) {
    List<Instant> week = sentThisWeek(member);
    int notes = notesThisMonth(member);
    Optional<Instant> nextMonth = Optional.of(monthStart().atZone(ZoneOffset.UTC).plusMonths(1).toInstant());
    return new Network.Limits(weeklyLimit(), week.size(),
        week.stream().findFirst().map(at -> at.plus(policy.invitationWindow())),
        notes, notes == 0 ? Optional.empty() : nextMonth,
        openSent(member), connections,
        restriction(member).map(r -> r.reason() + " " + r.startsAt() + ".." + r.endsAt()));
  }

  private void restrict(int member, String reason) {
    List<Restriction> past = restrictions.get(member);
    past.add(new Restriction(member, reason, now, now.plus(policy.restrictionLength(past.size()))));
  }

  private Instant latestRestrictionStart(int member) {
    return restrictions.get(member).stream().map(Restriction::startsAt).max(Instant::compareTo)
        .orElse(Instant.MIN);
  }

  /** L2: every invitation the member sent within the rolling window, whatever became of it. */
  private List<Instant> sentThisWeek(int member) {
    return invitations.stream()
        .filter(i -> i.sender() == member && within(i.sentAt(), policy.invitationWindow()))
        .map(Sent::sentAt)
        .sorted()
        .toList();
  }

  /** C8: notes are counted per calendar month in UTC, whatever became of their invitations. */
  private int notesThisMonth(int member) {
    Instant monthStart = monthStart();
    return (int) invitations.stream()
        .filter(i -> i.sender() == member && i.note() && !i.sentAt().isBefore(monthStart))
        .count();
  }

  private Instant monthStart() {
    return YearMonth.from(now.atZone(ZoneOffset.UTC)).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** M2: new accounts have the tier's lower weekly limit. */
  private int weeklyLimit() {
    boolean young = Duration.between(joined, now).compareTo(policy.newAccountAge()) < 0;
    return young ? tier.newAccountWeeklyInvitations() : tier.weeklyInvitations();
  }

  /** Whether {@code at} is less than {@code window} ago. */
  private boolean within(Instant at, Duration window) {
    return at.plus(window).isAfter(now);
  }
}
