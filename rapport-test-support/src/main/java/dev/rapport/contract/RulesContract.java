package dev.rapport.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.Rapport;
import dev.rapport.invitation.InvitationOutcome;
import dev.rapport.invitation.InvitationView;
import dev.rapport.invitation.SendInvitation;
import dev.rapport.kernel.Policy;
import dev.rapport.member.NewMember;
import dev.rapport.model.Handle;
import dev.rapport.model.Invitation;
import dev.rapport.model.InvitationState;
import dev.rapport.model.Member;
import dev.rapport.model.MemberKind;
import dev.rapport.model.NotificationKind;
import dev.rapport.model.Page;
import dev.rapport.model.PageRequest;
import dev.rapport.model.Tier;
import dev.rapport.problem.RapportException;
import dev.rapport.profile.ProfileView;
import dev.rapport.store.Store;
import dev.rapport.time.AdjustableClock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The fixture of the rules contract: a fresh store and facade for every test, a clock standing still
 * at {@link #START}, and the helpers the groups of rules share. Each group is a contract of its own
 * that extends it ({@link MemberRulesContract}, {@link FollowRulesContract}, {@link
 * ConnectRulesContract}, {@link LimitRulesContract}, {@link BlockAndPrivacyRulesContract}, {@link
 * ProfileRulesContract}, {@link NetworkRulesContract}, {@link EventLogContract}); a backend runs
 * every group against its store, one nested test class a group.
 */
public abstract class RulesContract {
  protected static final Instant START = Instant.parse("2026-03-10T09:00:00Z");

  /** A fresh, empty store. The suite closes it after each test. */
  protected abstract Store openStore();

  Store store;
  AdjustableClock clock;
  Rapport rapport;

  @BeforeEach
  void openFreshStore() {
    store = openStore();
    clock = AdjustableClock.fixedAt(START);
    rapport = engine(Policy.defaults());
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  Rapport engine(Policy policy) {
    return Rapport.builder().store(store).clock(clock).policy(policy).build();
  }

  void usePolicy(Policy policy) {
    rapport = engine(policy);
  }

  long member(String handle) {
    return rapport.createMember(NewMember.person(handle, capitalize(handle) + " Example")).member().id();
  }

  long member(String handle, String tier) {
    return rapport.createMember(new NewMember(Handle.of(handle), MemberKind.PERSON, capitalize(handle), "",
        Optional.of(handle + "@example.com"), Optional.of(tier))).member().id();
  }

  static String capitalize(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  static Handle h(String handle) {
    return Handle.of(handle);
  }

  InvitationOutcome invite(long from, String to) {
    return rapport.invitations().invite(from, new SendInvitation(h(to), Optional.empty(), Optional.empty()));
  }

  Invitation invitationSent(long from, String to) {
    InvitationOutcome outcome = invite(from, to);
    assertThat(outcome).isInstanceOf(InvitationOutcome.Sent.class);
    return outcome.invitation();
  }

  InvitationOutcome inviteWithNote(long from, String to, String note) {
    return rapport.invitations().invite(from, new SendInvitation(h(to), Optional.of(note), Optional.empty()));
  }

  void connect(long a, String aHandle, long b, String bHandle) {
    Invitation invitation = invitationSent(a, bHandle);
    rapport.invitations().accept(b, invitation.id());
  }

  ProfileView profile(long viewer, String handle) {
    return rapport.profile(viewer, h(handle));
  }

  /**
   * ada knows bob and cyd, who both know dan, who knows eve: dan is 2nd-degree to ada with two
   * mutual connections, eve 3rd-degree with none.
   */
  long[] diamondWithATail() {
    long ada = member("ada");
    long bob = member("bob");
    long cyd = member("cyd");
    long dan = member("dan");
    long eve = member("eve");
    connect(ada, "ada", bob, "bob");
    connect(ada, "ada", cyd, "cyd");
    connect(bob, "bob", dan, "dan");
    connect(cyd, "cyd", dan, "dan");
    connect(dan, "dan", eve, "eve");
    return new long[] {ada, bob, cyd, dan, eve};
  }

  ProfileView.Relationship relationship(long viewer, String handle) {
    return profile(viewer, handle).relationship().orElseThrow();
  }

  static List<String> handles(Page<Member> page) {
    return page.items().stream().map(m -> m.handle().value()).toList();
  }

  List<String> followers(long viewer, String handle) {
    return handles(rapport.followers(viewer, h(handle), PageRequest.first(200)));
  }

  List<String> following(long viewer, String handle) {
    return handles(rapport.following(viewer, h(handle), PageRequest.first(200)));
  }

  List<String> connections(long viewer, String handle) {
    return rapport.connections(viewer, h(handle), PageRequest.first(200)).items().stream()
        .map(c -> c.member().handle().value()).toList();
  }

  List<NotificationKind> notificationKinds(long member) {
    return rapport.notifications().list(member, PageRequest.first(200)).items().stream()
        .map(n -> n.notification().kind()).toList();
  }

  List<InvitationView> received(long member, Optional<InvitationState> state) {
    return rapport.invitations().list(member, false, state, PageRequest.first(200)).items();
  }

  List<InvitationView> sent(long member, Optional<InvitationState> state) {
    return rapport.invitations().list(member, true, state, PageRequest.first(200)).items();
  }

  static String problemType(Runnable action) {
    try {
      action.run();
    } catch (RapportException e) {
      return e.type();
    }
    throw new AssertionError("expected a refusal");
  }

  /** The message of the refusal {@code action} gets. */
  static String problemMessage(Runnable action) {
    try {
      action.run();
    } catch (RapportException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected a refusal");
  }

  static Tier tier(String name, int weekly, int notesPerMonth) {
    return new Tier(name, weekly, weekly, notesPerMonth, 200, 0, 0, false);
  }

  // ---- M: members and tiers --------------------------------------------------------------------
}
