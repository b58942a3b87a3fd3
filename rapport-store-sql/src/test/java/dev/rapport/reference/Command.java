package dev.rapport.reference;

import dev.rapport.model.Settings;
import dev.rapport.model.WhoCanFollow;
import dev.rapport.model.WhoCanInvite;
import dev.rapport.reference.Network.Answer;
import dev.rapport.reference.Network.Email;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * One step of a random session: a member does something to another member or to an invitation, or
 * time passes. Members are numbered 0..n-1. Drawn by {@link #any(int, RandomGenerator)}.
 */
sealed interface Command {

  /** Runs the step, answering with its outcome word (see {@link Network}). */
  String runOn(Network network);

  /** The step as it is run in the current state; only answers to invitations depend on it. */
  default Command resolve(ReferenceModel model) {
    return this;
  }

  record Follow(int actor, int target) implements Command {
    @Override
    public String runOn(Network network) {
      return network.follow(actor, target);
    }
  }

  record Unfollow(int actor, int target) implements Command {
    @Override
    public String runOn(Network network) {
      return network.unfollow(actor, target);
    }
  }

  record RemoveFollower(int actor, int follower) implements Command {
    @Override
    public String runOn(Network network) {
      return network.removeFollower(actor, follower);
    }
  }

  record Invite(int actor, int target, boolean note, Email email) implements Command {
    @Override
    public String runOn(Network network) {
      return network.invite(actor, target, note, email);
    }
  }

  /** Which invitation an {@link AnswerSome} picks: an open one, one of the actor's, or any. */
  enum Scope {
    OPEN,
    MINE,
    ANY
  }

  /**
   * Answers an invitation chosen when the step runs: the {@code pick}-th of the invitations in
   * {@code scope}. For {@link Scope#OPEN} the member whose answer it is gives it, whoever
   * {@code actor} is, so that most answers do something.
   */
  record AnswerSome(Answer answer, int actor, int pick, Scope scope) implements Command {
    @Override
    public String runOn(Network network) {
      throw new IllegalStateException("resolve " + this + " against the model first");
    }

    @Override
    public Command resolve(ReferenceModel model) {
      return model.pick(answer, actor, pick, scope);
    }
  }

  /** {@code invitation} is the n-th invitation sent; -1 is one that does not exist. */
  record AnswerInvitation(Answer answer, int actor, int invitation) implements Command {
    @Override
    public String runOn(Network network) {
      return network.answer(answer, actor, invitation);
    }
  }

  record RemoveConnection(int actor, int target) implements Command {
    @Override
    public String runOn(Network network) {
      return network.removeConnection(actor, target);
    }
  }

  record Block(int actor, int target) implements Command {
    @Override
    public String runOn(Network network) {
      return network.block(actor, target);
    }
  }

  record Unblock(int actor, int target) implements Command {
    @Override
    public String runOn(Network network) {
      return network.unblock(actor, target);
    }
  }

  record Settings(int actor, WhoCanFollow whoCanFollow, WhoCanInvite whoCanInvite) implements Command {
    @Override
    public String runOn(Network network) {
      return network.settings(actor, whoCanFollow, whoCanInvite);
    }
  }

  record Advance(Duration by) implements Command {
    @Override
    public String runOn(Network network) {
      return network.advance(by);
    }
  }

  /**
   * Any step among {@code members} (at least 3) members, weighted towards invitations and their
   * answers, and towards members 0 and 1 acting, so that their limits are reached. Self is a target
   * only where PRODUCT.md names its refusal (follow F7, invite C11, block).
   */
  static Command any(int members, RandomGenerator random) {
    int actor = switch (weighted(random, 4, 2, 3)) {
      case 0 -> 0;
      case 1 -> 1;
      default -> random.nextInt(2, members);
    };
    return switch (weighted(random, 3, 2, 1, 10, 9, 2, 1, 1, 1, 4)) {
      case 0 -> new Follow(actor, (actor + anyone(members, random)) % members);
      case 1 -> new Unfollow(actor, (actor + other(members, random)) % members);
      case 2 -> new RemoveFollower(actor, (actor + other(members, random)) % members);
      case 3 -> {
        int target = (actor + anyone(members, random)) % members;
        boolean note = random.nextBoolean();
        yield new Invite(actor, target, note, Email.values()[weighted(random, 3, 2, 1)]);
      }
      case 4 -> {
        Answer answer = Answer.values()[random.nextInt(Answer.values().length)];
        int pick = random.nextInt(0, 101);
        yield new AnswerSome(answer, actor, pick, Scope.values()[weighted(random, 12, 4, 1)]);
      }
      case 5 -> new RemoveConnection(actor, (actor + other(members, random)) % members);
      case 6 -> new Block(actor, (actor + anyone(members, random)) % members);
      case 7 -> new Unblock(actor, (actor + other(members, random)) % members);
      case 8 -> {
        WhoCanFollow whoCanFollow = WhoCanFollow.values()[random.nextInt(WhoCanFollow.values().length)];
        WhoCanInvite whoCanInvite = switch (weighted(random, 2, 1, 1)) {
          case 0 -> WhoCanInvite.EVERYONE;
          case 1 -> WhoCanInvite.EMAIL;
          default -> WhoCanInvite.NOBODY;
        };
        yield new Settings(actor, whoCanFollow, whoCanInvite);
      }
      default -> new Advance(duration(random));
    };
  }

  /** An offset from the actor to another member: 1..members-1. */
  private static int other(int members, RandomGenerator random) {
    return random.nextInt(1, members);
  }

  /** An offset from the actor to anyone, the actor itself (0) one time in 13. */
  private static int anyone(int members, RandomGenerator random) {
    return weighted(random, 1, 12) == 0 ? 0 : other(members, random);
  }

  /** Minutes to hours to days, up to 10 days; whole hours and days land on window edges. */
  private static Duration duration(RandomGenerator random) {
    return switch (random.nextInt(3)) {
      case 0 -> Duration.ofMinutes(random.nextInt(1, 181));
      case 1 -> Duration.ofHours(random.nextInt(1, 49));
      default -> Duration.ofDays(random.nextInt(1, 11));
    };
  }

  /** The index of a choice drawn with these weights. */
  private static int weighted(RandomGenerator random, int... weights) {
    int total = 0;
    for (int weight : weights) {
      total += weight;
    }
    int draw = random.nextInt(total);
    for (int i = 0; ; i++) {
      draw -= weights[i];
      if (draw < 0) {
        return i;
      }
    }
  }
}
