package dev.rapport.bench;

import dev.rapport.Rapport;
import dev.rapport.kernel.Policy;
import dev.rapport.member.NewMember;
import dev.rapport.member.ProfileUpdate;
import dev.rapport.messaging.ConversationView;
import dev.rapport.model.Handle;
import dev.rapport.model.MemberKind;
import dev.rapport.model.Page;
import dev.rapport.model.PageRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The first page (20) of the conversations of a member who has 10,000 (issue 18: p99 at most 2 ms),
 * newest first with unread counts and the newest message, through the {@link Rapport} facade on
 * each store ({@code rapport}: remembered until an event names the member, decision 0012), and
 * read from the store itself as the facade does when it has not remembered it ({@code store}: the
 * page's one query and its members), and through the facade right after an event that names the member
 * ({@code after-message}: before each read, untimed, a writer far down the list writes to the member,
 * the member reads that conversation, or replies, in turn; the page catches up from memory,
 * docs/decisions/0044-the-conversation-page-patches-itself.md). Each conversation is an Open Profile request to the member and
 * a reply to every other one, so that half of them have unread messages. Beside it, in the same run on PostgreSQL, the plain-SQL peer
 * ({@code engine=sql-plain}): the same messages in one table of sender, recipient and a read flag,
 * the page found by grouping the member's messages by the other member, as an application without
 * a side table per member would.
 *
 * <p>Run: {@code ./mvnw -q -pl rapport-bench -am package -DskipTests && java -jar
 * rapport-bench/target/benchmarks.jar ConversationList}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xmx2g"})
// A read after a message runs a few hundred times a second (each waits for a durable command): it needs
// tens of seconds of warmup before the compiler has compiled its path.
@Warmup(iterations = 4, time = 10)
@Measurement(iterations = 3, time = 10)
public class ConversationListBenchmark {
  static final int CONVERSATIONS = 10_000;
  static final int PAGE = 20;
  private static final String PEER_PAGE = """
      SELECT g.other, g.last, g.unread, m.text, m.sent_at FROM (
        SELECT CASE WHEN sender_id = ? THEN recipient_id ELSE sender_id END AS other, max(id) AS last,
               count(*) FILTER (WHERE recipient_id = ? AND NOT read) AS unread
          FROM peer_messages WHERE sender_id = ? OR recipient_id = ?
          GROUP BY 1 ORDER BY 2 DESC LIMIT ?) g
      JOIN peer_messages m ON m.id = g.last ORDER BY g.last DESC
      """;

  @Param({"sqlite:rapport", "sqlite:after-message", "sqlite:store", "postgres:rapport", "postgres:after-message",
      "postgres:store", "postgres:sql-plain"})
  public String engine;

  BenchStores stores;
  Rapport rapport;
  long member;
  Connection peer;
  PreparedStatement peerPage;
  /** Whether to read the page from the store itself, as the facade does when it has not remembered it. */
  boolean store;
  /** Whether each read comes right after a message to the member, their read of it, or their reply. */
  boolean afterMessage;
  private int changes;
  private long lastConversation;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    String[] parts = engine.split(":");
    stores = BenchStores.open(parts[0]);
    rapport = Rapport.builder().store(stores.store()).policy(Policy.defaults()).build();
    member = rapport.createMember(new NewMember(Handle.of("busy-member"), MemberKind.PERSON, "Busy Member", "",
        Optional.empty(), Optional.of("premium"))).member().id();
    ProfileUpdate none = ProfileUpdate.none();
    rapport.updateMe(member, new ProfileUpdate(none.name(), none.headline(), none.followPrimary(),
        none.whoCanFollow(), none.whoCanInvite(), none.connectionsVisibility(), Optional.of(true),
        none.followsVisibility()));
    store = parts[1].equals("store");
    afterMessage = parts[1].equals("after-message");
    if (!parts[1].equals("sql-plain")) {
      fill();
    } else {
      peer = DriverManager.getConnection(stores.postgresUrl());
      fillPeer();
      peerPage = peer.prepareStatement(PEER_PAGE);
    }
  }

  /** 10,000 members write to the busy member, who replies to every other one; 8 at a time. */
  private void fill() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> done = new ArrayList<>();
    for (int i = 0; i < CONVERSATIONS; i++) {
      int n = i;
      done.add(pool.submit(() -> {
        String handle = "writer-%05d".formatted(n);
        long writer = rapport.createMember(NewMember.person(handle, "Writer " + n)).member().id();
        rapport.messaging().send(writer, Handle.of("busy-member"), "Hello, a question about your talk " + n);
        if (n % 2 == 0) {
          rapport.messaging().send(member, Handle.of(handle), "Thanks for writing, " + n);
        }
      }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    // A live server's log moves on: an event that names someone else, after the member's last, as
    // any other member's action would be (a remembered answer is made as of the event before the newest).
    long someone = rapport.createMember(NewMember.person("someone-else", "Someone Else")).member().id();
    rapport.follow(someone, Handle.of("writer-00001"));
    System.out.printf("%nconversations of the member: first page of %d%n",
        rapport.messaging().conversations(member, PageRequest.first(PAGE)).items().size());
  }

  private void fillPeer() throws SQLException {
    try (Statement s = peer.createStatement()) {
      s.execute("CREATE TABLE peer_messages (id BIGSERIAL PRIMARY KEY, sender_id BIGINT NOT NULL, "
          + "recipient_id BIGINT NOT NULL, text TEXT NOT NULL, sent_at BIGINT NOT NULL, read BOOLEAN NOT NULL)");
      s.execute("CREATE INDEX peer_messages_by_sender ON peer_messages (sender_id, recipient_id, id)");
      s.execute("CREATE INDEX peer_messages_by_recipient ON peer_messages (recipient_id, sender_id, id)");
      s.execute("INSERT INTO peer_messages (sender_id, recipient_id, text, sent_at, read) SELECT 1000 + n, 1, "
          + "'Hello, a question about your talk ' || n, n, n % 2 = 0 FROM generate_series(0, 9999) n");
      s.execute("INSERT INTO peer_messages (sender_id, recipient_id, text, sent_at, read) SELECT 1, 1000 + n, "
          + "'Thanks for writing, ' || n, 20000 + n, false FROM generate_series(0, 9999, 2) n");
      s.execute("VACUUM ANALYZE peer_messages");
    }
  }

  /**
   * Untimed, before each read: in turn, a writer who had a reply (so may write freely) writes, far
   * down the member's list; the member reads that conversation; the member replies.
   */
  @Setup(Level.Invocation)
  public void change() {
    if (!afterMessage) {
      return;
    }
    int writer = (int) (changes / 3 * 7_919L % (CONVERSATIONS / 2)) * 2;
    String handle = "writer-%05d".formatted(writer);
    switch (changes++ % 3) {
      case 0 -> lastConversation = rapport.messaging().send(rapport.member(Handle.of(handle)).orElseThrow().id(),
          Handle.of("busy-member"), "One more question, " + changes).conversation().id();
      case 1 -> rapport.messaging().read(member, lastConversation, Optional.empty());
      default -> rapport.messaging().send(member, Handle.of(handle), "An answer, " + changes);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    if (peer != null) {
      peer.close();
    }
    stores.close();
  }

  @Benchmark
  public Object firstPage() throws SQLException {
    if (store) {
      var page = stores.store().messaging().conversationsOf(member, PageRequest.first(PAGE));
      return stores.store().members(page.items().stream().map(s -> s.side().otherId()).toList());
    }
    if (peerPage == null) {
      Page<ConversationView> page = rapport.messaging().conversations(member, PageRequest.first(PAGE));
      return page;
    }
    for (int p = 1; p <= 4; p++) {
      peerPage.setLong(p, 1);
    }
    peerPage.setInt(5, PAGE);
    int rows = 0;
    try (ResultSet rs = peerPage.executeQuery()) {
      while (rs.next()) {
        rows += rs.getInt(3);
      }
    }
    return rows;
  }
}
