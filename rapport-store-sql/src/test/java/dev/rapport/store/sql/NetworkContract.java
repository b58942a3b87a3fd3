package dev.rapport.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.Rapport;
import dev.rapport.RapportException;
import dev.rapport.invitation.SendInvitation;
import dev.rapport.member.Handle;
import dev.rapport.member.NewMember;
import dev.rapport.network.GraphIndex;
import dev.rapport.network.Network;
import dev.rapport.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The graph index never disagrees with the store: after every committed command the next read of
 * the index reflects it, and an index loaded after a restart is the one that was running.
 */
abstract class NetworkContract {
  private static final int MEMBERS = 12;

  protected abstract String freshDatabase();

  protected abstract Store open(String database);

  @Test
  void theIndex_followsEveryCommit_andARestartRebuildsTheSameIndex() {
    String database = freshDatabase();
    Store store = open(database);
    Rapport rapport = Rapport.builder().store(store).build();
    long[] ids = new long[MEMBERS];
    for (int i = 0; i < MEMBERS; i++) {
      ids[i] = rapport.createMember(NewMember.person("net-" + i, "Member " + i)).member().id();
    }
    // A few connections exist before the index loads, so that loading and the log both count.
    connect(rapport, ids, 0, 1);
    connect(rapport, ids, 1, 2);
    Network network = Network.load(store);
    assertAgrees(network.current(), store, ids);

    SplittableRandom random = new SplittableRandom(2026);
    List<long[]> invitations = new ArrayList<>(); // id and recipient
    int accepted = 0;
    for (int step = 0; step < 300; step++) {
      int a = random.nextInt(MEMBERS);
      int b = random.nextInt(MEMBERS);
      try {
        switch (random.nextInt(5)) {
          case 0, 1 -> invitations.add(new long[] {rapport.invite(ids[a],
              new SendInvitation(Handle.of("net-" + b), Optional.empty(), Optional.empty())).invitation().id(), ids[b]});
          case 2 -> {
            if (!invitations.isEmpty()) {
              long[] invitation = invitations.remove(random.nextInt(invitations.size()));
              rapport.accept(invitation[1], invitation[0]);
              accepted++;
            }
          }
          case 3 -> rapport.removeConnection(ids[a], Handle.of("net-" + b));
          default -> {
            if (random.nextBoolean()) {
              rapport.block(ids[a], Handle.of("net-" + b));
            } else {
              rapport.unblock(ids[a], Handle.of("net-" + b));
            }
          }
        }
      } catch (RapportException refused) {
        // The rules said no; the index must agree with the store either way.
      }
      assertAgrees(network.current(), store, ids);
    }
    GraphIndex running = network.current();
    assertThat(accepted).as("invitations accepted along the way").isGreaterThan(10);
    assertThat(running.connectionCount()).isPositive();
    store.close();

    Store reopened = open(database);
    try {
      GraphIndex rebuilt = Network.load(reopened).current();
      assertThat(rebuilt.connectionCount()).isEqualTo(running.connectionCount());
      for (long id : ids) {
        assertThat(sorted(rebuilt.connectionsOf(id))).as("connections of %d", id).isEqualTo(sorted(running.connectionsOf(id)));
      }
      assertAgrees(rebuilt, reopened, ids);
    } finally {
      reopened.close();
    }
  }

  private static void connect(Rapport rapport, long[] ids, int a, int b) {
    long invitation = rapport.invite(ids[a], new SendInvitation(Handle.of("net-" + b), Optional.empty(), Optional.empty()))
        .invitation().id();
    rapport.accept(ids[b], invitation);
  }

  private static void assertAgrees(GraphIndex index, Store store, long[] ids) {
    for (int i = 0; i < ids.length; i++) {
      for (int j = i + 1; j < ids.length; j++) {
        assertThat(index.connected(ids[i], ids[j])).as("net-%d and net-%d", i, j)
            .isEqualTo(store.pair(ids[i], ids[j]).connected());
      }
    }
  }

  private static TreeSet<Long> sorted(long[] values) {
    TreeSet<Long> set = new TreeSet<>();
    for (long v : values) {
      set.add(v);
    }
    return set;
  }
}
