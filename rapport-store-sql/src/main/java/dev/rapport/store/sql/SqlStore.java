package dev.rapport.store.sql;

import dev.rapport.kernel.Commit;
import dev.rapport.kernel.Decided;
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
import dev.rapport.store.Command;
import dev.rapport.store.CommitOutcome;
import dev.rapport.store.ConnectionList;
import dev.rapport.store.ContentReads;
import dev.rapport.store.Credential;
import dev.rapport.store.IssuedToken;
import dev.rapport.store.MemberTies;
import dev.rapport.store.MessagingReads;
import dev.rapport.store.OutreachReads;
import dev.rapport.store.SavedIndex;
import dev.rapport.store.Store;
import dev.rapport.store.TokenGrant;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The store on a SQL database: reads by its {@link SqlReads} on the sessions of its {@link Readers},
 * commands and commits through a backend's own {@link Committer}. Thread safe.
 */
final class SqlStore implements Store {

  @Override
  public ContentReads content() {
    return reads.content();
  }

  @Override
  public OutreachReads outreach() {
    return reads.outreach();
  }

  @Override
  public MessagingReads messaging() {
    return reads.messaging();
  }
  private final SqlReads reads;
  private final Readers readers;
  private final Committer committer;
  private final Runnable afterClose;

  SqlStore(Dialect dialect, Readers readers, Committer committer) {
    this(dialect, readers, committer, () -> { });
  }

  /** @param afterClose run once the committer and the readers are closed (to release a file lock) */
  SqlStore(Dialect dialect, Readers readers, Committer committer, Runnable afterClose) {
    this.reads = new SqlReads(dialect, readers);
    this.readers = readers;
    this.committer = committer;
    this.afterClose = afterClose;
  }

  @Override
  public <D extends Decided> D run(Command<D> command) {
    return committer.run(command, this);
  }

  @Override
  public CommitOutcome commit(Commit commit) {
    return committer.commit(commit);
  }

  @Override
  public void saveIndex(SavedIndex index) {
    committer.saveIndex(SavedIndexes.Kind.GRAPH, index);
  }

  @Override
  public void saveFeedIndex(SavedIndex index) {
    committer.saveIndex(SavedIndexes.Kind.FEED, index);
  }

  @Override
  public Optional<SavedIndex> savedFeedIndex() {
    return reads.savedFeedIndex();
  }

  @Override
  public Optional<Member> member(long id) {
    return reads.member(id);
  }

  @Override
  public Optional<Member> member(Handle handle) {
    return reads.member(handle);
  }

  @Override
  public Map<Long, Member> members(Collection<Long> ids) {
    return reads.members(ids);
  }

  @Override
  public Map<Handle, Member> membersWithHandles(Collection<Handle> handles) {
    return reads.membersWithHandles(handles);
  }

  @Override
  public MemberTies memberTies(long memberId) {
    return reads.memberTies(memberId);
  }

  @Override
  public ConnectionList connectionList(long memberId) {
    return reads.connectionList(memberId);
  }

  @Override
  public Optional<TokenGrant> token(String tokenHash) {
    return reads.token(tokenHash);
  }

  @Override
  public PairState pair(long actorId, long otherId) {
    return reads.pair(actorId, otherId);
  }

  @Override
  public Optional<PairState> pair(long actorId, Handle other) {
    return reads.pair(actorId, other);
  }

  @Override
  public Map<MemberPair, PairTies> ties(Collection<MemberPair> pairs) {
    return reads.ties(pairs);
  }

  @Override
  public Optional<Invitation> invitation(long id) {
    return reads.invitation(id);
  }

  @Override
  public Usage usage(long memberId, Usage.Windows windows) {
    return reads.usage(memberId, windows);
  }

  @Override
  public int followingCount(long memberId) {
    return reads.followingCount(memberId);
  }

  @Override
  public int followerCount(long memberId, boolean onlyConnections) {
    return reads.followerCount(memberId, onlyConnections);
  }

  @Override
  public Page<Member> followers(long memberId, boolean onlyConnections, long viewerId, PageRequest page) {
    return reads.followers(memberId, onlyConnections, viewerId, page);
  }

  @Override
  public Page<Member> following(long memberId, long viewerId, PageRequest page) {
    return reads.following(memberId, viewerId, page);
  }

  @Override
  public Page<Member> connections(long memberId, boolean onlySharedWithViewer, long viewerId, PageRequest page) {
    return reads.connections(memberId, onlySharedWithViewer, viewerId, page);
  }

  @Override
  public Page<Invitation> invitations(long memberId, boolean sent, Set<InvitationState> states, PageRequest page) {
    return reads.invitations(memberId, sent, states, page);
  }

  @Override
  public Page<Member> searchMembers(String prefix, long viewerId, PageRequest page) {
    return reads.searchMembers(prefix, viewerId, page);
  }

  @Override
  public Page<Member> blocked(long memberId, PageRequest page) {
    return reads.blocked(memberId, page);
  }

  @Override
  public long[] blockedEitherWay(long memberId) {
    return reads.blockedEitherWay(memberId);
  }

  @Override
  public long[] notToSuggest(long memberId) {
    return reads.notToSuggest(memberId);
  }

  @Override
  public Page<Notification> notifications(long memberId, PageRequest page) {
    return reads.notifications(memberId, page);
  }

  @Override
  public List<Notification> notifications(long recipientId, long[] ids) {
    return reads.notifications(recipientId, ids);
  }

  @Override
  public List<Notification> notificationGroups(long recipientId, Collection<NotificationGroupKey> groups) {
    return reads.notificationGroups(recipientId, groups);
  }

  @Override
  public Set<NotificationKind> mutedNotificationKinds(long memberId) {
    return reads.mutedNotificationKinds(memberId);
  }

  @Override
  public List<Event> eventsAbout(long memberId, long afterSeq, long upToSeq, int limit) {
    return reads.eventsAbout(memberId, afterSeq, upToSeq, limit);
  }

  @Override
  public int unreadNotificationCount(long memberId) {
    return reads.unreadNotificationCount(memberId);
  }

  @Override
  public Optional<Instant> lastFollowNotice(long followeeId, long followerId) {
    return reads.lastFollowNotice(followeeId, followerId);
  }

  @Override
  public long forEachConnection(ConnectionSink sink) {
    return reads.forEachConnection(sink);
  }

  @Override
  public List<Event> eventsAfter(long afterSeq, int limit) {
    return reads.eventsAfter(afterSeq, limit);
  }

  @Override
  public long lastPosition() {
    return reads.lastPosition();
  }

  @Override
  public Optional<SavedIndex> savedIndex() {
    return reads.savedIndex();
  }

  @Override
  public void close() {
    try {
      committer.close();
    } finally {
      try {
        readers.close();
      } finally {
        afterClose.run();
      }
    }
  }

  @Override
  public Optional<Credential> credential(String emailKey) {
    return reads.credential(emailKey);
  }

  @Override
  public Optional<Credential> credentialOf(long memberId) {
    return reads.credentialOf(memberId);
  }

  @Override
  public boolean emailTaken(String emailKey) {
    return reads.emailTaken(emailKey);
  }

  @Override
  public List<IssuedToken> apiTokens(long memberId) {
    return reads.apiTokens(memberId);
  }

  @Override
  public Optional<InviteLink> inviteLink(String codeHash) {
    return reads.inviteLink(codeHash);
  }

  @Override
  public List<String> skills(long memberId) {
    return reads.skills(memberId);
  }

  @Override
  public List<Endorsement> endorsements(long memberId) {
    return reads.endorsements(memberId);
  }

  @Override
  public Optional<Recommendation> recommendation(long id) {
    return reads.recommendation(id);
  }

  @Override
  public Optional<Recommendation> pendingRecommendation(long writerId, long recipientId) {
    return reads.pendingRecommendation(writerId, recipientId);
  }

  @Override
  public Page<Recommendation> recommendationsReceived(long recipientId, Set<RecommendationState> states, long viewerId,
      PageRequest page) {
    return reads.recommendationsReceived(recipientId, states, viewerId, page);
  }

  @Override
  public Page<Recommendation> recommendationsGiven(long writerId, PageRequest page) {
    return reads.recommendationsGiven(writerId, page);
  }

  @Override
  public List<Long> pageAdmins(long pageId) {
    return reads.pageAdmins(pageId);
  }

  @Override
  public boolean isPageAdmin(long pageId, long memberId) {
    return reads.isPageAdmin(pageId, memberId);
  }

  @Override
  public Page<Member> administeredPages(long memberId, PageRequest page) {
    return reads.administeredPages(memberId, page);
  }
}
