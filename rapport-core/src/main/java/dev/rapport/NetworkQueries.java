package dev.rapport;

import dev.rapport.connection.ConnectedMember;
import dev.rapport.connection.Connections;
import dev.rapport.follow.Follows;
import dev.rapport.kernel.PairState;
import dev.rapport.kernel.Visibility;
import dev.rapport.member.MemberIds;
import dev.rapport.model.CountedPage;
import dev.rapport.model.Cursor;
import dev.rapport.model.Handle;
import dev.rapport.model.Member;
import dev.rapport.model.Page;
import dev.rapport.model.PageRequest;
import dev.rapport.network.NetworkReads;
import dev.rapport.network.NetworkSize;
import dev.rapport.network.Suggestion;
import dev.rapport.problem.InvalidInputException;
import dev.rapport.problem.NotFoundException;
import dev.rapport.profile.ProfileView;
import dev.rapport.profile.Profiles;
import dev.rapport.store.ConnectionList;
import dev.rapport.store.StoreReads;
import dev.rapport.suggestion.SuggestedMember;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * The queries that join the store's reads with the graph index: a profile's closeness, the lists
 * of connections a viewer may see, degrees and People You May Know. {@link Rapport} answers them
 * through this; each reads the store through memory where it can (docs/decisions/0012). Thread safe.
 */
final class NetworkQueries {
  /** How many mutual connections a profile names, as "Ann, Bo and 12 others". */
  private static final int FIRST_MUTUALS = 3;

  private final Supplier<StoreReads> reads;
  private final Supplier<NetworkReads> index;
  private final MemberIds memberIds;

  /**
   * @param reads the store's reads for a query, from memory where it can
   * @param index the graph index for a query
   */
  NetworkQueries(Supplier<StoreReads> reads, Supplier<NetworkReads> index, MemberIds memberIds) {
    this.reads = reads;
    this.index = index;
    this.memberIds = memberIds;
  }

  private StoreReads reads() {
    return reads.get();
  }

  private NetworkReads index() {
    return index.get();
  }

  /** Member search, as {@link Rapport#searchMembers} says. */
  Page<Member> searchMembers(long viewerId, String text, int maxLength, PageRequest page) {
    String prefix = text.strip().toLowerCase(Locale.ROOT);
    if (prefix.isEmpty() || prefix.length() > maxLength) {
      throw new InvalidInputException("invalid-query", "a search needs 1 to %d characters".formatted(maxLength),
          Map.of("parameter", "q"));
    }
    return reads().searchMembers(prefix, viewerId, page);
  }

  private PairState pair(long viewerId, Handle handle) {
    return reads().pair(viewerId, handle).orElseThrow(() -> NotFoundException.member(handle.value()));
  }

  /** PR1: the member's profile as the viewer sees it. @throws NotFoundException unknown or blocked (B2) */
  ProfileView profile(long viewerId, Handle handle) {
    PairState pair = pair(viewerId, handle);
    Member member = pair.other();
    // F5: the count leaves out followers hidden by whoCanFollow = connections.
    boolean onlyConnections = Follows.hidesOutsideFollowers(member);
    int followers = reads().followerCount(member.id(), onlyConnections);
    if (pair.isSelf()) {
      return Profiles.view(pair, followers, member.connectionCount(), ProfileView.Closeness.NONE);
    }
    NetworkReads index = index();
    // B2: no count differs from its list by a member a block hides from the viewer.
    int connections = member.connectionCount();
    for (long hidden : reads().blockedEitherWay(viewerId)) {
      boolean connection = hidden != member.id() && index.connected(member.id(), hidden);
      connections -= connection ? 1 : 0;
      // F5: with only connections as followers, a follower who is not one is counted nowhere.
      if (hidden != member.id() && (connection || !onlyConnections)
          && reads().memberTies(hidden).follows(member.id())) {
        followers--;
      }
    }
    // Every mutual connection is the viewer's connection, and a block ends a connection (B1), so
    // no block can stand between the viewer and one of them: the count hides nothing B2 hides.
    int mutualCount = index.mutualCount(viewerId, member.id());
    List<Member> firstMutuals = shared(viewerId, member.id(), PageRequest.first(FIRST_MUTUALS)).items();
    // A connection is 1st degree and a shared one makes 2nd: only a 3rd needs the viewer's network.
    OptionalInt degree = index.connected(viewerId, member.id()) ? OptionalInt.of(1)
        : mutualCount > 0 ? OptionalInt.of(2) : index.degree(viewerId, member.id());
    return Profiles.view(pair, Math.max(followers, 0), Math.max(connections, 0),
        new ProfileView.Closeness(degree, mutualCount, firstMutuals));
  }

  /**
   * The member's connections that the viewer shares (N2, P1), newest first. A first page comes
   * from memory: the member's connections, remembered, that the graph index finds connected to
   * the viewer. No block can hide one of them (B2), as a block ends a connection (B1). Later pages
   * continue from their cursor in the store, which the first page's cursor is made for.
   */
  private Page<Member> shared(long viewerId, long memberId, PageRequest page) {
    if (page.cursor().isPresent()) {
      return reads().connections(memberId, true, viewerId, page);
    }
    NetworkReads index = index();
    if (index.mutualCount(viewerId, memberId) == 0) {
      return new Page<>(List.of(), Optional.empty());
    }
    ConnectionList list = reads().connectionList(memberId);
    List<Long> ids = new ArrayList<>(Math.min(page.limit(), 64));
    int last = -1;
    boolean more = false;
    for (int i = 0; i < list.size() && !more; i++) {
      if (index.connected(viewerId, list.ids()[i])) {
        more = ids.size() == page.limit();
        if (!more) {
          ids.add(list.ids()[i]);
          last = i;
        }
      }
    }
    Map<Long, Member> members = reads().members(ids);
    return new Page<>(ids.stream().map(members::get).filter(Objects::nonNull).toList(),
        more ? Optional.of(Cursor.encode(list.sinceMillis()[last], list.ids()[last])) : Optional.empty());
  }

  /** Who follows the member (F5 hides outside followers while whoCanFollow = connections), as P5 allows. */
  Page<Member> followers(long viewerId, Handle handle, PageRequest page) {
    Member member = followsVisible(viewerId, handle);
    return reads().followers(member.id(), Follows.hidesOutsideFollowers(member), viewerId, page);
  }

  /** Whom the member follows, as P5 allows. */
  Page<Member> following(long viewerId, Handle handle, PageRequest page) {
    return reads().following(followsVisible(viewerId, handle).id(), viewerId, page);
  }

  /** The member whose lists of follows P5 lets the viewer read. */
  private Member followsVisible(long viewerId, Handle handle) {
    PairState pair = pair(viewerId, handle);
    Follows.requireListsVisible(pair);
    return pair.other();
  }

  /**
   * P1: the member's connections. The member and their connections see the whole list (unless the
   * member chose only-me, then only they do); everyone else sees the connections they share.
   */
  Page<ConnectedMember> connections(long viewerId, Handle handle, PageRequest page) {
    PairState pair = pair(viewerId, handle);
    long memberId = pair.other().id();
    return withConnectedAt(memberId, Connections.listScope(pair) == Connections.ListScope.SHARED
        ? shared(viewerId, memberId, page) : reads().connections(memberId, false, viewerId, page));
  }

  /**
   * The page's members with when each connected to the member, from the member's remembered list.
   * One the list no longer holds was disconnected after the page was read, and is left out.
   */
  private Page<ConnectedMember> withConnectedAt(long memberId, Page<Member> page) {
    if (page.items().isEmpty()) {
      return new Page<>(List.of(), page.next());
    }
    Map<Long, Instant> since = new HashMap<>();
    page.items().forEach(m -> since.put(m.id(), null));
    ConnectionList list = reads().connectionList(memberId);
    for (int i = 0; i < list.size(); i++) {
      if (since.containsKey(list.ids()[i])) {
        since.put(list.ids()[i], Instant.ofEpochMilli(list.sinceMillis()[i]));
      }
    }
    return new Page<>(page.items().stream().filter(m -> since.get(m.id()) != null)
        .map(m -> new ConnectedMember(m, since.get(m.id()))).toList(), page.next());
  }

  /**
   * N2: the connections the viewer shares with the member, newest first, and how many there are;
   * none with oneself. Shared connections stay visible whatever the member's connections
   * visibility (P1).
   *
   * @throws NotFoundException unknown or blocked (B2)
   */
  CountedPage<Member> mutualConnections(long viewerId, Handle handle, PageRequest page) {
    PairState pair = pair(viewerId, handle);
    Visibility.requireVisible(pair);
    if (pair.isSelf()) {
      return new CountedPage<>(0, new Page<>(List.of(), Optional.empty()));
    }
    return new CountedPage<>(index().mutualCount(viewerId, pair.other().id()),
        shared(viewerId, pair.other().id(), page));
  }

  /**
   * N3: how many members are 1st, 2nd and 3rd-degree to the viewer, leaving out members blocked
   * either way (B2), whom {@link #degrees} answers as nobody.
   */
  NetworkSize networkSize(long viewerId) {
    NetworkReads index = index();
    NetworkSize size = index.networkSize(viewerId);
    long[] blocked = reads().blockedEitherWay(viewerId);
    if (blocked.length == 0) {
      return size;
    }
    int[] counts = {0, size.first(), size.second(), size.third()};
    for (int degree : index.degrees(viewerId, blocked)) {
      counts[degree]--;
    }
    return new NetworkSize(counts[1], counts[2], counts[3]);
  }

  /**
   * N1 for a batch: the degree (1, 2 or 3) of each named member as the viewer sees them, in order;
   * 0 for a member out of network, the viewer themself, a handle no member has, or a member
   * blocked either way (B2: the answer for them is the answer for a handle nobody has).
   *
   * @throws InvalidInputException {@code too-many-handles} past {@link Rapport#MAX_DEGREE_BATCH}
   */
  int[] degrees(long viewerId, List<Handle> handles) {
    if (handles.size() > Rapport.MAX_DEGREE_BATCH) {
      throw new InvalidInputException("too-many-handles",
          "a degree batch names at most %d members, not %d".formatted(Rapport.MAX_DEGREE_BATCH, handles.size()));
    }
    long[] targets = memberIds.idsOf(handles, reads()::membersWithHandles);
    int[] degrees = index().degrees(viewerId, targets);
    Visibility.hideBlocked(targets, degrees, reads().blockedEitherWay(viewerId));
    return degrees;
  }

  /**
   * N4, People You May Know: members who share connections with the viewer, most shared first,
   * then the earlier member, leaving out the viewer, their connections, open invitations either
   * way, blocks either way (B2) and dismissed suggestions. The cursor continues the ranking as it
   * stands when the next page is asked.
   */
  Page<SuggestedMember> suggestions(long viewerId, PageRequest page) {
    Suggestion after = null;
    if (page.cursor().isPresent()) {
      long[] key = Cursor.decode(page.cursor(), 2); // mutual count, member id
      after = new Suggestion(key[1], (int) key[0]);
    }
    long[] excluded = reads().notToSuggest(viewerId);
    List<Suggestion> ranked = index()
        .suggestions(viewerId, page.limit() + 1, id -> Arrays.binarySearch(excluded, id) >= 0, after);
    List<Suggestion> shown = ranked.subList(0, Math.min(page.limit(), ranked.size()));
    Map<Long, Member> members = reads().members(shown.stream().map(Suggestion::member).toList());
    Optional<String> next = ranked.size() > page.limit()
        ? Optional.of(Cursor.encode(shown.getLast().mutualCount(), shown.getLast().member()))
        : Optional.empty();
    return new Page<>(shown.stream().map(s -> new SuggestedMember(members.get(s.member()), s.mutualCount())).toList(),
        next);
  }
}
