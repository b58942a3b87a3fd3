package dev.rapport.readcache;

import dev.rapport.kernel.Event;
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
import dev.rapport.store.Credential;
import dev.rapport.store.IssuedToken;
import dev.rapport.store.OutreachReads;
import dev.rapport.store.SavedIndex;
import dev.rapport.store.StoreReads;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The store's reads that are not remembered, each answered by the store: accounts (read when
 * someone signs in or manages their tokens, not on every page), members named in bulk, the ties
 * of many pairs, invitations and their usage, notifications, the log, outreach, endorsements,
 * recommendations and pages. {@link CachedReads} adds memory to the rest
 * (docs/decisions/0012).
 */
abstract class PassThroughReads implements StoreReads {
  protected final StoreReads store;

  PassThroughReads(StoreReads store) {
    this.store = store;
  }

  @Override
  public Map<Handle, Member> membersWithHandles(Collection<Handle> handles) {
    return store.membersWithHandles(handles);
  }

  @Override
  public Map<MemberPair, PairTies> ties(Collection<MemberPair> pairs) {
    return store.ties(pairs);
  }

  @Override
  public Usage usage(long memberId, Usage.Windows windows) {
    return store.usage(memberId, windows);
  }

  @Override
  public Optional<Invitation> invitation(long id) {
    return store.invitation(id);
  }

  /** Outreach insight is read from the store each time: it is an occasional query over history. */
  @Override
  public OutreachReads outreach() {
    return store.outreach();
  }

  @Override
  public Optional<Credential> credential(String emailKey) {
    return store.credential(emailKey);
  }

  @Override
  public Optional<Credential> credentialOf(long memberId) {
    return store.credentialOf(memberId);
  }

  @Override
  public boolean emailTaken(String emailKey) {
    return store.emailTaken(emailKey);
  }

  @Override
  public List<IssuedToken> apiTokens(long memberId) {
    return store.apiTokens(memberId);
  }

  @Override
  public Optional<InviteLink> inviteLink(String codeHash) {
    return store.inviteLink(codeHash);
  }

  @Override
  public Page<Invitation> invitations(long memberId, boolean sent, Set<InvitationState> states, PageRequest page) {
    return store.invitations(memberId, sent, states, page);
  }

  @Override
  public Page<Member> searchMembers(String prefix, long viewerId, PageRequest page) {
    return store.searchMembers(prefix, viewerId, page);
  }

  @Override
  public Page<Member> blocked(long memberId, PageRequest page) {
    return store.blocked(memberId, page);
  }

  @Override
  public Page<Notification> notifications(long memberId, PageRequest page) {
    return store.notifications(memberId, page);
  }

  @Override
  public List<Notification> notifications(long recipientId, long[] ids) {
    return store.notifications(recipientId, ids);
  }

  @Override
  public List<Notification> notificationGroups(long recipientId, Collection<NotificationGroupKey> groups) {
    return store.notificationGroups(recipientId, groups);
  }

  @Override
  public Set<NotificationKind> mutedNotificationKinds(long memberId) {
    return store.mutedNotificationKinds(memberId);
  }

  @Override
  public List<Event> eventsAbout(long memberId, long afterSeq, long upToSeq, int limit) {
    return store.eventsAbout(memberId, afterSeq, upToSeq, limit);
  }

  @Override
  public int unreadNotificationCount(long memberId) {
    return store.unreadNotificationCount(memberId);
  }

  @Override
  public Optional<Instant> lastFollowNotice(long followeeId, long followerId) {
    return store.lastFollowNotice(followeeId, followerId);
  }

  @Override
  public long forEachConnection(ConnectionSink sink) {
    return store.forEachConnection(sink);
  }

  @Override
  public List<Event> eventsAfter(long afterSeq, int limit) {
    return store.eventsAfter(afterSeq, limit);
  }

  @Override
  public long lastPosition() {
    return store.lastPosition();
  }

  @Override
  public Optional<SavedIndex> savedIndex() {
    return store.savedIndex();
  }

  @Override
  public List<String> skills(long memberId) {
    return store.skills(memberId);
  }

  @Override
  public List<Endorsement> endorsements(long memberId) {
    return store.endorsements(memberId);
  }

  @Override
  public Optional<Recommendation> recommendation(long id) {
    return store.recommendation(id);
  }

  @Override
  public Optional<Recommendation> pendingRecommendation(long writerId, long recipientId) {
    return store.pendingRecommendation(writerId, recipientId);
  }

  @Override
  public Page<Recommendation> recommendationsReceived(long recipientId, Set<RecommendationState> states, long viewerId,
      PageRequest page) {
    return store.recommendationsReceived(recipientId, states, viewerId, page);
  }

  @Override
  public Page<Recommendation> recommendationsGiven(long writerId, PageRequest page) {
    return store.recommendationsGiven(writerId, page);
  }

  @Override
  public List<Long> pageAdmins(long pageId) {
    return store.pageAdmins(pageId);
  }

  @Override
  public boolean isPageAdmin(long pageId, long memberId) {
    return store.isPageAdmin(pageId, memberId);
  }

  @Override
  public Page<Member> administeredPages(long memberId, PageRequest page) {
    return store.administeredPages(memberId, page);
  }
}
