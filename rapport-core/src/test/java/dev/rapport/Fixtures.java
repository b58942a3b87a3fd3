package dev.rapport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.rapport.kernel.Change;
import dev.rapport.kernel.Decision;
import dev.rapport.kernel.Effects;
import dev.rapport.kernel.PairState;
import dev.rapport.kernel.Usage;
import dev.rapport.model.ConnectionsVisibility;
import dev.rapport.model.FollowsVisibility;
import dev.rapport.model.Handle;
import dev.rapport.model.Invitation;
import dev.rapport.model.InvitationState;
import dev.rapport.model.Member;
import dev.rapport.model.MemberKind;
import dev.rapport.model.NotificationKind;
import dev.rapport.model.Restriction;
import dev.rapport.model.Settings;
import dev.rapport.model.WhoCanFollow;
import dev.rapport.model.WhoCanInvite;
import dev.rapport.problem.RapportException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Literal members, pairs, usage and effects for deciding rules without a store. */
public final class Fixtures {
  private Fixtures() {}

  /** When every rule decides, unless a test says otherwise. */
  public static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

  private static final Map<String, Long> IDS = new ConcurrentHashMap<>();
  private static final AtomicLong NEXT_MEMBER = new AtomicLong(1);

  /** A basic person, a year old, with default settings, no connections, at version 1. */
  public static Member member(String handle) {
    long id = IDS.computeIfAbsent(handle, h -> NEXT_MEMBER.getAndIncrement());
    return new Member(id, Handle.of(handle), MemberKind.PERSON, handle, "", Optional.empty(), "basic",
        NOW.minus(Duration.ofDays(365)), Settings.DEFAULTS, 0, 1);
  }

  public static Member company(String handle) {
    Member m = member(handle);
    return new Member(m.id(), m.handle(), MemberKind.COMPANY, m.name(), "", Optional.empty(), m.tier(),
        m.createdAt(), m.settings(), 0, 1);
  }

  public static Member premium(Member m) {
    return new Member(m.id(), m.handle(), m.kind(), m.name(), m.headline(), m.email(), "premium", m.createdAt(),
        m.settings(), m.connectionCount(), m.version());
  }

  public static Member createdAt(Member m, Instant at) {
    return new Member(m.id(), m.handle(), m.kind(), m.name(), m.headline(), m.email(), m.tier(), at,
        m.settings(), m.connectionCount(), m.version());
  }

  public static Member withConnections(Member m, int count) {
    return new Member(m.id(), m.handle(), m.kind(), m.name(), m.headline(), m.email(), m.tier(), m.createdAt(),
        m.settings(), count, m.version());
  }

  public static Member withEmail(Member m, String email) {
    return new Member(m.id(), m.handle(), m.kind(), m.name(), m.headline(), Optional.of(email), m.tier(),
        m.createdAt(), m.settings(), m.connectionCount(), m.version());
  }

  public static Member withSettings(Member m, Settings settings) {
    return m.withProfile(m.name(), m.headline(), settings);
  }

  public static Settings whoCanFollow(WhoCanFollow value) {
    Settings d = Settings.DEFAULTS;
    return new Settings(d.followPrimary(), value, d.whoCanInvite(), d.connectionsVisibility(), d.openProfile(),
        d.followsVisibility());
  }

  public static Settings whoCanInvite(WhoCanInvite value) {
    Settings d = Settings.DEFAULTS;
    return new Settings(d.followPrimary(), d.whoCanFollow(), value, d.connectionsVisibility(), d.openProfile(),
        d.followsVisibility());
  }

  public static Settings connectionsVisibility(ConnectionsVisibility value) {
    Settings d = Settings.DEFAULTS;
    return new Settings(d.followPrimary(), d.whoCanFollow(), d.whoCanInvite(), value, d.openProfile(), d.followsVisibility());
  }

  public static Settings followsVisibility(FollowsVisibility value) {
    return Settings.DEFAULTS.withFollowsVisibility(value);
  }

  public static Settings followPrimary() {
    Settings d = Settings.DEFAULTS;
    return new Settings(true, d.whoCanFollow(), d.whoCanInvite(), d.connectionsVisibility(), d.openProfile(),
        d.followsVisibility());
  }

  /** An invitation sent at {@code sentAt} and in {@code state} since then. */
  public static Invitation invitation(long id, Member sender, Member recipient, InvitationState state, Instant sentAt) {
    return new Invitation(id, sender.id(), recipient.id(), state, Optional.empty(), sentAt, sentAt, Optional.empty());
  }

  /** A pending invitation sent a day ago. */
  public static Invitation pending(long id, Member sender, Member recipient) {
    return invitation(id, sender, recipient, InvitationState.PENDING, NOW.minus(Duration.ofDays(1)));
  }

  public static PairBuilder pair(Member actor, Member other) {
    return new PairBuilder(actor, other);
  }

  /** A {@link PairState} spelled out one tie at a time; nothing ties the two by default. */
  public static final class PairBuilder {
    private final Member actor;
    private final Member other;
    private boolean actorFollows;
    private boolean otherFollows;
    private boolean connected;
    private boolean actorBlocked;
    private boolean otherBlocked;
    private Optional<Invitation> open = Optional.empty();
    private Optional<Instant> withdrewAt = Optional.empty();

    private PairBuilder(Member actor, Member other) {
      this.actor = actor;
      this.other = other;
    }

    /** Connected, each following the other, as an accept leaves them. */
    public PairBuilder connected() {
      connected = true;
      actorFollows = true;
      otherFollows = true;
      return this;
    }

    /** Connected without the follows (one of them unfollowed the other). */
    public PairBuilder connectedOnly() {
      connected = true;
      return this;
    }

    public PairBuilder actorFollows() {
      actorFollows = true;
      return this;
    }

    public PairBuilder otherFollows() {
      otherFollows = true;
      return this;
    }

    public PairBuilder actorBlocked() {
      actorBlocked = true;
      return this;
    }

    public PairBuilder otherBlocked() {
      otherBlocked = true;
      return this;
    }

    public PairBuilder open(Invitation invitation) {
      open = Optional.of(invitation);
      return this;
    }

    public PairBuilder actorWithdrewAt(Instant at) {
      withdrewAt = Optional.of(at);
      return this;
    }

    public PairState build() {
      return new PairState(actor, other, actorFollows, otherFollows, connected, actorBlocked, otherBlocked, open,
          withdrewAt);
    }
  }

  /** Usage of someone who has used nothing. */
  public static UsageBuilder usage() {
    return new UsageBuilder();
  }

  public static final class UsageBuilder {
    private int sent;
    private Optional<Instant> oldestSent = Optional.empty();
    private int pending;
    private int notes;
    private final List<Instant> refusals = new ArrayList<>();
    private final List<Instant> reports = new ArrayList<>();
    private Optional<Restriction> latest = Optional.empty();
    private int restrictions;

    public UsageBuilder sent(int count, Instant oldest) {
      sent = count;
      oldestSent = Optional.of(oldest);
      return this;
    }

    public UsageBuilder pending(int count) {
      pending = count;
      return this;
    }

    public UsageBuilder notes(int count) {
      notes = count;
      return this;
    }

    public UsageBuilder refusals(Instant... at) {
      refusals.addAll(List.of(at));
      return this;
    }

    public UsageBuilder reports(Instant... at) {
      reports.addAll(List.of(at));
      return this;
    }

    /** The latest restriction, and how many the member has had, it included. */
    public UsageBuilder restricted(Restriction restriction, int count) {
      latest = Optional.of(restriction);
      restrictions = count;
      return this;
    }

    /** How many restrictions the member has had, all of them over. */
    public UsageBuilder pastRestrictions(int count) {
      restrictions = count;
      return this;
    }

    public Usage build() {
      return new Usage(sent, oldestSent, pending, notes, refusals, reports, latest, restrictions);
    }
  }

  /** Effects deciding at {@link #NOW}, with ids counted from 1,000. */
  public static Effects effects() {
    return effects(NOW);
  }

  public static Effects effects(Instant now) {
    AtomicLong ids = new AtomicLong(1_000);
    return new Effects(now, ids::incrementAndGet);
  }

  /** The changes the effects would commit. */
  public static List<Change> changes(Effects effects) {
    return effects.toCommit().changes();
  }

  /** The changes other than notifications. */
  public static List<Change> stateChanges(Effects effects) {
    return changes(effects).stream().filter(c -> !(c instanceof Change.AddNotification)).toList();
  }

  /** The notifications the effects would send, as recipient id and kind. */
  public static List<Notified> notifications(Effects effects) {
    return changes(effects).stream()
        .filter(Change.AddNotification.class::isInstance)
        .map(c -> ((Change.AddNotification) c).notification())
        .map(n -> new Notified(n.recipientId(), n.kind(), n.actorId()))
        .toList();
  }

  public record Notified(long recipientId, NotificationKind kind, long actorId) {}

  /** The result of a decision that must not be a refusal. */
  public static <R> R result(Decision<R> decision) {
    assertThat(decision.refusal()).as("refusal").isEmpty();
    return decision.result().orElseThrow();
  }

  /** Asserts that {@code call} is refused with exactly this class and slug, and returns the refusal. */
  public static <E extends RapportException> E refused(Class<E> type, String slug, ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).as("refusal").isInstanceOf(type);
    E refusal = type.cast(thrown);
    assertThat(refusal.type()).as("slug").isEqualTo(slug);
    return refusal;
  }
}
