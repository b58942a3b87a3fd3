package dev.rapport;

import dev.rapport.kernel.Policy;
import dev.rapport.model.Page;
import dev.rapport.model.PageRequest;
import dev.rapport.outreach.AnalyticsPeriod;
import dev.rapport.outreach.OutreachAnalytics;
import dev.rapport.outreach.OutreachInsight;
import dev.rapport.outreach.Prospect;
import dev.rapport.store.StoreReads;
import java.time.InstantSource;
import java.util.function.Supplier;

/**
 * Outreach insight (X1, X2): how a member's invitations fare, warm and cold, how their following
 * and connections grow, and whom to invite next. Read from the store on each call. Thread safe.
 */
public final class OutreachQueries {
  private final Supplier<StoreReads> reads;
  private final Policy policy;
  private final InstantSource clock;

  OutreachQueries(Supplier<StoreReads> reads, Policy policy, InstantSource clock) {
    this.reads = reads;
    this.policy = policy;
    this.clock = clock;
  }

  /**
   * X1: the member's invitations sent in the period (acceptance split warm and cold) and their
   * followers and connections gained and lost in each of its weeks. Leaves out invitations between
   * members blocked either way and those a block canceled (B2, decision 17).
   */
  public OutreachAnalytics analytics(long memberId, AnalyticsPeriod period) {
    return OutreachInsight.analytics(reads.get().outreach(), policy, memberId, period, clock.instant());
  }

  /**
   * X2: people the viewer follows and reacted to or commented on lately, not connected, without an
   * open invitation either way, not blocked either way; most engaged first.
   *
   * @throws dev.rapport.problem.InvalidInputException {@code invalid-cursor} for a cursor this list did not give
   */
  public Page<Prospect> prospects(long viewerId, PageRequest page) {
    return OutreachInsight.prospects(reads.get(), policy, viewerId, page, clock.instant());
  }
}
