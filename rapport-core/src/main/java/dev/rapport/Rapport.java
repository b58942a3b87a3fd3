package dev.rapport;

import static dev.rapport.CommandReads.find;
import static dev.rapport.CommandReads.me;
import static dev.rapport.CommandReads.pair;

import dev.rapport.block.Blocks;
import dev.rapport.connection.ConnectedMember;
import dev.rapport.connection.Connections;
import dev.rapport.feed.FeedIndex;
import dev.rapport.follow.FollowOutcome;
import dev.rapport.follow.Follows;
import dev.rapport.importing.ImportReport;
import dev.rapport.importing.Importer;
import dev.rapport.importing.NetworkImport;
import dev.rapport.invitation.InvitationOutcome;
import dev.rapport.invitation.InvitationView;
import dev.rapport.invitation.Invitations;
import dev.rapport.invitation.SendInvitation;
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
import dev.rapport.model.InvitationState;
import dev.rapport.model.Member;
import dev.rapport.model.Page;
import dev.rapport.model.PageRequest;
import dev.rapport.model.TokenKind;
import dev.rapport.network.IndexStatistics;
import dev.rapport.network.Network;
import dev.rapport.network.NetworkReads;
import dev.rapport.network.NetworkSize;
import dev.rapport.problem.InvalidInputException;
import dev.rapport.problem.NotFoundException;
import dev.rapport.problem.RuleBrokenException;
import dev.rapport.profile.ProfileView;
import dev.rapport.readcache.CachedReads;
import dev.rapport.store.Store;
import dev.rapport.store.StoreReads;
import dev.rapport.store.StoreUnavailableException;
import dev.rapport.suggestion.SuggestedMember;
import dev.rapport.suggestion.Suggestions;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The relationship engine: the one entry point of HTTP, CLI and embedding applications.
 *
 * <p>Every command reads the state it needs, lets a pure rule decide, and commits the rule's
 * effects, all through {@link Store#run}: the store makes the read and the commit one atomic step
 * (deciding again on fresh state when another command got there first, or running commands one at
 * a time), so caps and quotas hold under any number of concurrent callers.
 *
 * <p>Queries are answered from memory where it can: network answers (degrees, mutual connections,
 * network size) from a graph index ({@link Network}) that building a {@code Rapport} loads from the
 * store, and the store's other reads from {@link CachedReads}, remembered while the log shows them
 * current (docs/decisions/0012). Both follow the store's event log, read right after each command
 * and at most {@link RapportBuilder#logReadEvery} apart for queries.
 *
 * <p>Members act by their internal id (see {@link #authenticate}); they address others by handle.
 * Thread safe.
 */
public final class Rapport {
  private final Store store;
  private final InstantSource clock;
  private final Policy policy;
  private final IdGenerator ids;
  /** Loaded by the time the constructor returns, unless the builder named an executor to load it on. */
  private final CompletableFuture<Network> network;
  /** Follows the log with the graph index; its copy is saved with the graph index's. */
  private final FeedIndex feed;
  private final MemberIds memberIds = new MemberIds(MEMBER_IDS_KEPT);
  /** The store's reads for people's queries, remembered while the log shows them current (docs/decisions/0012). */
  private final CachedReads cached;
  private final Duration logReadEvery;
  private final NetworkQueries queries;
  private final CommandLoop commands;
  private final InvitationCommands invitationCommands;
  private final AccountCommands accounts;
  private final ContentCommands content;
  private final CompanyCommands companies;
  private final EndorsementCommands endorsements;
  private final NotificationCommands notifications;
  private final OutreachQueries outreach;
  private final MessagingCommands messaging;
  private final LiveStreams live;

  /** About 100 MB of handles at most; enough for every member of most networks. */
  private static final int MEMBER_IDS_KEPT = 1_000_000;

  Rapport(RapportBuilder builder) {
    this.store = Objects.requireNonNull(builder.store, "store");
    this.clock = builder.clock;
    this.policy = builder.policy;
    this.ids = builder.ids;
    this.logReadEvery = builder.logReadEvery;
    this.cached = new CachedReads(store, this::connected, builder.cachedMembers, builder.stampBucketBits);
    Executor executor = builder.executor;
    // The feed index follows the log with the graph index, loaded after it so that it misses no event.
    // It reads a new post through the remembered reads, so followers' next pages find it in memory
    // (docs/decisions/0031-a-post-changes-its-own-answers.md).
    this.feed = new FeedIndex(builder.feedPolicy);
    // The live streams follow the log here too, so that nothing polls the store per stream.
    this.live = new LiveStreams(() -> cached, () -> network().current(), () -> network().position(),
        builder.liveReadEvery, builder.liveStreamsOn);
    Supplier<Network> load = () -> {
      Network loaded = Network.load(store, executor, e -> {
        feed.apply(e, cached.content(), cached::record);
        live.observe(e);
      });
      feed.load(store, clock.instant(), loaded.position());
      return loaded;
    };
    this.network = builder.networkLoader.isEmpty() ? CompletableFuture.completedFuture(load.get())
        : CompletableFuture.supplyAsync(load, builder.networkLoader.get());
    this.queries = new NetworkQueries(this::reads, this::index, memberIds);
    // So that the actor's next read, here, reflects what they just did.
    this.commands = new CommandLoop(store, clock, ids, () -> network().current());
    this.invitationCommands = new InvitationCommands(commands, store, policy, clock);
    this.accounts = new AccountCommands(commands, this::reads, policy, clock);
    this.content = new ContentCommands(commands, this::reads, new FeedQueries(this::reads, cached, this::index, feed, clock));
    this.companies = new CompanyCommands(commands, this::reads, queries, policy);
    this.endorsements = new EndorsementCommands(commands, this::reads, this::connected);
    this.notifications = new NotificationCommands(commands, this::reads);
    this.outreach = new OutreachQueries(this::reads, policy, clock);
    this.messaging = new MessagingCommands(commands, this::reads, policy, clock);
  }

  /**
   * The reads for a person's query: from memory where the log allows, after reading the log if it
   * was read longer ago than the builder's {@code logReadEvery}. A command reads the store itself.
   */
  private StoreReads reads() {
    network().recent(logReadEvery);
    return cached;
  }

  private boolean connected(long a, long b) {
    return index().connected(a, b);
  }

  /** The graph index for a person's query, read as {@link #reads} is. */
  private NetworkReads index() {
    return network().recent(logReadEvery);
  }

  /** The graph index, once loaded: a caller that comes while it loads waits for it. */
  private Network network() {
    Network loaded = network.getNow(null);
    if (loaded != null) {
      return loaded;
    }
    try {
      return network.join();
    } catch (CompletionException e) {
      throw new StoreUnavailableException("the graph index could not be loaded: " + e.getCause().getMessage(), e.getCause());
    }
  }

  /**
   * Whether the graph index is loaded, so that queries answer without waiting for it: at once
   * unless the builder named an executor to load it on ({@link RapportBuilder#loadNetworkOn}).
   */
  public boolean networkLoaded() {
    return network.isDone() && !network.isCompletedExceptionally();
  }

  /** What the graph index holds and how far behind the log it is, once it is loaded (for monitoring). */
  public Optional<IndexStatistics> indexStatistics() {
    return networkLoaded() ? Optional.of(network.join()) : Optional.empty();
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
    network().save();
    feed.save(store);
  }

  public Policy policy() {
    return policy;
  }

  public InstantSource clock() {
    return clock;
  }

  // ---- members -------------------------------------------------------------------------------

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
    return reads().token(Tokens.hash(token)).filter(g -> g.kind() == TokenKind.API && g.validAt(clock.instant()))
        .flatMap(g -> reads().member(g.memberId()));
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
    return reads().member(handle);
  }

  /** M3: changes one's own name, headline or settings. */
  public Member updateMe(long actorId, ProfileUpdate update) {
    return run((reads, effects) -> Members.update(me(reads, actorId), update, policy, effects));
  }

  /** L6: every invitation limit, its use and when it frees up. */
  public LimitsView limits(long actorId) {
    Member me = me(reads(), actorId);
    var now = clock.instant();
    return InvitationLimits.view(me, reads().usage(actorId, InvitationLimits.windows(policy, now)), policy, now);
  }

  /** PR1: the member's profile as the viewer sees it. @throws NotFoundException unknown or blocked (B2) */
  public ProfileView profile(long viewerId, Handle handle) {
    return queries.profile(viewerId, handle);
  }

  // ---- follow ----------------------------------------------------------------------------------

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

  // ---- invitations -----------------------------------------------------------------------------

  /**
   * C1, C2, C6, C8, C9, C11, L1, L2, L3, L4, L5: invites a member, or connects at once if they already
   * invited the actor (C4).
   */
  public InvitationOutcome invite(long actorId, SendInvitation command) {
    return invitationCommands.invite(actorId, command);
  }

  /** C3, C5, L1: the recipient accepts. */
  public InvitationView accept(long actorId, long invitationId) {
    return invitationCommands.accept(actorId, invitationId);
  }

  /** C5: the recipient ignores; the sender is not told. */
  public InvitationView ignore(long actorId, long invitationId) {
    return invitationCommands.ignore(actorId, invitationId);
  }

  /** C6: the sender withdraws. */
  public InvitationView withdraw(long actorId, long invitationId) {
    return invitationCommands.withdraw(actorId, invitationId);
  }

  /**
   * X3, bulk clean-up: withdraws each of the actor's own open invitations sent {@code days} days
   * ago or earlier, oldest first, one by one as {@link #withdraw} would (C6: each starts its
   * cooldown, C2: the follows stay, NT1: nobody is told). One answered or withdrawn meanwhile is
   * left as it is and not counted.
   *
   * @return how many were withdrawn
   * @throws InvalidInputException {@code invalid-query} if {@code days} is not 0 to {@link Invitations#MAX_AGE_DAYS}
   */
  public int withdrawOlderThan(long actorId, int days) {
    return invitationCommands.withdrawOlderThan(actorId, days);
  }

  /** C7: the recipient does not know the sender. */
  public InvitationView report(long actorId, long invitationId) {
    return invitationCommands.report(actorId, invitationId);
  }

  /**
   * The actor's invitations, sent or received, optionally in one state. Sent invitations show the
   * sender's view (C5: ignored looks pending). Without a state: the open ones.
   */
  public Page<InvitationView> invitations(long actorId, boolean sent, Optional<InvitationState> state,
      PageRequest page) {
    return Invitations.list(reads(), actorId, sent, state, page);
  }

  // ---- connections -----------------------------------------------------------------------------

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

  // ---- blocks ----------------------------------------------------------------------------------

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
    return reads().blocked(actorId, page);
  }

  // ---- import ----------------------------------------------------------------------------------

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
    network().current();
    return report;
  }

  /** The members' live streams of notifications and what else the log tells them (NT2). */
  public LiveStreams live() {
    return live;
  }

  /** Notifications (NT1) and what the member has read of them (NT2). */
  public NotificationCommands notifications() {
    return notifications;
  }

  private <R> R run(CommandLoop.Rule<R> rule) {
    return commands.run(rule);
  }
}
