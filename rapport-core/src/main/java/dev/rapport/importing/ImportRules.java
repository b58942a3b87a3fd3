package dev.rapport.importing;

import dev.rapport.kernel.Change;
import dev.rapport.kernel.Decision;
import dev.rapport.kernel.Effects;
import dev.rapport.kernel.EventType;
import dev.rapport.kernel.PairTies;
import dev.rapport.kernel.Policy;
import dev.rapport.member.Members;
import dev.rapport.member.NewMember;
import dev.rapport.model.Handle;
import dev.rapport.model.Invitation;
import dev.rapport.model.InvitationState;
import dev.rapport.model.Member;
import dev.rapport.model.MemberPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What an import does with one batch of people or connections, given what the store holds. Pure. */
final class ImportRules {
  private ImportRules() {}

  /** The members of a batch of people, by position in the batch, and how many of them are new. */
  record MembersDone(long[] ids, int created) {}

  /**
   * M1: creates the people whose handle is free; a handle that is taken is the same person, kept as
   * they are.
   *
   * @param existing the members holding any of the batch's handles
   */
  static Decision<MembersDone> members(List<NewMember> people, Map<Handle, Member> existing, Policy policy,
      Effects effects) {
    long[] ids = new long[people.size()];
    int created = 0;
    for (int i = 0; i < people.size(); i++) {
      Member member = existing.get(people.get(i).handle());
      if (member == null) {
        member = Members.imported(people.get(i), policy, effects);
        created++;
      }
      ids[i] = member.id();
    }
    return Decision.apply(effects, new MembersDone(ids, created));
  }

  /** A connection to import, between two members by id. */
  record Link(long aId, long bId, Optional<Instant> since) {}

  /**
   * The pairs whose ties a batch needs read. Every rule that ties two members (follow, invite,
   * accept, block, import) expects both members' versions, which moves them, so a member still at
   * version 0 has no ties and neither has any pair of theirs: a new network's pairs need no read.
   */
  static List<MemberPair> pairsToRead(List<Link> links, Map<Long, Member> members) {
    List<MemberPair> pairs = new ArrayList<>();
    for (Link link : links) {
      Member a = members.get(link.aId());
      Member b = members.get(link.bId());
      if (link.aId() != link.bId() && a != null && b != null && a.version() > 0 && b.version() > 0) {
        pairs.add(MemberPair.of(link.aId(), link.bId()));
      }
    }
    return pairs;
  }

  /** What a batch of connections came to. */
  record LinksDone(int created, int existing, int invitationsAccepted, Map<SkipReason, Integer> skipped) {}

  /**
   * Connects each pair as an accepted invitation would (C3: connected, each following the other,
   * and an open invitation between them accepted), but silently: an import notifies nobody (NT1).
   * A pair already connected is kept as it is. A pair is skipped when a rule would refuse it: the
   * same member twice (C11), a company page (CP1), a block either way (B3), or either member at
   * the connection cap (L1), counting the connections this batch adds.
   *
   * @param members every member of the batch's links
   * @param ties what ties the batch's pairs, read after the members
   */
  static Decision<LinksDone> connect(List<Link> links, Map<Long, Member> members, Map<MemberPair, PairTies> ties,
      Policy policy, Effects effects) {
    Map<Long, Integer> added = new HashMap<>();
    Map<SkipReason, Integer> skipped = new EnumMap<>(SkipReason.class);
    List<Pairing> connecting = new ArrayList<>();
    int existing = 0;
    for (Link link : links) {
      if (link.aId() == link.bId()) {
        skipped.merge(SkipReason.SELF, 1, Integer::sum);
        continue;
      }
      Member a = present(members, link.aId());
      Member b = present(members, link.bId());
      MemberPair pair = MemberPair.of(a.id(), b.id());
      PairTies between = ties.getOrDefault(pair, PairTies.none(pair));
      Optional<SkipReason> refusal = refusal(a, b, between, added, policy);
      if (refusal.isPresent()) {
        skipped.merge(refusal.get(), 1, Integer::sum);
      } else if (between.connected()) {
        existing++;
      } else {
        added.merge(a.id(), 1, Integer::sum);
        added.merge(b.id(), 1, Integer::sum);
        connecting.add(new Pairing(link, between));
      }
    }
    // Every member whose connection count moves: a concurrent accept must not take one over the cap.
    added.keySet().forEach(id -> effects.expect(id, members.get(id).version()));
    // Changes of one kind together: the stores write a long run of one kind fastest.
    for (Pairing pairing : connecting) {
      Link link = pairing.link();
      long invitationId = pairing.between().openInvitation().map(Invitation::id).orElse(0L);
      effects.add(new Change.AddConnection(link.aId(), link.bId(), link.since().orElse(effects.now())),
          EventType.CONNECTED, link.aId(), link.bId(), invitationId);
    }
    for (Pairing pairing : connecting) {
      Link link = pairing.link();
      if (!pairing.between().follows(link.aId())) {
        effects.follow(link.aId(), link.bId());
      }
      if (!pairing.between().follows(link.bId())) {
        effects.follow(link.bId(), link.aId());
      }
    }
    int accepted = 0;
    for (Pairing pairing : connecting) {
      Optional<Invitation> open = pairing.between().openInvitation();
      if (open.isPresent()) {
        effects.transition(open.get(), InvitationState.ACCEPTED, open.get().recipientId());
        accepted++;
      }
    }
    return Decision.apply(effects, new LinksDone(connecting.size(), existing, accepted, skipped));
  }

  /** A link the batch connects, with what tied its two members before. */
  private record Pairing(Link link, PairTies between) {}

  /**
   * The rule that refuses to connect the two, if one does. Empty when they may be connected, or
   * already are.
   *
   * @param added the connections the batch has added so far, by member
   */
  private static Optional<SkipReason> refusal(Member a, Member b, PairTies between, Map<Long, Integer> added,
      Policy policy) {
    if (a.isCompany() || b.isCompany()) {
      return Optional.of(SkipReason.COMPANY_PAGE);
    }
    if (between.connected()) {
      return Optional.empty();
    }
    if (between.blockedEitherWay()) {
      return Optional.of(SkipReason.BLOCKED);
    }
    if (atCap(a, added, policy) || atCap(b, added, policy)) {
      return Optional.of(SkipReason.CONNECTION_CAP);
    }
    return Optional.empty();
  }

  private static Member present(Map<Long, Member> members, long id) {
    Member member = members.get(id);
    if (member == null) {
      throw new IllegalStateException("member %d, created by this import, is no longer in the store".formatted(id));
    }
    return member;
  }

  private static boolean atCap(Member member, Map<Long, Integer> added, Policy policy) {
    return member.connectionCount() + added.getOrDefault(member.id(), 0) >= policy.maxConnections();
  }
}
