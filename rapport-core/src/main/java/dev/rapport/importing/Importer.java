package dev.rapport.importing;

import dev.rapport.kernel.Decision;
import dev.rapport.kernel.Effects;
import dev.rapport.kernel.IdGenerator;
import dev.rapport.kernel.PairTies;
import dev.rapport.kernel.Policy;
import dev.rapport.member.NewMember;
import dev.rapport.model.Handle;
import dev.rapport.model.Member;
import dev.rapport.model.MemberPair;
import dev.rapport.store.Store;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs an import through the store: first the people, then the connections, each a batch at a time.
 * A batch is one command ({@link Store#run}): it reads the state it decides on, and its commit,
 * with every change's event, is atomic and durable.
 *
 * <p>Batches are large because a batch costs the store one transaction and one flush, and an
 * import's connections change most pages of the connection and follow indexes whatever the batch
 * size (docs/decisions/0004). 100,000 connections make up to 300,000 changes and as many events,
 * about 100 MB of heap while the batch is written.
 */
public final class Importer {
  private static final int PEOPLE_PER_BATCH = 10_000;
  private static final int CONNECTIONS_PER_BATCH = 100_000;

  private Importer() {}

  /**
   * Imports the network, as {@link dev.rapport.Rapport#importNetwork} describes.
   *
   * @param clock the time of the new members, connections and events
   */
  public static ImportReport run(NetworkImport network, Store store, Policy policy, InstantSource clock,
      IdGenerator ids) {
    return run(network, store, policy, clock, ids, PEOPLE_PER_BATCH, CONNECTIONS_PER_BATCH);
  }

  static ImportReport run(NetworkImport network, Store store, Policy policy, InstantSource clock, IdGenerator ids,
      int peoplePerBatch, int connectionsPerBatch) {
    long[] memberIds = new long[network.peopleCount()];
    int membersCreated = 0;
    List<NewMember> people = network.people();
    for (int from = 0; from < people.size(); from += peoplePerBatch) {
      List<NewMember> batch = people.subList(from, Math.min(people.size(), from + peoplePerBatch));
      List<Handle> handles = batch.stream().map(NewMember::handle).toList();
      ImportRules.MembersDone done = result(store.run(reads -> ImportRules.members(batch,
          reads.membersWithHandles(handles), policy, effects(clock, ids))));
      System.arraycopy(done.ids(), 0, memberIds, from, batch.size());
      membersCreated += done.created();
    }

    int created = 0;
    int existing = 0;
    int accepted = 0;
    Map<SkipReason, Integer> skipped = new EnumMap<>(SkipReason.class);
    for (int from = 0; from < network.connectionCount(); from += connectionsPerBatch) {
      int to = Math.min(network.connectionCount(), from + connectionsPerBatch);
      List<ImportRules.Link> links = new ArrayList<>(to - from);
      Set<Long> memberSet = new HashSet<>();
      for (int c = from; c < to; c++) {
        long a = memberIds[network.end(c, 0)];
        long b = memberIds[network.end(c, 1)];
        links.add(new ImportRules.Link(a, b, network.since(c)));
        memberSet.add(a);
        memberSet.add(b);
      }
      // Members first, then what ties them (the order StoreReads#ties asks for).
      ImportRules.LinksDone done = result(store.run(reads -> {
        Map<Long, Member> members = reads.members(memberSet);
        Map<MemberPair, PairTies> ties = reads.ties(ImportRules.pairsToRead(links, members));
        return ImportRules.connect(links, members, ties, policy, effects(clock, ids));
      }));
      created += done.created();
      existing += done.existing();
      accepted += done.invitationsAccepted();
      done.skipped().forEach((reason, count) -> skipped.merge(reason, count, Integer::sum));
    }
    return new ImportReport(membersCreated, network.peopleCount() - membersCreated, created, existing, accepted,
        skipped);
  }

  /** Stores keep milliseconds; deciding at that precision makes what is written equal what is read back. */
  private static Effects effects(InstantSource clock, IdGenerator ids) {
    return new Effects(clock.instant().truncatedTo(ChronoUnit.MILLIS), ids);
  }

  private static <R> R result(Decision<R> decision) {
    return decision.result().orElseThrow();
  }
}
