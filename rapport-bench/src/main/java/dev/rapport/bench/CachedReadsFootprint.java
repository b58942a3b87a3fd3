package dev.rapport.bench;

import dev.rapport.Rapport;
import dev.rapport.importing.NetworkImport;
import dev.rapport.member.NewMember;
import dev.rapport.model.Handle;
import dev.rapport.model.PageRequest;
import dev.rapport.store.Store;
import dev.rapport.store.sql.SqliteStore;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * How much heap the query answers a {@code Rapport} remembers take per member (docs/decisions/0012):
 * imports a random network of {@code members} members into a temporary SQLite file, then views
 * every member's profile (the member by handle included) as a random viewer, then every member's
 * first page of 20 connections as they see it, and prints the live heap each of the two adds, per member. Usage: {@code java -cp benchmarks.jar
 * dev.rapport.bench.CachedReadsFootprint [members] [connections per member]}.
 */
public final class CachedReadsFootprint {
  private CachedReadsFootprint() {}

  public static void main(String[] args) throws Exception {
    int members = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
    int degree = args.length > 1 ? Integer.parseInt(args[1]) : 40;
    Path dir = Files.createTempDirectory("rapport-footprint");
    try (Store store = SqliteStore.open(dir.resolve("rapport.db"))) {
      NetworkImport network = new NetworkImport();
      for (int i = 0; i < members; i++) {
        network.person(NewMember.person(handle(i), "Member number " + i));
      }
      SplittableRandom random = new SplittableRandom(12);
      for (long c = 0; c < (long) members * degree / 2; c++) {
        int a = random.nextInt(members);
        int b = random.nextInt(members);
        if (a != b) {
          network.connect(a, b);
        }
      }
      Rapport rapport = Rapport.builder().store(store).cachedMembers(Long.MAX_VALUE).build();
      rapport.importNetwork(network);
      long[] ids = new long[members];
      long before = liveHeap();
      for (int i = 0; i < members; i++) {
        ids[i] = rapport.member(Handle.of(handle(i))).orElseThrow().id();
      }
      for (int i = 0; i < members; i++) {
        rapport.profile(ids[random.nextInt(members)], Handle.of(handle(i)));
      }
      long profiles = liveHeap();
      for (int i = 0; i < members; i++) {
        rapport.connections(ids[i], Handle.of(handle(i)), PageRequest.first(20)); // their own: a full page
      }
      long pages = liveHeap();
      System.out.printf("%,d members, %,d connections: a profile view remembers %,d bytes per member; "
          + "a first page of 20 connections %,d bytes more%n", members, network.connectionCount(),
          (profiles - before) / members, (pages - profiles) / members);
      System.out.println(rapport.policy() != null ? "" : "-"); // keeps the engine reachable until here
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static String handle(int i) {
    return "member-" + i;
  }

  private static long liveHeap() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
