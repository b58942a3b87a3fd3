package dev.rapport.store.sql;

import dev.rapport.kernel.Change;
import dev.rapport.kernel.Commit;
import dev.rapport.kernel.Event;
import dev.rapport.kernel.PairState;
import dev.rapport.kernel.PairTies;
import dev.rapport.kernel.Usage;
import dev.rapport.model.Endorsement;
import dev.rapport.model.Handle;
import dev.rapport.model.Invitation;
import dev.rapport.model.InvitationState;
import dev.rapport.model.InviteLink;
import dev.rapport.model.Member;
import dev.rapport.model.MemberPair;
import dev.rapport.model.Notification;
import dev.rapport.model.NotificationGroupKey;
import dev.rapport.model.NotificationKind;
import dev.rapport.model.Page;
import dev.rapport.model.PageRequest;
import dev.rapport.model.Recommendation;
import dev.rapport.model.RecommendationState;
import dev.rapport.problem.NotFoundException;
import dev.rapport.store.ConnectionList;
import dev.rapport.store.ContentReads;
import dev.rapport.store.Credential;
import dev.rapport.store.IssuedToken;
import dev.rapport.store.MemberTies;
import dev.rapport.store.MessagingReads;
import dev.rapport.store.OutreachReads;
import dev.rapport.store.SavedIndex;
import dev.rapport.store.StoreReads;
import dev.rapport.store.TokenGrant;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The SQLite writer's reads: {@link SqlReads} on the writer's own connection, wrapped to answer
 * members and pairs from the members it read lately, kept in memory. Writer thread only.
 *
 * <p>Every command reads its two members, and reading them is most of the cost of a pair (see
 * BENCHMARKS.md). The writer may keep them because nothing else changes a member: every write to
 * the members table is a commit the writer applies itself (decision 0002), and it tells this memory
 * of each one ({@link #applied}, {@link #connectionsMoved}). Version
 * bumps and connection counts are done to the kept members the way the SQL does them; a profile
 * change drops the member, to be read again when next needed. Whenever the writer rolls its
 * transaction back, the memory no longer matches the database and is dropped ({@link #forget}).
 */
final class WriterReads implements StoreReads {

  @Override
  public ContentReads content() {
    return plain.content();
  }

  @Override
  public OutreachReads outreach() {
    return plain.outreach();
  }

  @Override
  public MessagingReads messaging() {
    return plain.messaging();
  }
  /** About 300 bytes a member: a few megabytes, for the members active at any moment. */
  private static final int MEMBERS_KEPT = 20_000;

  private final SqlReads plain;
  private final Map<Long, Member> byId = lru();
  /** Handles never change and members are never deleted, so a handle keeps its id. */
  private final Map<Handle, Long> idsByHandle = lru();

  WriterReads(Session session) {
    this.plain = new SqlReads(Dialect.SQLITE, new SessionReaders(session));
  }

  private static <K, V> Map<K, V> lru() {
    return new LinkedHashMap<>(1024, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > MEMBERS_KEPT;
      }
    };
  }

  @Override
  public Optional<Member> member(long id) {
    Member kept = byId.get(id);
    return kept != null ? Optional.of(kept) : plain.member(id).map(this::keep);
  }

  @Override
  public Optional<Member> member(Handle handle) {
    Long id = idsByHandle.get(handle);
    Member kept = id == null ? null : byId.get(id);
    return kept != null ? Optional.of(kept) : plain.member(handle).map(this::keep);
  }

  @Override
  public PairState pair(long actorId, long otherId) {
    return plain.pairs().pairOf(existing(actorId), existing(otherId));
  }

  @Override
  public Optional<PairState> pair(long actorId, Handle other) {
    Member actor = existing(actorId);
    return member(other).map(o -> plain.pairs().pairOf(actor, o));
  }

  private Member existing(long id) {
    return member(id).orElseThrow(() -> new NotFoundException("member-not-found", "no member with id " + id));
  }

  private Member keep(Member member) {
    byId.put(member.id(), member);
    idsByHandle.put(member.handle(), member.id());
    return member;
  }

  @Override
  public Map<Long, Member> members(Collection<Long> ids) {
    return plain.members(ids);
  }

  @Override
  public Map<Handle, Member> membersWithHandles(Collection<Handle> handles) {
    return plain.membersWithHandles(handles);
  }

  @Override
  public MemberTies memberTies(long memberId) {
    return plain.memberTies(memberId);
  }

  @Override
  public ConnectionList connectionList(long memberId) {
    return plain.connectionList(memberId);
  }

  @Override
  public Optional<TokenGrant> token(String tokenHash) {
    return plain.token(tokenHash);
  }

  @Override
  public Map<MemberPair, PairTies> ties(Collection<MemberPair> pairs) {
    return plain.ties(pairs);
  }

  @Override
  public Optional<Invitation> invitation(long id) {
    return plain.invitation(id);
  }

  @Override
  public Usage usage(long memberId, Usage.Windows windows) {
    return plain.usage(memberId, windows);
  }

  @Override
  public int followingCount(long memberId) {
    return plain.followingCount(memberId);
  }

  @Override
  public int followerCount(long memberId, boolean onlyConnections) {
    return plain.followerCount(memberId, onlyConnections);
  }

  @Override
  public Page<Member> followers(long memberId, boolean onlyConnections, long viewerId, PageRequest page) {
    return plain.followers(memberId, onlyConnections, viewerId, page);
  }

  @Override
  public Page<Member> following(long memberId, long viewerId, PageRequest page) {
    return plain.following(memberId, viewerId, page);
  }

  @Override
  public Page<Member> connections(long memberId, boolean onlySharedWithViewer, long viewerId, PageRequest page) {
    return plain.connections(memberId, onlySharedWithViewer, viewerId, page);
  }

  @Override
  public Page<Invitation> invitations(long memberId, boolean sent, Set<InvitationState> states, PageRequest page) {
    return plain.invitations(memberId, sent, states, page);
  }

  @Override
  public Page<Member> searchMembers(String prefix, long viewerId, PageRequest page) {
    return plain.searchMembers(prefix, viewerId, page);
  }

  @Override
  public Page<Member> blocked(long memberId, PageRequest page) {
    return plain.blocked(memberId, page);
  }

  @Override
  public long[] blockedEitherWay(long memberId) {
    return plain.blockedEitherWay(memberId);
  }

  @Override
  public long[] notToSuggest(long memberId) {
    return plain.notToSuggest(memberId);
  }

  @Override
  public Page<Notification> notifications(long memberId, PageRequest page) {
    return plain.notifications(memberId, page);
  }

  @Override
  public List<Notification> notifications(long recipientId, long[] ids) {
    return plain.notifications(recipientId, ids);
  }

  @Override
  public List<Notification> notificationGroups(long recipientId, Collection<NotificationGroupKey> groups) {
    return plain.notificationGroups(recipientId, groups);
  }

  @Override
  public Set<NotificationKind> mutedNotificationKinds(long memberId) {
    return plain.mutedNotificationKinds(memberId);
  }

  @Override
  public List<Event> eventsAbout(long memberId, long afterSeq, long upToSeq, int limit) {
    return plain.eventsAbout(memberId, afterSeq, upToSeq, limit);
  }

  @Override
  public int unreadNotificationCount(long memberId) {
    return plain.unreadNotificationCount(memberId);
  }

  @Override
  public Optional<Instant> lastFollowNotice(long followeeId, long followerId) {
    return plain.lastFollowNotice(followeeId, followerId);
  }

  @Override
  public long forEachConnection(ConnectionSink sink) {
    return plain.forEachConnection(sink);
  }

  @Override
  public List<Event> eventsAfter(long afterSeq, int limit) {
    return plain.eventsAfter(afterSeq, limit);
  }

  @Override
  public long lastPosition() {
    return plain.lastPosition();
  }

  @Override
  public Optional<SavedIndex> savedIndex() {
    return plain.savedIndex();
  }

  /**
   * Brings the kept members up to a commit the writer has just applied in its open transaction,
   * after {@link #connectionsMoved} heard of its connection changes.
   */
  void applied(Commit commit) {
    commit.expectedVersions().forEach((id, version) -> {
      Member m = byId.get(id);
      if (m != null && m.version() == version) {
        byId.put(id, copy(m, m.connectionCount(), version + 1));
      } else {
        byId.remove(id);
      }
    });
    for (Change change : commit.changes()) {
      if (change instanceof Change.UpdateMember(Member m)) {
        byId.remove(m.id());
      }
    }
  }

  /** Follows the members table as the writer adds or removes connections. */
  void connectionsMoved(long memberId, int by) {
    Member m = byId.get(memberId);
    if (m != null) {
      byId.put(memberId, copy(m, m.connectionCount() + by, m.version()));
    }
  }

  private static Member copy(Member m, int connectionCount, long version) {
    return new Member(m.id(), m.handle(), m.kind(), m.name(), m.headline(), m.email(), m.tier(), m.createdAt(),
        m.settings(), connectionCount, version);
  }

  /** Drops every kept member and handle: the transaction that they may come from was rolled back. */
  void forget() {
    byId.clear();
    idsByHandle.clear();
  }

  @Override
  public Optional<Credential> credential(String emailKey) {
    return plain.credential(emailKey);
  }

  @Override
  public Optional<Credential> credentialOf(long memberId) {
    return plain.credentialOf(memberId);
  }

  @Override
  public boolean emailTaken(String emailKey) {
    return plain.emailTaken(emailKey);
  }

  @Override
  public List<IssuedToken> apiTokens(long memberId) {
    return plain.apiTokens(memberId);
  }

  @Override
  public Optional<InviteLink> inviteLink(String codeHash) {
    return plain.inviteLink(codeHash);
  }

  @Override
  public List<String> skills(long memberId) {
    return plain.skills(memberId);
  }

  @Override
  public List<Endorsement> endorsements(long memberId) {
    return plain.endorsements(memberId);
  }

  @Override
  public Optional<Recommendation> recommendation(long id) {
    return plain.recommendation(id);
  }

  @Override
  public Optional<Recommendation> pendingRecommendation(long writerId, long recipientId) {
    return plain.pendingRecommendation(writerId, recipientId);
  }

  @Override
  public Page<Recommendation> recommendationsReceived(long recipientId, Set<RecommendationState> states, long viewerId,
      PageRequest page) {
    return plain.recommendationsReceived(recipientId, states, viewerId, page);
  }

  @Override
  public Page<Recommendation> recommendationsGiven(long writerId, PageRequest page) {
    return plain.recommendationsGiven(writerId, page);
  }

  @Override
  public List<Long> pageAdmins(long pageId) {
    return plain.pageAdmins(pageId);
  }

  @Override
  public boolean isPageAdmin(long pageId, long memberId) {
    return plain.isPageAdmin(pageId, memberId);
  }

  @Override
  public Page<Member> administeredPages(long memberId, PageRequest page) {
    return plain.administeredPages(memberId, page);
  }
}
