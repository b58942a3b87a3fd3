package dev.rapport.store.sql;

import dev.rapport.kernel.Event;
import dev.rapport.kernel.Policy;
import dev.rapport.outreach.InvitationFigures;
import dev.rapport.outreach.WeekGrowth;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The naive recount {@link OutreachProperties} checks outreach insight against: the whole event log
 * replayed in order, one event at a time, into plain maps, with X1 and X2 read off them as
 * PRODUCT.md and the decision record word them, without SQL.
 */
final class OutreachRecount {
  /** One prospect as X2 lists it. */
  record Expected(long memberId, int reactions, int comments, Instant lastEngagedAt, Instant followingSince) {}

  private record Pair(long from, long to) {}

  private record Sent(long sender, long recipient, Instant at, boolean warm) {}

  private record Engagement(long member, long author, long post, Instant at, boolean comment) {}

  private final Policy policy;
  /** Standing follows and when each began. */
  private final Map<Pair, Instant> follows = new HashMap<>();
  private final Set<Pair> engagedBefore = new HashSet<>();
  private final Set<Pair> blocks = new HashSet<>();
  private final Set<Pair> connections = new HashSet<>();
  private final Map<Long, Sent> sent = new HashMap<>();
  private final Map<Long, String> states = new HashMap<>();
  /** Standing reactions by post and member; comments as written, until their post goes. */
  private final Map<Pair, Engagement> reactions = new HashMap<>();
  private final List<Engagement> comments = new ArrayList<>();
  private final List<Event> ties = new ArrayList<>();

  private OutreachRecount(Policy policy) {
    this.policy = policy;
  }

  static OutreachRecount of(List<Event> log, Policy policy) {
    OutreachRecount recount = new OutreachRecount(policy);
    log.forEach(recount::apply);
    return recount;
  }

  private void apply(Event e) {
    Pair pair = new Pair(e.actorId(), e.subjectId());
    switch (e.type()) {
      case FOLLOWED -> {
        follows.put(pair, e.at());
        ties.add(e);
      }
      case UNFOLLOWED -> {
        follows.remove(pair);
        ties.add(e);
      }
      case CONNECTED -> {
        connections.add(pair);
        connections.add(new Pair(e.subjectId(), e.actorId()));
        ties.add(e);
      }
      case DISCONNECTED -> {
        connections.remove(pair);
        connections.remove(new Pair(e.subjectId(), e.actorId()));
        ties.add(e);
      }
      case BLOCKED -> blocks.add(pair);
      case UNBLOCKED -> blocks.remove(pair);
      case INVITATION_SENT -> {
        Instant since = follows.get(pair);
        boolean warm = since != null && !since.isAfter(e.at().minus(policy.warmFollowAge()))
            || engagedBefore.contains(pair);
        sent.put(e.refId(), new Sent(e.actorId(), e.subjectId(), e.at(), warm));
        states.put(e.refId(), "PENDING");
      }
      case INVITATION_ACCEPTED -> states.put(e.refId(), "ACCEPTED");
      case INVITATION_IGNORED -> states.put(e.refId(), "IGNORED");
      case INVITATION_WITHDRAWN -> states.put(e.refId(), "WITHDRAWN");
      case INVITATION_CANCELED -> states.put(e.refId(), "CANCELED");
      case REACTED, REACTION_CHANGED -> {
        engagedBefore.add(pair);
        reactions.put(new Pair(e.refId(), e.actorId()), new Engagement(e.actorId(), e.subjectId(), e.refId(), e.at(), false));
      }
      case REACTION_REMOVED -> reactions.remove(new Pair(e.refId(), e.actorId()));
      case COMMENTED -> {
        engagedBefore.add(pair);
        comments.add(new Engagement(e.actorId(), e.subjectId(), e.refId(), e.at(), true));
      }
      case POST_DELETED -> {
        reactions.values().removeIf(r -> r.post() == e.refId());
        comments.removeIf(c -> c.post() == e.refId());
      }
      default -> {
        // Nothing else bears on outreach.
      }
    }
  }

  private boolean blockedEitherWay(long a, long b) {
    return blocks.contains(new Pair(a, b)) || blocks.contains(new Pair(b, a));
  }

  boolean blocksAny(long member) {
    return blocks.stream().anyMatch(p -> p.from() == member || p.to() == member);
  }

  /** X1: the warm figures, then the cold ones, of the member's invitations sent from {@code from}. */
  InvitationFigures[] figures(long member, Instant from) {
    int[][] counts = new int[2][3];
    sent.forEach((id, s) -> {
      String state = states.get(id);
      if (s.sender() != member || s.at().isBefore(from) || state.equals("CANCELED")
          || blockedEitherWay(s.sender(), s.recipient())) {
        return;
      }
      int slot = switch (state) {
        case "ACCEPTED" -> 0;
        case "WITHDRAWN" -> 2;
        default -> 1;
      };
      counts[s.warm() ? 0 : 1][slot]++;
    });
    return new InvitationFigures[] {new InvitationFigures(counts[0][0], counts[0][1], counts[0][2]),
        new InvitationFigures(counts[1][0], counts[1][1], counts[1][2])};
  }

  /** X1: what the member gained and lost in the ISO week that starts on {@code monday}. */
  WeekGrowth growth(long member, LocalDate monday) {
    int[] c = new int[4];
    for (Event e : ties) {
      LocalDate day = LocalDate.ofInstant(e.at(), ZoneOffset.UTC);
      if (!day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).equals(monday)) {
        continue;
      }
      switch (e.type()) {
        case FOLLOWED -> c[0] += e.subjectId() == member ? 1 : 0;
        case UNFOLLOWED -> c[1] += e.subjectId() == member ? 1 : 0;
        case CONNECTED -> c[2] += e.actorId() == member || e.subjectId() == member ? 1 : 0;
        default -> c[3] += e.actorId() == member || e.subjectId() == member ? 1 : 0;
      }
    }
    return new WeekGrowth(monday, c[0], c[1], c[2], c[3]);
  }

  /** X2: whom the viewer follows and engaged with in the window, uninvited, unconnected, unblocked, ranked. */
  List<Expected> prospects(long viewer, Instant now) {
    Instant since = now.minus(policy.prospectWindow());
    Map<Long, int[]> counts = new HashMap<>();
    Map<Long, Instant> last = new HashMap<>();
    List<Engagement> engagements = new ArrayList<>(reactions.values());
    engagements.addAll(comments);
    for (Engagement e : engagements) {
      if (e.member() == viewer && !e.at().isBefore(since)) {
        counts.computeIfAbsent(e.author(), k -> new int[2])[e.comment() ? 1 : 0]++;
        last.merge(e.author(), e.at(), (x, y) -> x.isAfter(y) ? x : y);
      }
    }
    List<Expected> expected = new ArrayList<>();
    counts.forEach((member, c) -> {
      Instant following = follows.get(new Pair(viewer, member));
      if (following != null && member != viewer && !connections.contains(new Pair(viewer, member))
          && !openInvitationBetween(viewer, member) && !blockedEitherWay(viewer, member)) {
        expected.add(new Expected(member, c[0], c[1], last.get(member), following));
      }
    });
    expected.sort(OutreachProperties.RANKING);
    return expected;
  }

  private boolean openInvitationBetween(long a, long b) {
    return sent.entrySet().stream().anyMatch(s -> (s.getValue().sender() == a && s.getValue().recipient() == b
        || s.getValue().sender() == b && s.getValue().recipient() == a)
        && (states.get(s.getKey()).equals("PENDING") || states.get(s.getKey()).equals("IGNORED")));
  }
}
