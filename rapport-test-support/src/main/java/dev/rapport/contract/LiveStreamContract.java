package dev.rapport.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.Rapport;
import dev.rapport.invitation.SendInvitation;
import dev.rapport.live.LiveEvent;
import dev.rapport.live.LiveStream;
import dev.rapport.member.NewMember;
import dev.rapport.messaging.SentMessage;
import dev.rapport.model.Handle;
import dev.rapport.model.PageRequest;
import dev.rapport.problem.InvalidInputException;
import dev.rapport.store.Store;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * NT2's live stream on a real store, through engines that share it as servers sharing a database
 * do: each has its own follower of the log; one that starts later is a server after a restart
 * (docs/decisions/0036-the-live-stream-follows-the-log.md); messages and receipts on it
 * (docs/decisions/0040-messages-and-receipts-on-the-live-stream.md).
 */
public abstract class LiveStreamContract {
  private static final Duration WAIT = Duration.ofSeconds(5);

  /** A fresh, empty store. The suite closes it. */
  protected abstract Store openStore();

  private Store store;
  private final List<Rapport> engines = new ArrayList<>();

  @BeforeEach
  void setUp() {
    store = openStore();
  }

  @AfterEach
  void tearDown() {
    engines.forEach(e -> e.live().close());
    store.close();
  }

  /** An engine on the shared store, as one server is. */
  private Rapport server() {
    Rapport engine = Rapport.builder().store(store).liveReadEvery(Duration.ofMillis(20))
        .liveStreamsOn(task -> Thread.ofVirtual().start(task)).build();
    engines.add(engine);
    return engine;
  }

  private static long member(Rapport engine, String handle) {
    return engine.createMember(NewMember.person(handle, "Member " + handle)).member().id();
  }

  /** Everything the stream gives until it has given {@code count} events, or fails after {@link #WAIT}. */
  private static List<LiveEvent> take(LiveStream stream, int count) throws InterruptedException {
    List<LiveEvent> taken = new ArrayList<>();
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (taken.size() < count && System.nanoTime() < deadline) {
      taken.addAll(stream.next(Duration.ofMillis(50)));
    }
    assertThat(taken).as("events within " + WAIT).hasSizeGreaterThanOrEqualTo(count);
    return taken;
  }

  private static List<String> actors(List<LiveEvent> events) {
    return events.stream().map(e -> ((LiveEvent.Notified) e).notification().actor().handle().value()).toList();
  }

  @Test
  void NT2_aStream_getsWhatAnotherServerWrites() throws Exception {
    Rapport a = server();
    Rapport b = server();
    long ada = member(b, "ada");
    long bob = member(b, "bob");
    try (LiveStream stream = a.live().open(ada, OptionalLong.empty(), () -> true)) {
      b.follow(bob, Handle.of("ada"));

      List<LiveEvent> events = take(stream, 1);

      assertThat(actors(events)).containsExactly("bob");
      assertThat(events.getFirst().position()).isGreaterThan(stream.startPosition());
    }
  }

  @Test
  void NT2_resumingOnAnotherServer_orAfterARestart_givesExactlyTheMissedOnes() throws Exception {
    Rapport a = server();
    long ada = member(a, "ada");
    List<Long> fans = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      fans.add(member(a, "fan-" + i));
    }
    long last;
    try (LiveStream stream = a.live().open(ada, OptionalLong.empty(), () -> true)) {
      a.follow(fans.get(0), Handle.of("ada"));
      last = take(stream, 1).getLast().position();
    }
    Rapport b = server();
    b.follow(fans.get(1), Handle.of("ada"));
    a.follow(fans.get(2), Handle.of("ada"));
    a.notifications().markRead(ada, OptionalLong.empty());
    b.follow(fans.get(3), Handle.of("ada"));

    Rapport restarted = server();
    try (LiveStream stream = restarted.live().open(ada, OptionalLong.of(last), () -> true)) {
      List<LiveEvent> resumed = take(stream, 4);
      assertThat(resumed).extracting(LiveEvent::position).isSorted().doesNotHaveDuplicates()
          .allSatisfy(p -> assertThat(p).isGreaterThan(last));
      assertThat(resumed.get(2)).isInstanceOfSatisfying(LiveEvent.Logged.class,
          l -> assertThat(l.name()).isEqualTo("notifications-read"));
      resumed.remove(2);
      assertThat(actors(resumed)).containsExactly("fan-1", "fan-2", "fan-3");
      assertThat(stream.next(Duration.ofMillis(300))).as("nothing more").isEmpty();

      b.follow(fans.get(4), Handle.of("ada"));
      assertThat(actors(take(stream, 1))).containsExactly("fan-4");
    }
  }

  @Test
  void NT2_underConcurrentWriters_eachNotificationArrivesOnce_inLogOrder() throws Exception {
    Rapport a = server();
    Rapport b = server();
    long ada = member(a, "ada");
    int writers = 24;
    List<Long> fans = new ArrayList<>();
    for (int i = 0; i < writers; i++) {
      fans.add(member(a, "fan-" + i));
    }
    try (LiveStream stream = a.live().open(ada, OptionalLong.empty(), () -> true);
        ExecutorService pool = Executors.newFixedThreadPool(8)) {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        Rapport through = i % 2 == 0 ? a : b;
        long fan = fans.get(i);
        done.add(pool.submit(() -> {
          go.await();
          return through.follow(fan, Handle.of("ada"));
        }));
      }
      go.countDown();
      for (Future<?> f : done) {
        f.get();
      }

      List<LiveEvent> events = take(stream, writers);

      assertThat(events).hasSize(writers);
      assertThat(events).extracting(LiveEvent::position).isSorted().doesNotHaveDuplicates();
      assertThat(events).extracting(e -> ((LiveEvent.Notified) e).notification().notification().id())
          .containsExactlyInAnyOrderElementsOf(a.notifications().list(ada, PageRequest.first(100)).items().stream()
              .map(n -> n.notification().id()).toList());
      assertThat(stream.next(Duration.ofMillis(200))).isEmpty();
    }
  }

  private static void connect(Rapport engine, long from, String to, long toId) {
    engine.invitations().accept(toId, engine.invitations().invite(from, new SendInvitation(Handle.of(to), Optional.empty(), Optional.empty()))
        .invitation().id());
  }

  /** What the stream gives until it is quiet for 300 ms. */
  private static List<LiveEvent> drain(LiveStream stream) throws InterruptedException {
    List<LiveEvent> all = new ArrayList<>();
    for (List<LiveEvent> got = stream.next(Duration.ofMillis(300)); !got.isEmpty();
        got = stream.next(Duration.ofMillis(300))) {
      all.addAll(got);
    }
    return all;
  }

  private static List<String> texts(List<LiveEvent> events) {
    return events.stream().filter(LiveEvent.Messaged.class::isInstance)
        .map(e -> ((LiveEvent.Messaged) e).message().text()).toList();
  }

  @Test
  void MS4_aMessage_reachesBothSides_aReceiptTheSender_andResumingGivesExactlyTheMissedOnes_withoutWhatABlockHides()
      throws Exception {
    Rapport a = server();
    Rapport b = server();
    long ada = member(a, "ada");
    long bob = member(a, "bob");
    long cyd = member(a, "cyd");
    connect(a, bob, "ada", ada);
    connect(a, cyd, "ada", ada);
    long last;
    long conversation;
    try (LiveStream adaStream = a.live().open(ada, OptionalLong.empty(), () -> true);
        LiveStream bobStream = a.live().open(bob, OptionalLong.empty(), () -> true)) {
      SentMessage sent = b.messaging().send(bob, Handle.of("ada"), "one");
      conversation = sent.conversation().id();

      List<LiveEvent> received = take(adaStream, 2);
      assertThat(received).filteredOn(e -> !(e instanceof LiveEvent.Notified)).as("and its notification")
          .singleElement().isInstanceOfSatisfying(LiveEvent.Messaged.class,
          m -> assertThat(m.message().id()).isEqualTo(sent.message().id()));
      assertThat(take(bobStream, 1)).as("the sender's other tab").singleElement()
          .isInstanceOfSatisfying(LiveEvent.Messaged.class, m -> assertThat(m.message().id())
              .isEqualTo(sent.message().id()));
      last = received.getLast().position();

      b.messaging().read(ada, conversation, Optional.empty());
      assertThat(take(bobStream, 1)).singleElement().isInstanceOfSatisfying(LiveEvent.Read.class, r -> {
        assertThat(r.by().id()).isEqualTo(ada);
        assertThat(r.conversationId()).isEqualTo(conversation);
        assertThat(r.upToMessageId()).isEqualTo(sent.message().id());
      });
      assertThat(texts(drain(adaStream))).as("one's own read is not carried back").isEmpty();
    }
    b.messaging().send(bob, conversation, "two");
    a.messaging().send(ada, conversation, "three");
    b.messaging().send(cyd, Handle.of("ada"), "hidden by the block that follows");
    a.block(ada, Handle.of("cyd"));

    Rapport restarted = server();
    try (LiveStream stream = restarted.live().open(ada, OptionalLong.of(last), () -> true)) {
      List<LiveEvent> resumed = drain(stream);
      assertThat(resumed).extracting(LiveEvent::position).isSorted().doesNotHaveDuplicates()
          .allSatisfy(p -> assertThat(p).isGreaterThan(last));
      assertThat(texts(resumed)).containsExactly("two", "three");

      a.messaging().send(bob, conversation, "four");
      assertThat(texts(take(stream, 1))).containsExactly("four");
    }
  }

  @Test
  void NT2_aLastEventIdPastTheLog_opensNothing() {
    Rapport a = server();
    long ada = member(a, "ada");
    long past = store.lastPosition() + 1;

    assertThatThrownBy(() -> a.live().open(ada, OptionalLong.of(past), () -> true))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.type()).isEqualTo("invalid-last-event-id"));
    assertThat(a.live().openStreams()).isZero();
    assertThat(store.lastPosition()).isEqualTo(past - 1);
  }

  @Test
  void NT2_aStreamEnds_whenItsCredentialNoLongerHolds_afterARevocation() throws Exception {
    Rapport a = server();
    long ada = member(a, "ada");
    var token = a.accounts().createToken(ada, "laptop", Duration.ofDays(30));
    AtomicBoolean valid = new AtomicBoolean(true);
    try (LiveStream stream = a.live().open(ada, OptionalLong.empty(), valid::get)) {
      valid.set(false);
      a.accounts().revokeToken(ada, token.issued().id());
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (stream.isOpen() && System.nanoTime() < deadline) {
        stream.next(Duration.ofMillis(50));
      }
      assertThat(stream.isOpen()).isFalse();
      assertThat(stream.endReason()).contains("revoked");
    }
  }
}
