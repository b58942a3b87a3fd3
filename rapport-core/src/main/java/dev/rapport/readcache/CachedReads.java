package dev.rapport.readcache;

import dev.rapport.kernel.Event;
import dev.rapport.kernel.EventType;
import dev.rapport.kernel.PairState;
import dev.rapport.model.Handle;
import dev.rapport.model.Member;
import dev.rapport.model.Page;
import dev.rapport.model.PageRequest;
import dev.rapport.problem.NotFoundException;
import dev.rapport.store.ConnectionList;
import dev.rapport.store.ContentReads;
import dev.rapport.store.MemberTies;
import dev.rapport.store.MessagingReads;
import dev.rapport.store.StoreReads;
import dev.rapport.store.TokenGrant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import java.util.stream.LongStream;

/**
 * The store's reads that every page makes, answered from memory while the event log shows nothing
 * that could have changed them (docs/decisions/0012): members by id, handle and token, the state
 * between two members, follower and following counts, the first pages of connections, followers
 * and following, a member's connections' ids, and the ids a viewer's blocks and suggestions leave out. Every other read goes to
 * the store. The store stays the truth: an answer is remembered only as read from it, so it never
 * shows what the store has not made durable.
 *
 * <p>For the queries of people, not for commands: a command decides on the store's own reads,
 * inside {@link dev.rapport.store.Store#run}. Thread safe.
 */
public final class CachedReads extends PassThroughReads {

  private final RememberedReads remembered;
  private final Connected connected;
  private final CachedContentReads content;
  private final CachedMessagingReads messaging;

  /** Posts, a member's reactions to them and what blocked members gave them, remembered as the rest. */
  @Override
  public ContentReads content() {
    return content;
  }

  /** A member's first page of conversations, brought up to date from the messages since; the rest from the store. */
  @Override
  public MessagingReads messaging() {
    return messaging;
  }

  /** Whether two members are connected, as the graph index knows it. */
  @FunctionalInterface
  public interface Connected {
    boolean test(long a, long b);
  }

  private record MemberById(long id) {}
  private record MemberByHandle(String handle) {}
  private record Token(String hash) {}
  private record Ties(long memberId) {}

  private record ConnectionIds(long memberId) {}
  private record Count(boolean following, long memberId, boolean onlyConnections) {}
  private enum ListKind { CONNECTIONS, FOLLOWERS, FOLLOWING }
  private record FirstPage(ListKind kind, long memberId, boolean scoped, long viewerId, int limit) {}

  /** The viewer of a first page that any viewer without blocks either way sees alike; no member's id. */
  private static final long ANY_VIEWER_WITHOUT_BLOCKS = 0;

  private record Excluded(boolean fromSuggestions, long memberId) {}

  /**
   * @param connected whether two members are connected: the one part of the state between two
   *     members that is not in either one's {@link MemberTies}
   * @param maxMembers how many members' worth of answers to keep at most (a page of 20 is 21)
   * @param stampBucketBits log2 of the number of buckets that stamp members with the log position
   *     of their newest event: 8 bytes each, and the fewer there are, the more often a member's
   *     answers are read again because another member of the bucket changed
   */
  public CachedReads(StoreReads store, Connected connected, long maxMembers, int stampBucketBits) {
    super(store);
    this.connected = connected;
    this.remembered = new RememberedReads(maxMembers, stampBucketBits);
    this.content = new CachedContentReads(store.content(), remembered);
    this.messaging = new CachedMessagingReads(store.messaging(), remembered);
  }

  /**
   * An answer made from these reads and the graph index (such as whom a viewer's feed reads),
   * remembered as the store's answers are: served again while no event of the kind {@code events}
   * after the one applied before it was made names any of {@code dependsOn}, nor, if {@code
   * onProfiles}, changed any member's profile. Made as of the event before the newest this memory
   * took note of, since the graph and feed indexes apply an event just after this memory takes note
   * of it.
   *
   * @param key an answer's identity: a record of its caller's own type
   * @param weight how many members' worth of memory the answer holds
   */
  public <T> T derived(Object key, Supplier<T> make, long[] dependsOn, MemberEvents events, boolean onProfiles,
      ToIntFunction<T> weight) {
    return derived(key, make, (before, changed) -> null, dependsOn, events, onProfiles, weight);
  }

  /** How an answer no longer current is made again from itself. */
  @FunctionalInterface
  public interface Remake<T> {
    /**
     * @param before the answer as remembered
     * @param changed the members and posts of its {@code dependsOn}, in their order there, that an
     *     event of the answer's kind named since it was remembered (or that share a stamp with one),
     *     at least one
     * @return the answer as of now, or null if it must be made afresh
     */
    T from(T before, long[] changed);
  }

  /**
   * As {@link #derived(Object, Supplier, long[], MemberEvents, boolean, ToIntFunction)}, but an
   * answer remembered and no longer current is first given to {@code remake} with what changed
   * since, unless a profile changed and {@code onProfiles}; {@code make} makes it if that gives null.
   * What changed is found in one pass: from the events since, when they are few and {@code
   * dependsOn} is long and ascending, else from each member's stamp
   * (docs/decisions/0037-a-remembered-page-reads-the-events-since-it.md).
   */
  public <T> T derived(Object key, Supplier<T> make, Remake<T> remake, long[] dependsOn, MemberEvents events,
      boolean onProfiles, ToIntFunction<T> weight) {
    long position = remembered.settledPosition();
    RememberedReads.Held<T> held = remembered.held(key);
    T value = null;
    if (held != null && !(onProfiles && !remembered.noProfileChangedSince(held.position()))) {
      long[] changed = remembered.changedSince(held.position(), held.depends());
      if (changed.length == 0) {
        return held.value();
      }
      value = remake.from(held.value(), changed);
    }
    if (value == null) {
      value = make.get();
    }
    remembered.remember(key, value, position, RememberedReads.Depends.of(held, dependsOn, events), onProfiles,
        weight.applyAsInt(value));
    return value;
  }

  /**
   * Takes note of an event of the log. Events come in log order, each before anyone may read a
   * state of the store past it through this (the log's reader calls this before it moves on).
   */
  public void record(Event event) {
    boolean inboxChanged = messaging.record(event); // before its position is published: a page as of it replays it
    remembered.record(event);
    boolean posted = event.type() == EventType.POSTED && remembered.holds(new MemberById(event.subjectId()));
    if (posted) {
      content.post(event.refId());
    }
    if (posted || inboxChanged) {
      // A post's author, whose version it moved, and a message's pair show on many pages: read once here, on
      // the log's thread, not on each reader's (docs/decisions/0031-a-post-changes-its-own-answers.md).
      readAgain(inboxChanged, event.actorId(), event.subjectId());
    }
  }

  /**
   * The members remembered (even if stale), or all of them if {@code always}, are read from the
   * store now, as of the newest event recorded.
   */
  private void readAgain(boolean always, long... memberIds) {
    List<Long> ids = LongStream.of(memberIds).distinct().filter(id -> always || remembered.holds(new MemberById(id)))
        .boxed().toList();
    if (!ids.isEmpty()) {
      long position = remembered.position();
      store.members(ids).forEach((id, m) -> remembered.remember(new MemberById(id), Optional.of(m), position,
          new long[] {id}, false, 1));
    }
  }

  /** What tells the parts of an answer made from these reads which of them changed since they were made. */
  public ChangesSince changesSince() {
    return new ChangesSince(remembered);
  }

  /** The memory the stamps take, fixed whatever the network's size (for monitoring). */
  public long stampBytes() {
    return remembered.stampBytes();
  }

  @Override
  public Optional<Member> member(long id) {
    return remembered.read(new MemberById(id), () -> store.member(id), m -> m.isPresent() ? new long[] {id} : null,
        false, m -> 1);
  }

  @Override
  public Optional<Member> member(Handle handle) {
    return remembered.read(new MemberByHandle(handle.value()), () -> store.member(handle),
        m -> m.map(found -> new long[] {found.id()}).orElse(null), false, m -> 1);
  }

  @Override
  public Map<Long, Member> members(Collection<Long> ids) {
    Map<Long, Member> found = new HashMap<>();
    List<Long> unknown = new ArrayList<>();
    for (Long id : ids) {
      Optional<Member> member = remembered.valid(new MemberById(id));
      if (member != null && member.isPresent()) {
        found.put(id, member.get());
      } else {
        unknown.add(id);
      }
    }
    if (!unknown.isEmpty()) {
      long position = remembered.position();
      store.members(unknown).forEach((id, member) -> {
        remembered.remember(new MemberById(id), Optional.of(member), position, new long[] {id}, false, 1);
        found.put(id, member);
      });
    }
    return found;
  }

  @Override
  public Optional<TokenGrant> token(String tokenHash) {
    // Stale with its member's events, so that a revocation, a sign-out or a password change, each an
    // event of the member, stops the token at once here and within a log read on other servers.
    return remembered.read(new Token(tokenHash), () -> store.token(tokenHash),
        g -> g.map(grant -> new long[] {grant.memberId()}).orElse(null), false, g -> 0);
  }

  /**
   * From both members and their ties, and the graph index for the connection, which spares a read
   * of the store for every pair a viewer looks at.
   */
  @Override
  public PairState pair(long actorId, long otherId) {
    Member actor = member(actorId).orElseThrow(() -> unknown(actorId));
    Member other = member(otherId).orElseThrow(() -> unknown(otherId));
    MemberTies actorTies = memberTies(actorId);
    MemberTies otherTies = memberTies(otherId);
    return new PairState(actor, other, actorTies.follows(otherId), otherTies.follows(actorId),
        connected.test(actorId, otherId), actorTies.blocks(otherId), otherTies.blocks(actorId),
        actorTies.openInvitationWith(otherId), actorTies.lastWithdrawalTo(otherId));
  }

  private static NotFoundException unknown(long memberId) {
    return new NotFoundException("member-not-found", "no member with id " + memberId);
  }

  @Override
  public MemberTies memberTies(long memberId) {
    // A unit of weight is about a member's worth of memory: some 32 ids.
    return remembered.read(new Ties(memberId), () -> store.memberTies(memberId), t -> new long[] {memberId},
        false, t -> t.size() / 32);
  }

  /** Remembered as read: callers must not change its arrays. */
  @Override
  public ConnectionList connectionList(long memberId) {
    return remembered.read(new ConnectionIds(memberId), () -> store.connectionList(memberId),
        list -> new long[] {memberId}, false, list -> list.size() / 16);
  }

  @Override
  public Optional<PairState> pair(long actorId, Handle other) {
    return member(other).map(m -> pair(actorId, m.id()));
  }

  @Override
  public int followingCount(long memberId) {
    return remembered.read(new Count(true, memberId, false), () -> store.followingCount(memberId),
        n -> new long[] {memberId}, false, n -> 0);
  }

  @Override
  public int followerCount(long memberId, boolean onlyConnections) {
    return remembered.read(new Count(false, memberId, onlyConnections),
        () -> store.followerCount(memberId, onlyConnections), n -> new long[] {memberId}, false, n -> 0);
  }

  @Override
  public Page<Member> followers(long memberId, boolean onlyConnections, long viewerId, PageRequest page) {
    return firstPage(new FirstPage(ListKind.FOLLOWERS, memberId, onlyConnections, viewerId, page.limit()), page,
        () -> store.followers(memberId, onlyConnections, viewerId, page), false);
  }

  @Override
  public Page<Member> following(long memberId, long viewerId, PageRequest page) {
    // F5 hides follows by the followee's settings: a followee it hides is on no page to depend on.
    return firstPage(new FirstPage(ListKind.FOLLOWING, memberId, false, viewerId, page.limit()), page,
        () -> store.following(memberId, viewerId, page), true);
  }

  @Override
  public Page<Member> connections(long memberId, boolean onlySharedWithViewer, long viewerId, PageRequest page) {
    return firstPage(new FirstPage(ListKind.CONNECTIONS, memberId, onlySharedWithViewer, viewerId, page.limit()), page,
        () -> store.connections(memberId, onlySharedWithViewer, viewerId, page), false);
  }

  /**
   * A first page is remembered; later ones are read where their cursor points. It is stale with
   * the events of its member, its viewer (B2 hides whom they block) or anyone on it.
   */
  private Page<Member> firstPage(FirstPage key, PageRequest page, Supplier<Page<Member>> load, boolean onProfiles) {
    if (page.cursor().isPresent()) {
      return load.get();
    }
    // Only blocks (B2) set a viewer's page of a list that is not shared-only apart from anyone
    // else's: viewers with none either way, most of them, share one page.
    FirstPage shared = key.scoped() && key.kind() == ListKind.CONNECTIONS || blockedEitherWay(key.viewerId()).length > 0
        ? key : new FirstPage(key.kind(), key.memberId(), key.scoped(), ANY_VIEWER_WITHOUT_BLOCKS, key.limit());
    return remembered.read(shared, load, p -> LongStream.concat(LongStream.of(key.memberId(), shared.viewerId()),
        p.items().stream().mapToLong(Member::id)).toArray(), onProfiles, p -> p.items().size());
  }

  @Override
  public long[] blockedEitherWay(long memberId) {
    return remembered.read(new Excluded(false, memberId), () -> store.blockedEitherWay(memberId),
        ids -> new long[] {memberId}, false, ids -> ids.length / 8).clone();
  }

  @Override
  public long[] notToSuggest(long memberId) {
    return remembered.read(new Excluded(true, memberId), () -> store.notToSuggest(memberId),
        ids -> new long[] {memberId}, false, ids -> ids.length / 8).clone();
  }

}
