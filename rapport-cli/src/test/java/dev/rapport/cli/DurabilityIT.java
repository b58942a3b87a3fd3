package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.Rapport;
import dev.rapport.connection.ConnectedMember;
import dev.rapport.model.Handle;
import dev.rapport.model.Member;
import dev.rapport.model.Page;
import dev.rapport.model.PageRequest;
import dev.rapport.store.Store;
import dev.rapport.store.sql.SqliteStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An acknowledged write survives the process being killed (DESIGN decision 3: SQLite with
 * {@code synchronous=FULL}, an acknowledged write is durable).
 *
 * <p>The packaged service runs as its own process on the default SQLite store. Several client
 * threads follow, invite and accept over HTTP and record every write the service acknowledged with
 * a 2xx. Once enough are acknowledged, and while the clients are still writing, the process is
 * killed with SIGKILL, so it gets no chance to flush or close anything. A new process on the same
 * data directory must then show every acknowledged write, and, after more writes, answer every list
 * as the store does.
 */
class DurabilityIT {
  private static final String ADMIN_TOKEN = "durability-admin-token";
  private static final int MEMBERS = 24;
  private static final int CLIENTS = 6;
  /** Acknowledged writes before the kill; the workload holds several times more. */
  private static final int KILL_AFTER = 150;
  private static final int SIGKILL_EXIT = 128 + 9;
  private static final List<String> LISTS = List.of("following", "followers", "connections");

  /** One acknowledged write: {@code from} acted on {@code to}. */
  private record Ack(Kind kind, int from, int to, String invitationId) {}

  private enum Kind {
    FOLLOW,
    INVITE,
    ACCEPT
  }

  private static String handle(int i) {
    return "member-%02d".formatted(i);
  }

  @Test
  void acknowledgedWrites_surviveSigkill(@TempDir Path tmp) throws Exception {
    Path data = tmp.resolve("data");
    Map<Integer, String> tokens = new HashMap<>();
    Queue<Ack> acks = new ConcurrentLinkedQueue<>();
    Queue<String> refusals = new ConcurrentLinkedQueue<>();
    int planned;
    Map<String, Set<String>> remembered;

    try (ServiceProcess first = ServiceProcess.serve(data, ADMIN_TOKEN).awaitHealthy()) {
      Api api = new Api(first.port());
      for (int i = 0; i < MEMBERS; i++) {
        tokens.put(i, api.createMember(ADMIN_TOKEN, handle(i), "Member " + i));
      }

      // Pair (i, j), i < j: j follows i, i invites j, j accepts. Pairs are dealt round-robin to the
      // clients, so clients contend for the same members but never for the same pair.
      List<List<int[]>> work = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        work.add(new ArrayList<>());
      }
      int n = 0;
      for (int i = 0; i < MEMBERS; i++) {
        for (int j = i + 1; j < MEMBERS; j++) {
          work.get(n++ % CLIENTS).add(new int[] {i, j});
        }
      }
      planned = 3 * n;

      CountDownLatch killPoint = new CountDownLatch(KILL_AFTER);
      AtomicBoolean killed = new AtomicBoolean();
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      List<Future<?>> running = new ArrayList<>();
      for (List<int[]> pairs : work) {
        running.add(clients.submit(() -> {
          write(api, tokens, pairs, acks, refusals, killPoint, killed);
          return null;
        }));
      }

      assertThat(killPoint.await(120, TimeUnit.SECONDS))
          .as("%d writes acknowledged within 120 s (got %d)", KILL_AFTER, acks.size()).isTrue();
      ProcessHandle handle = first.process().toHandle();
      killed.set(true);
      first.process().destroyForcibly();
      assertThat(first.exitsWithin(Duration.ofSeconds(30))).isTrue();
      assertThat(handle.isAlive()).isFalse();
      assertThat(first.process().exitValue()).as("killed by SIGKILL").isEqualTo(SIGKILL_EXIT);

      clients.shutdown();
      assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
      for (Future<?> client : running) {
        client.get(); // rethrows a client's unexpected failure
      }
    }
    assertThat(refusals).as("writes the service refused before the kill").isEmpty();
    assertThat(acks.size()).as("the kill came mid-stream").isBetween(KILL_AFTER, planned - 1);

    try (ServiceProcess second = ServiceProcess.serve(data, ADMIN_TOKEN).awaitHealthy()) {
      Api api = new Api(second.port());
      assertThat(api.ok("GET", "/health", null, null)).isNotNull();

      Map<Integer, Set<String>> following = new HashMap<>();
      Map<Integer, Set<String>> connections = new HashMap<>();
      Map<Integer, Set<String>> received = new HashMap<>();
      for (int i = 0; i < MEMBERS; i++) {
        String token = tokens.get(i);
        following.put(i, handles(api.all("/v1/members/" + handle(i) + "/following", token)));
        connections.put(i, handles(api.all("/v1/members/" + handle(i) + "/connections", token)));
        received.put(i, invitationIds(api.all("/v1/me/invitations?box=received", token)));
      }

      for (Ack ack : acks) {
        switch (ack.kind()) {
          case FOLLOW -> assertThat(following.get(ack.from()))
              .as("acknowledged follow %s -> %s", handle(ack.from()), handle(ack.to()))
              .contains(handle(ack.to()));
          case INVITE -> assertThat(received.get(ack.to()).contains(ack.invitationId())
                  || connections.get(ack.from()).contains(handle(ack.to())))
              .as("acknowledged invitation %s from %s to %s is pending or accepted",
                  ack.invitationId(), handle(ack.from()), handle(ack.to()))
              .isTrue();
          case ACCEPT -> assertThat(connections.get(ack.from()))
              .as("acknowledged accept by %s of %s", handle(ack.from()), handle(ack.to()))
              .contains(handle(ack.to()));
        }
      }
      System.out.printf("DurabilityIT: %d of %d planned writes acknowledged before SIGKILL; all present after restart%n",
          acks.size(), planned);

      // What the restarted service remembers (docs/decisions/0012) must stay the store's answer:
      // every list is read once into its memory, some change, and all are read again.
      lists(api, tokens);
      for (int i = 0; i + 1 < MEMBERS; i += 3) {
        api.send("DELETE", "/v1/me/following/" + handle(i + 1), tokens.get(i), null);
        api.send("DELETE", "/v1/me/connections/" + handle(i + 2), tokens.get(i + 1), null);
      }
      remembered = lists(api, tokens);
    }
    assertThat(remembered).as("the restarted service's answers, after more writes")
        .isEqualTo(storeLists(data.resolve("rapport.db"), tokens));
  }

  /** Each member's own following, followers and connections, as the service answers them. */
  private static Map<String, Set<String>> lists(Api api, Map<Integer, String> tokens) throws IOException {
    Map<String, Set<String>> lists = new TreeMap<>();
    for (int i = 0; i < MEMBERS; i++) {
      for (String list : LISTS) {
        lists.put(handle(i) + " " + list, handles(api.all("/v1/members/" + handle(i) + "/" + list, tokens.get(i))));
      }
    }
    return lists;
  }

  /** The same lists from the store, read by an engine that remembers nothing. */
  private static Map<String, Set<String>> storeLists(Path db, Map<Integer, String> tokens) {
    Map<String, Set<String>> lists = new TreeMap<>();
    try (Store store = SqliteStore.open(db)) {
      Rapport rapport = Rapport.builder().store(store).cachedMembers(0).logReadEvery(Duration.ZERO).build();
      for (int i = 0; i < MEMBERS; i++) {
        long me = rapport.authenticate(tokens.get(i)).orElseThrow().id();
        Handle handle = Handle.of(handle(i));
        lists.put(handle(i) + " following", everyHandle(page -> rapport.following(me, handle, page)));
        lists.put(handle(i) + " followers", everyHandle(page -> rapport.followers(me, handle, page)));
        lists.put(handle(i) + " connections", everyHandle(page -> {
          Page<ConnectedMember> connections = rapport.connections(me, handle, page);
          return new Page<>(connections.items().stream().map(ConnectedMember::member).toList(), connections.next());
        }));
      }
    }
    return lists;
  }

  private static Set<String> everyHandle(Function<PageRequest, Page<Member>> list) {
    Set<String> handles = new HashSet<>();
    Optional<String> cursor = Optional.empty();
    do {
      Page<Member> page = list.apply(new PageRequest(PageRequest.MAX_LIMIT, cursor));
      page.items().forEach(m -> handles.add(m.handle().value()));
      cursor = page.next();
    } while (cursor.isPresent());
    return handles;
  }

  /**
   * One client's share of the workload. It stops at the first request the service does not answer
   * once the service was killed; before that, no answer is an error.
   */
  private static void write(Api api, Map<Integer, String> tokens, List<int[]> pairs, Queue<Ack> acks,
      Queue<String> refusals, CountDownLatch killPoint, AtomicBoolean killed) throws IOException {
    try {
      for (int[] pair : pairs) {
        int i = pair[0];
        int j = pair[1];
        Api.Response followed = api.send("PUT", "/v1/me/following/" + handle(i), tokens.get(j), null);
        if (followed.ok()) {
          acknowledge(acks, killPoint, new Ack(Kind.FOLLOW, j, i, null));
        } else {
          refusals.add("follow %d -> %d: %s".formatted(j, i, followed));
        }
        Api.Response sent = api.send("POST", "/v1/invitations", tokens.get(i), Map.of("to", handle(j)));
        if (!sent.ok()) {
          refusals.add("invite %d -> %d: %s".formatted(i, j, sent));
          continue;
        }
        String id = sent.body().path("invitation").path("id").asText();
        acknowledge(acks, killPoint, new Ack(Kind.INVITE, i, j, id));
        Api.Response accepted = api.send("POST", "/v1/invitations/" + id + "/accept", tokens.get(j), null);
        if (accepted.ok()) {
          acknowledge(acks, killPoint, new Ack(Kind.ACCEPT, j, i, id));
        } else {
          refusals.add("accept %s by %d: %s".formatted(id, j, accepted));
        }
      }
    } catch (IOException e) {
      if (!killed.get()) {
        throw e;
      }
    }
  }

  private static void acknowledge(Queue<Ack> acks, CountDownLatch killPoint, Ack ack) {
    acks.add(ack);
    killPoint.countDown();
  }

  private static Set<String> handles(List<JsonNode> members) {
    Set<String> handles = new HashSet<>();
    members.forEach(m -> handles.add(m.path("handle").asText()));
    return handles;
  }

  private static Set<String> invitationIds(List<JsonNode> invitations) {
    Set<String> ids = new HashSet<>();
    invitations.forEach(i -> ids.add(i.path("id").asText()));
    return ids;
  }
}
