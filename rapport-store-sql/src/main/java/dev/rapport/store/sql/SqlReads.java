package dev.rapport.store.sql;

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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The reads of a SQL database, in SQL both backends accept, on whatever sessions its {@link
 * Readers} lend: each concern is answered by a part of its own. Thread safe if the readers are.
 *
 * <p>Every read that returns members is a single statement, which reads one snapshot: the versions
 * it returns are exactly as new as the rest, which is what the {@link StoreReads} contract asks.
 */
final class SqlReads implements StoreReads {
  private final MemberReads members;
  private final PairReads pairs;
  private final TieReads ties;
  private final UsageReads usage;
  private final ListReads lists;
  private final MemberSearch search;
  private final IndexFeedReads feed;
  private final AccountSqlReads accounts;
  private final ContentSqlReads content;
  private final ProfileSqlReads profiles;
  private final OutreachSqlReads outreach;
  private final MessagingSqlReads messaging;

  SqlReads(Dialect dialect, Readers readers) {
    this.members = new MemberReads(readers);
    this.pairs = new PairReads(readers);
    this.ties = new TieReads(readers);
    this.usage = new UsageReads(readers);
    this.lists = new ListReads(readers);
    this.search = new MemberSearch(readers);
    this.feed = new IndexFeedReads(dialect, readers);
    this.accounts = new AccountSqlReads(readers);
    this.content = new ContentSqlReads(dialect, readers);
    this.profiles = new ProfileSqlReads(readers);
    this.outreach = new OutreachSqlReads(readers);
    this.messaging = new MessagingSqlReads(readers);
  }

  /** The reads of pairs, for a reader that holds the members itself ({@link WriterReads}). */
  PairReads pairs() {
    return pairs;
  }

  @Override
  public ContentReads content() {
    return content;
  }

  @Override
  public OutreachReads outreach() {
    return outreach;
  }

  @Override
  public MessagingReads messaging() {
    return messaging;
  }

  @Override
  public Optional<Member> member(long id) {
    return members.member(id);
  }

  @Override
  public Optional<Member> member(Handle handle) {
    return members.member(handle);
  }

  @Override
  public Map<Long, Member> members(Collection<Long> ids) {
    return members.members(ids);
  }

  @Override
  public Map<Handle, Member> membersWithHandles(Collection<Handle> handles) {
    return members.membersWithHandles(handles);
  }

  @Override
  public MemberTies memberTies(long memberId) {
    return ties.memberTies(memberId);
  }

  @Override
  public ConnectionList connectionList(long memberId) {
    return ties.connectionList(memberId);
  }

  @Override
  public Optional<TokenGrant> token(String tokenHash) {
    return members.token(tokenHash);
  }

  @Override
  public PairState pair(long actorId, long otherId) {
    return pairs.pair(actorId, otherId);
  }

  @Override
  public Optional<PairState> pair(long actorId, Handle other) {
    return pairs.pair(actorId, other);
  }

  @Override
  public Map<MemberPair, PairTies> ties(Collection<MemberPair> memberPairs) {
    return pairs.ties(memberPairs);
  }

  @Override
  public Optional<Invitation> invitation(long id) {
    return pairs.invitation(id);
  }

  @Override
  public Usage usage(long memberId, Usage.Windows windows) {
    return usage.usage(memberId, windows);
  }

  @Override
  public int followingCount(long memberId) {
    return lists.followingCount(memberId);
  }

  @Override
  public int followerCount(long memberId, boolean onlyConnections) {
    return lists.followerCount(memberId, onlyConnections);
  }

  @Override
  public Page<Member> followers(long memberId, boolean onlyConnections, long viewerId, PageRequest page) {
    return lists.followers(memberId, onlyConnections, viewerId, page);
  }

  @Override
  public Page<Member> following(long memberId, long viewerId, PageRequest page) {
    return lists.following(memberId, viewerId, page);
  }

  @Override
  public Page<Member> connections(long memberId, boolean onlySharedWithViewer, long viewerId, PageRequest page) {
    return lists.connections(memberId, onlySharedWithViewer, viewerId, page);
  }

  @Override
  public Page<Invitation> invitations(long memberId, boolean sent, Set<InvitationState> states, PageRequest page) {
    return lists.invitations(memberId, sent, states, page);
  }

  @Override
  public Page<Member> searchMembers(String prefix, long viewerId, PageRequest page) {
    return search.search(prefix, viewerId, page);
  }

  @Override
  public Page<Member> blocked(long memberId, PageRequest page) {
    return lists.blocked(memberId, page);
  }

  @Override
  public long[] blockedEitherWay(long memberId) {
    return lists.blockedEitherWay(memberId);
  }

  @Override
  public long[] notToSuggest(long memberId) {
    return lists.notToSuggest(memberId);
  }

  @Override
  public Page<Notification> notifications(long memberId, PageRequest page) {
    return lists.notifications(memberId, page);
  }

  @Override
  public List<Notification> notifications(long recipientId, long[] ids) {
    return lists.notifications(recipientId, ids);
  }

  @Override
  public List<Notification> notificationGroups(long recipientId, Collection<NotificationGroupKey> groups) {
    return lists.notificationGroups(recipientId, groups);
  }

  @Override
  public Set<NotificationKind> mutedNotificationKinds(long memberId) {
    return lists.mutedNotificationKinds(memberId);
  }

  @Override
  public List<Event> eventsAbout(long memberId, long afterSeq, long upToSeq, int limit) {
    return feed.eventsAbout(memberId, afterSeq, upToSeq, limit);
  }

  @Override
  public int unreadNotificationCount(long memberId) {
    return lists.unreadNotificationCount(memberId);
  }

  @Override
  public Optional<Instant> lastFollowNotice(long followeeId, long followerId) {
    return lists.lastFollowNotice(followeeId, followerId);
  }

  @Override
  public long forEachConnection(ConnectionSink sink) {
    return feed.forEachConnection(sink);
  }

  @Override
  public List<Event> eventsAfter(long afterSeq, int limit) {
    return feed.eventsAfter(afterSeq, limit);
  }

  @Override
  public long lastPosition() {
    return feed.lastPosition();
  }

  @Override
  public Optional<SavedIndex> savedIndex() {
    return feed.savedIndex(SavedIndexes.Kind.GRAPH);
  }

  /** The copy of the feed index saved last, if any. */
  Optional<SavedIndex> savedFeedIndex() {
    return feed.savedIndex(SavedIndexes.Kind.FEED);
  }

  @Override
  public Optional<Credential> credential(String emailKey) {
    return accounts.credential(emailKey);
  }

  @Override
  public Optional<Credential> credentialOf(long memberId) {
    return accounts.credentialOf(memberId);
  }

  @Override
  public boolean emailTaken(String emailKey) {
    return accounts.emailTaken(emailKey);
  }

  @Override
  public List<IssuedToken> apiTokens(long memberId) {
    return accounts.apiTokens(memberId);
  }

  @Override
  public Optional<InviteLink> inviteLink(String codeHash) {
    return accounts.inviteLink(codeHash);
  }

  @Override
  public List<String> skills(long memberId) {
    return profiles.skills(memberId);
  }

  @Override
  public List<Endorsement> endorsements(long memberId) {
    return profiles.endorsements(memberId);
  }

  @Override
  public Optional<Recommendation> recommendation(long id) {
    return profiles.recommendation(id);
  }

  @Override
  public Optional<Recommendation> pendingRecommendation(long writerId, long recipientId) {
    return profiles.pendingRecommendation(writerId, recipientId);
  }

  @Override
  public Page<Recommendation> recommendationsReceived(long recipientId, Set<RecommendationState> states, long viewerId,
      PageRequest page) {
    return profiles.recommendationsReceived(recipientId, states, viewerId, page);
  }

  @Override
  public Page<Recommendation> recommendationsGiven(long writerId, PageRequest page) {
    return profiles.recommendationsGiven(writerId, page);
  }

  @Override
  public List<Long> pageAdmins(long pageId) {
    return profiles.pageAdmins(pageId);
  }

  @Override
  public boolean isPageAdmin(long pageId, long memberId) {
    return profiles.isPageAdmin(pageId, memberId);
  }

  @Override
  public Page<Member> administeredPages(long memberId, PageRequest page) {
    return profiles.administeredPages(memberId, page);
  }
}
