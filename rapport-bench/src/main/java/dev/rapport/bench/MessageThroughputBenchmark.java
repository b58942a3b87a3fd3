package dev.rapport.bench;

import dev.rapport.Rapport;
import dev.rapport.invitation.SendInvitation;
import dev.rapport.member.NewMember;
import dev.rapport.messaging.SentMessage;
import dev.rapport.model.Handle;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Durable messages per second from 8 concurrent senders through the {@link Rapport} facade (issue
 * 18): each sender writes to its own 50 connections in turn, so every message reads the pair and the
 * conversation, decides (MS1) and commits the message, both sides of the conversation and its event,
 * acknowledged only once the disk has it. The setup and the teardown print the disk's
 * {@code fdatasync} latency in the same run ({@link DurableWritesBenchmark}), as {@link CommitThroughputBenchmark}
 * does.
 *
 * <p>Run: {@code ./mvnw -q -pl rapport-bench -am package -DskipTests && java -jar
 * rapport-bench/target/benchmarks.jar MessageThroughput -p store=sqlite,postgres}
 */
public class MessageThroughputBenchmark extends DurableWritesBenchmark {
  static final int CONNECTIONS_PER_SENDER = 50;
  private static final String TEXT = "Are you free on Thursday to go through the streaming retro? Happy to bring the "
      + "latency charts.";

  long[] senders;
  final AtomicInteger nextSender = new AtomicInteger();

  @Override
  void populate(int writers) {
    senders = new long[writers];
    for (int s = 0; s < senders.length; s++) {
      senders[s] = rapport.createMember(NewMember.person(sender(s), "Sender " + s)).member().id();
      for (int c = 0; c < CONNECTIONS_PER_SENDER; c++) {
        long other = rapport.createMember(NewMember.person(recipient(s, c), "Recipient " + c)).member().id();
        long invitation = rapport.invitations().invite(senders[s], new SendInvitation(Handle.of(recipient(s, c)), Optional.empty(),
            Optional.empty())).invitation().id();
        rapport.invitations().accept(other, invitation);
      }
    }
  }

  static String sender(int s) {
    return "sender-%02d".formatted(s);
  }

  static String recipient(int s, int c) {
    return "recipient-%02d-%03d".formatted(s, c);
  }

  /** One sender, writing to its connections in turn. */
  @State(Scope.Thread)
  public static class Sender {
    int index;
    int next;
    Handle[] to;

    @Setup(Level.Trial)
    public void claim(MessageThroughputBenchmark bench) {
      index = bench.nextSender.getAndIncrement();
      to = new Handle[CONNECTIONS_PER_SENDER];
      for (int c = 0; c < to.length; c++) {
        to[c] = Handle.of(recipient(index, c));
      }
    }
  }

  @Benchmark
  public SentMessage send(Sender s) {
    Handle to = s.to[s.next];
    s.next = (s.next + 1) % CONNECTIONS_PER_SENDER;
    return rapport.messaging().send(senders[s.index], to, TEXT);
  }
}
