package dev.rapport;

import static dev.rapport.CommandReads.find;
import static dev.rapport.CommandReads.me;
import static dev.rapport.CommandReads.pair;

import dev.rapport.block.Blocks;
import dev.rapport.connection.ConnectedMember;
import dev.rapport.connection.Connections;
import dev.rapport.follow.FollowOutcome;
import dev.rapport.follow.Follows;
import dev.rapport.importing.ImportReport;
import dev.rapport.importing.Importer;
import dev.rapport.importing.NetworkImport;
import dev.rapport.kernel.IdGenerator;
import dev.rapport.kernel.PairState;
import dev.rapport.kernel.Policy;
import dev.rapport.limit.InvitationLimits;
import dev.rapport.limit.LimitsView;
import dev.rapport.live.LiveStreams;
import dev.rapport.member.MemberIds;
import dev.rapport.member.Members;
import dev.rapport.member.NewMember;
import dev.rapport.member.ProfileUpdate;
import dev.rapport.member.Tokens;
import dev.rapport.model.CountedPage;
import dev.rapport.model.Handle;
import dev.rapport.model.Member;
import dev.rapport.model.Page;
import dev.rapport.model.PageRequest;
import dev.rapport.model.TokenKind;
import dev.rapport.network.IndexStatistics;
import dev.rapport.network.NetworkSize;
import dev.rapport.problem.InvalidInputException;
import dev.rapport.problem.NotFoundException;
import dev.rapport.problem.RuleBrokenException;
import dev.rapport.profile.ProfileView;
import dev.rapport.readcache.CachedReads;
import dev.rapport.store.Store;
import dev.rapport.suggestion.SuggestedMember;
import dev.rapport.suggestion.Suggestions;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The relationship engine: the one entry point of HTTP, CLI and embedding applications.
 *
 * <p>Every command reads the state it needs, lets a pure rule decide, and commits the rule's
 * effects, all through {@link Store#run}: the store makes the read and the commit one atomic step
 * (deciding again on fresh state when another command got there first, or running commands one at
 * a time), so caps and quotas hold under any number of concurrent callers.
 *
 * <p>Queries are answered from memory where it can: network answers (degrees, mutual connections,
 * network size) from a graph index ({@link dev.rapport.network.Network}) that building a {@code
 * Rapport} loads from the store, and the store's other reads from {@link CachedReads}, remembered
 * while the log shows them current (docs/decisions/0012). Both follow the store's event log, read
 * right after each command and at most {@link RapportBuilder#logReadEvery} apart for queries.
 *
 * <p>Members, follows, connections and blocks are commands here; invitations, accounts, content,
 * messaging, company pages, endorsements, notifications and outreach are reached through an object
 * each ({@link #invitations()}, {@link #content()}, ...).
 *
 * <p>Members act by their internal id (see {@link #authenticate}); they address others by handle.
 * Thread safe.
 */
public final class Rapport {
  private final Store store;
  private final InstantSource clock;
  private final Policy policy;
  private final IdGenerator ids;
  /** The graph index, the feed index, the remembered reads and the live streams, following the log. */
  private final Indexes indexes;
  private final MemberIds memberIds = new MemberIds(MEMBER_IDS_KEPT);
  private final NetworkQueries queries;
  private final CommandLoop commands;
  private final InvitationCommands invitations;
  private final AccountCommands accounts;
  private final ContentCommands content;
  private final CompanyCommands companies;
  private final EndorsementCommands endorsements;
  private final NotificationCommands notifications;
  private final OutreachQueries outreach;
  private final MessagingCommands messaging;

  /** About 100 MB of handles at most; enough for every member of most networks. */
  private static final int MEMBER_IDS_KEPT = 1_000_000;

  Rapport(RapportBuilder builder) {
    this.store = Objects.requireNonNull(builder.store, "store");
    this.clock = builder.clock;
    this.policy = builder.policy;
    this.ids = builder.ids;
    this.indexes = new Indexes(builder);
    this.queries = new NetworkQueries(indexes::reads, indexes::index, memberIds);
    // So that the actor's next read, here, reflects what they just did.
    this.commands = new CommandLoop(store, clock, ids, () -> indexes.network().current());
    this.invitations = new InvitationCommands(commands, store, indexes::reads, policy, clock);
    this.accounts = new AccountCommands(commands, indexes::reads, policy, clock);
    this.content = new ContentCommands(commands, indexes::reads, new FeedQueries(indexes::reads, indexes.cached(), indexes::index, indexes.feed(), clock));
    this.companies = new CompanyCommands(commands, indexes::reads, queries, policy);
    this.endorsements = new EndorsementCommands(commands, indexes::reads, indexes::connected);
    this.notifications = new NotificationCommands(commands, indexes::reads);
    this.outreach = new OutreachQueries(indexes::reads, policy, clock);
    this.messaging = new MessagingCommands(commands, indexes::reads, policy, clock);
  }

  /**
   * Whether the graph index is loaded, so that queries answer without waiting for it: at once
   * unless the builder named an executor to load it on ({@link RapportBuilder#loadNetworkOn}).
   */
  public boolean networkLoaded() {
    return indexes.loaded();
  }

  /** What the graph index holds and how far behind the log it is, once it is loaded (for monitoring). */
  public Optional<IndexStatistics> indexStatistics() {
    return indexes.statistics();
  }

  public static RapportBuilder builder() {
    return new RapportBuilder();
  }

  /**
   * Saves a copy of the graph index in the store, and one of the feed index, so that the next
   * start restores them instead of rebuilding them from the tables: for a clean shutdown. A start
   * saves one itself when it had to rebuild (docs/decisions/0005,
   * docs/decisions/0032-a-compact-feed-index-and-its-saved-copy.md).
   */
  public void saveNetwork() {
    indexes.save();
  }

  public Policy policy() {
    return policy;
  }

  public InstantSource clock() {
    return clock;
  }

  /** A member and the bearer token that acts as them. */
  public record MemberWithToken(Member member, String token) {}

  /**
   * M1, M2: creates a member (an administrator's act) and their first token.
   *
   * @throws RuleBrokenException {@code handle-taken}
   * @throws InvalidInputException {@code unknown-tier}
   */
  public MemberWithToken createMember(NewMember command) {
    String token = Tokens.newToken();
    Member member = run((reads, effects) -> Members.create(command, reads.member(command.handle()), policy,
        Tokens.hash(token), effects));
    return new MemberWithToken(member, token);
  }

  /** Another token for a member (an administrator's act). @throws NotFoundException unknown handle */
  public String issueToken(Handle handle) {
    String token = Tokens.newToken();
    run((reads, effects) -> Members.issueToken(find(reads, handle), policy, Tokens.hash(token), effects));
    return token;
  }

  /** The member a bearer token acts as, if the token is a known, unexpired API token (not a session's). */
  public Optional<Member> authenticate(String token) {
    if (token == null || token.isEmpty() || token.length() > 200) {
      return Optional.empty();
    }
    return indexes.reads().token(Tokens.hash(token)).filter(g -> g.kind() == TokenKind.API && g.validAt(clock.instant()))
        .flatMap(g -> indexes.reads().member(g.memberId()));
  }

  /** Invitations to connect (C1-C11) within their limits (L1-L5), one by one or in bulk (X3). */
  public InvitationCommands invitations() {
    return invitations;
  }

  /** Accounts (A1, A2): sign-up, sessions, passwords, a member's API tokens, invite links. */
  public AccountCommands accounts() {
    return accounts;
  }

  /** Posts, reactions, comments and the feed (P2-P4). */
  public ContentCommands content() {
    return content;
  }

  /** Conversations, message requests, read receipts and InMail credits (MS1-MS4). */
  public MessagingCommands messaging() {
    return messaging;
  }

  /** Company pages (CP1): making one, its admins, and the page as a viewer sees it. */
  public CompanyCommands companies() {
    return companies;
  }

  /** Outreach insight: analytics of sent invitations and growth (X1), warm prospects (X2). */
  public OutreachQueries outreach() {
    return outreach;
  }

  /** Skills and endorsements (E1) and recommendations (E2). */
  public EndorsementCommands endorsements() {
    return endorsements;
  }

  /** The member with this handle, as stored (for embedding applications; no viewer applies). */
  public Optional<Member> member(Handle handle) {
    return indexes.reads().member(handle);
  }

  /** M3: changes one's own name, headline or settings. */
  public Member updateMe(long actorId, ProfileUpdate update) {
    return run((reads, effects) -> Members.update(me(reads, actorId), update, policy, effects));
  }

  /** L6: every invitation limit, its use and when it frees up. */
  public LimitsView limits(long actorId) {
    Member me = me(indexes.reads(), actorId);
    var now = clock.instant();
    return InvitationLimits.view(me, indexes.reads().usage(actorId, InvitationLimits.windows(policy, now)), policy, now);
  }

  /** PR1: the member's profile as the viewer sees it. @throws NotFoundException unknown or blocked (B2) */
  public ProfileView profile(long viewerId, Handle handle) {
    return queries.profile(viewerId, handle);
  }

  /** F1, F3, F5, F7: follows at once; repeating is not an error (F4); NT1: notifies once a day at most. */
  public FollowOutcome follow(long actorId, Handle handle) {
    return run((reads, effects) -> {
      PairState pair = pair(reads, actorId, handle);
      OptionalInt following = policy.followCap() > 0 ? OptionalInt.of(reads.followingCount(actorId)) : OptionalInt.empty();
      return Follows.follow(pair, policy, following, reads.lastFollowNotice(pair.other().id(), actorId), effects);
    });
  }

  /** F4: stops following; repeating is not an error. */
  public FollowOutcome unfollow(long actorId, Handle handle) {
    return run((reads, effects) -> Follows.unfollow(pair(reads, actorId, handle), effects));
  }

  /** F6: removes a follower without blocking them. */
  public FollowOutcome removeFollower(long actorId, Handle handle) {
    return run((reads, effects) -> Follows.removeFollower(pair(reads, actorId, handle), effects));
  }

  /**
   * Who follows the member, as F5 and blocks (B2) let the viewer see.
   *
   * @throws NotFoundException unknown or blocked (B2)
   * @throws dev.rapport.problem.ForbiddenException {@code follows-hidden} unless P5 lets the viewer see it
   */
  public Page<Member> followers(long viewerId, Handle handle, PageRequest page) {
    return queries.followers(viewerId, handle, page);
  }

  /**
   * Whom the member follows, as F5 and blocks (B2) let the viewer see.
   *
   * @throws NotFoundException unknown or blocked (B2)
   * @throws dev.rapport.problem.ForbiddenException {@code follows-hidden} unless P5 lets the viewer see it
   */
  public Page<Member> following(long viewerId, Handle handle, PageRequest page) {
    return queries.following(viewerId, handle, page);
  }

  /**
   * P1: the member's connections. The member and their connections see the whole list (unless the
   * member chose only-me, then only they do); everyone else sees the connections they share. Each
   * comes with when it was made, newest first.
   */
  public Page<ConnectedMember> connections(long viewerId, Handle handle, PageRequest page) {
    return queries.connections(viewerId, handle, page);
  }

  /**
   * N2: the connections the viewer shares with the member, newest first, and how many there are;
   * none with oneself. Shared connections stay visible whatever the member's connections
   * visibility (P1).
   *
   * @throws NotFoundException unknown or blocked (B2)
   */
  public CountedPage<Member> mutualConnections(long viewerId, Handle handle, PageRequest page) {
    return queries.mutualConnections(viewerId, handle, page);
  }

  /** N3: how many members are 1st, 2nd and 3rd-degree to the viewer, leaving out blocks either way (B2). */
  public NetworkSize networkSize(long viewerId) {
    return queries.networkSize(viewerId);
  }

  /** The most members one degree batch may name. */
  public static final int MAX_DEGREE_BATCH = 1_000;
  /** The longest text a member search takes. */
  public static final int MAX_SEARCH_LENGTH = 100;

  /**
   * N1 for a batch: the degree (1, 2 or 3) of each named member as the viewer sees them, in order;
   * 0 for a member out of network, the viewer themself, a handle no member has, or a member
   * blocked either way (B2: the answer for them is the answer for a handle nobody has).
   *
   * @throws InvalidInputException {@code too-many-handles} past {@link #MAX_DEGREE_BATCH}
   */
  public int[] degrees(long viewerId, List<Handle> handles) {
    return queries.degrees(viewerId, handles);
  }

  /**
   * N4, People You May Know: members who share connections with the viewer, most shared first,
   * then the earlier member, leaving out the viewer, their connections, open invitations either
   * way, blocks either way (B2) and dismissed suggestions. The cursor continues the ranking as it
   * stands when the next page is asked.
   */
  public Page<SuggestedMember> suggestions(long viewerId, PageRequest page) {
    return queries.suggestions(viewerId, page);
  }

  /** N4: the member is not suggested to the actor again. @throws NotFoundException unknown or blocked (B2) */
  public void dismissSuggestion(long actorId, Handle handle) {
    run((reads, effects) -> Suggestions.dismiss(pair(reads, actorId, handle), effects));
  }

  /** C10: removes a connection, silently, with both follows. */
  public void removeConnection(long actorId, Handle handle) {
    run((reads, effects) -> Connections.remove(pair(reads, actorId, handle), effects));
  }

  /** B1: blocks a member. @return whether anything changed */
  public boolean block(long actorId, Handle handle) {
    return run((reads, effects) -> Blocks.block(pair(reads, actorId, handle), effects));
  }

  /** B3: unblocks; restores nothing. @return whether anything changed */
  public boolean unblock(long actorId, Handle handle) {
    return run((reads, effects) -> Blocks.unblock(pair(reads, actorId, handle), effects));
  }

  /**
   * Member search: members whose handle starts with the text, or one of whose name's words does,
   * case aside, newest first; members blocked either way with the viewer are left out (B2).
   *
   * @throws InvalidInputException {@code invalid-query} if the text is blank or longer than
   *     {@value #MAX_SEARCH_LENGTH} characters
   */
  public Page<Member> searchMembers(long viewerId, String text, PageRequest page) {
    return queries.searchMembers(viewerId, text, MAX_SEARCH_LENGTH, page);
  }

  public Page<Member> blocked(long actorId, PageRequest page) {
    return indexes.reads().blocked(actorId, page);
  }

  /**
   * Brings a network in from elsewhere (an administrator's act, like creating members). People
   * whose handle has no member yet become members (default tier and settings, no token); a handle
   * that is taken is the same person, kept as they are. Then each pair is connected as an accepted
   * invitation would connect them (C3: connected, following each other, and an open invitation
   * between them accepted), but silently: nobody is notified. Pairs already connected are kept;
   * pairs the rules refuse are skipped and counted: the same member twice (C11), a company page
   * (CP1), a block either way (B3), a member at the connection cap (L1). Importing the same network
   * again therefore changes nothing.
   *
   * <p>The work goes through the store in atomic, durable batches with their events; a failure part
   * way leaves the batches before it in place, and importing again completes the rest.
   *
   * @throws dev.rapport.store.StoreUnavailableException if the store fails
   */
  public ImportReport importNetwork(NetworkImport network) {
    ImportReport report = Importer.run(network, store, policy, clock, ids);
    indexes.network().current();
    return report;
  }

  /** The members' live streams of notifications and what else the log tells them (NT2). */
  public LiveStreams live() {
    return indexes.live();
  }

  /** Notifications (NT1) and what the member has read of them (NT2). */
  public NotificationCommands notifications() {
    return notifications;
  }

  private <R> R run(CommandLoop.Rule<R> rule) {
    return commands.run(rule);
  }
}
