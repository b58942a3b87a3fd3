package dev.rapport.live;

import dev.rapport.kernel.Event;
import dev.rapport.kernel.EventType;
import dev.rapport.model.Member;
import dev.rapport.problem.InvalidInputException;
import dev.rapport.store.StoreReads;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The live streams of this process (NT2): one follower of the event log fans what it applies out to
 * the open streams of the members it is about, so that no stream polls the store; a stream that
 * resumes reads what it missed from the log once, by the log's index of subjects, and carries on
 * from the follower (docs/decisions/0036-the-live-stream-follows-the-log.md).
 *
 * <p>The follower is told of every event this process applies from the log ({@link #observe}), on
 * whatever thread applies it: after each command here at once, and every {@code pullEvery} for
 * what other servers sharing the store wrote. It queues only events for members with a stream open
 * and hands them out on a thread of its own. Thread safe.
 */
public final class LiveStreams implements AutoCloseable {
  private static final int BATCH = 512;

  private final Supplier<StoreReads> reads;
  private final Runnable pull;
  private final LongSupplier applied;
  private final Duration pullEvery;
  private final Optional<Executor> followerOn;
  private final AtomicLong failures = new AtomicLong();
  private final Map<Long, Set<LiveStream>> byMember = new ConcurrentHashMap<>();
  private final LinkedBlockingQueue<Event> inbox = new LinkedBlockingQueue<>();
  private final TypingRelays typingRelays = new TypingRelays(TypingRelays.EVERY, System::nanoTime);
  /** The newest log position told to {@link #observe}; set before the event is queued or dropped. */
  private volatile long observed;
  private volatile boolean closed;
  private boolean following;

  /**
   * @param reads the store's reads, for what a stream replays and for the notifications it carries
   * @param pull reads the log now, telling {@link #observe} of each event it applies
   * @param applied the log position this process has applied
   * @param pullEvery how often the log is read for other servers' writes while nothing else came
   * @param followerOn where the follower runs, for as long as the streams are open: a thread of its
   *     own (it waits on its queue); without one, no stream can be opened
   */
  public LiveStreams(Supplier<StoreReads> reads, Runnable pull, LongSupplier applied, Duration pullEvery,
      Optional<Executor> followerOn) {
    this.reads = reads;
    this.pull = pull;
    this.applied = applied;
    this.pullEvery = pullEvery;
    this.followerOn = followerOn;
  }

  StoreReads reads() {
    return reads.get();
  }

  /**
   * Told of each event this process applies from the log, in log order, on the thread applying it.
   * Queues it, without waiting, if a stream of the member it is for is open.
   */
  public void observe(Event event) {
    observed = event.seq();
    long member = LiveRoutes.REVOKING.contains(event.type()) ? event.actorId() : LiveRoutes.recipient(event);
    long sender = LiveRoutes.sender(event);
    if ((member != 0 && byMember.containsKey(member)) || (sender != 0 && byMember.containsKey(sender))) {
      inbox.add(event);
    }
  }

  /**
   * Opens a stream of the member's live events. With {@code lastEventId}, it first gives what the
   * log holds for the member after that position (NT2: without loss or duplicates, also after a
   * restart or on another server sharing the store); without, it starts at the log's position now.
   *
   * @param credentialValid whether the token or session the stream was opened with still holds;
   *     asked after each revocation by the member
   * @throws InvalidInputException {@code invalid-last-event-id} if {@code lastEventId} is past the
   *     log's newest position: no stream gave it
   */
  public LiveStream open(long memberId, OptionalLong lastEventId, BooleanSupplier credentialValid) {
    if (closed) {
      throw new IllegalStateException("the live streams are closed");
    }
    if (followerOn.isEmpty()) {
      throw new IllegalStateException("live streams need an executor for their follower: RapportBuilder.liveStreamsOn");
    }
    pull.run();
    observed = Math.max(observed, applied.getAsLong());
    if (lastEventId.isPresent() && lastEventId.getAsLong() > observed
        && lastEventId.getAsLong() > reads().lastPosition()) {
      throw new InvalidInputException("invalid-last-event-id", ("Last-Event-ID %d was not given by a stream: "
          + "the log's newest position is %d").formatted(lastEventId.getAsLong(), reads().lastPosition()),
          Map.of("lastEventId", Long.toString(lastEventId.getAsLong())));
    }
    startFollower();
    // Registered before the start position is read: an event observed after that position is
    // queued for it, and one up to it is replayed; the stream drops what it has twice.
    LiveStream stream = new LiveStream(this, memberId, credentialValid, lastEventId.orElse(Long.MAX_VALUE));
    byMember.computeIfAbsent(memberId, id -> ConcurrentHashMap.newKeySet()).add(stream);
    stream.startAt(lastEventId.isPresent() ? Math.max(lastEventId.getAsLong(), observed) : observed);
    return stream;
  }

  /**
   * MS4: the member is typing to another in a conversation; told at once to the other's open
   * streams, never stored, at most once per {@link TypingRelays#EVERY} per member and conversation
   * (a client tells it on every key). Nothing is told across a block (B2). The caller has checked
   * that the two share the conversation and that the member may see it.
   */
  public void typing(long fromId, long toId, long conversationId) {
    Set<LiveStream> streams = byMember.get(toId);
    if (streams == null || !typingRelays.admit(fromId, conversationId)
        || Arrays.binarySearch(reads().blockedEitherWay(toId), fromId) >= 0) {
      return;
    }
    Member from = reads().members(List.of(fromId)).get(fromId);
    if (from != null) {
      List<LiveEvent> typing = List.of(new LiveEvent.Typing(from, conversationId));
      streams.forEach(s -> s.offer(typing));
    }
  }

  /** How many streams are open (for monitoring). */
  public int openStreams() {
    return byMember.values().stream().mapToInt(Set::size).sum();
  }

  private synchronized void startFollower() {
    if (!following) {
      followerOn.orElseThrow().execute(this::follow);
      following = true;
    }
  }

  /**
   * The follower's loop: hands out what is queued, and reads the log whenever nothing came for a
   * period (writes through this process are applied by their commands, and with them whatever other
   * servers wrote before).
   */
  private void follow() {
    List<Event> batch = new ArrayList<>(BATCH);
    while (!closed) {
      try {
        Event first = inbox.poll(pullEvery.toNanos(), TimeUnit.NANOSECONDS);
        if (first != null) {
          batch.add(first);
          inbox.drainTo(batch, BATCH - 1);
          handOut(batch);
        } else if (!byMember.isEmpty()) {
          pull.run();
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        // A store that fails now may answer later; the streams' clients resume what they miss.
        failures.incrementAndGet();
      } finally {
        batch.clear();
      }
    }
  }

  /** How many times the follower failed to read the store (for monitoring). */
  public long failures() {
    return failures.get();
  }

  private void handOut(List<Event> batch) {
    Map<Long, List<Event>> byRecipient = new LinkedHashMap<>();
    for (Event event : batch) {
      if (LiveRoutes.REVOKING.contains(event.type())) {
        Set<LiveStream> streams = byMember.get(event.actorId());
        if (streams != null) {
          List.copyOf(streams).forEach(LiveStream::checkCredential);
        }
      } else {
        byRecipient.computeIfAbsent(LiveRoutes.recipient(event), id -> new ArrayList<>()).add(event);
        long sender = LiveRoutes.sender(event);
        if (sender != 0 && byMember.containsKey(sender)) {
          byRecipient.computeIfAbsent(sender, id -> new ArrayList<>()).add(event);
        }
      }
    }
    byRecipient.forEach((member, events) -> {
      Set<LiveStream> streams = byMember.get(member);
      if (streams != null) {
        List<LiveEvent> live = LiveRoutes.toLive(reads(), member, events);
        if (!live.isEmpty()) {
          streams.forEach(s -> s.offer(live));
        }
      }
    });
  }

  void remove(LiveStream stream) {
    byMember.computeIfPresent(stream.memberId(), (id, set) -> {
      set.remove(stream);
      return set.isEmpty() ? null : set;
    });
  }

  /** Ends every open stream and stops the follower. */
  @Override
  public void close() {
    closed = true;
    inbox.add(new Event(0, EventType.NOTIFIED, Instant.EPOCH, 0, 0, 0)); // wakes the follower
    byMember.values().stream().flatMap(Set::stream).toList().forEach(s -> s.end("the server is stopping"));
  }
}
