package dev.rapport.outreach;

import dev.rapport.kernel.Policy;
import dev.rapport.model.Member;
import dev.rapport.model.Page;
import dev.rapport.model.PageRequest;
import dev.rapport.store.OutreachReads;
import dev.rapport.store.OutreachReads.EngagedMember;
import dev.rapport.store.OutreachReads.InvitationTally;
import dev.rapport.store.OutreachReads.TieTally;
import dev.rapport.store.StoreReads;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Outreach insight (X1, X2) from the store's reads: the figures the store counts, put into the
 * period's weeks and the policy's numbers. Stateless.
 */
public final class OutreachInsight {
  private OutreachInsight() {}

  /** X1: the member's invitations sent in the period, warm and cold, and their growth week by week. */
  public static OutreachAnalytics analytics(OutreachReads reads, Policy policy, long memberId, AnalyticsPeriod period,
      Instant now) {
    Instant from = period.start(now);
    InvitationFigures warm = InvitationFigures.NONE;
    InvitationFigures cold = InvitationFigures.NONE;
    for (InvitationTally tally : reads.invitationTallies(memberId, from, policy.warmFollowAge())) {
      InvitationFigures figures = switch (tally.state()) {
        case ACCEPTED -> new InvitationFigures(tally.count(), 0, 0);
        // C5: the sender sees an ignored invitation as pending.
        case PENDING, IGNORED -> new InvitationFigures(0, tally.count(), 0);
        case WITHDRAWN -> new InvitationFigures(0, 0, tally.count());
        // Decision 17: a canceled invitation is gone for both sides; the store leaves them out.
        case CANCELED -> InvitationFigures.NONE;
      };
      if (tally.warm()) {
        warm = warm.plus(figures);
      } else {
        cold = cold.plus(figures);
      }
    }
    Map<LocalDate, TieTally> byMonday = new HashMap<>();
    for (TieTally tally : reads.tieTallies(memberId, from)) {
      byMonday.put(LocalDate.ofInstant(tally.weekStart(), ZoneOffset.UTC), tally);
    }
    List<WeekGrowth> growth = new ArrayList<>(period.weeks());
    for (LocalDate monday : period.mondays(now)) {
      TieTally t = byMonday.get(monday);
      growth.add(t == null ? new WeekGrowth(monday, 0, 0, 0, 0)
          : new WeekGrowth(monday, t.followersGained(), t.followersLost(), t.connectionsGained(),
              t.connectionsLost()));
    }
    return new OutreachAnalytics(from, now, warm, cold, growth);
  }

  /** X2: the viewer's warm prospects, most engaged first, engagement counted over the policy's window. */
  public static Page<Prospect> prospects(StoreReads reads, Policy policy, long viewerId, PageRequest page,
      Instant now) {
    Page<EngagedMember> engaged = reads.outreach().prospects(viewerId, now.minus(policy.prospectWindow()), page);
    Map<Long, Member> members = reads.members(engaged.items().stream().map(EngagedMember::memberId).toList());
    List<Prospect> prospects = new ArrayList<>(engaged.items().size());
    for (EngagedMember e : engaged.items()) {
      Member member = members.get(e.memberId());
      if (member != null) {
        prospects.add(new Prospect(member, e.reactions(), e.comments(), e.lastEngagedAt(), e.followedSince()));
      }
    }
    return new Page<>(prospects, engaged.next());
  }
}
